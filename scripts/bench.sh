#!/usr/bin/env bash
# make bench: time the hot paths on a fresh database (dropped afterwards); BENCH_EMPLOYEES=1000 by default.
source "$(dirname "$0")/lib.sh"
scratch_db bench
echo "[bench] installing hr_asn_kinerja on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i hr_asn_kinerja --stop-after-init --log-level=warn
"${odoo_bin[@]}" shell -c "$conf" -d "$db" --log-level=warn --no-http < "$repo/tests/benchmarks/bench_kinerja.py"
