#!/usr/bin/env bash
# make cluster: the `scale` profile of docker/compose.yaml as processes on this machine, without Docker.
# KINERJA_NODES (3) web nodes, each with KINERJA_NODE_WORKERS (1) prefork HTTP workers and its gevent port, no
# scheduled actions and no job runner; one node for scheduled actions and the queue_job runner with its jobs (no
# public port); nginx in front (the project's
# docker/nginx/kinerja.conf, rendered for local ports) on 127.0.0.1:KINERJA_PORT (8069). All share one
# PostgreSQL, one data folder (filestore and sessions) and the database KINERJA_DB (kinerja_demo, created with
# the demo data when missing). Ctrl-C stops them all; so does the end of any one of them.
# KINERJA_LOGIN_RATE (e.g. 2r/s) sets nginx's login rate (the compose profile's otherwise). KINERJA_NO_UPDATE=1
# serves KINERJA_DB as it is and KINERJA_JOB_CRON_THREADS (1) sets the job node's cron threads
# (tests/test_cluster.py: the test database, 0).
source "$(dirname "$0")/lib.sh"
nodes=${KINERJA_NODES:-3}
node_workers=${KINERJA_NODE_WORKERS:-1}
port=${KINERJA_PORT:-8069}
db=${KINERJA_DB:-kinerja_demo}
for number in "$nodes" "$node_workers" "$port"; do
    [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "[cluster] KINERJA_NODES, KINERJA_NODE_WORKERS and KINERJA_PORT are numbers, not '$number'" >&2; exit 2; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx ]] || { echo "[cluster] nginx is missing: make setup installs it (Debian package nginx)" >&2; exit 1; }
dir=$state/cluster-$port
rm -rf "$dir" && mkdir -p "$dir"

pids=()
stop() {
    rc=$?
    trap - EXIT INT TERM
    ((${#pids[@]})) && kill -TERM "${pids[@]}" 2>/dev/null
    wait 2>/dev/null
    echo "[cluster] stopped"
    exit "$rc"
}
trap stop EXIT INT TERM

if [[ -z ${KINERJA_NO_UPDATE:-} ]]; then
    write_conf "$dir/setup.conf" 0
    prepare_demo_db "$dir/setup.conf" "$db"
fi

# start NAME HTTP_PORT GEVENT_PORT CRON_THREADS WORKERS [ENV...]: one Odoo node, its log in $dir/NAME.log
start() {
    write_conf "$dir/$1.conf" "$2" "$5"
    env "${@:6}" "${odoo_bin[@]}" -c "$dir/$1.conf" -d "$db" --db-filter="^$db\$" --gevent-port "$3" \
        --max-cron-threads "$4" --log-level=warn --logfile "$dir/$1.log" &
    pids+=($!)
    echo "$2" > "$dir/$1.port"
}

http_ports=() websocket_ports=()
next=$((port + 10))
for ((node = 1; node <= nodes; node++)); do
    http=$(free_port "$next") && gevent=$(free_port $((http + 1)))
    # as the compose profile's web containers: no job runner (queue_job's root channel at 0)
    start "web$node" "$http" "$gevent" 0 "$node_workers" ODOO_QUEUE_JOB_CHANNELS=root:0
    http_ports+=("$http") websocket_ports+=("$gevent")
    next=$((gevent + 1))
done
http=$(free_port "$next") && gevent=$(free_port $((http + 1)))
# the job runner (odoo.conf's [queue_job] channels) and the jobs it calls run here, on at least two workers
start jobs "$http" "$gevent" "${KINERJA_JOB_CRON_THREADS:-1}" $((node_workers > 2 ? node_workers : 2))

joined() { local IFS=,; echo "$*"; }
conf=$("$VENV/bin/python" "$repo/scripts/nginx_conf.py" "$dir" "$port" "$(joined "${http_ports[@]}")" \
    "$(joined "${websocket_ports[@]}")" ${KINERJA_LOGIN_RATE:+"$KINERJA_LOGIN_RATE"})
"$nginx" -p "$dir" -c "$conf" -e "$dir/error.log" &
pids+=($!)

for http in "${http_ports[@]}" "$port"; do
    for _ in $(seq 120); do
        "$VENV/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)" \
            "http://127.0.0.1:$http/web/health" 2>/dev/null && break
        sleep 1
    done
done
echo "[cluster] serving http://127.0.0.1:$port (database $db): $nodes web nodes x $node_workers workers on" \
    "$(joined "${http_ports[@]}"), scheduled actions and jobs on port $(cat "$dir/jobs.port"), logs in $dir"
echo "[cluster] ready"
wait -n "${pids[@]}"
echo "[cluster] a process ended; stopping the others" >&2
exit 1
