# Shared by the make targets: set up once, then describe the local Odoo.
# shellcheck shell=bash
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${KINERJA_STATE:-${HOME:-/root}/.cache/kinerja-asn}
envfile=$("$repo/scripts/setup.sh")
# shellcheck source=/dev/null
source "$envfile"
modules=hr_asn_kinerja,hr_asn_training
odoo_bin=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")

# master_password: the database manager's master password on this machine: KINERJA_MASTER_PASSWORD when set,
# else one drawn at random once and kept in the state folder (mode 600). Never Odoo's default "admin", which
# anyone may try.
master_password() {
    if [[ -n ${KINERJA_MASTER_PASSWORD:-} ]]; then
        printf '%s\n' "$KINERJA_MASTER_PASSWORD"
        return
    fi
    local file=$state/master-password
    if [[ ! -s $file ]]; then
        local tmp
        tmp=$(umask 077 && mktemp "$file.XXXXXX")
        head -c 24 /dev/urandom | base64 | tr '+/' '-_' > "$tmp"
        ln "$tmp" "$file" 2>/dev/null || true # a parallel run may have drawn one first: keep theirs
        rm -f "$tmp"
    fi
    chmod 600 "$file"
    cat "$file"
}

# write_conf FILE HTTP_PORT [WORKERS [LINES]]: a local config derived from the repository's odoo.conf (mode 600: a
# password). With WORKERS (production mode) it serves with that many prefork workers and keeps the deployment's
# limit_* and max_cron_threads lines, so that a local production run behaves as the Docker deployment does.
# Locked down whatever odoo.conf says: no database manager (list_db), this machine's master password, and
# 127.0.0.1 only unless KINERJA_HTTP_INTERFACE names another interface (0.0.0.0: every one). LINES end its
# [options]; KINERJA_DATA_DIR replaces the data folder ($state/data).
write_conf() {
    local data=${KINERJA_DATA_DIR:-$state/data}
    mkdir -p "$data"
    install -m 600 /dev/null "$1"
    local keep_limits=()
    [[ -n ${3:-} ]] || keep_limits=(-e '/^limit_/d')
    local local_lines
    local_lines=$(
        echo "addons_path = $repo/addons"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $KINERJA_DB_USER"
        [[ -z ${PGPASSWORD:-} ]] || echo "db_password = $PGPASSWORD"
        echo "data_dir = $data"
        echo "http_port = $2"
        echo "http_interface = ${KINERJA_HTTP_INTERFACE:-127.0.0.1}"
        echo "list_db = False"
        echo "admin_passwd = $(master_password)"
        [[ -z ${3:-} ]] || echo "workers = $3"
        [[ -z ${4:-} ]] || echo "$4"
    )
    # the local lines end the [options] section, before the other sections ([queue_job]) that odoo.conf keeps
    sed -e '/^addons_path/d' -e '/^db_/d' -e '/^data_dir/d' -e '/^http_port/d' -e '/^gevent_port/d' \
        -e '/^proxy_mode/d' -e '/^workers/d' -e '/^admin_passwd/d' -e '/^dbfilter/d' \
        -e '/^without_demo/d' -e '/^list_db/d' -e '/^http_interface/d' "${keep_limits[@]}" "$repo/odoo.conf" |
        options_end "$local_lines" > "$1"
}

# options_end LINES: copy stdin (an Odoo configuration) with LINES added at the end of its [options] section
options_end() {
    awk -v lines="$1" '
        /^\[/ { if (in_options) { print lines; done = 1 } in_options = ($0 == "[options]") }
        { print }
        END { if (!done) print lines }'
}

db_exists() {
    [[ -n $(psql -U "$KINERJA_DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'") ]]
}

drop_db() {
    rm -rf "$state/data/filestore/$1"
    dropdb -U "$KINERJA_DB_USER" --if-exists --force "$1" || {
        echo "[kinerja] could not drop the database $1; drop it with: dropdb -h $PGHOST -p $PGPORT -U $KINERJA_DB_USER --force $1" >&2
        return 1
    }
}

# scratch_db KIND: a new database name in $db and its config in $conf, both removed on exit, also when
# the run fails; a failed drop fails the run
scratch_db() {
    db=kinerja_${1}_$(date +%Y%m%d_%H%M%S)_$$
    conf=$state/$db.conf
    write_conf "$conf" 0
    trap 'rc=$?; drop_db "$db" || ((rc)) || rc=1; rm -f "$conf"; exit "$rc"' EXIT
}

# prepare_demo_db CONF DB: create DB with both addons, their demo data and Bahasa Indonesia, or update the
# addons in it when their files changed since the last run (make run, make cluster)
prepare_demo_db() {
    local stamp
    stamp=$(cd "$repo/addons" && find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    if ! db_exists "$2"; then
        echo "[kinerja] creating $2 with both addons, their demo data and Bahasa Indonesia"
        # a half-made database would be served next time: drop it when the creation fails
        "${odoo_bin[@]}" -c "$1" -d "$2" -i "$modules" --with-demo --load-language=id_ID \
            --stop-after-init --log-level=warn || { drop_db "$2"; exit 1; }
        echo "$stamp" > "$state/$2.stamp"
    elif [[ "$(cat "$state/$2.stamp" 2>/dev/null)" != "$stamp" ]]; then
        echo "[kinerja] the addons changed: updating them in $2"
        "${odoo_bin[@]}" -c "$1" -d "$2" -u "$modules" --stop-after-init --log-level=warn
        echo "$stamp" > "$state/$2.stamp"
    fi
}

# odoo_shell CONF DB SCRIPT [ENV...]: SCRIPT in an Odoo shell on DB (its folder on PYTHONPATH, for the modules
# beside it; ENV, NAME=value, for it alone)
odoo_shell() {
    env PYTHONPATH="$(dirname "$3")${PYTHONPATH:+:$PYTHONPATH}" "${@:4}" \
        "${odoo_bin[@]}" shell -c "$1" -d "$2" --log-level=warn --no-http < "$3"
}

free_port() { # the first port from $1 on (200 tried) that nothing listens on
    local port
    for ((port = $1; port < $1 + 200; port++)); do
        "$VENV/bin/python" -c "import socket, sys; socket.create_server(('127.0.0.1', int(sys.argv[1]))).close()" \
            "$port" 2>/dev/null && { echo "$port"; return; }
    done
    echo "[kinerja] no free port in $1-$(($1 + 199))" >&2
    return 1
}
