"""The child side of the crash test: save through the real services, report each save on stdout
only after its commit, and be killed at any moment.

Started once as a small fork server (``python -m tests.reliability.crash_worker DB``): the
imports are paid once, and each ``go TOKEN SEED`` line on stdin forks a fresh process that opens
its own connection and saves until the parent SIGKILLs it. The server answers ``pid N`` for each
child and ``done`` once that child is gone, so everything the child wrote is read before ``done``.
Every line is one ``os.write`` under PIPE_BUF, so lines from the two processes never interleave.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date, timedelta

from sqlalchemy import select

from app.db import Database
from app.models.cases import Scheme
from app.models.conferences import AttendeeRole, MeetingKind
from app.models.contracts import ConditionKind
from app.models.users import User
from app.services import cases, contracts, meetings
from app.services.context import Actor
from app.services.contracts import ConditionInput
from app.services.meetings import AttendeeInput
from app.services.users import actor_for
from tests.factories import referral

#: What a draft of ``n`` conditions holds; hours go with the fifth.
CONDITION_KINDS = [(ConditionKind.NO_REOFFENDING, None), (ConditionKind.VICTIM, None),
                   (ConditionKind.PATHWAY, "alcohol"), (ConditionKind.PATHWAY, "drugs"),
                   (ConditionKind.COMMUNITY_HOURS, None)]


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def _actor(db: Database, username: str) -> Actor:
    with db.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        assert user is not None
        return actor_for(user)


def draft(token: int, n: int) -> tuple[list[ConditionInput], int | None]:
    """A contract whose every condition carries the draft's token and size, so a reader can
    tell a complete draft from a torn one."""
    conds = [ConditionInput(kind, f"token {token} {i}/{n}", code)
             for i, (kind, code) in enumerate(CONDITION_KINDS[:n], start=1)]
    return conds, (18 + token % 19 if n == 5 else None)


def save_forever(path: str, token: int, seed: int) -> None:
    """One child's life: open the database and save until killed."""
    db = Database(f"sqlite:///{path}")
    rng = random.Random(seed)
    coord, nav = _actor(db, "coord"), _actor(db, "nav")
    fac, fac2 = _actor(db, "fac"), _actor(db, "fac2")
    cp_refs = os.environ["CRASH_CP_CASES"].split(",")
    nr = [item.split(":") for item in os.environ["CRASH_NR_CASES"].split(",")]
    held = date.today() - timedelta(days=5)
    while True:
        token += 1
        what = rng.random()
        if what < 0.35:
            scheme = rng.choice([Scheme.GATEWAY, Scheme.NEIGHBOURHOOD_RESOLUTION])
            crime = f"CRASH{token:08d}"
            ref = cases.create_referral(db.uow(), coord, referral(scheme, crime_reference=crime))
            say(f"case {ref} {crime}")
        elif what < 0.65:
            ref, harmer, harmed = rng.choice(nr)
            meeting_id = meetings.record_meeting(
                db.uow(), fac, ref, kind=MeetingKind.SHUTTLE, held_on=held,
                facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id,
                notes=f"token {token}",
                attendees=[AttendeeInput(AttendeeRole.HARMER, True, int(harmer)),
                           AttendeeInput(AttendeeRole.HARMED, True, int(harmed))])
            say(f"meeting {ref} {meeting_id} {token}")
        else:
            ref = rng.choice(cp_refs)
            n = rng.randint(1, 5)
            conds, hours = draft(token, n)
            contracts.draft_contract(db.uow(), nav, ref, start_date=date.today(),
                                     conditions=conds, community_hours=hours)
            say(f"contract {ref} {token} {n}")


def serve(path: str) -> None:
    say("ready")
    for line in sys.stdin:
        _, token, seed = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(path, int(token), int(seed))
            finally:
                os._exit(1)  # a child that stops on its own is a failure the parent sees
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"done {status}")


if __name__ == "__main__":
    serve(sys.argv[1])
