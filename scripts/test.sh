#!/usr/bin/env bash
# make test: install both addons on a fresh database, run every suite with pytest, drop it.
# The whole suite runs its files on KINERJA_TEST_WORKERS processes (default 2): most of a browser tour's time is
# waiting, so two processes share the two cores; each works on its own copy of the database (pytest-odoo).
source "$(dirname "$0")/lib.sh"
scratch_db test

echo "[test] installing $modules on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" \
    --stop-after-init --log-level=warn --without-demo

cd "$repo"
suites=("$@")
parallel=()
if ((${#suites[@]} == 0)); then
    suites=(addons/hr_asn_kinerja/tests addons/hr_asn_training/tests tests)
    workers=${KINERJA_TEST_WORKERS:-2}
    ((workers < 2)) || parallel=(-n "$workers" --dist loadfile)
fi
# the workers' copies of the database are made and dropped by createdb/dropdb as the project's role
export PGUSER=$KINERJA_DB_USER
"$VENV/bin/pytest" --odoo-config="$conf" --odoo-database="$db" --odoo-http \
    --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" "${parallel[@]}" "${suites[@]}"
