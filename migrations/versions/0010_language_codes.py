"""A person's language as an ISO 639 code instead of free text.

Names typed before (in English or in the language itself, any case or spacing) become their
codes; text that names no language on the list becomes 'und' (not known), for a worker to set.

Revision ID: 0010_language_codes
Revises: 0009_attachments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_language_codes"
down_revision = "0009_attachments"
branch_labels = None
depends_on = None

# a copy (migrations must not change when the app's list does)
_CODES = {
    "en": ("english",), "cy": ("welsh", "cymraeg"), "pl": ("polish", "polski"),
    "ro": ("romanian", "română", "romana"), "pa": ("punjabi",), "ur": ("urdu",),
    "bn": ("bengali", "bangla"), "gu": ("gujarati",), "ar": ("arabic",),
    "pt": ("portuguese", "português"), "es": ("spanish", "español"),
    "lt": ("lithuanian", "lietuvių"), "lv": ("latvian", "latviešu"), "tr": ("turkish", "türkçe"),
    "so": ("somali", "soomaali"), "ta": ("tamil",), "it": ("italian", "italiano"),
    "fr": ("french", "français"), "zh": ("chinese", "mandarin", "cantonese"),
    "vi": ("vietnamese", "tiếng việt"), "ku": ("kurdish", "kurdî"),
    "fa": ("persian", "farsi", "persian (farsi)"), "ps": ("pashto",), "ti": ("tigrinya",),
    "uk": ("ukrainian",), "ru": ("russian",), "bg": ("bulgarian",), "hu": ("hungarian",),
    "sk": ("slovak",), "cs": ("czech",), "sq": ("albanian",), "ga": ("irish",),
    "gd": ("scottish gaelic", "gaelic"), "bfi": ("british sign language", "bsl"),
    "und": ("not known",),
}
_NAMES = {code: names[0].title() for code, names in _CODES.items()}


def _code(text: str | None) -> str:
    folded = " ".join((text or "").split()).casefold()
    for code, names in _CODES.items():
        if folded == code or folded in names:
            return code
    return "en" if not folded else "und"


def upgrade() -> None:
    conn = op.get_bind()
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("language", sa.String))
    rows = conn.execute(sa.select(people.c.language).distinct()).scalars().all()
    for value in rows:
        conn.execute(people.update().where(people.c.language == value)
                     .values(language=_code(value)))


def downgrade() -> None:
    conn = op.get_bind()
    people = sa.table("people", sa.column("language", sa.String))
    for code, name in _NAMES.items():
        conn.execute(people.update().where(people.c.language == code).values(language=name))
