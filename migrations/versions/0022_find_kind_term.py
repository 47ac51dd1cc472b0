"""find kind term: each kind of search word is its own index range, holding the case and person

Find anyone asks for one kind of word starting with what was typed (names starting "dl1", or a
reference, crime reference, postcode or phone starting "07700"). The index on (term, kind)
served the prefix but not the kind: "DL1" walked every postcode word in Darlington to find no
name, and each name found was looked up in the table for its case and person. An index on
(kind, term, case_id, person_id) answers each kind's range from the index alone.

Revision ID: 0022_find_kind_term
Revises: 0021_disclosures
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0022_find_kind_term"
down_revision = "0021_disclosures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_search_terms_kind_term", "search_terms",
                    ["kind", "term", "case_id", "person_id"], unique=False)
    op.drop_index("ix_search_terms_term", table_name="search_terms")


def downgrade() -> None:
    op.create_index("ix_search_terms_term", "search_terms", ["term", "kind"], unique=False)
    op.drop_index("ix_search_terms_kind_term", table_name="search_terms")
