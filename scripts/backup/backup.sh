#!/usr/bin/env bash
# Backs up RetouchIQ Studio: the database (pg_dump, custom format) and the
# blob store (tar), with a manifest to check a restore against: exact row
# counts per table and the sha256 of every blob file.
#
#   DATABASE_URL=… STORAGE_DIR=… scripts/backup/backup.sh <out-dir>
#
# Consistency: pg_dump takes one snapshot; blobs are content-addressed and only
# added, so copying the blob folder after the dump captures every blob the dump
# references (later additions are harmless extras). Restore with restore.sh.
set -euo pipefail
out="${1:?usage: backup.sh <out-dir>}"
db="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/retouchiq}"
blobs="${STORAGE_DIR:-./data/blobs}"
mkdir -p "$out"

pg_dump --format=custom --no-owner --file "$out/db.dump" "$db"

# Exact row counts of every table in the public schema (from the same database, right after the dump).
psql "$db" -v ON_ERROR_STOP=1 -At -F $'\t' -c "
  select table_name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name" |
  while read -r table; do
    printf '%s\t%s\n' "$table" "$(psql "$db" -v ON_ERROR_STOP=1 -At -c "select count(*) from \"$table\"")"
  done >"$out/counts.tsv"

mkdir -p "$blobs"
(cd "$blobs" && find . -type f ! -name '*.tmp*' -print0 | sort -z | xargs -0 -r sha256sum) >"$out/blobs.sha256"
tar -C "$blobs" -cf "$out/blobs.tar" --files-from <(cut -c67- "$out/blobs.sha256")

echo "{\"backup\":\"$out\",\"tables\":$(wc -l <"$out/counts.tsv"),\"blobs\":$(wc -l <"$out/blobs.sha256"),\"bytes\":$(du -sb "$out" | cut -f1)}"
