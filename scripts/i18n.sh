#!/usr/bin/env bash
# make i18n: refresh i18n/<module>.pot from the code and merge it into i18n/id.po:
# translations are kept, new terms are added untranslated, vanished terms are dropped.
source "$(dirname "$0")/lib.sh"
scratch_db i18n
"${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --stop-after-init --log-level=warn
for module in ${modules//,/ }; do
    "${odoo_bin[@]}" i18n export -c "$conf" -d "$db" -l pot -- "$module" 2>/dev/null
    "$VENV/bin/python" - "$repo/addons/$module/i18n" "$module" <<'PY'
import sys
import polib

folder, module = sys.argv[1:]
template = polib.pofile(f"{folder}/{module}.pot")
old = polib.pofile(f"{folder}/id.po") if __import__("os").path.exists(f"{folder}/id.po") else polib.POFile()
known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
template.metadata.update({"Language": "id", "Plural-Forms": "nplurals=1; plural=0;"})
missing = 0
for entry in template:
    entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
    missing += not entry.msgstr
template.save(f"{folder}/id.po")
print(f"[i18n] {module}: {len(template)} terms, {missing} without Indonesian")
PY
done
