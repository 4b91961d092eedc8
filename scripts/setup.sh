#!/usr/bin/env bash
# Idempotent set-up for running and testing the Kinerja ASN addons.
# Prints the environment file path (sourceable) on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
state=${KINERJA_STATE:-${HOME:-/root}/.cache/kinerja-asn}
venv=$state/venv
envfile=$state/env.sh
mkdir -p "$state"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------
debs=(chromium wkhtmltopdf libldap2-dev libsasl2-dev libpq-dev poppler-utils
      fonts-dejavu-core postgresql-client docker-compose)
missing=()
for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing Debian packages: ${missing[*]}"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else
        log "missing Debian packages (install them as root): ${missing[*]}"
    fi
fi

# --- Odoo source -----------------------------------------------------------
is_odoo19() { [[ -f "$1/odoo-bin" && -f "$1/odoo/release.py" ]] &&
    grep -q "^version_info = (19, 0" "$1/odoo/release.py"; }
src=${ODOO_SRC:-}
if [[ -n "$src" ]]; then
    src=$(cd "$src" 2>/dev/null && pwd) || { log "ODOO_SRC=$ODOO_SRC does not exist"; exit 1; }
    is_odoo19 "$src" || { log "ODOO_SRC=$src is not an Odoo 19.0 source tree"; exit 1; }
elif [[ -f "$state/odoo-src" ]] && is_odoo19 "$(cat "$state/odoo-src")"; then
    src=$(cat "$state/odoo-src")
elif is_odoo19 "$state/odoo"; then
    src=$state/odoo
elif timeout 30 git ls-remote --heads https://github.com/odoo/odoo 19.0 >/dev/null 2>&1; then
    log "cloning Odoo 19.0 (shallow) into $state/odoo"
    git clone -q --depth 1 --branch 19.0 https://github.com/odoo/odoo "$state/odoo" >&2
    src=$state/odoo
else
    cat >&2 <<'MSG'
[setup] No Odoo 19.0 source found. Set ODOO_SRC to the path of an Odoo 19.0 Community
source tree (the folder that holds odoo-bin, odoo/ and addons/), for example
`ODOO_SRC=/opt/odoo19-src make test`; the path is remembered for later runs on this
machine. Without ODOO_SRC the set-up clones https://github.com/odoo/odoo (branch 19.0),
which needs access to GitHub, and GitHub was not reachable from here.
MSG
    exit 1
fi
echo "$src" > "$state/odoo-src"

# --- PostgreSQL: a server and the role for Odoo --------------------------------
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
dbpass=$("$here/scripts/postgres.sh")

# --- Python virtual environment -------------------------------------------
py=${PYTHON:-}
if [[ -z "$py" ]]; then
    for cand in python3.12 python3.11 python3; do
        if command -v "$cand" >/dev/null && "$cand" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null; then
            py=$(command -v "$cand"); break
        fi
    done
fi
# setuptools 81 and later lack pkg_resources, which Odoo's gevent 22.10 imports
base=(pip==26.3 setuptools==80.10.2 wheel==0.48.0)
stamp=$( { echo "$src ${base[*]}"; cat "$src/requirements.txt" "$here/requirements.txt"; } | sha256sum | cut -c1-16)
venv_ok() { "$venv/bin/python" -W ignore -c 'import odoo.release, odoo.addons.hr_course, pkg_resources, gevent'; }
if [[ "$(cat "$venv/.stamp" 2>/dev/null)" != "$stamp" ]] || ! venv_ok 2>/dev/null; then
    log "building the virtual environment in $venv (a few minutes the first time)"
    [[ -x "$venv/bin/python" ]] || "$py" -m venv "$venv"
    pip=("$venv/bin/pip" install -q --disable-pip-version-check)
    {
        "${pip[@]}" "${base[@]}"
        "${pip[@]}" -r "$src/requirements.txt"
        # compat mode: a plain .pth entry, so OCA wheels join the odoo.addons namespace
        "${pip[@]}" --no-deps --no-build-isolation -e "$src" --config-settings editable_mode=compat
        # Odoo's own pins stay in force for anything the project's packages pull in
        "${pip[@]}" -r "$here/requirements.txt" -c "$src/requirements.txt"
    } >"$state/pip.log" 2>&1 || { tail -n 30 "$state/pip.log" >&2; log "pip failed (log: $state/pip.log)"; exit 1; }
    venv_ok || { log "the virtual environment in $venv is broken: remove it and run again"; exit 1; }
    echo "$stamp" > "$venv/.stamp"
fi

tmp=$(mktemp "$envfile.XXXXXX") # mode 600: it may hold the role's password
cat > "$tmp" <<ENV
export ODOO_SRC='$src'
export VENV='$venv'
export PATH='$venv/bin':"\$PATH"
export PGHOST='$PGHOST' PGPORT='$PGPORT' KINERJA_DB_USER='${KINERJA_DB_USER:-odoo}'
ENV
[[ -z "$dbpass" ]] || printf 'export PGPASSWORD=%q\n' "$dbpass" >> "$tmp"
mv -f "$tmp" "$envfile"
echo "$envfile"
