#!/usr/bin/env bash
# make test-odoo: install both addons on a fresh database with Odoo's own test runner
# (`odoo-bin --test-tags`), run every test of the two addons' suites, drop the database.
# Only the addons' tags: without --test-tags Odoo also runs every dependency's suites.
source "$(dirname "$0")/lib.sh"
db=kinerja_odootest_$(date +%Y%m%d_%H%M%S)_$$
conf=$state/$db.conf
log=$state/$db.log
write_conf "$conf" 0 # port 0: a free port for the HTTP server the tours and PDFs talk to
trap 'drop_db "$db"; rm -f "$conf" "$log"' EXIT

echo "[test-odoo] installing $modules on $db and running their tests with odoo-bin"
status=0
# a test that waits on the server forever (e.g. a PDF from a non-HTTP test case) fails instead of hanging
timeout "${KINERJA_TEST_TIMEOUT:-1800}" "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$modules" --without-demo \
    --test-tags "/${modules//,/,/}" --stop-after-init \
    --log-level="${ODOO_LOG_LEVEL:-warn}" --log-handler=odoo.tests.result:INFO 2>&1 | tee "$log" || status=$?

# Odoo's last word: "N failed, M error(s) of T tests when loading database '...'"
summary=$(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$log" | tail -n1 || true)
if [[ -z $summary ]]; then
    echo "[test-odoo] FAILED: Odoo did not report its tests (exit status $status)"
    exit 1
fi
read -r failed errors total < <(sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
echo "[test-odoo] Odoo ran $total tests in ${SECONDS}s: $failed failed, $errors error(s)"
if ((status != 0 || failed + errors > 0 || total == 0)); then
    echo "[test-odoo] FAILED (exit status $status)"
    exit 1
fi
