-- The least-privilege role the service runs as on PostgreSQL (issues 15 and 28). Two roles:
--
--   toolkit_owner  owns the schema and runs the migrations (boot.sh runs `flask db upgrade` with
--                  MIGRATE_DATABASE_URL when it is set, then serves with DATABASE_URL);
--   toolkit_app    the service itself (DATABASE_URL): reads and writes rows, never the schema; may only
--                  INSERT and SELECT audit events, so an attacker who takes over the service (or its
--                  credentials) cannot rewrite the trail; no superuser, no CREATE, no TRUNCATE.
--
-- Once, as a superuser (passwords of your own):
--   CREATE ROLE toolkit_owner LOGIN PASSWORD '...';
--   CREATE ROLE toolkit_app LOGIN PASSWORD '...' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
--   CREATE DATABASE toolkit OWNER toolkit_owner;
--   REVOKE ALL ON DATABASE toolkit FROM PUBLIC;
--   GRANT CONNECT ON DATABASE toolkit TO toolkit_app;
--
-- Then after every migration (new tables need their grants), as the owner:
--   psql "postgresql://toolkit_owner@db/toolkit" -v app_role=toolkit_app -f migrations/grants.sql
--
-- The service's role must not own the tables: an owner bypasses grants.

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app_role";
REVOKE CREATE ON SCHEMA public FROM :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The audit trail is append-only for the service (its heads are also written outside the database:
-- AUDIT_ANCHOR_PATH, see toolkit/audit/anchors.py).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM :"app_role";
-- Migrations are not the service's business (readyz reads the version).
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app_role";
