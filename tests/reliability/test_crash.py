"""Nothing reported saved is lost when the process dies mid-save, and nothing is half-saved.

A child process saves cases, restorative meetings and whole Checkpoint contracts (a contract and
its conditions, rewritten on each draft) through the real services on a real SQLite file, and
reports each save on stdout only after its commit returned. The test kills it with SIGKILL at
random moments and, after every kill, opens the file as the next start of the app would:
integrity check, foreign key check, every reported save present, every multi-row save whole.

200 kills by default; ``PATHWAYS_CRASH_KILLS=1000`` for the longer run (see README).
"""

from __future__ import annotations

import os
import queue
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.config import REPO_ROOT
from app.db import Database
from app.models.users import Role
from tests.factories import make_user
from tests.services.journeys import checkpoint_eligible, nr_consented, nr_parties

KILLS = int(os.environ.get("PATHWAYS_CRASH_KILLS", "200"))
TOKEN = re.compile(r"^token (\d+) (\d+)/(\d+)$")


@dataclass
class Reported:
    cases: dict[str, str] = field(default_factory=dict)  # reference -> crime reference
    meetings: dict[int, str] = field(default_factory=dict)  # conference id -> token
    contracts: dict[str, int] = field(default_factory=dict)  # reference -> last draft token
    counts: Counter[str] = field(default_factory=Counter)

    def take(self, line: str) -> None:
        kind, *rest = line.split()
        self.counts[kind] += 1
        if kind == "case":
            self.cases[rest[0]] = rest[1]
        elif kind == "meeting":
            self.meetings[int(rest[1])] = rest[2]
        elif kind == "contract":
            self.contracts[rest[0]] = int(rest[1])
        else:
            raise AssertionError(f"unexpected line from the child: {line!r}")


class ForkServer:
    """The worker process; lines it writes arrive on a queue."""

    def __init__(self, path: Path, env: dict[str, str], stderr: Path) -> None:
        self._err = stderr.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_worker", str(path)],
            cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._err, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.next() == "ready"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def next(self) -> str:
        try:
            return self.lines.get(timeout=30)
        except queue.Empty:
            raise AssertionError("the crash worker went silent") from None

    def go(self, token: int, seed: int) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"go {token} {seed}\n")
        self.proc.stdin.flush()
        line = self.next()
        assert line.startswith("pid "), line
        return int(line.split()[1])

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._err.close()


@pytest.fixture
def prepared(db: Database, db_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """Users and cases ready for meetings and contracts, made through the services."""
    coord = make_user(db, Role.COORDINATOR, "coord")
    nav = make_user(db, Role.NAVIGATOR, "nav")
    fac = make_user(db, Role.FACILITATOR, "fac")
    fac2 = make_user(db, Role.FACILITATOR, "fac2")
    cp = [checkpoint_eligible(db, coord, nav, referred_days_ago=20) for _ in range(4)]
    nr = []
    for _ in range(4):
        ref = nr_consented(db, coord, fac, fac2)
        nr.append(":".join([ref, *map(str, nr_parties(db, fac, ref))]))
    db.dispose()
    env = dict(os.environ, CRASH_CP_CASES=",".join(cp), CRASH_NR_CASES=",".join(nr),
               PYTHONPATH=str(REPO_ROOT))
    yield db_path, env


def check_after_kill(path: Path, seen: Reported) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for ref, crime in seen.cases.items():
            assert conn.execute("SELECT crime_reference FROM cases WHERE reference = ?",
                                (ref,)).fetchall() == [(crime,)], f"reported case {ref} lost"
        # a referral is whole: its participant, its first stage and its audit row
        torn = conn.execute(
            "SELECT reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_parties p "
            "WHERE p.case_id = c.id AND p.person_id = c.participant_id) OR NOT EXISTS "
            "(SELECT 1 FROM status_changes s WHERE s.case_id = c.id) OR NOT EXISTS "
            "(SELECT 1 FROM audit_events a WHERE a.case_id = c.id AND a.action = 'case.create')"
        ).fetchall()
        assert torn == []
        for meeting_id, token in seen.meetings.items():
            assert conn.execute("SELECT notes FROM conferences WHERE id = ?",
                                (meeting_id,)).fetchall() == [(f"token {token}",)]
        half_meetings = conn.execute(
            "SELECT c.id FROM conferences c LEFT JOIN conference_participants p "
            "ON p.conference_id = c.id GROUP BY c.id HAVING count(p.id) != 2").fetchall()
        assert half_meetings == []
        unaudited = conn.execute(
            "SELECT c.id FROM conferences c WHERE NOT EXISTS (SELECT 1 FROM audit_events a "
            "WHERE a.action = 'meeting.record' AND a.entity_id = c.id)").fetchall()
        assert unaudited == []
        for ref, hours, descriptions in _contracts(conn):
            parsed = [TOKEN.match(d) for d in descriptions]
            assert all(parsed), descriptions
            tokens = {(int(m[1]), int(m[3])) for m in parsed if m}
            assert len(tokens) == 1, f"{ref}: conditions of two drafts mixed: {descriptions}"
            ((token, n),) = tokens
            assert [int(m[2]) for m in parsed if m] == list(range(1, n + 1)), descriptions
            assert hours == (18 + token % 19 if n == 5 else None)
            # committed drafts later than the last reported one are fine; earlier are not
            assert token >= seen.contracts.get(ref, 0), f"{ref}: reported draft lost"
        for ref in seen.contracts:
            assert conn.execute("SELECT 1 FROM contracts JOIN cases ON cases.id = "
                                "contracts.case_id WHERE reference = ?", (ref,)).fetchone()
    finally:
        conn.close()


def _contracts(conn: sqlite3.Connection) -> list[tuple[str, int | None, list[str]]]:
    out = []
    for contract_id, ref, hours in conn.execute(
            "SELECT contracts.id, reference, community_hours_required FROM contracts "
            "JOIN cases ON cases.id = contracts.case_id"):
        rows = conn.execute("SELECT description FROM contract_conditions WHERE contract_id = ? "
                            "ORDER BY position", (contract_id,)).fetchall()
        out.append((ref, hours, [r[0] for r in rows]))
    return out


def test_sigkill_at_random_moments_loses_nothing_reported_and_tears_nothing(
        prepared: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    path, env = prepared
    rng = random.Random(20261126)
    server = ForkServer(path, env, tmp_path / "worker.err")
    seen = Reported()
    killed_mid_run = 0
    try:
        for kill in range(KILLS):
            pid = server.go(token=(kill + 1) * 100_000, seed=rng.randrange(2**32))
            # let it report 0 to 2 saves (so the test does not depend on the machine's speed),
            # then kill it somewhere in what follows: start-up, a save, or between saves
            for _ in range(rng.randint(0, 2)):
                line = server.next()
                assert not line.startswith("done "), (tmp_path / "worker.err").read_text()
                seen.take(line)
            time.sleep(rng.uniform(0, 0.04))
            os.kill(pid, signal.SIGKILL)
            while (line := server.next()) and not line.startswith("done "):
                seen.take(line)
            status = int(line.split()[1])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
                (tmp_path / "worker.err").read_text()
            killed_mid_run += 1
            check_after_kill(path, seen)
    finally:
        server.close()
    assert killed_mid_run == KILLS
    # the children really were saving when they died: each kind, many times over
    assert min(seen.counts[k] for k in ("case", "meeting", "contract")) >= KILLS // 10, \
        seen.counts
    assert (tmp_path / "worker.err").read_text() == ""
