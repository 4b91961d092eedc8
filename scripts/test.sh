#!/usr/bin/env bash
# make test: install both addons on a fresh database, run every suite with pytest, drop it.
source "$(dirname "$0")/lib.sh"
db=kinerja_test_$(date +%Y%m%d_%H%M%S)_$$
conf=$state/$db.conf
write_conf "$conf" 0
trap 'drop_db "$db"; rm -f "$conf"' EXIT

echo "[test] installing $modules on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" \
    --stop-after-init --log-level=warn --without-demo

cd "$repo"
suites=("$@")
((${#suites[@]})) || suites=(addons/hr_asn_kinerja/tests addons/hr_asn_training/tests tests)
"$VENV/bin/pytest" --odoo-config="$conf" --odoo-database="$db" --odoo-http \
    --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" "${suites[@]}"
