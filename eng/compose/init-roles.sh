#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory: the owner role owns the
# database (schema changes), the application role only gets the grants `migrate` gives it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_pw="$FUNDS_OWNER_PASSWORD" -v app_pw="$FUNDS_APP_PASSWORD" <<'SQL'
create role funds_owner login password :'owner_pw';
create role funds_app login password :'app_pw';
alter database funds owner to funds_owner;
revoke all on database funds from public;
grant connect on database funds to funds_app;
SQL
