"""Each user's preferences: kept per user, within the security limit, checked, audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import MAX_IDLE_LOCK_MINUTES
from app.errors import ValidationError
from app.services import preferences
from app.services.preferences import Preferences
from tests.services.journeys import count


def test_preferences_are_each_users_own(db, nav, mentor, tmp_path: Path):
    assert preferences.get_preferences(db.uow(), nav) == Preferences()
    mine = Preferences(idle_lock_minutes=5, letter_format="large-print",
                       documents_folder=str(tmp_path))
    assert preferences.save_preferences(db.uow(), nav, mine) == mine
    assert preferences.get_preferences(db.uow(), nav) == mine
    assert preferences.get_preferences(db.uow(), mentor) == Preferences()
    assert preferences.effective_idle_minutes(mine, 10) == 5
    assert preferences.effective_idle_minutes(Preferences(), 10) == 10
    assert count(db, "audit_events", "action = 'preferences.save'") == 1


@pytest.mark.parametrize(("prefs", "words"), [
    (Preferences(idle_lock_minutes=MAX_IDLE_LOCK_MINUTES + 1), "security limit"),
    (Preferences(idle_lock_minutes=0), "1 to 15 minutes"),
    (Preferences(letter_format="comic sans"), "Unknown letter format"),
    (Preferences(documents_folder="/no/such/folder"), "does not exist"),
    (Preferences(ui_language="xx"), "not available"),
])
def test_bad_preferences_are_refused_and_nothing_is_kept(db, nav, prefs, words):
    with pytest.raises(ValidationError, match=words):
        preferences.save_preferences(db.uow(), nav, prefs)
    assert preferences.get_preferences(db.uow(), nav) == Preferences()
    assert count(db, "audit_events", "action = 'preferences.save'") == 0
