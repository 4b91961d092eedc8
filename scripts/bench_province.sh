#!/usr/bin/env bash
# BENCH_PROVINCE=1 make bench (after the other suites; BENCH_SUITES= runs this alone): the long runs of a province
# on a real job node. Builds BENCH_PROVINCE_PEOPLE (60,000) civil servants in BENCH_PROVINCE_UNITS (600) units in a
# throw-away database through the SIASN import (tests/benchmarks/province_build.py), then for each count of
# BENCH_PROVINCE_WORKERS (1,4): a copy of it served by one job node (4 HTTP workers, no cron, the job runner with
# ODOO_QUEUE_JOB_CHANNELS=root:N,root.kinerja:N, as a job node of make cluster) and, in an Odoo shell beside it,
# period opening, the reminder run, the result e-mails of every SKP made final and the SIASN export
# (tests/benchmarks/province_runs.py): HR's click, then the wall time until its last job is done, with queries.
# It ends with a table of the runs' wall times per count of job workers (tests/benchmarks/province_summary.py).
# 34 minutes at the defaults on 2 cores, 15 of them building (docs/performance.md, "A province"). Everything is
# dropped at the end.
# BENCH_PROVINCE_DB=name keeps the province built in that database for the next run (built when missing).
source "$(dirname "$0")/lib.sh"
db=${BENCH_PROVINCE_DB:-kinerja_province_$(date +%Y%m%d_%H%M%S)_$$}
conf=$state/$db.conf
write_conf "$conf" 0
node= copy=
cleanup() {
    [[ -z $node ]] || { kill -TERM "$node" 2>/dev/null; wait "$node" 2>/dev/null; }
    [[ -z $copy ]] || drop_db "$copy" || true
    rm -f "$state/$db".node.* "$conf"
    [[ -n ${BENCH_PROVINCE_DB:-} ]] || drop_db "$db"
}
trap 'rc=$?; cleanup || ((rc)) || rc=1; exit "$rc"' EXIT
benchmarks=$repo/tests/benchmarks
if ! db_exists "$db"; then
    echo "[bench] installing $modules on $db"
    # a half-built province would be kept: drop it when the build fails
    "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --stop-after-init --log-level=warn &&
        odoo_shell "$conf" "$db" "$benchmarks/province_build.py" || { drop_db "$db"; exit 1; }
else
    echo "[bench] the province of $db, built before"
fi
summary=$state/$db.node.summary
rm -f "$summary"
IFS=, read -ra counts <<< "${BENCH_PROVINCE_WORKERS:-1,4}"
for n in "${counts[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "[bench] BENCH_PROVINCE_WORKERS: numbers, not '$n'" >&2; exit 2; }
    copy=${db}_w$n
    createdb -U "$KINERJA_DB_USER" -T "$db" "$copy"
    [[ ! -d $state/data/filestore/$db ]] || cp -al "$state/data/filestore/$db" "$state/data/filestore/$copy"
    http=$(free_port 8469) && gevent=$(free_port $((http + 1)))
    node_conf=$state/$db.node.conf log=$state/$db.node.log
    write_conf "$node_conf" "$http" $((n > 4 ? n : 4))
    rm -f "$log"
    ODOO_QUEUE_JOB_CHANNELS=root:$n,root.kinerja:$n "${odoo_bin[@]}" -c "$node_conf" -d "$copy" \
        --db-filter="^$copy\$" --gevent-port "$gevent" --max-cron-threads 0 --log-level=warn \
        --log-handler=werkzeug:INFO --log-handler=odoo.addons.queue_job.jobrunner:INFO --logfile "$log" &
    node=$!
    for _ in $(seq 120); do
        grep -q "queue job runner ready" "$log" 2>/dev/null && break
        sleep 1
    done
    grep -q "queue job runner ready" "$log" || { echo "[bench] the job node did not start: $log" >&2; exit 1; }
    odoo_shell "$node_conf" "$copy" "$benchmarks/province_runs.py" BENCH_JOB_WORKERS="$n" BENCH_JOB_LOG="$log" \
        BENCH_JOB_PID="$node" BENCH_SUMMARY="$summary"
    kill -TERM "$node" && wait "$node" || true
    node=
    drop_db "$copy" && copy=
done
"$VENV/bin/python" "$benchmarks/province_summary.py" "$summary"
