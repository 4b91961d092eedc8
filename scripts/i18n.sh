#!/usr/bin/env bash
# make i18n: refresh i18n/<module>.pot and merge new terms into i18n/id.po (translations kept).
source "$(dirname "$0")/lib.sh"
db=kinerja_i18n_$(date +%Y%m%d_%H%M%S)_$$
conf=$state/$db.conf
write_conf "$conf" 0
trap 'drop_db "$db"; rm -f "$conf"' EXIT
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --load-language=id_ID --stop-after-init --log-level=warn
for module in ${modules//,/ }; do
    "${odoo_bin[@]}" i18n export -c "$conf" -d "$db" -l pot -- "$module"
    "${odoo_bin[@]}" i18n export -c "$conf" -d "$db" -l id -- "$module"
    echo "[i18n] $module: $(grep -c '^msgstr ""$' "$repo/addons/$module/i18n/id.po") untranslated entries (the header counts as one)"
done
