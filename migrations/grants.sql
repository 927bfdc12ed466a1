-- Database grants for the service's role on PostgreSQL (issue 15): the role that runs the service may
-- read and write every table, but may only INSERT and SELECT audit events: it can never UPDATE, DELETE
-- or TRUNCATE the audit trail, so an attacker who takes over the service (or its credentials) cannot
-- rewrite history. The schema (migrations) is owned by another role, which runs `flask db upgrade`.
--
--   psql "$ADMIN_DATABASE_URL" -v app_role=toolkit_app -f migrations/grants.sql
--
-- Run it after every migration (new tables need their grants). The role must exist
-- (CREATE ROLE toolkit_app LOGIN PASSWORD '...') and must not own the tables: an owner bypasses grants.

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM :"app_role";
-- Migrations are not the service's business (readyz reads the version).
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app_role";
