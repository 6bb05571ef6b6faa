#!/bin/sh
# Runs once, on the first start of an empty data volume (the postgres image's init hook): one
# login role and one database per agency, the role owning its database and nothing else, so a
# subgraph can migrate its own schema and cannot read another agency's data. The passwords come
# from .env (see .env.example); psql quotes them, so any character is safe.
set -eu

for agency in airports customs drugs routes; do
  var="$(echo "$agency" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="$(printenv "$var" || true)"
  if [ -z "$password" ]; then
    echo "10-agency-databases: $var is not set (create .env with deploy/compose/make-env.sh)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v agency="$agency" -v password="$password" <<'SQL'
CREATE ROLE :"agency" LOGIN PASSWORD :'password';
CREATE DATABASE :"agency" OWNER :"agency";
REVOKE ALL ON DATABASE :"agency" FROM PUBLIC;
SQL
done
