"""One of two writers on the same SQLite file: ``python -m tests.reliability.writer_worker DB
NAME SAVES``. Saves through the real services (appointments on cases the other writer also
writes to, and new referrals), with reads in between, as a user's session would. Any error that
reaches it is printed and ends it with a non-zero code."""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models.cases import Scheme
from app.models.users import User
from app.services import appointments, casefile, cases
from app.services.appointments import AppointmentInput
from app.services.users import actor_for
from tests.factories import referral


def main(path: str, name: str, saves: int) -> int:
    db = Database(f"sqlite:///{path}")
    with db.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == "coord"))
        assert user is not None
        coord = actor_for(user)
    shared = os.environ["WRITER_CASES"].split(",")
    start = Path(os.environ["WRITER_START"])
    while not start.exists():  # both writers begin together
        time.sleep(0.005)
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    for i in range(saves):
        ref = shared[i % len(shared)]
        if i % 10 == 0:
            cases.create_referral(db.uow(), coord, referral(
                Scheme.GATEWAY, crime_reference=f"{name}-{i:05d}"))
        else:
            appointments.schedule(db.uow(), coord, ref, AppointmentInput(
                starts_at=when, purpose=f"{name} {i:05d}", bail_condition=True))
        if i % 3 == 0:
            casefile.get_case(db.uow(), coord, ref)
        if i % 50 == 0:
            casefile.list_cases(db.uow(), coord, casefile.CaseFilter(), limit=20)
    db.dispose()
    print(f"{name} saved {saves}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
