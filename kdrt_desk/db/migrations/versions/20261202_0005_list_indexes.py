"""list indexes: the register and the screening list read their order from an index alone

Sealing made the rows several times larger, so a list that read every row to find its order
(50,000 participants sorted by name, 60,000 screenings by date) read most of the file. These
covering indexes give the order, and the text a search matches, without reading a row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_participant_register_code', 'participant',
                    ['code', 'id', 'search_text'])
    op.create_index('ix_participant_register_name', 'participant',
                    ['full_name', 'id', 'search_text'])
    op.create_index('ix_participant_anonymised', 'participant', ['id'],
                    sqlite_where=sa.text('anonymised_on IS NOT NULL'),
                    postgresql_where=sa.text('anonymised_on IS NOT NULL'))
    op.drop_index('ix_screening_screened_on', table_name='screening')
    op.create_index('ix_screening_list', 'screening', ['screened_on', 'id', 'participant_id'])


def downgrade() -> None:
    op.drop_index('ix_screening_list', table_name='screening')
    op.create_index('ix_screening_screened_on', 'screening', ['screened_on'])
    op.drop_index('ix_participant_anonymised', table_name='participant')
    op.drop_index('ix_participant_register_name', table_name='participant')
    op.drop_index('ix_participant_register_code', table_name='participant')
