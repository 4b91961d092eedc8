#!/usr/bin/env bash
# make bench: time the hot paths on a fresh database with both addons (dropped afterwards): bench_kinerja
# (period opening at BENCH_SIZES=1000,5000,10000 employees beside res.partner, the appraiser's list at
# BENCH_SUBORDINATES=10,50,200, the final result of BENCH_FINALISE=1000 SKPs with the training link, each
# workflow step beside a plain write) and bench_bkpsdm, BKPSDM's year: Penetapan check, monitoring,
# reminders, SIASN export (BENCH_SKPS=10000); and bench_siasn, moving in from SIASN: preview, import and accounts
# of BENCH_SIASN=8000 people in BENCH_SIASN_UNITS=600 units beside Odoo's base_import of the same rows;
# bench_training_needs, the AKPK of a regency
# (BENCH_AKPK_EMPLOYEES=8000 in BENCH_AKPK_UNITS=600 units, BENCH_AKPK_COMPETENCIES=20 per job).
# BENCH_SUITES=bench_siasn,... runs only those. The suites share tests/benchmarks/bench_common.py (on PYTHONPATH).
# BENCH_PROVINCE=1 then runs the province's long runs on a real job node (scripts/bench_province.sh, about 34
# minutes); `BENCH_PROVINCE=1 BENCH_SUITES= make bench` runs it alone.
source "$(dirname "$0")/lib.sh"
IFS=, read -ra suites <<< "${BENCH_SUITES-bench_kinerja,bench_bkpsdm,bench_siasn,bench_training_needs}"
# each suite runs even when another fails; the run fails when one did
rc=0
if ((${#suites[@]})); then
    scratch_db bench
    echo "[bench] installing $modules on $db"
    "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --stop-after-init --log-level=warn
fi
for suite in "${suites[@]}"; do
    odoo_shell "$conf" "$db" "$repo/tests/benchmarks/$suite.py" || {
        rc=$?
        echo "[bench] $suite failed" >&2
    }
done
if [[ -n ${BENCH_PROVINCE:-} ]]; then
    "$repo/scripts/bench_province.sh" || {
        rc=$?
        echo "[bench] the province failed" >&2
    }
fi
exit "$rc"
