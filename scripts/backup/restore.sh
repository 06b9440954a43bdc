#!/usr/bin/env bash
# Restores a backup made by backup.sh into a NEW database and blob folder,
# then checks it: every table's row count must equal the manifest and every
# blob's sha256 must match. Refuses to restore over an existing database.
#
#   scripts/backup/restore.sh <backup-dir> <target-database-url> <target-storage-dir>
set -euo pipefail
src="${1:?usage: restore.sh <backup-dir> <target-database-url> <target-storage-dir>}"
target="${2:?target database url}"
blobs="${3:?target storage dir}"
src="$(cd "$src" && pwd)"
name="$(basename "${target%%\?*}")"
admin="${target%/*}/postgres"

if [ "$(psql "$admin" -At -c "select count(*) from pg_database where datname = '$name'")" != "0" ]; then
  echo "restore: database $name already exists; restore into a fresh one" >&2
  exit 2
fi
psql "$admin" -v ON_ERROR_STOP=1 -q -c "create database \"$name\""
# Extensions (pg_trgm) are recreated by the dump itself.
pg_restore --no-owner --exit-on-error --dbname "$target" "$src/db.dump"

mkdir -p "$blobs"
tar -C "$blobs" -xf "$src/blobs.tar"

failed=0
while IFS=$'\t' read -r table expected; do
  got="$(psql "$target" -At -c "select count(*) from \"$table\"")"
  if [ "$got" != "$expected" ]; then
    echo "restore: $table has $got rows, the backup had $expected" >&2
    failed=1
  fi
done <"$src/counts.tsv"
if ! (cd "$blobs" && sha256sum --quiet -c "$src/blobs.sha256" >&2); then
  echo "restore: blob hashes differ from the backup" >&2
  failed=1
fi
[ "$failed" = 0 ] || exit 1
echo "{\"restored\":\"$name\",\"tables\":$(wc -l <"$src/counts.tsv"),\"blobs\":$(wc -l <"$src/blobs.sha256")}"
