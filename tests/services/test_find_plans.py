"""Find anyone reads one kind of search word at a time: on SQLite each word range is a range
of its kind in the index (a name typed as "DL1" must not walk every Darlington postcode word),
and the parties of the cases found are looked up by case, never as every case-person pair."""

from __future__ import annotations

import pytest

from app.db import Database
from app.services import find
from app.services.context import Actor
from tests.plans import planned


@pytest.mark.parametrize("typed", ["0064", "smi", "jade smi", "DL1", "07700"])
def test_each_word_range_is_one_kind_read_from_the_index(
        plans_demo: tuple[Database, Actor], typed: str) -> None:
    db, coord = plans_demo
    _, plans = planned(db, lambda: find.find(db.uow(), coord, typed),
                       keep=lambda sql: sql.startswith("SELECT") and "WHERE" in sql)
    steps = [step for _sql, plan in plans for step in plan]
    words = [s for s in steps if "search_terms" in s and "term>" in s]
    assert words, steps
    assert all("COVERING INDEX ix_search_terms_kind_term (kind=? AND term>? AND term<?)" in s
               for s in words), words
    # the only scans are of a compound query's own result (the INTERSECT of two names)
    assert not [s for s in steps if s.startswith("SCAN ") and not s.startswith(
        ("SCAN CONSTANT ROW", "SCAN anon_", "SCAN (subquery"))], steps
    parties = [s for s in steps if "case_parties" in s]
    assert all("person_id=" not in s for s in parties), parties
