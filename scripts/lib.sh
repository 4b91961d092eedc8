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

# write_conf FILE HTTP_PORT: a local config derived from the repository's odoo.conf
write_conf() {
    mkdir -p "$state/data"
    {
        sed -e '/^addons_path/d' -e '/^db_/d' -e '/^data_dir/d' -e '/^http_port/d' \
            -e '/^proxy_mode/d' -e '/^workers/d' -e '/^admin_passwd/d' -e '/^dbfilter/d' \
            -e '/^without_demo/d' -e '/^list_db/d' -e '/^limit_/d' "$repo/odoo.conf"
        echo "addons_path = $repo/addons"
        echo "db_host = $PGHOST"
        echo "db_port = $PGPORT"
        echo "db_user = $KINERJA_DB_USER"
        echo "db_password = $KINERJA_DB_USER"
        echo "data_dir = $state/data"
        echo "http_port = $2"
    } > "$1"
}

db_exists() {
    [[ -n $(psql -U "$KINERJA_DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'") ]]
}

drop_db() {
    dropdb -U "$KINERJA_DB_USER" --if-exists --force "$1" 2>/dev/null || true
    rm -rf "$state/data/filestore/$1"
}
