"""``pathways practitioner ...`` and ``pathways report standards``: the practitioner register
and the standards' figures from the command line, through the same services as the window."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.db import Database
from app.errors import DomainError
from app.models.practitioners import DbsLevel, SupervisionKind


def _level(text: str) -> DbsLevel:
    for level in DbsLevel:
        if text.lower() in (level.value, level.name.lower(), level.name.lower().replace("_", "-")):
            return level
    raise argparse.ArgumentTypeError(
        f"unknown DBS level {text!r}; use one of: basic, standard, enhanced, enhanced-barred")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def add_parsers(sub: Any, report_sub: Any) -> None:
    """Add the ``practitioner`` command and ``report standards`` to the main parser."""
    pr = sub.add_parser("practitioner", help="the practitioner register (coordinators; a "
                        "practitioner sees their own)")
    psub = pr.add_subparsers(dest="practitioner_command", required=True,
                             parser_class=sub._parser_class)
    lst = psub.add_parser("list", help="registration, next check due, last supervision, CPD "
                          "hours in 12 months, status")
    lst.add_argument("--json", action="store_true")
    show = psub.add_parser("show", help="everything on one practitioner's record")
    show.add_argument("username", metavar="USER")
    show.add_argument("--json", action="store_true")
    check = psub.add_parser("check", help="record a DBS check (never its contents)")
    check.add_argument("username", metavar="USER")
    check.add_argument("--level", type=_level, required=True, metavar="L")
    check.add_argument("--number", required=True, metavar="N", help="the 12-digit number")
    check.add_argument("--issued", type=_date, required=True, metavar="D")
    check.add_argument("--update-checked", type=_date, metavar="D",
                       help="latest DBS Update Service status check")
    sup = psub.add_parser("supervision", help="record a supervision session")
    sup.add_argument("username", metavar="USER")
    sup.add_argument("--on", type=_date, required=True, metavar="D")
    sup.add_argument("--by", required=True, metavar="USER", help="the supervisor")
    sup.add_argument("--notes", required=True, metavar="TEXT")
    sup.add_argument("--actions", metavar="TEXT")
    sup.add_argument("--cases", metavar="REF,REF", default="", help="cases discussed")
    sup.add_argument("--observed", action="store_true", help="an observation of practice")
    con = psub.add_parser("conflict", help="declare that a practitioner knows someone")
    con.add_argument("username", metavar="USER")
    con.add_argument("--person", required=True, metavar="NAME")
    con.add_argument("--how", required=True, metavar="TEXT")

    std = report_sub.add_parser("standards", help="the figures a provider reports against "
                                "the national standards")
    std.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    std.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    std.add_argument("--json", action="store_true", help="print the figures as JSON")


def cmd_practitioner(args: argparse.Namespace, db: Database) -> int:
    from app.cli import _actor, _print, _require_current_schema
    from app.services import practitioners

    _require_current_schema(db)
    actor = _actor(args, db)
    command = args.practitioner_command
    if command == "list":
        rows = practitioners.list_practitioners(db.uow(), actor)
        if args.json:
            _print(rows)
            return 0
        print(f"{'user':<14} {'name':<22} {'kind':<10} {'status':<7} {'registered':<10} "
              f"{'check due':<11} {'supervised':<11} {'CPD 12m':>7}")
        for r in rows:
            print(f"{r.username:<14} {r.full_name[:22]:<22} {r.kind.value:<10} "
                  f"{r.status.value:<7} {'yes' if r.registered else 'no':<10} "
                  f"{(r.next_check_due.isoformat() if r.next_check_due else 'none') + ('!' if r.check_lapsed else ''):<11} "  # noqa: E501
                  f"{r.last_supervision.isoformat() if r.last_supervision else 'never':<11} "
                  f"{r.cpd_hours_12_months:>7}")
        return 0
    if command == "show":
        detail = practitioners.get_practitioner(db.uow(), actor, args.username)
        if args.json:
            _print(detail)
        else:
            r = detail.row
            print(f"{r.full_name} ({r.username}), {r.kind.value}, {r.status.value}")
            print(f"DBS check due {r.next_check_due or 'none recorded'}; last supervision "
                  f"{r.last_supervision or 'never'}; CPD {r.cpd_hours_12_months} h in 12 months")
        return 0
    if command == "check":
        check = practitioners.record_check(
            db.uow(), actor, args.username, level=args.level, certificate_number=args.number,
            issued_on=args.issued, update_checked_on=args.update_checked)
        print(f"DBS check recorded for {args.username}: next due {check.next_due_on}")
        return 0
    if command == "supervision":
        practitioners.record_supervision(
            db.uow(), actor, args.username, held_on=args.on, supervisor=args.by,
            kind=SupervisionKind.OBSERVED if args.observed else SupervisionKind.SUPERVISION,
            cases_discussed=[c for c in args.cases.split(",") if c.strip()], notes=args.notes,
            actions=args.actions)
        print(f"supervision of {args.username} on {args.on} recorded")
        return 0
    if command == "conflict":
        affected = practitioners.declare_conflict(db.uow(), actor, args.username,
                                                  person_name=args.person, how=args.how)
        print(f"conflict of interest recorded for {args.username}")
        if affected:
            print("already assigned to: " + ", ".join(affected) + " (reassign these cases)")
        return 0
    raise DomainError(f"unknown practitioner command {command!r}")


def cmd_report_standards(args: argparse.Namespace, db: Database) -> int:
    from app.cli import _actor, _print
    from app.services import standards

    actor = _actor(args, db)
    result = standards.figures(db.uow(), actor, args.start, args.end)
    if args.json:
        _print(result)
        return 0
    print(f"Standards, {args.start} to {args.end}: {result.practitioners} active practitioners")
    for label, shown in standards.figure_lines(result):
        print(f"  {label}: {shown}")
    return 0
