#!/usr/bin/env bash
# make run: serve Odoo on http://localhost:8069 with the demo database kinerja_demo, on 127.0.0.1 only unless
# KINERJA_HTTP_INTERFACE names another interface; no database manager, this machine's master password (lib.sh).
# Production mode: KINERJA_WORKERS=N make run serves with N prefork HTTP workers, one cron worker and the
# gevent process for /websocket on KINERJA_GEVENT_PORT (default: the HTTP port + 3, i.e. 8072), with the
# limits of the deployment's odoo.conf. Without it: one multi-threaded process, as for development.
source "$(dirname "$0")/lib.sh"
db=${KINERJA_DB:-kinerja_demo}
port=${KINERJA_PORT:-8069}
workers=${KINERJA_WORKERS:-}
[[ -z $workers || $workers =~ ^[1-9][0-9]*$ ]] || { echo "[run] KINERJA_WORKERS must be a number of workers, not '$workers'" >&2; exit 2; }
gevent_port=${KINERJA_GEVENT_PORT:-$((port + 3))}
conf=$state/run.conf
write_conf "$conf" "$port" "$workers"
serve=()
[[ -z $workers ]] || serve=(--workers "$workers" --max-cron-threads 1 --gevent-port "$gevent_port")
prepare_demo_db "$conf" "$db"
echo "[run] serving http://localhost:$port (database $db, login admin / admin)"
[[ -z $workers ]] || echo "[run] production mode: $workers workers, 1 cron worker, /websocket on port $gevent_port"
# further arguments go to odoo-bin (tests/test_server_lockdown.py: --max-cron-threads 0)
exec "${odoo_bin[@]}" -c "$conf" -d "$db" --db-filter="^$db\$" "${serve[@]}" "$@"
