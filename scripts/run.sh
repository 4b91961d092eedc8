#!/usr/bin/env bash
# make run: serve Odoo on http://localhost:8069 with the demo database kinerja_demo.
source "$(dirname "$0")/lib.sh"
db=${KINERJA_DB:-kinerja_demo}
port=${KINERJA_PORT:-8069}
conf=$state/run.conf
write_conf "$conf" "$port"
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
exec "${odoo_bin[@]}" -c "$conf" -d "$db" --db-filter="^$db\$"
