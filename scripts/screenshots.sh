#!/usr/bin/env bash
# make screenshots: the README's pictures (docs/img/*.png), taken in headless Chromium from the demo
# as `make run` creates it, on a throw-away database and a free port (both gone afterwards).
source "$(dirname "$0")/lib.sh"
scratch_db shots
port=$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "[screenshots] creating $db with both addons, their demo data and Bahasa Indonesia"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --with-demo --load-language=id_ID --stop-after-init --log-level=warn
"${odoo_bin[@]}" -c "$conf" -d "$db" --db-filter="^$db\$" --http-port="$port" --http-interface=127.0.0.1 \
    --max-cron-threads=0 --log-level=warn &
server=$!
# stop the server before dropping its database; a failed drop fails the run
trap 'rc=$?; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; drop_db "$db" || ((rc)) || rc=1; rm -f "$conf"; exit "$rc"' EXIT
"$VENV/bin/python" "$repo/scripts/screenshots.py" "http://127.0.0.1:$port" "$db" "$repo/docs/img"
