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

# write_conf FILE HTTP_PORT [WORKERS]: a local config derived from the repository's odoo.conf (mode 600: a
# password). With WORKERS (production mode) it serves with that many prefork workers and keeps the deployment's
# limit_* and max_cron_threads lines, so that a local production run behaves as the Docker deployment does.
write_conf() {
    mkdir -p "$state/data"
    install -m 600 /dev/null "$1"
    local keep_limits=()
    [[ -n ${3:-} ]] || keep_limits=(-e '/^limit_/d')
    {
        sed -e '/^addons_path/d' -e '/^db_/d' -e '/^data_dir/d' -e '/^http_port/d' -e '/^gevent_port/d' \
            -e '/^proxy_mode/d' -e '/^workers/d' -e '/^admin_passwd/d' -e '/^dbfilter/d' \
            -e '/^without_demo/d' -e '/^list_db/d' "${keep_limits[@]}" "$repo/odoo.conf"
        echo "addons_path = $repo/addons"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $KINERJA_DB_USER"
        [[ -z ${PGPASSWORD:-} ]] || echo "db_password = $PGPASSWORD"
        echo "data_dir = $state/data"
        echo "http_port = $2"
        [[ -z ${3:-} ]] || echo "workers = $3"
    } > "$1"
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
