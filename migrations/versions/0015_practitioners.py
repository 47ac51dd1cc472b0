"""practitioner register and the national standards

Revision ID: 0015_practitioners
Revises: 0014_erasure_ledger
Create Date: 2026-12-01 08:45:24.487703
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "0015_practitioners"
down_revision = "0014_erasure_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('practitioners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('staff', 'volunteer', name='practitionerkind', native_enum=False, length=32), nullable=False),
    sa.Column('schemes', sa.String(length=120), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('active', 'paused', 'left', name='practitionerstatus', native_enum=False, length=32), nullable=False),
    sa.Column('rjc_level', sa.Enum('registered practitioner', 'accredited practitioner', name='rjclevel', native_enum=False, length=40), nullable=True),
    sa.Column('rjc_number', sa.String(length=40), nullable=True),
    sa.Column('rjc_renewal_on', sa.Date(), nullable=True),
    sa.Column('languages', sa.String(length=200), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_practitioners_updated_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_practitioners_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practitioners')),
    sa.UniqueConstraint('user_id', name=op.f('uq_practitioners_user_id'))
    )
    op.create_table('conflict_declarations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('person_name', sa.String(length=170), nullable=False),
    sa.Column('match_name', sa.String(length=170), nullable=False),
    sa.Column('how', sa.String(length=400), nullable=False),
    sa.Column('declared_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_conflict_declarations_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_conflict_declarations_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_declarations'))
    )
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_declarations_match_name'), ['match_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_declarations_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('cpd_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=1), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_cpd_entries_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_cpd_entries_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_entries'))
    )
    with op.batch_alter_table('cpd_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cpd_entries_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('supervision_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('supervision', 'observed practice', name='supervisionkind', native_enum=False, length=32), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=False),
    sa.Column('cases_discussed', sa.String(length=400), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('actions', sa.Text(), nullable=True),
    sa.Column('signed_off_by_id', sa.Integer(), nullable=True),
    sa.Column('signed_off_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_supervision_sessions_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['signed_off_by_id'], ['users.id'], name=op.f('fk_supervision_sessions_signed_off_by_id_users')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['users.id'], name=op.f('fk_supervision_sessions_supervisor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_sessions'))
    )
    with op.batch_alter_table('supervision_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_sessions_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('training_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('course', sa.String(length=120), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=1), nullable=False),
    sa.Column('certificate_name', sa.String(length=200), nullable=True),
    sa.Column('certificate', sa.LargeBinary(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_training_records_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_training_records_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_records'))
    )
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_records_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('unavailability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_unavailability_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unavailability'))
    )
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unavailability_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('vetting_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Enum('basic', 'standard', 'enhanced', 'enhanced with barred lists', name='dbslevel', native_enum=False, length=40), nullable=False),
    sa.Column('certificate_number', sa.String(length=20), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('update_checked_on', sa.Date(), nullable=True),
    sa.Column('next_due_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_vetting_checks_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_vetting_checks_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vetting_checks'))
    )
    with op.batch_alter_table('vetting_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vetting_checks_next_due_on'), ['next_due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_vetting_checks_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('assignment_confirmations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('asked_on', sa.Date(), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_assignment_confirmations_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_assignment_confirmations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_confirmations'))
    )
    with op.batch_alter_table('assignment_confirmations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_confirmations_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_assignment_confirmations_user_open', ['user_id', 'confirmed_on'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('complainant', sa.String(length=170), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('practitioner_user_id', sa.Integer(), nullable=True),
    sa.Column('about', sa.Text(), nullable=False),
    sa.Column('acknowledge_by', sa.Date(), nullable=False),
    sa.Column('respond_by', sa.Date(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=True),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('upheld', sa.Boolean(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_complaints_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['practitioner_user_id'], ['users.id'], name=op.f('fk_complaints_practitioner_user_id_users')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_complaints_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaints_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_received_on'), ['received_on'], unique=False)

    op.create_table('meeting_bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', UTCDateTime(), nullable=False),
    sa.Column('ends_at', UTCDateTime(), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=True),
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('cofacilitator_id', sa.Integer(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_meeting_bookings_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['cofacilitator_id'], ['users.id'], name=op.f('fk_meeting_bookings_cofacilitator_id_users')),
    sa.ForeignKeyConstraint(['facilitator_id'], ['users.id'], name=op.f('fk_meeting_bookings_facilitator_id_users')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_meeting_bookings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_bookings'))
    )
    with op.batch_alter_table('meeting_bookings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_bookings_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_meeting_bookings_starts', ['starts_at'], unique=False)

    op.create_table('risk_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('before allocation', 'before the meeting', name='riskstage', native_enum=False, length=32), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessed_by_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Enum('low', 'medium', 'high', name='risklevel', native_enum=False, length=32), nullable=False),
    sa.Column('sensitive', sa.Enum('domestic abuse', 'sexual offence', 'hate crime', 'stalking', 'other complex case', name='sensitivekind', native_enum=False, length=32), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessed_by_id'], ['users.id'], name=op.f('fk_risk_assessments_assessed_by_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_risk_assessments_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_assessments'))
    )
    with op.batch_alter_table('risk_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_assessments_case_id'), ['case_id'], unique=False)

    op.create_table('expenses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('conference_id', sa.Integer(), nullable=True),
    sa.Column('incurred_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('mileage', 'out of pocket', name='expensekind', native_enum=False, length=32), nullable=False),
    sa.Column('miles', sa.Numeric(precision=7, scale=1), nullable=True),
    sa.Column('amount', sa.Numeric(precision=9, scale=2), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('claimed', 'approved', 'refused', 'paid', name='expensestatus', native_enum=False, length=32), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_reason', sa.String(length=400), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_expenses_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], name=op.f('fk_expenses_conference_id_conferences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_expenses_decided_by_id_users')),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], name=op.f('fk_expenses_practitioner_id_practitioners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_expenses_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expenses'))
    )
    with op.batch_alter_table('expenses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expenses_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenses_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenses_practitioner_id'), ['practitioner_id'], unique=False)

    op.create_table('facilitator_objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=True),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_facilitator_objections_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['case_parties.id'], name=op.f('fk_facilitator_objections_party_id_case_parties'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_facilitator_objections_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_facilitator_objections_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitator_objections'))
    )
    with op.batch_alter_table('facilitator_objections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilitator_objections_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_facilitator_objections_party_id'), ['party_id'], unique=False)

    op.create_table('victims_code_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('enhanced_rights', sa.Boolean(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('offered_on', sa.Date(), nullable=True),
    sa.Column('offered_by_id', sa.Integer(), nullable=True),
    sa.Column('how', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_victims_code_records_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offered_by_id'], ['users.id'], name=op.f('fk_victims_code_records_offered_by_id_users')),
    sa.ForeignKeyConstraint(['party_id'], ['case_parties.id'], name=op.f('fk_victims_code_records_party_id_case_parties'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_victims_code_records')),
    sa.UniqueConstraint('party_id', name=op.f('uq_victims_code_records_party_id'))
    )
    with op.batch_alter_table('victims_code_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_victims_code_records_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_victims_code_records_due_on'), ['due_on'], unique=False)

    op.create_table('consent_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.Enum('in writing', 'verbally', 'by phone', name='consentmethod', native_enum=False, length=32), nullable=False),
    sa.Column('taken_by_id', sa.Integer(), nullable=False),
    sa.Column('form_name', sa.String(length=200), nullable=True),
    sa.Column('form_sha256', sa.String(length=64), nullable=True),
    sa.Column('form', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['consent_id'], ['consents.id'], name=op.f('fk_consent_evidence_consent_id_consents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['taken_by_id'], ['users.id'], name=op.f('fk_consent_evidence_taken_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_evidence')),
    sa.UniqueConstraint('consent_id', name=op.f('uq_consent_evidence_consent_id'))
    )


def downgrade() -> None:
    op.drop_table('consent_evidence')
    with op.batch_alter_table('victims_code_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_victims_code_records_due_on'))
        batch_op.drop_index(batch_op.f('ix_victims_code_records_case_id'))

    op.drop_table('victims_code_records')
    with op.batch_alter_table('facilitator_objections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilitator_objections_party_id'))
        batch_op.drop_index(batch_op.f('ix_facilitator_objections_case_id'))

    op.drop_table('facilitator_objections')
    with op.batch_alter_table('expenses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expenses_practitioner_id'))
        batch_op.drop_index(batch_op.f('ix_expenses_conference_id'))
        batch_op.drop_index(batch_op.f('ix_expenses_case_id'))

    op.drop_table('expenses')
    with op.batch_alter_table('risk_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_assessments_case_id'))

    op.drop_table('risk_assessments')
    with op.batch_alter_table('meeting_bookings', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_bookings_starts')
        batch_op.drop_index(batch_op.f('ix_meeting_bookings_case_id'))

    op.drop_table('meeting_bookings')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_received_on'))
        batch_op.drop_index(batch_op.f('ix_complaints_case_id'))

    op.drop_table('complaints')
    with op.batch_alter_table('assignment_confirmations', schema=None) as batch_op:
        batch_op.drop_index('ix_assignment_confirmations_user_open')
        batch_op.drop_index(batch_op.f('ix_assignment_confirmations_case_id'))

    op.drop_table('assignment_confirmations')
    with op.batch_alter_table('vetting_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vetting_checks_practitioner_id'))
        batch_op.drop_index(batch_op.f('ix_vetting_checks_next_due_on'))

    op.drop_table('vetting_checks')
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unavailability_practitioner_id'))

    op.drop_table('unavailability')
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_records_practitioner_id'))

    op.drop_table('training_records')
    with op.batch_alter_table('supervision_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_sessions_practitioner_id'))

    op.drop_table('supervision_sessions')
    with op.batch_alter_table('cpd_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cpd_entries_practitioner_id'))

    op.drop_table('cpd_entries')
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_practitioner_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_match_name'))

    op.drop_table('conflict_declarations')
    op.drop_table('practitioners')
