"""The one entry point, ``pathways``. With no subcommand it opens the window; subcommands do
headless work by calling the same services as the window. No rule lives here.

Errors a user can cause print one line and exit non-zero; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy.exc import SQLAlchemyError

from app import __version__
from app.config import Settings
from app.db import Database, is_sqlite
from app.errors import DomainError, ReasonRequired
from app.models.cases import CaseStatus, Scheme
from app.models.users import Role
from app.services.context import Actor
from app.services.files import PRIVATE_UMASK, write_file

if TYPE_CHECKING:
    from app.services.casefile import CaseDetail

EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_CHECK_FAILED = 4


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _scheme(text: str) -> Scheme:
    aliases = {"cp": Scheme.CHECKPOINT, "nr": Scheme.NEIGHBOURHOOD_RESOLUTION,
               "gtc": Scheme.GATEWAY}
    try:
        return aliases.get(text.lower()) or Scheme(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown scheme {text!r}; use one of: "
            + ", ".join(s.value for s in Scheme) + " (or cp, nr, gtc)") from None


def _role(text: str) -> Role:
    try:
        return Role(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown role {text!r}; use one of: " + ", ".join(r.value for r in Role)) from None


def _status(text: str) -> CaseStatus:
    try:
        return CaseStatus(text.lower().replace(" ", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown status {text!r}; use one of: " + ", ".join(s.value for s in CaseStatus)
        ) from None


#: Ids and counts are 32-bit in the database; dates outside these years are typing mistakes
#: (and beyond year 9999 would overflow on the way to a time stamp).
MAX_NUMBER = 2**31 - 1
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    if value > MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"{text!r} is too large (at most {MAX_NUMBER})")
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _in_range(text: str, value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text!r} is out of range (years {FIRST_YEAR} to {LAST_YEAR})")
    return value


def _date(text: str) -> date:
    try:
        return _in_range(text, date.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _day(text: str) -> date:
    try:
        return _in_range(text, date.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pathways", description="Case management for restorative justice and "
                "diversion schemes.")
    p.add_argument("--version", action="version", version=f"pathways {__version__}")
    p.add_argument("--database", metavar="URL",
                   help="database URL (default: PATHWAYS_DATABASE_URL or the user data file)")
    p.add_argument("--user", metavar="NAME", help="act as this user (password from "
                   "PATHWAYS_PASSWORD or a prompt)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    db = sub.add_parser("db", help="database upkeep")
    dbsub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    dbsub.add_parser("upgrade", help="bring the schema to the latest version")
    check = dbsub.add_parser("check",
                             help="integrity check and schema version (non-zero if not ok)")
    check.add_argument("--quick", action="store_true",
                       help="schema and tables only, as at start-up (the full check reads "
                            "every page)")
    dbsub.add_parser("recount", help="count the indicator tallies afresh from the records "
                     "(when 'db check' finds them out of step; on a team server, as its owner)")
    dbsub.add_parser("encrypt", help="encrypt the desktop database under a passphrase "
                     "(PATHWAYS_DB_PASSPHRASE or a prompt)")
    copy = dbsub.add_parser("copy", help="copy every row and document into a new, empty "
                            "database (a team's PostgreSQL server)")
    copy.add_argument("--to", required=True, metavar="URL", dest="target")
    copy.add_argument("--plaintext", action="store_true", help="allow an unencrypted file "
                      "copy of an encrypted or server database")
    dbsub.add_parser("rekey", help="change the passphrase of an encrypted desktop database "
                     "(administrators; the new one from PATHWAYS_DB_NEW_PASSPHRASE or a prompt)")
    setup = dbsub.add_parser("setup-server", help="a team's PostgreSQL server enforcing "
                             "access itself: owner and desktop roles, grants, row-level "
                             "security (a DBA, once and after each upgrade)")
    setup.add_argument("url", metavar="URL", help="the database, as a superuser")

    backup = sub.add_parser("backup", help="write a checked online backup")
    backup.add_argument("file", type=Path)
    imp = sub.add_parser("import", help="import records from a file")
    isub = imp.add_subparsers(dest="import_command", required=True, parser_class=_Parser)
    refs = isub.add_parser("referrals", help="referrals from a CSV file: all rows or none "
                           "(columns in the README)")
    refs.add_argument("file", type=Path, metavar="FILE.csv")
    restore = sub.add_parser("restore", help="replace the desktop database with a checked "
                             "backup (the current one is backed up first)")
    restore.add_argument("file", type=Path)

    demo = sub.add_parser("demo", help="fill a new database with synthetic demo data")
    demo.add_argument("--cases", type=_positive, default=500)
    demo.add_argument("--seed", type=_seed, default=1)

    case = sub.add_parser("case", help="list and show cases")
    csub = case.add_subparsers(dest="case_command", required=True, parser_class=_Parser)
    lst = csub.add_parser("list", help="list cases you may see")
    lst.add_argument("--scheme", type=_scheme)
    lst.add_argument("--status", type=_status)
    lst.add_argument("--search", metavar="TEXT", help="name, reference or crime reference")
    lst.add_argument("--limit", type=_positive, default=None,
                     help="at most this many (default: all)")
    lst.add_argument("--json", action="store_true")
    show = csub.add_parser("show", help="everything on one case")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    _reason_option(show)

    document = sub.add_parser("document", help="print a document for a case to a PDF file")
    document.add_argument("kind", help="contract, agreement, outcome-participant, "
                          "outcome-harmed, outcome-officer, appointment, summary, "
                          "summary-partner")
    document.add_argument("reference")
    document.add_argument("--to", metavar="PARTY", help="party id, or role (participant, harmed)")
    document.add_argument("--variant", choices=("standard", "easy-read", "large-print"))
    document.add_argument("--language", metavar="CODE", help="write in this language (an ISO "
                          "639 code such as cy or pl; default: the reader's own)")
    document.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    document.add_argument("--preview", action="store_true", help="do not file it on the case")
    _disclosure_options(document)
    _reason_option(document)

    report = sub.add_parser("report", help="indicator reports (coordinators)")
    rsub = report.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    kpi = rsub.add_parser("kpi", help="the board report (PDF) and/or its figures as JSON")
    ret = rsub.add_parser("return", help="the commissioner's return as CSV, via a mapping file")
    for r in (kpi, ret):
        r.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
        r.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
        r.add_argument("--scheme", type=_scheme)
        r.add_argument("--worker", metavar="USERNAME", help="only this worker's cases")
    kpi.add_argument("--out", type=Path, metavar="FILE.pdf")
    kpi.add_argument("--json", action="store_true", help="print the figures as JSON")
    ret.add_argument("--mapping", type=Path, metavar="FILE.json",
                     help="columns of the template (default resources/returns/commissioner.json)")
    ret.add_argument("--out", type=Path, required=True, metavar="FILE.csv")

    aud = sub.add_parser("audit", help="read or export the audit trail (coordinators and "
                         "administrators); 'pathways --user ME audit --user THEM'")
    aud.add_argument("--user", dest="audit_user", metavar="NAME", help="only this user's rows")
    aud.add_argument("--action", metavar="ACTION", help="e.g. case.view, sign-in.failed")
    aud.add_argument("--case", metavar="REF", help="only rows about this case")
    aud.add_argument("--person", type=_positive, metavar="PERSON_ID")
    aud.add_argument("--from", dest="since", type=_day, metavar="YYYY-MM-DD")
    aud.add_argument("--to", dest="until", type=_day, metavar="YYYY-MM-DD",
                     help="up to and including this day")
    aud.add_argument("--limit", type=_positive, default=None, help="at most this many rows")
    aud.add_argument("--csv", type=Path, metavar="FILE", help="write the rows to a CSV file")
    aud.add_argument("verify", nargs="?", choices=("verify",),
                     help="'pathways audit verify': check the trail's hash chain and "
                     "protection only (no sign-in)")

    subject = sub.add_parser("sar", help="subject access: everything held about one person "
                             "(coordinators)")
    subject.add_argument("person_id", type=_positive, metavar="PERSON_ID")
    _disclosure_options(subject)
    subject.add_argument("--out", type=Path, required=True, metavar="DIR",
                         help="a new or empty folder for the export")

    rt = sub.add_parser("retention", help="review closed cases past their retention period")
    rtsub = rt.add_subparsers(dest="retention_command", required=True, parser_class=_Parser)
    rtsub.add_parser("queue", help="closed cases due for review (no names)")
    rt_keep = rtsub.add_parser("keep", help="keep a due case, with a reason")
    rt_keep.add_argument("reference")
    rt_keep.add_argument("--reason", required=True)
    rt_keep.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                         help="review again then (default: in a year)")
    for name, what in (("anonymise", "replace names, contacts and notes; keep the figures"),
                       ("delete", "delete the case and the people no other case needs")):
        rt_cmd = rtsub.add_parser(name, help=what)
        rt_cmd.add_argument("reference")
        rt_cmd.add_argument("--reason")
        rt_cmd.add_argument("--yes", action="store_true", help="it cannot be undone")
    for name in ("hold", "release"):
        rt_cmd = rtsub.add_parser(name, help=f"{name} a legal hold (coordinators)")
        rt_cmd.add_argument("reference")
        rt_cmd.add_argument("--reason", required=True)
    rt_period = rtsub.add_parser("period", help="a scheme's retention period in years "
                                 "(administrators)")
    rt_period.add_argument("scheme", type=_scheme)
    rt_period.add_argument("years", type=_positive)
    rt_floor = rtsub.add_parser("floor", help="the partnership's shortest retention period "
                                "for a scheme (coordinators)")
    rt_floor.add_argument("scheme", type=_scheme)
    rt_floor.add_argument("years", type=_positive)

    user = sub.add_parser("user", help="users")
    usub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    first = usub.add_parser("create-admin", help="the first administrator of a new database")
    first.add_argument("username")
    first.add_argument("full_name")
    add = usub.add_parser("add", help="add a user (administrators); password from "
                          "PATHWAYS_NEW_PASSWORD or a prompt")
    add.add_argument("username")
    add.add_argument("full_name")
    add.add_argument("--role", required=True, type=_role)
    add.add_argument("--also-coordinator", action="store_true")
    usub.add_parser("list", help="the users and their roles (administrators)")
    reset = usub.add_parser("reset", help="set a new password (administrators)")
    reset.add_argument("username")
    for verb in ("disable", "enable"):
        usub.add_parser(verb, help=f"{verb} an account (administrators)").add_argument(
            "username")
    usub.add_parser("passwd", help="change your own password")

    org = sub.add_parser("organisation", help="the letterhead every document prints "
                         "(administrators)")
    org.add_argument("--name")
    org.add_argument("--address", help="lines separated by '|'")
    org.add_argument("--phone")
    org.add_argument("--email")
    org.add_argument("--logo", type=Path, help="a PNG or JPEG file")
    org.add_argument("--no-logo", action="store_true", help="print no logo")
    _calendar_parser(sub)
    _attachment_parser(sub)

    rec = sub.add_parser("record", help="corrections of the records entered on a case")
    recsub = rec.add_subparsers(dest="record_command", required=True, parser_class=_Parser)
    rec_history = recsub.add_parser("history", help="every amendment and entry in error on "
                                    "a case, newest first, with who, when and why")
    rec_history.add_argument("reference")
    rec_history.add_argument("--json", action="store_true")
    _reason_option(rec_history)
    _practitioner_parsers(sub, rsub)
    return p


def _reason_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reason", metavar="WHY", help="why you are opening the case: needed for a "
                   "restricted case not assigned to you (kept in the audit trail)")


def _consult(db: Database, actor: Actor, reference: str, reason: str | None) -> None:
    """A command that reads a restricted case its user is not assigned to opens it first with
    the reason given (DPA 2018 s.62), as the window does before anything on it is printed or
    saved: the consultation and its reason are recorded, and without a reason nothing is read."""
    from app.services import casefile

    if casefile.reason_needed(db.uow(), actor, reference):
        _open_case(db, actor, reference, reason)


def _open_case(db: Database, actor: Actor, reference: str, reason: str | None) -> CaseDetail:
    from app.services import casefile

    try:
        return casefile.get_case(db.uow(), actor, reference, reason=reason)
    except ReasonRequired as exc:
        raise ReasonRequired(exc.message.replace("say why you are opening it",
                                                 'say why with --reason "WHY"')) from None


def _disclosure_options(p: argparse.ArgumentParser) -> None:
    """To whom a document or pack is disclosed and why (DPA 2018 s.62; default: the usual)."""
    from app.services.disclosure import LawfulBasis

    p.add_argument("--disclosed-to", metavar="NAME", help="the person it is disclosed to "
                   "(default: the one it is addressed to)")
    p.add_argument("--organisation", metavar="ORG", help="the organisation it is disclosed to")
    p.add_argument("--basis", choices=[b.value for b in LawfulBasis],
                   help="the lawful basis of the disclosure")


def _attachment_parser(sub: Any) -> None:
    att = sub.add_parser("attach", help="attach a scanned or photographed document (PDF, PNG, "
                         "JPEG) to a case or to a record on it")
    att.add_argument("reference")
    att.add_argument("file", type=Path)
    att.add_argument("--record", metavar="KIND:ID", help="a record on the case, e.g. contract:3, "
                     "consent:12, condition:7, action:4, intervention:9, appointment:5")
    att.add_argument("--title", help="what the document is (default: the file's name)")
    files = sub.add_parser("attachment", help="a case's attachments: list, save one, remove one")
    fsub = files.add_subparsers(dest="attachment_command", required=True, parser_class=_Parser)
    listed = fsub.add_parser("list", help="the attachments on a case")
    listed.add_argument("reference")
    save = fsub.add_parser("save", help="write an attachment to a file")
    save.add_argument("attachment_id", type=_positive)
    save.add_argument("--out", type=Path, required=True, metavar="FILE")
    for p in (listed, save):
        _reason_option(p)
    rm = fsub.add_parser("remove", help="remove an attachment's file, keeping the record of it")
    rm.add_argument("attachment_id", type=_positive)
    rm.add_argument("--reason", required=True)


def _practitioner_parsers(sub: Any, rsub: Any) -> None:
    from app.cli_practitioners import add_parsers

    add_parsers(sub, rsub)


def _calendar_parser(sub: Any) -> None:
    cal = sub.add_parser("calendar", help="calendar files (.ics): your diary, one appointment, "
                         "or the appointments that go with a person's letter")
    csub = cal.add_subparsers(dest="calendar_command", required=True, parser_class=_Parser)
    diary = csub.add_parser("diary", help="your appointments, meetings, follow-ups and checks")
    diary.add_argument("--from", dest="start", type=_day, help="first day (default today)")
    diary.add_argument("--to", dest="end", type=_day, help="last day (default 8 weeks on)")
    one = csub.add_parser("appointment", help="one appointment as a single event")
    one.add_argument("appointment_id", type=_positive)
    for p in (diary, one):
        p.add_argument("--names", action="store_true",
                       help="put the person's name in each event (off: reference and place)")
    letter = csub.add_parser("letter", help="a case's scheduled appointments, for the person "
                             "(goes with the appointment letter)")
    letter.add_argument("reference")
    _reason_option(letter)
    for p in (diary, one, letter):
        p.add_argument("--out", type=Path, required=True, metavar="FILE.ics")


# ---------------------------------------------------------------- helpers


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _password(prompt: str = "Password: ") -> str:
    env = os.environ.get("PATHWAYS_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise DomainError("No password: set PATHWAYS_PASSWORD or run in a terminal.")
    return getpass.getpass(prompt)


def _actor(args: argparse.Namespace, db: Database) -> Actor:
    from app.services.users import sign_in

    username = args.user or os.environ.get("PATHWAYS_USER")
    if not username:
        raise DomainError("This command acts on case data: give --user NAME.")
    actor = sign_in(db.uow(), username, getattr(args, "password", None) or _password())
    changing = args.command == "user" and args.user_command == "passwd"
    if actor.must_change_password and not changing:
        raise DomainError(f"Choose your own password first: run 'pathways --user "
                          f"{actor.username} user passwd'.")
    return actor


def _print(obj: Any) -> None:
    print(json.dumps(_jsonable(obj), indent=2, ensure_ascii=False))


# ---------------------------------------------------------------- commands


def _ask_passphrase() -> str | None:
    """The passphrase of an encrypted database, asked in a terminal (never echoed)."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass("Database passphrase: ")


