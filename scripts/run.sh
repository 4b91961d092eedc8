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
# upgrade the addons only when their files changed since the last run
stamp=$(cd "$repo/addons" && find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
if ! db_exists "$db"; then
    echo "[run] creating $db with both addons, their demo data and Bahasa Indonesia"
    # a half-made database would be served next time: drop it when the creation fails
    "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --with-demo --load-language=id_ID \
        --stop-after-init --log-level=warn || { drop_db "$db"; exit 1; }
    echo "$stamp" > "$state/$db.stamp"
elif [[ "$(cat "$state/$db.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "[run] the addons changed: updating them in $db"
    "${odoo_bin[@]}" -c "$conf" -d "$db" -u "$modules" --stop-after-init --log-level=warn
    echo "$stamp" > "$state/$db.stamp"
fi
echo "[run] serving http://localhost:$port (database $db, login admin / admin)"
[[ -z $workers ]] || echo "[run] production mode: $workers workers, 1 cron worker, /websocket on port $gevent_port"
# further arguments go to odoo-bin (tests/test_server_lockdown.py: --max-cron-threads 0)
exec "${odoo_bin[@]}" -c "$conf" -d "$db" --db-filter="^$db\$" "${serve[@]}" "$@"
