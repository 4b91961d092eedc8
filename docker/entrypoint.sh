#!/bin/bash
# Entry point of the Kinerja ASN image: the official image's /entrypoint.sh, on a copy of odoo.conf that keeps
# the database manager off and carries this deployment's own master password: KINERJA_MASTER_PASSWORD when
# set, else one drawn at random at the first start and kept in the filestore volume (mode 600), shared by
# every container of the deployment. Never a value written in the repository, never Odoo's default "admin".
set -euo pipefail
secret=/var/lib/odoo/.master-password
if [[ -n ${KINERJA_MASTER_PASSWORD:-} ]]; then
    password=$KINERJA_MASTER_PASSWORD
else
    if [[ ! -s $secret ]]; then
        tmp=$(umask 077 && mktemp "$secret.XXXXXX")
        head -c 24 /dev/urandom | base64 | tr '+/' '-_' > "$tmp"
        ln "$tmp" "$secret" 2>/dev/null || true # another container drew one first: keep theirs
        rm -f "$tmp"
    fi
    password=$(cat "$secret")
fi
conf=$(umask 077 && mktemp /tmp/odoo.XXXXXX.conf)
# the two lines end the [options] section, before the other sections ([queue_job]) of odoo.conf
sed -e '/^admin_passwd/d' -e '/^list_db/d' /etc/odoo/odoo.conf |
    awk -v lines="list_db = False
admin_passwd = $password" '
        /^\[/ { if (in_options) { print lines; done = 1 } in_options = ($0 == "[options]") }
        { print }
        END { if (!done) print lines }' > "$conf"
export ODOO_RC=$conf
exec /entrypoint.sh "$@"
