#!/usr/bin/env bash
# make bench: time the hot paths on a fresh database (dropped afterwards); BENCH_EMPLOYEES=1000 by default.
source "$(dirname "$0")/lib.sh"
db=kinerja_bench_$(date +%Y%m%d_%H%M%S)_$$
conf=$state/$db.conf
write_conf "$conf" 0
trap 'drop_db "$db"; rm -f "$conf"' EXIT
echo "[bench] installing hr_asn_kinerja on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i hr_asn_kinerja --stop-after-init --log-level=warn
"${odoo_bin[@]}" shell -c "$conf" -d "$db" --log-level=warn --no-http < "$repo/tests/benchmarks/bench_kinerja.py"
