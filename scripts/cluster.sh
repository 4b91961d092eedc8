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
# (tests/test_cluster.py: the test database, 0). KINERJA_JOB_NODES (1) job nodes each run a job runner: one per
# database is elected, the others wait to take over.
# KINERJA_REPLICA=1: reads on a streaming standby (docs/deploy.md). The nodes then use a throw-away PostgreSQL of
# their own: a primary made by initdb in a temporary folder (127.0.0.1 only, a random password), holding a copy
# of KINERJA_DB and its filestore, and a standby made from it by pg_basebackup; the web nodes send the
# @api.readonly calls to the standby (db_replica_host/port). Ctrl-C stops and removes both. KINERJA_REPLICA_LOG=1
# logs every statement of both in their logs (tests/test_replica.py).
source "$(dirname "$0")/lib.sh"
nodes=${KINERJA_NODES:-3}
node_workers=${KINERJA_NODE_WORKERS:-1}
job_nodes=${KINERJA_JOB_NODES:-1}
port=${KINERJA_PORT:-8069}
db=${KINERJA_DB:-kinerja_demo}
for number in "$nodes" "$node_workers" "$job_nodes" "$port"; do
    [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "[cluster] KINERJA_NODES, KINERJA_NODE_WORKERS, KINERJA_JOB_NODES and KINERJA_PORT are numbers, not '$number'" >&2; exit 2; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx ]] || { echo "[cluster] nginx is missing: make setup installs it (Debian package nginx)" >&2; exit 1; }
dir=$state/cluster-$port
rm -rf "$dir" && mkdir -p "$dir"

