#!/usr/bin/env bash
# Idempotent set-up for running and testing the Kinerja ASN addons.
# Prints the environment file path (sourceable) on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
state=${KINERJA_STATE:-${HOME:-/root}/.cache/kinerja-asn}
venv=$state/venv
envfile=$state/env.sh
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
mkdir -p "$state"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- what is missing, all told at once before anything changes --------------
problems=()

py_ok() { "$1" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null; }
py=${PYTHON:-}
if [[ -z "$py" ]]; then
    for cand in python3.12 python3.11 python3; do
        py_ok "$cand" && { py=$(command -v "$cand"); break; }
    done
fi
if [[ -z "$py" ]] || ! py_ok "$py"; then
    found=$("${py:-python3}" --version 2>/dev/null | head -n 1 || true)
    problems+=("Python 3.10 or newer (found: ${found:-none}): on Debian 12 or Ubuntu 22.04 and later, sudo apt-get install -y python3 python3-venv python3-dev; elsewhere install one and name it: PYTHON=/path/to/python3.11 make run")
    py=
fi

debs=(build-essential chromium wkhtmltopdf libldap2-dev libsasl2-dev libpq-dev poppler-utils
      fonts-dejavu-core postgresql-client docker-compose nginx)
# the server programs (initdb, pg_basebackup) of KINERJA_REPLICA=1 make cluster's throw-away primary and standby
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || debs+=(postgresql)
if [[ -n "$py" ]]; then # the venv module and the C headers that psycopg2 and python-ldap build against
    pyver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    "$py" -c 'import ensurepip' 2>/dev/null || debs+=("python$pyver-venv")
    "$py" -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(sysconfig.get_paths()["include"] + "/Python.h"))' ||
        debs+=("python$pyver-dev")
fi
missing=()
if command -v dpkg-query >/dev/null; then
    for p in "${debs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]})) && ! { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; }; then
        problems+=("Debian packages: sudo apt-get install -y ${missing[*]}")
    fi
else
    log "not Debian or Ubuntu: system packages are not checked (docs/development.md: other systems)"
fi

while read -r line; do problems+=("$line"); done < <("$here/scripts/postgres.sh" --check)

is_odoo19() { [[ -f "$1/odoo-bin" && -f "$1/odoo/release.py" ]] &&
    grep -q "^version_info = (19, 0" "$1/odoo/release.py"; }
src=${ODOO_SRC:-}
clone=
if [[ -n "$src" ]]; then
    if ! src=$(cd "$src" 2>/dev/null && pwd); then
        problems+=("ODOO_SRC=$ODOO_SRC does not exist: give the path of an Odoo 19.0 source tree")
    elif ! is_odoo19 "$src"; then
        problems+=("ODOO_SRC=$src is not an Odoo 19.0 source tree (the folder that holds odoo-bin, odoo/ and addons/)")
    fi
elif [[ -f "$state/odoo-src" ]] && is_odoo19 "$(cat "$state/odoo-src")"; then
    src=$(cat "$state/odoo-src")
elif is_odoo19 "$state/odoo"; then
    src=$state/odoo
elif timeout 30 git ls-remote --heads https://github.com/odoo/odoo 19.0 >/dev/null 2>&1; then
    src=$state/odoo clone=1
else
    problems+=("an Odoo 19.0 source tree, and GitHub (to clone one) was not reachable: name yours once, it is remembered: ODOO_SRC=/path/to/odoo-19.0 make run")
fi

if ((${#problems[@]})); then
    log "stopped before changing anything. Missing:"
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
fi

# --- Debian packages (root) --------------------------------------------------
if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

# --- Odoo source -----------------------------------------------------------
if [[ -n "$clone" ]]; then
    log "cloning Odoo 19.0 (shallow) into $state/odoo"
    git clone -q --depth 1 --branch 19.0 https://github.com/odoo/odoo "$state/odoo" >&2
fi
echo "$src" > "$state/odoo-src"

# --- PostgreSQL: a server and the role for Odoo --------------------------------
dbpass=$("$here/scripts/postgres.sh")

# --- Python virtual environment -------------------------------------------
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
