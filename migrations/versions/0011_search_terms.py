"""find anyone: the search_terms index (folded words of references, names, dates of birth,
postcodes and phone numbers), built here for the cases already recorded

Revision ID: 0011_search_terms
Revises: 0010_language_codes
Create Date: 2026-12-01 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_search_terms"
down_revision = "0010_language_codes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Enum("reference", "crime reference", "name", "date of birth",
                                  "postcode", "phone", name="termkind", native_enum=False,
                                  create_constraint=False, length=20), nullable=False),
        sa.Column("term", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_search_terms_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_search_terms_person_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_terms")),
    )
    op.create_index("ix_search_terms_term", "search_terms", ["term", "kind"])
    op.create_index("ix_search_terms_case", "search_terms", ["case_id"])
    op.create_index("ix_search_terms_person", "search_terms", ["person_id"])
    # the words of the cases already there, made as the app makes them
    from app.services import find

    find.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_search_terms_person", table_name="search_terms")
    op.drop_index("ix_search_terms_case", table_name="search_terms")
    op.drop_index("ix_search_terms_term", table_name="search_terms")
    op.drop_table("search_terms")