pids=() pgdir=
stop() {
    rc=$?
    trap - EXIT INT TERM
    ((${#pids[@]})) && kill -TERM "${pids[@]}" 2>/dev/null
    wait 2>/dev/null
    trap '' PIPE # the terminal or pipe may be gone: remove the throw-away servers all the same
    if [[ -n $pgdir ]]; then
        for server in standby primary; do
            [[ ! -f $pgdir/$server/postmaster.pid ]] || as_pg "$pgbin/pg_ctl" -D "$pgdir/$server" -m immediate -w stop >/dev/null 2>&1 || true
        done
        rm -rf "$pgdir" "$dir/data"
    fi
    echo "[cluster] stopped" 2>/dev/null || true
    exit "$rc"
}
trap stop EXIT INT TERM

if [[ -z ${KINERJA_NO_UPDATE:-} ]]; then
    write_conf "$dir/setup.conf" 0
    prepare_demo_db "$dir/setup.conf" "$db"
fi

# as_pg COMMAND...: as the OS user that owns the throw-away PostgreSQL (initdb refuses root), in its folder
as_pg() {
    if ((EUID)); then "$@"; else (cd "$pgdir" && runuser -u postgres -- "$@"); fi
}

# pg_server_bin: the folder of initdb, pg_ctl and pg_basebackup (pg_config's, else the newest Debian one)
pg_server_bin() {
    local bin
    for bin in "$(pg_config --bindir 2>/dev/null)" $(compgen -G '/usr/lib/postgresql/*/bin' | sort -Vr); do
        [[ -n $bin && -x $bin/initdb && -x $bin/pg_ctl && -x $bin/pg_basebackup ]] && { echo "$bin"; return; }
    done
    echo "[cluster] KINERJA_REPLICA=1 needs the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup), found" \
        "neither in pg_config --bindir nor in /usr/lib/postgresql/*/bin: make setup installs them (Debian package postgresql)" >&2
    return 1
}

# pg_start NAME PORT: start the throw-away server NAME on 127.0.0.1:PORT, its log in $pgdir/NAME.log
pg_start() {
    local options="-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories=$pgdir"
    [[ -z ${KINERJA_REPLICA_LOG:-} ]] || options+=" -c log_statement=all"
    as_pg "$pgbin/pg_ctl" -D "$pgdir/$1" -l "$pgdir/$1.log" -o "$options" -w -t 120 start >/dev/null
}

# replica: the throw-away primary (a copy of $db and its filestore) and its streaming standby; the nodes made
# after it use them (PGHOST, PGPORT, PGPASSWORD, KINERJA_DATA_DIR) and $replica_lines sends their reads to the standby
replica_lines=
replica() {
    pgbin=$(pg_server_bin)
    ((EUID)) || id postgres >/dev/null 2>&1 || { echo "[cluster] KINERJA_REPLICA=1 run by root needs the OS user postgres (Debian package postgresql)" >&2; exit 1; }
    pgdir=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-replica.XXXXXX")
    ((EUID)) || chown postgres: "$pgdir"
    local password primary standby
    password=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
    (umask 077 && printf '%s\n' "$password" > "$pgdir/password")
    ((EUID)) || chown postgres: "$pgdir/password"
    as_pg "$pgbin/initdb" -D "$pgdir/primary" -U "$KINERJA_DB_USER" --auth=scram-sha-256 --pwfile="$pgdir/password" \
        --encoding=UTF8 --locale=C >/dev/null
    rm -f "$pgdir/password"
    primary=$(free_port 15432) && pg_start primary "$primary"
    echo "[cluster] copying $db into the throw-away primary on 127.0.0.1:$primary"
    PGPASSWORD=$password "$pgbin/createdb" -h 127.0.0.1 -p "$primary" -U "$KINERJA_DB_USER" -T template0 "$db"
    "$pgbin/pg_dump" -Fc -Z0 -U "$KINERJA_DB_USER" "$db" |
        PGPASSWORD=$password PGOPTIONS="-c synchronous_commit=off" "$pgbin/pg_restore" --single-transaction --no-owner --no-acl -h 127.0.0.1 -p "$primary" -U "$KINERJA_DB_USER" -d "$db"
    mkdir -p "$dir/data/filestore"
    [[ ! -d $state/data/filestore/$db ]] || cp -al "$state/data/filestore/$db" "$dir/data/filestore/"
    as_pg env PGPASSWORD="$password" "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U "$KINERJA_DB_USER" \
        -D "$pgdir/standby" -R -X stream -c fast
    standby=$(free_port $((primary + 1))) && pg_start standby "$standby"
    export PGHOST=127.0.0.1 PGPORT=$primary PGPASSWORD=$password KINERJA_DATA_DIR=$dir/data
    replica_lines=$(printf 'db_replica_host = 127.0.0.1\ndb_replica_port = %s' "$standby")
    echo "[cluster] primary on 127.0.0.1:$primary, streaming standby on 127.0.0.1:$standby, in $pgdir"
}
[[ -z ${KINERJA_REPLICA:-} ]] || replica

# start NAME HTTP_PORT GEVENT_PORT CRON_THREADS WORKERS LINES [ENV...]: one Odoo node, its log in $dir/NAME.log
# (with the job runner's election: "jobrunner.runner: starting", then "queue job runner ready" where elected)
start() {
    write_conf "$dir/$1.conf" "$2" "$5" "$6"
    env "${@:7}" "${odoo_bin[@]}" -c "$dir/$1.conf" -d "$db" --db-filter="^$db\$" --gevent-port "$3" \
        --max-cron-threads "$4" --log-level=warn --log-handler=odoo.addons.queue_job.jobrunner:INFO \
        --logfile "$dir/$1.log" &
    pids+=($!)
    echo "$2" > "$dir/$1.port"
}

http_ports=() websocket_ports=()
next=$((port + 10))
for ((node = 1; node <= nodes; node++)); do
    http=$(free_port "$next") && gevent=$(free_port $((http + 1)))
    # as the compose profile's web containers: no job runner (queue_job's root channel at 0)
    start "web$node" "$http" "$gevent" 0 "$node_workers" "$replica_lines" ODOO_QUEUE_JOB_CHANNELS=root:0
    http_ports+=("$http") websocket_ports+=("$gevent")
    next=$((gevent + 1))
done
# the job runner (odoo.conf's [queue_job] channels) and the jobs it calls run here, on at least two workers
job_ports=()
for ((node = 1; node <= job_nodes; node++)); do
    http=$(free_port "$next") && gevent=$(free_port $((http + 1)))
    name=jobs && ((node == 1)) || name=jobs$node
    start "$name" "$http" "$gevent" "${KINERJA_JOB_CRON_THREADS:-1}" \
        $((node_workers > 2 ? node_workers : 2)) ""
    job_ports+=("$http") next=$((gevent + 1))
done

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
    "$(joined "${http_ports[@]}"), scheduled actions and jobs on port $(joined "${job_ports[@]}"), logs in $dir"
echo "[cluster] ready"
wait -n "${pids[@]}"
echo "[cluster] a process ended; stopping the others" >&2
exit 1
