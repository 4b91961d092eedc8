#!/usr/bin/env bash
# make bench: time the hot paths on a fresh database (dropped afterwards): bench_kinerja (BENCH_EMPLOYEES=1000)
# and bench_bkpsdm, BKPSDM's year: Penetapan check, monitoring, reminders, SIASN export (BENCH_SKPS=10000).
source "$(dirname "$0")/lib.sh"
scratch_db bench
echo "[bench] installing hr_asn_kinerja on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i hr_asn_kinerja --stop-after-init --log-level=warn
# each suite runs even when another fails; the run fails when one did
rc=0
for suite in bench_kinerja bench_bkpsdm; do
    "${odoo_bin[@]}" shell -c "$conf" -d "$db" --log-level=warn --no-http < "$repo/tests/benchmarks/$suite.py" || {
        rc=$?
        echo "[bench] $suite failed" >&2
    }
done
exit "$rc"
