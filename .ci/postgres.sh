#!/usr/bin/env bash
# Start Debian's PostgreSQL on loopback and create the test database; print its SQLAlchemy URL.
set -euo pipefail
version=$(ls /etc/postgresql | sort -n | tail -n 1)
pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
pg_isready -q -h 127.0.0.1 -t 60
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='hexatable'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE hexatable LOGIN PASSWORD 'hexatable'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='hexatable_test'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE DATABASE hexatable_test OWNER hexatable\""
echo "postgresql+psycopg://hexatable:hexatable@127.0.0.1:5432/hexatable_test"