def _new_passphrase(variable: str | None = None) -> str:
    from app.services.encryption import PASSPHRASE_ENV

    env = os.environ.get(variable or PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise DomainError(f"No passphrase: set {variable or PASSPHRASE_ENV} or run in a "
                          "terminal.")
    first = getpass.getpass("New database passphrase: ")
    if getpass.getpass("The same passphrase again: ") != first:
        raise DomainError("The two passphrases differ; nothing was changed.")
    return first


def _open_team(args: argparse.Namespace, url: str) -> Database | None:
    """On a team server whose address names no server user, connect as the user's own login
    role (``pathways db setup-server``): the server then knows who is asking."""
    from app.services import server

    username = args.user or os.environ.get("PATHWAYS_USER")
    if not server.is_team_url(url) or not username:
        return None
    args.password = _password()
    return server.open_as(url, username, args.password)  # type: ignore[no-any-return]


def _open_database(url: str) -> Database:
    from app.services import encryption

    return Database(url, passphrase=encryption.passphrase_for(url, _ask_passphrase))


def _cmd_db(args: argparse.Namespace, db: Database) -> int:
    from app.services import database

    if args.db_command == "encrypt":
        from app.services import encryption

        actor = _actor(args, db)
        report = encryption.encrypt(db, actor, _new_passphrase(),
                                    Settings.load(args.database).backup_dir)
        print(f"{report.path} is now encrypted. Keep the passphrase safe: without it nothing "
              f"in the database can be read. {report.plaintext_backups_removed} unencrypted "
              "backups were removed; destroy any other copy made before now.")
        return 0
    if args.db_command == "rekey":
        from app.services import encryption

        actor = _actor(args, db)
        path = encryption.rekey(db, actor, _new_passphrase("PATHWAYS_DB_NEW_PASSPHRASE"))
        print(f"{path} now opens with the new passphrase; backups made before keep the old one.")
        return 0
    if args.db_command == "copy":
        return _cmd_db_copy(args, db)
    if args.db_command == "setup-server":
        return _cmd_db_setup_server(args)
    if args.db_command == "recount":
        database.recount(db)
        print("indicator tallies counted afresh from the records")
        return 0
    if args.db_command == "upgrade":
        if _set_up_server(db):  # migrated as the owner, then its grants and policies again
            return _cmd_db_setup_server(argparse.Namespace(url=db.url))
        database.upgrade(db)
        print(f"database at revision {database.head_revision()}")
        return 0
    quick = bool(getattr(args, "quick", False))
    result = database.check(db, quick=quick)
    if result.ok and quick:
        print(f"ok (quick): schema at head ({result.head}), every table present; "
              "'pathways db check' reads every page")
        return 0
    if result.ok:
        print(f"ok: integrity check passed, schema at head ({result.head}); audit trail of "
              f"{result.audit_rows} rows chained and protected, last hash {result.audit_tail}"
              + ("; the server's roles, grants and row-level security policies are in place"
                 if result.server_enforced else ""))
        return 0
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _set_up_server(db: Database) -> bool:
    from app.services import server

    if is_sqlite(db.url):
        return False
    with db.engine.connect() as conn:
        return bool(server.is_set_up(conn))


def _cmd_db_setup_server(args: argparse.Namespace) -> int:
    from app.services import server

    report = server.setup(args.url)
    roles = report.roles
    print(f"{roles.database}: schema at {report.revision}, owned by {roles.owner}; desktops "
          f"sign in as {roles.database}.USERNAME (members of {roles.group}); "
          f"{report.policies} row-level security policies from the access rules. Add each "
          f"user with 'pathways user add' and give desktops the address without a user name.")
    if report.without_login:
        print(f"{len(report.without_login)} users cannot sign in yet (copied without a server "
              f"role): {', '.join(report.without_login)}; give each a new password with "
              "'pathways --database URL --user ADMIN user reset NAME'")
    return 0


def _cmd_db_copy(args: argparse.Namespace, db: Database) -> int:
    from app.services import transfer

    actor = _actor(args, db)
    # a new desktop file is encrypted like its source (or under PATHWAYS_DB_PASSPHRASE),
    # unless --plaintext asks otherwise
    target = Database(args.target) if args.plaintext else _open_database(args.target)
    if not args.plaintext and db.passphrase and not target.passphrase \
            and is_sqlite(args.target):
        target.dispose()
        target = Database(args.target, passphrase=db.passphrase)
    try:
        report = transfer.copy_database(db, target, actor, plaintext=args.plaintext)
    finally:
        target.dispose()
    if report.weakened:
        print("pathways: warning: the copy is NOT encrypted; it holds everything the database "
              "holds. Keep it on an encrypted drive and delete it when done.", file=sys.stderr)
    for table, rows in report.tables:
        print(f"{table:<28} {rows:>8} rows")
    print(f"copied and compared: {report.rows} rows in {len(report.tables)} tables, "
          f"{report.documents} documents, all identical")
    return 0


def _cmd_backup(args: argparse.Namespace, db: Database) -> int:
    from app.services import database

    dest = database.backup(db, args.file)
    print(f"backup written and checked: {dest}")
    return 0


def _cmd_import(args: argparse.Namespace, db: Database) -> int:
    from app.services import importer

    actor = _actor(args, db)
    try:
        result = importer.import_referrals(db.uow(), actor, args.file)
    except importer.ImportRefused as exc:
        # one line that says nothing was imported, then each bad row on its own line
        print(f"pathways: Nothing was imported: {len(exc.problems)} of the rows have "
              "problems.", file=sys.stderr)
        for problem in exc.problems:
            print(f"  line {problem.line}: {problem.message}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{len(result.references)} referrals imported: {', '.join(result.references)}")
    return 0


def _cmd_restore(args: argparse.Namespace, db: Database) -> int:
    from app.services import restore

    settings = Settings.load(args.database)
    # a file that cannot be restored is refused before anyone signs in (nothing is written)
    restore.check_restorable(args.file, restore.backup_passphrase(args.file, db))
    actor = _restore_actor(args, db)
    report = restore.restore(db, actor, args.file, settings.backup_dir, settings.backups_kept)
    kept = (f"; {report.audit_rows_kept} audit rows written since the backup were kept "
            f"(also in {report.audit_saved_as})" if report.audit_rows_kept else "")
    if report.passphrase and report.passphrase != db.passphrase:
        kept += "; the database is now encrypted under the backup's passphrase"
    print(f"restored from {report.restored_from}{kept}; the database as it was is saved as "
          f"{report.previous_saved_as}")
    return 0


def _restore_actor(args: argparse.Namespace, db: Database) -> Actor:
    """An administrator of the database being replaced; when there is none (the file was moved
    aside), an administrator of the backup itself."""
    from app.services import database, restore

    if database.sqlite_path(db.url).exists() or not args.file.is_file():
        return _actor(args, db)
    username = args.user or os.environ.get("PATHWAYS_USER")
    if not username:
        raise DomainError("This command needs an administrator: give --user NAME.")
    key = restore.backup_passphrase(args.file, db)
    return restore.administrator_in_backup(args.file, key, username, _password())


def _cmd_demo(args: argparse.Namespace, db: Database) -> int:
    from app.services import database, demo

    database.upgrade(db)
    made = demo.build(db.uow(), cases=args.cases, seed=args.seed)
    print(f"{made} demo cases added; demo users share the password '{demo.DEMO_PASSWORD}'")
    return 0


def _cmd_case(args: argparse.Namespace, db: Database) -> int:
    from app.services import casefile

    actor = _actor(args, db)
    if args.case_command == "list":
        f = casefile.CaseFilter(scheme=args.scheme, status=args.status, search=args.search)
        rows: list[casefile.CaseRow] = []
        offset = 0
        wanted = args.limit
        while wanted is None or len(rows) < wanted:
            page = casefile.list_cases(db.uow(), actor, f, sort="reference", descending=False,
                                       offset=offset, limit=1000)
            rows.extend(page)
            offset += len(page)
            if len(page) < 1000:
                break
        if wanted is not None:
            rows = rows[:wanted]
        if args.json:
            _print(rows)
        else:
            for r in rows:
                print(f"{r.reference:<14} {r.scheme.label:<25} {r.status.label:<22} "
                      f"{r.participant:<28} {r.worker or '-'}")
            print(f"{len(rows)} cases")
        return 0
    detail = _open_case(db, actor, args.reference, args.reason)
    data = _jsonable(detail)
    data["participant"] = data["participant"]["name"]
    data["participant_details"] = _jsonable(detail.participant)
    data["pathways"] = _jsonable(detail.assessments)
    data["conditions"] = _jsonable(detail.contract.conditions) if detail.contract else []
    if args.json:
        _print(data)
    else:
        print(f"{detail.reference}  {detail.scheme.label}  {detail.status.label}")
        print(f"participant: {detail.participant.name}   worker: {detail.worker or '-'}")
        print(f"referred {detail.referral_date:%d %b %Y} by {detail.referral_source}")
        for p in detail.parties:  # with the ICO's category of data subject on this case
            print(f"  {p.role}: {p.name} ({p.category.value})")
        print(f"{len(detail.interventions)} interventions, {len(detail.appointments)} "
              f"appointments, {len(detail.documents)} documents")
    return 0


def _cmd_document(args: argparse.Namespace, db: Database) -> int:
    from app.services import casefile, documents

    actor = _actor(args, db)
    _consult(db, actor, args.reference, args.reason)
    try:
        kind = documents.Kind(args.kind)
    except ValueError:
        raise DomainError(f"Unknown document {args.kind!r}; use one of: "
                          + ", ".join(k.value for k in documents.Kind) + ".") from None
    party_id = None
    if args.to:
        if args.to.isdigit():
            party_id = int(args.to)
        else:
            detail = casefile.get_case(db.uow(), actor, args.reference, audit_view=False)
            role = {"harmed": "harmed party"}.get(args.to.lower(), args.to.lower())
            party = next((p for p in detail.parties if p.role == role), None)
            if party is None:
                raise DomainError(f"Case {detail.reference} has no {role}.")
            party_id = party.id
    shown = {"disclosed_to": args.disclosed_to, "organisation": args.organisation,
             "basis": args.basis}
    if args.preview:  # a file leaves the app: a partner agency must be named even so
        doc = documents.preview(db.uow(), actor, args.reference, kind, party_id, args.variant,
                                language=args.language, named=True, **shown)
        write_file(args.out, doc.content)
    else:  # the file is written (whole, synced) first; it is filed only if that worked
        doc = documents.generate(db.uow(), actor, args.reference, kind, party_id, args.variant,
                                 language=args.language,
                                 deliver=lambda content: write_file(args.out, content), **shown)
    if doc.language_note:
        print(doc.language_note, file=sys.stderr)
    filed = f"filed as document {doc.id}" if doc.id else "not filed"
    print(f"{doc.title} ({doc.variant}, {doc.template_name}@{doc.template_version}) written to "
          f"{args.out}; {filed}; sha256 {doc.sha256}")
    if doc.disclosure is not None:
        print(doc.disclosure.line)
    return 0


def _cmd_report(args: argparse.Namespace, db: Database) -> int:
    from app.services import indicators, reporting

    if args.report_command == "standards":
        from app.cli_practitioners import cmd_report_standards

        return cmd_report_standards(args, db)
    actor = _actor(args, db)
    worker = indicators.find_worker(db.uow(), actor, args.worker) if args.worker else None
    scope = indicators.Scope(args.start, args.end, args.scheme, worker)
    if args.report_command == "return":
        text = reporting.commissioner_return(db.uow(), actor, scope,
                                             args.mapping or reporting.DEFAULT_MAPPING)
        write_file(args.out, text.encode("utf-8"))
        print(f"commissioner's return written to {args.out}")
        return 0
    if args.out is None and not args.json:
        raise DomainError("Say where the report goes: --out FILE.pdf, or --json.")
    if args.out is None:
        report = indicators.compute(db.uow(), actor, scope, named=False)
    else:
        report, pdf = reporting.board_report(db.uow(), actor, scope)
        write_file(args.out, pdf)
    if args.json:
        _print(reporting.as_json(report))
    else:
        print(f"board report written to {args.out}")
    return 0


def _new_password(prompt: str) -> str:
    env = os.environ.get("PATHWAYS_NEW_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise DomainError("No new password: set PATHWAYS_NEW_PASSWORD or run in a terminal.")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise DomainError("The two passwords are not the same.")
    return first


def _cmd_user(args: argparse.Namespace, db: Database) -> int:
    from app.services import users

    if args.user_command == "create-admin":
        password = _password("New administrator's password: ")
        info = users.create_first_administrator(db.uow(), args.username, args.full_name,
                                                password)
        print(f"administrator {info.username} created")
        return 0
    _require_current_schema(db)
    actor = _actor(args, db)
    if args.user_command == "add":
        info = users.create_user(db.uow(), actor, args.username, args.full_name, args.role,
                                 _new_password("New user's password: "),
                                 also_coordinator=args.also_coordinator)
        print(f"{info.username} added as {info.role.value}; they choose a new password at "
              "their first sign-in")
    elif args.user_command == "list":
        if not actor.administers:
            raise DomainError("Only an administrator can list the users.")
        for u in users.list_users(db.uow(), active_only=False):
            state = "active" if u.active else "disabled"
            print(f"{u.username:<20} {u.full_name:<28} {u.role.value:<14} {state}")
    elif args.user_command == "reset":
        users.reset_password(db.uow(), actor, args.username, _new_password("New password: "))
        print(f"password of {args.username} reset; they choose a new one at next sign-in")
    elif args.user_command in ("disable", "enable"):
        users.set_active(db.uow(), actor, args.username, args.user_command == "enable")
        print(f"{args.username} {args.user_command}d")
    else:
        users.change_password(db.uow(), actor, _password("Current password: "),
                              _new_password("New password: "))
        print("password changed")
    return 0


def _cmd_audit(args: argparse.Namespace, db: Database) -> int:
    from datetime import time, timedelta

    from app.services import audit

    if args.verify:
        return _cmd_audit_verify(db)
    actor = _actor(args, db)
    since = datetime.combine(args.since, time.min).astimezone() if args.since else None
    until = (datetime.combine(args.until + timedelta(days=1), time.min).astimezone()
             if args.until else None)
    rows = audit.search(db.uow(), actor, username=args.audit_user, action=args.action,
                        case_reference=args.case, person_id=args.person, since=since,
                        until=until, limit=args.limit, export_to=args.csv)
    if args.csv:
        print(f"{len(rows)} audit rows written to {args.csv}")
        return 0
    for r in rows:
        print(f"{r.at.astimezone():%Y-%m-%d %H:%M:%S}  {r.username:<16} {r.action:<20} "
              f"{r.case_reference or '-':<14} {r.detail or ''}")
    print(f"{len(rows)} audit rows")
    return 0


def _cmd_audit_verify(db: Database) -> int:
    from app.services import database

    _require_current_schema(db)
    report = database.verify_audit(db)
    if report.ok:
        print(f"ok: audit trail of {report.rows} rows chained and protected, last hash "
              f"{report.tail}")
        return 0
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _cmd_sar(args: argparse.Namespace, db: Database) -> int:
    from app.services import sar

    actor = _actor(args, db)
    result = sar.export(db.uow(), actor, args.person_id, args.out,
                        disclosed_to=args.disclosed_to, organisation=args.organisation,
                        basis=args.basis)
    rows = sum(result.tables.values())
    print(f"subject access export for person {result.person_id} written to {result.folder}: "
          f"{rows} rows in {len(result.tables)} tables, {result.documents} documents, "
          f"{result.attachments} attachments, {result.access_rows} access records; "
          f"{result.redacted_rows} rows about other people are marked for redaction, "
          f"{result.review_rows} with notes naming another person are marked for review")
    if result.disclosure is not None:
        print(result.disclosure.line)
    return 0


def _cmd_retention(args: argparse.Namespace, db: Database) -> int:
    from app.services import retention

    _require_current_schema(db)
    actor = _actor(args, db)
    command = args.retention_command
    if command == "queue":
        items = retention.review_queue(db.uow(), actor)
        for i in items:
            kept = f" (kept until {i.last_kept_until})" if i.last_kept_until else ""
            print(f"{i.reference:<14} {i.scheme.label:<25} closed {i.closed_on}  "
                  f"due {i.due_on}{kept}")
        print(f"{len(items)} cases due for review")
        return 0
    if command == "floor":
        retention.set_retention_floor(db.uow(), actor, args.scheme, args.years)
        print(f"{args.scheme.label}: retention periods may not be set below {args.years} years")
        return 0
    if command == "period":
        retention.set_retention_years(db.uow(), actor, args.scheme, args.years)
        print(f"{args.scheme.label}: closed cases are reviewed {args.years} years after closure")
        return 0
    if command == "keep":
        until = retention.keep(db.uow(), actor, args.reference, args.reason, args.until)
        print(f"{args.reference.upper()} kept; back in the queue on {until}")
        return 0
    if command in ("hold", "release"):
        retention.set_legal_hold(db.uow(), actor, args.reference, command == "hold",
                                 args.reason)
        done = "placed" if command == "hold" else "released"
        print(f"{args.reference.upper()}: legal hold {done}")
        return 0
    if not args.yes:
        raise DomainError(f"This cannot be undone: run again with --yes to {command} "
                          f"{args.reference.upper()}.")
    settings = Settings.load(args.database)
    if command == "anonymise":
        retention.anonymise(db.uow(), actor, args.reference, args.reason)
        purged = retention.purge_backups(db, settings.backup_dir, settings.backups_kept)
        print(f"{args.reference.upper()} anonymised; {purged} older backups replaced by a "
              "new one")
        return 0
    result = retention.delete_case(db.uow(), actor, args.reference, args.reason)
    purged = retention.purge_backups(db, settings.backup_dir, settings.backups_kept)
    print(f"{result.reference} deleted with {result.people_removed} people records; {purged} "
          "older backups replaced by a new one"
          + ("" if result.wal_cleared else "; the write-ahead log is cleared when the "
             "database is next closed"))
    return 0


def _require_current_schema(db: Database) -> None:
    from app.services import database

    revision = database.current_revision(db)
    if revision is None:
        raise DomainError("This database is empty: run 'pathways db upgrade' (or "
                          "'pathways demo') first.")
    if revision != database.head_revision():
        raise DomainError("This database needs upgrading: run 'pathways db upgrade'.")


COMMANDS = {"db": _cmd_db, "backup": _cmd_backup, "demo": _cmd_demo, "case": _cmd_case,
            "user": _cmd_user, "document": _cmd_document, "report": _cmd_report,
            "audit": _cmd_audit, "restore": _cmd_restore, "sar": _cmd_sar,
            "import": _cmd_import}


COMMANDS["retention"] = _cmd_retention


def _cmd_organisation(args: argparse.Namespace, db: Database) -> int:
    """Show the letterhead, or change the parts given (administrators)."""
    from dataclasses import replace

    from app.services import organisation

    actor = _actor(args, db)
    current = organisation.get_organisation(db.uow())
    changes: dict[str, Any] = {}
    for field in ("name", "phone", "email"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    if args.address is not None:
        changes["address"] = tuple(x.strip() for x in args.address.split("|") if x.strip())
    if args.logo is not None:
        changes["logo"] = _read_logo(args.logo, organisation.MAX_LOGO_BYTES)
    if args.no_logo:
        changes["logo"] = None
    if changes:
        organisation.set_organisation(db.uow(), actor, replace(current, **changes))
        current = organisation.get_organisation(db.uow())
    print(current.name)
    for line in current.address:
        print(line)
    print(f"{current.phone}  {current.email}")
    print("logo: " + (f"{len(current.logo):,} bytes" if current.logo else "none"))
    return 0


COMMANDS["organisation"] = _cmd_organisation


def _read_logo(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file (not a device such as /dev/zero, a folder or
    a pipe that would never end)."""
    if not path.is_file():
        raise DomainError(f"{path} is not an image file.")
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise DomainError(f"{path} cannot be read: {exc.strerror}.") from None
    if len(data) > limit:
        raise DomainError("The logo is larger than 1 MB; use a smaller image.")
    return data


#: Control characters (C0, DEL, C1) and the bidirectional overrides that could make stored
#: text rewrite a terminal or disguise itself; printed as visible escapes instead.
_UNSAFE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0)) if c not in (9, 10)}
_UNSAFE.update({c: f"\\u{c:04x}" for c in (*range(0x202a, 0x202f), *range(0x2066, 0x206a))})


class _Clean:
    """Standard output and error, with stored text's control characters made visible."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(text.translate(_UNSAFE)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _cmd_calendar(args: argparse.Namespace, db: Database) -> int:
    from datetime import timedelta

    from app.services import calendar

    actor = _actor(args, db)
    if args.calendar_command == "diary":
        start = args.start or date.today()
        end = args.end or start + timedelta(weeks=8)
        content = calendar.diary_ics(db.uow(), actor, start, end, with_names=args.names)
    elif args.calendar_command == "appointment":
        content = calendar.appointment_ics(db.uow(), actor, args.appointment_id,
                                           with_names=args.names)
    else:
        _consult(db, actor, args.reference, args.reason)
        content = calendar.person_appointments_ics(db.uow(), actor, args.reference)
    write_file(args.out, content)
    print(f"{content.count(b'BEGIN:VEVENT')} event(s) written to {args.out}")
    return 0


COMMANDS["calendar"] = _cmd_calendar


def _cmd_attach(args: argparse.Namespace, db: Database) -> int:
    from app.services import attachments

    actor = _actor(args, db)
    record = attachments.RecordRef.parse(args.record) if args.record else None
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        raise DomainError(f"{args.file} cannot be read: {exc.strerror}.") from None
    a = attachments.add(db.uow(), actor, args.reference, content, args.file.name,
                        title=args.title, record=record)
    print(f"attached as attachment {a.id}: {a.title} ({a.media_type.label}, "
          f"{a.size_bytes:,} bytes) on {a.attached_to} of {a.reference}")
    return 0


def _cmd_attachment(args: argparse.Namespace, db: Database) -> int:
    from app.services import attachments

    actor = _actor(args, db)
    if args.attachment_command == "list":
        _consult(db, actor, args.reference, args.reason)
        for a in attachments.list_for_case(db.uow(), actor, args.reference):
            state = f"removed {a.removed_at:%Y-%m-%d} by {a.removed_by}: {a.removed_reason}" \
                if a.removed_at else f"{a.size_bytes:,} bytes"
            print(f"{a.id}\t{a.added_at.astimezone():%Y-%m-%d %H:%M}\t{a.media_type.label}\t"
                  f"{a.attached_to}\t{a.title}\t{a.added_by}\t{state}")
    elif args.attachment_command == "save":
        _consult(db, actor, attachments.case_reference(db.uow(), actor, args.attachment_id),
                 args.reason)
        f = attachments.open_file(db.uow(), actor, args.attachment_id)
        write_file(args.out, f.content)
        print(f"{f.summary.title} written to {args.out}")
    else:
        a = attachments.remove(db.uow(), actor, args.attachment_id, args.reason)
        print(f"attachment {a.id} removed from {a.reference}; its record is kept")
    return 0


COMMANDS["attach"] = _cmd_attach
COMMANDS["attachment"] = _cmd_attachment


def _cmd_record(args: argparse.Namespace, db: Database) -> int:
    """``record history REF``: the case's corrections in words."""
    from app.services import corrections

    _require_current_schema(db)
    actor = _actor(args, db)
    _consult(db, actor, args.reference, args.reason)
    rows = corrections.case_corrections(db.uow(), actor, args.reference)
    if args.json:
        _print(rows)
        return 0
    for r in rows:
        print(f"{r.at.astimezone():%d %b %Y %H:%M}  {r.by}: {r.what}")
        print(f"    {'[entered in error] ' if r.record_in_error else ''}{r.record}")
        for c in r.changes:
            print(f"    {c.label}: {c.before} -> {c.after}")
        print(f"    reason: {r.reason}")
    print(f"{len(rows)} corrections")
    return 0


COMMANDS["record"] = _cmd_record


def _cmd_practitioner(args: argparse.Namespace, db: Database) -> int:
    from app.cli_practitioners import cmd_practitioner

    return cmd_practitioner(args, db)


COMMANDS["practitioner"] = _cmd_practitioner


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)  # the database, its journal, backups, exports: the user's only
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Clean(out), _Clean(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.load(args.database)
    except DomainError as exc:
        print(f"pathways: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        from app.views.app import run_gui

        return run_gui(settings)
    try:
        db = _open_team(args, settings.database_url) or _open_database(settings.database_url)
    except DomainError as exc:
        print(f"pathways: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command in ("case", "backup", "document", "report", "audit", "sar", "organisation",
                            "import", "attach", "attachment"):
            _require_current_schema(db)
        return COMMANDS[args.command](args, db)
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        print(f"pathways: database error: {cause}", file=sys.stderr)
        return EXIT_REFUSED
    except DomainError as exc:
        print(f"pathways: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("pathways: interrupted", file=sys.stderr)
        return 130
    finally:
        db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
