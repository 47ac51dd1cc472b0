"""referral sources: the partnership's list, and every case's free-text source mapped onto it

Referral sources were typed, so "Police custody", "police  custody" and "POLICE CUSTODY" were
three figures in the board's referrals-by-source count. This revision makes the list and maps
each case's source to one entry of it: spellings that differ only in case and spacing become
one source (the listed spelling, or for a source not on the list, its commonest spelling,
which is added to the list). The rest of the list is seeded at start, like every reference list.

Revision ID: 0016_referral_sources
Revises: 0015_practitioners
Create Date: 2026-12-01 09:10:00
"""

from __future__ import annotations

from collections import Counter, defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0016_referral_sources"
down_revision = "0015_practitioners"
branch_labels = None
depends_on = None

#: The list as first seeded (resources/reference/seed.json at this revision).
SEED = ("Police custody", "Neighbourhood policing team", "Police (other)", "Housing provider",
        "Anti-social behaviour team", "Women's service", "Probation", "Court", "Health service",
        "School", "Victim Support", "Other agency", "Self-referral")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def upgrade() -> None:
    sources = op.create_table(
        "referral_sources",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_referral_sources")),
    )
    conn = op.get_bind()
    cases = sa.table("cases", sa.column("referral_source", sa.String(60)))
    used = Counter({text: n for text, n in conn.execute(
        sa.select(cases.c.referral_source, sa.func.count()).group_by(cases.c.referral_source))})
    canonical = {_fold(name): name for name in SEED}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text, n in used.items():
        if _fold(text) and _fold(text) not in canonical:
            spellings[_fold(text)][" ".join(text.split())] += n
    added = []
    for key, counts in sorted(spellings.items()):
        name = min(counts, key=lambda s: (-counts[s], s))
        canonical[key] = name
        added.append(name)
    # only the sources cases use: the rest of the list is seeded at start (seed_reference),
    # as every reference list is; a listed name keeps its place in the list
    in_use = {canonical[_fold(text)] for text in used if _fold(text)}
    rows = [{"name": name, "position": pos, "active": True}
            for pos, name in enumerate(SEED, start=1) if name in in_use]
    rows += [{"name": name, "position": 100 + pos, "active": True}
             for pos, name in enumerate(added, start=1)]
    op.bulk_insert(sources, rows)
    for text in used:
        target = canonical.get(_fold(text))
        if target is not None and target != text:
            conn.execute(cases.update().where(cases.c.referral_source == text)
                         .values(referral_source=target))


def downgrade() -> None:
    op.drop_table("referral_sources")
