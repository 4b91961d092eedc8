#!/usr/bin/env bash
# make load: the January peak (tests/load/load.py) over real web sessions, loopback only; ends by itself.
# By default on a throw-away database (dropped afterwards) served by its own Odoo with LOAD_WORKERS=2 prefork
# workers, one cron worker and the gevent process, the deployment's limits. LOAD_URL=http://127.0.0.1:8069
# LOAD_DB=kinerja_demo targets a running server instead (its people are added to that database, in a
# company of their own). LOAD_SUPERVISORS (20) x LOAD_EMPLOYEES (10), LOAD_USERS (16) at a time, each pausing
# LOAD_THINK (0.5) seconds between steps.
source "$(dirname "$0")/lib.sh"
export LOAD_SUPERVISORS=${LOAD_SUPERVISORS:-20} LOAD_EMPLOYEES=${LOAD_EMPLOYEES:-10} LOAD_USERS=${LOAD_USERS:-16}
export LOAD_TAG=load$(date +%H%M%S)
workers=${LOAD_WORKERS:-2}
server= proxy= proxy_dir=
stop_server() {
    [[ -z $proxy ]] || { kill -TERM "$proxy" 2>/dev/null && wait "$proxy" 2>/dev/null || true; }
    [[ -z $proxy_dir ]] || rm -rf "$proxy_dir"
    [[ -z $server ]] || { kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
}

if [[ -n ${LOAD_URL:-} ]]; then
    [[ -n ${LOAD_DB:-} ]] || { echo "[load] LOAD_URL needs LOAD_DB, the database it serves" >&2; exit 2; }
    db=$LOAD_DB conf=$state/load.conf
    write_conf "$conf" 0
    trap 'stop_server; rm -f "$conf" "${LOAD_PEOPLE:-}"' EXIT
else
    scratch_db load
    port=$(free_port 8170) && gevent_port=$(free_port $((port + 1)))
    write_conf "$conf" "$port" "$workers"
    export LOAD_URL=http://127.0.0.1:$port LOAD_DB=$db LOAD_BASE_URL=http://127.0.0.1:$port
    trap 'rc=$?; stop_server; drop_db "$db" || ((rc)) || rc=1; rm -f "$conf" "${LOAD_PEOPLE:-}"; exit "$rc"' EXIT
    echo "[load] installing $modules on $db"
    "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --stop-after-init --log-level=warn --without-demo
fi
export LOAD_PEOPLE=$state/$db.$LOAD_TAG.json
echo "[load] making $LOAD_SUPERVISORS supervisors x $LOAD_EMPLOYEES employees in $db"
odoo_shell "$conf" "$db" "$repo/tests/load/setup_data.py"

if [[ -z $server && -n ${port:-} ]]; then
    log=$state/$db.log
    echo "[load] serving $LOAD_URL with $workers workers (log: $log)"
    "${odoo_bin[@]}" -c "$conf" -d "$db" --db-filter="^$db\$" --http-interface 127.0.0.1 \
        --max-cron-threads 1 --gevent-port "$gevent_port" --log-level=warn --logfile "$log" &
    server=$!
    # the server's log stays when the run fails
    trap 'rc=$?; stop_server; drop_db "$db" || ((rc)) || rc=1; rm -f "$conf" "$LOAD_PEOPLE"; ((rc)) || rm -f "$log"; exit "$rc"' EXIT
    for _ in $(seq 60); do
        "$VENV/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)" \
            "$LOAD_URL/web/health" 2>/dev/null && break
        kill -0 "$server" 2>/dev/null || { tail -n 30 "$log" >&2; exit 1; }
        sleep 1
    done
fi
# nginx in front, as in make cluster and the compose profile: its login rate (LOAD_LOGIN_RATE, default 90r/m:
# a login is 0.6 s of a core, so the storm keeps about one worker of the two) is what the storm measures
if [[ -n $server && -z ${LOAD_NO_PROXY:-} ]] && nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null); then
    proxy_dir=$state/$db.nginx
    mkdir -p "$proxy_dir"
    proxy_port=$(free_port $((gevent_port + 1)))
    proxy_conf=$("$VENV/bin/python" "$repo/scripts/nginx_conf.py" "$proxy_dir" "$proxy_port" "$port" "$gevent_port" \
        "${LOAD_LOGIN_RATE:-90r/m}")
    "$nginx" -p "$proxy_dir" -c "$proxy_conf" -e "$proxy_dir/error.log" &
    proxy=$!
    export LOAD_URL=http://127.0.0.1:$proxy_port
    echo "[load] through nginx on $LOAD_URL (logins at ${LOAD_LOGIN_RATE:-90r/m})"
fi
"$VENV/bin/python" "$repo/tests/load/load.py"
