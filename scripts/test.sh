#!/usr/bin/env bash
# make test: install both addons on a fresh database, run every suite with pytest, drop it.
source "$(dirname "$0")/lib.sh"
scratch_db test

echo "[test] installing $modules on $db"
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" \
    --stop-after-init --log-level=warn --without-demo

cd "$repo"
suites=("$@")
((${#suites[@]})) || suites=(addons/hr_asn_kinerja/tests addons/hr_asn_training/tests tests)
"$VENV/bin/pytest" --odoo-config="$conf" --odoo-database="$db" --odoo-http \
    --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" "${suites[@]}"
