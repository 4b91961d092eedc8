#!/usr/bin/env bash
# make compat: do we break anything of Odoo's own apps an agency runs beside ours? Installs Odoo's HR apps
# alone on one throw-away database and the same apps plus both addons on another, runs Odoo's own suites of
# those apps and base's report, menu and routing tests on both (pytest-odoo, JUnit XML), prints per suite
# the counts alone and with us, and fails on any test that fails only with us.
# KINERJA_COMPAT_APPS / KINERJA_COMPAT_BASE_TESTS narrow the run (e.g. KINERJA_COMPAT_APPS=hr).
source "$(dirname "$0")/lib.sh"
apps=${KINERJA_COMPAT_APPS:-hr,hr_holidays,hr_attendance,hr_skills,hr_org_chart}
base_tests=${KINERJA_COMPAT_BASE_TESTS:-test_reports.py test_menu.py test_ir_http.py test_http_case.py}

run=kinerja_compat_$(date +%Y%m%d_%H%M%S)_$$
out=$state/$run
mkdir -p "$out"
dbs=()
cleanup() {
    local rc=$? db
    for db in "${dbs[@]}"; do drop_db "$db" || ((rc)) || rc=1; done
    if ((rc)); then
        rm -f "$out"/*.conf
        echo "[compat] logs kept in $out"
    else
        rm -rf "$out"
    fi
    exit "$rc"
}
trap cleanup EXIT

suites=()
for app in ${apps//,/ }; do suites+=("$ODOO_SRC/addons/$app/tests"); done
for file in $base_tests; do suites+=("$ODOO_SRC/odoo/addons/base/tests/$file"); done

# side NAME MODULES: install MODULES on a new database, run the suites, keep the JUnit XML as $out/NAME.xml
side() {
    local db=${run}_$1 conf=$out/$1.conf
    write_conf "$conf" 0
    echo "[compat] $1: installing $2 on $db"
    "${odoo_bin[@]}" -c "$conf" -d "$db" -i "$2" --stop-after-init --log-level=warn --without-demo
    echo "[compat] $1: running Odoo's suites"
    # failures are compared below, not here
    (cd "$repo" && "$VENV/bin/pytest" --odoo-config="$conf" --odoo-database="$db" --odoo-http \
        --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" -q \
        --junitxml="$out/$1.xml" -o junit_family=xunit1 "${suites[@]}" >"$out/$1.log" 2>&1) || true
    tail -n 1 "$out/$1.log"
}

# both sides at once: each is one Odoo process that mostly waits on PostgreSQL or the browser, so two cores halve
# the wall time; a test that only fails under this load is run again below before it counts
dbs=("${run}_alone" "${run}_with_us")
side alone "$apps" &
alone_pid=$!
side with_us "$apps,$modules" &
with_us_pid=$!
wait "$alone_pid" && wait "$with_us_pid"

status=0
"$VENV/bin/python" - "$out/alone.xml" "$out/with_us.xml" "$out/rerun.txt" <<'PY' || status=$?
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

alone_xml, with_us_xml, rerun_list = sys.argv[1:]


def outcomes(path):
    """{(suite, test id): outcome} of a JUnit XML file; the suite is the addon, or base."""
    result = {}
    for case in ET.parse(path).iter("testcase"):
        file = case.get("file") or case.get("classname", "").replace(".", "/")
        parts = file.split("/")
        suite = parts[parts.index("tests") - 1] if "tests" in parts else parts[0]
        outcome = "passed"
        for tag in ("failure", "error", "skipped"):
            if case.find(tag) is not None:
                outcome = "skipped" if tag == "skipped" else "failed"
        result[(suite, f"{case.get('classname')}::{case.get('name')}")] = outcome
    return result


alone, with_us = outcomes(alone_xml), outcomes(with_us_xml)
counts = defaultdict(lambda: defaultdict(int))
for side, results in (("alone", alone), ("with_us", with_us)):
    for (suite, _test), outcome in results.items():
        counts[suite][side, outcome] += 1
print(f"{'suite':<14} {'alone: passed/failed/skipped':>30} {'with us: passed/failed/skipped':>32}")
for suite in sorted(counts):
    c = counts[suite]
    print(
        f"{suite:<14} {c['alone', 'passed']:>18}/{c['alone', 'failed']}/{c['alone', 'skipped']:<7}"
        f" {c['with_us', 'passed']:>20}/{c['with_us', 'failed']}/{c['with_us', 'skipped']}"
    )
both_failed = sorted(test for test, outcome in with_us.items() if outcome == "failed" and alone.get(test) == "failed")
ours = sorted(test for test, outcome in with_us.items() if outcome == "failed" and alone.get(test) != "failed")
for suite, test in both_failed:
    print(f"[compat] fails alone too (not ours): {suite}: {test}")
for suite, test in ours:
    print(f"[compat] fails only with us, run again: {suite}: {test}")
if not with_us or not alone:
    sys.exit("[compat] FAILED: a side ran no test")
with open(rerun_list, "w") as out:
    out.writelines(f"{test.split('::')[0]}::{test.split('::')[1]}\n" for _suite, test in ours)
PY
# a test of Odoo that fails only with us is run again on both sides (a timing-sensitive test of Odoo's that
# failed once under load is reported, not counted); it fails the run when it fails again with us alone
if ((status == 0)) && [[ -s $out/rerun.txt ]]; then
    mapfile -t again < <(sed -E 's/^.*\.([^.:]+)::(.*)$/\1 and \2/' "$out/rerun.txt")
    expr=$(printf '(%s) or ' "${again[@]}"); expr=${expr% or }
    for side in alone with_us; do
        (cd "$repo" && "$VENV/bin/pytest" --odoo-config="$out/$side.conf" --odoo-database="${run}_$side" --odoo-http \
            --odoo-log-level=warn -q --junitxml="$out/$side.again.xml" -o junit_family=xunit1 -k "$expr" \
            "${suites[@]}" >"$out/$side.again.log" 2>&1) || true
    done
    "$VENV/bin/python" - "$out/alone.again.xml" "$out/with_us.again.xml" <<'PY' || status=$?
import sys
import xml.etree.ElementTree as ET


def failed(path):
    return {
        f"{case.get('classname')}::{case.get('name')}"
        for case in ET.parse(path).iter("testcase")
        if case.find("failure") is not None or case.find("error") is not None
    }


alone, with_us = failed(sys.argv[1]), failed(sys.argv[2])
ours = sorted(with_us - alone)
for test in ours:
    print(f"[compat] FAILS ONLY WITH US, twice: {test}")
sys.exit(1 if ours else 0)
PY
fi
if ((status)); then
    echo "[compat] FAILED: tests of Odoo fail only with our addons"
    for side in alone with_us; do grep -E "^(FAILED|ERROR) " "$out/$side.log" | sed "s/^/[compat] $side: /" || true; done
    exit 1
fi

# uninstalling both from a database with a year of work leaves the apps working; installing again works
echo "[compat] uninstall and reinstall of $modules beside $apps"
if ! (cd "$repo" && KINERJA_UNINSTALL_TEST=1 KINERJA_COMPAT_APPS=$apps "$VENV/bin/pytest" -q \
    --odoo-config="$out/with_us.conf" --odoo-database="${run}_with_us" --odoo-log-level=warn \
    tests/test_uninstall.py >"$out/uninstall.log" 2>&1); then
    tail -n 40 "$out/uninstall.log"
    echo "[compat] FAILED: uninstall or reinstall"
    exit 1
fi
tail -n 1 "$out/uninstall.log"
echo "[compat] OK in ${SECONDS}s: nothing of Odoo's fails only with our addons; uninstall and reinstall are clean"
