"""Account lifecycle: TOTP, refresh grace, sessions shown to their owner, one-time account tokens

Revision ID: v3accounts_lifecycle
Revises: v3alerts_alerts_events_webhooks
Create Date: 2026-12-07 17:00:00

practices.require_totp; therapists' password change time and TOTP secret; login_sessions' refresh grace
(previous refresh id and when it was replaced), last use and user-agent summary; account_tokens for password
reset links and second-factor challenges (only secrets' SHA-256 stored). Issue 28.
"""
import sqlalchemy as sa
from alembic import op


revision = 'v3accounts_lifecycle'
down_revision = 'v3safety_person_safety'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('require_totp', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('therapists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('totp_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('totp_enabled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refreshed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('previous_refresh_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('user_agent', sa.String(length=120), nullable=True))
    op.create_table(
        'account_tokens',
        sa.Column('therapist_id', sa.String(length=36), nullable=False),
        sa.Column('purpose', sa.String(length=20), nullable=False),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['therapist_id'], ['therapists.id'],
                                name=op.f('fk_account_tokens_therapist_id_therapists'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_tokens')),
        sa.UniqueConstraint('secret_hash', name=op.f('uq_account_tokens_secret_hash')),
    )
    with op.batch_alter_table('account_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_tokens_therapist_id'), ['therapist_id'], unique=False)


def downgrade():
    with op.batch_alter_table('account_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_tokens_therapist_id'))
    op.drop_table('account_tokens')
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        for name in ('user_agent', 'last_used_at', 'previous_refresh_id', 'refreshed_at'):
            batch_op.drop_column(name)
    with op.batch_alter_table('therapists', schema=None) as batch_op:
        for name in ('totp_last_step', 'totp_enabled_at', 'totp_secret', 'password_changed_at'):
            batch_op.drop_column(name)
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_column('require_totp')
