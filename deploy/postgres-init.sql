-- Sociale Balans, shared deployment: the two roles (compose.yaml mounts this into the official
-- postgres image's /docker-entrypoint-initdb.d; it runs once, when the data volume is empty).
--   balans_owner  owns the database and its tables; the one-shot migration connects as it
--                 (MIGRATION_DATABASE_URL).
--   balans_app    what the app processes connect as (DATABASE_URL): rows only, no schema changes;
--                 its table rights are granted by the migration after every run (src/db/postgres.ts).
-- The passwords come from the container's environment (deploy/shared.env), never from this file.
-- NOT RUN HERE (no Docker engine on the project's machines): the same roles and grants are made by
-- tests/integration/shared-deployment.postgres.test.ts on the test cluster.

\set ON_ERROR_STOP on
\getenv owner_password DB_OWNER_PASSWORD
\getenv app_password DB_APP_PASSWORD

CREATE ROLE balans_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE balans_app LOGIN PASSWORD :'app_password';

-- The owner of the database owns its public schema (pg_database_owner, PostgreSQL 15+), so the
-- migrations may create tables there; nobody else may (CREATE on public is not granted to PUBLIC).
ALTER DATABASE balans OWNER TO balans_owner;
REVOKE ALL ON DATABASE balans FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE balans TO balans_owner, balans_app;
