#!/usr/bin/env bash
# Start a local PostgreSQL for the integration tests (as root, Debian) and print its URL.
# Idempotent: installs only when missing, reuses a running cluster, keeps an existing role
# and database. Progress goes to stderr; stdout is the URL alone, so CI can capture it:
#   CROSSTRACK_TEST_POSTGRES_URL="$(.ci/postgres.sh)"
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

ROLE="${CROSSTRACK_PG_ROLE:-crosstrack}"
PASSWORD="${CROSSTRACK_PG_PASSWORD:-crosstrack}"
DATABASE="${CROSSTRACK_PG_DATABASE:-crosstrack_test}"
CLUSTER="${CROSSTRACK_PG_CLUSTER:-main}"
PORT="${CROSSTRACK_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing postgresql"
  apt-get install -y -q postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

cluster_field() {  # cluster_field N: column N of our cluster's pg_lsclusters line
  pg_lsclusters --no-header | awk -v v="$VERSION" -v c="$CLUSTER" -v n="$1" '$1 == v && $2 == c { print $n }'
}

if [ -z "$(cluster_field 2)" ]; then
  log "creating cluster $VERSION/$CLUSTER on port $PORT"
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
PORT="$(cluster_field 3)"
install -d -o postgres -g postgres -m 2775 /var/run/postgresql
if [ "$(cluster_field 4)" != "online" ]; then
  log "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  log "PostgreSQL does not accept connections on 127.0.0.1:$PORT"
  exit 1
fi

as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -p "$PORT" -q -v ON_ERROR_STOP=1 \
  -v role="$ROLE" -v password="$PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL
if [ -z "$(as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
  log "creating database $DATABASE"
  as_postgres createdb -p "$PORT" -O "$ROLE" "$DATABASE"
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
