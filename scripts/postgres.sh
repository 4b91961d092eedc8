#!/usr/bin/env bash
# The set-up's PostgreSQL step: a server answering on PGHOST:PGPORT (default 127.0.0.1:5432), installed
# and started by root where it is this machine's, and the role KINERJA_DB_USER (default odoo, LOGIN
# CREATEDB) logging in over TCP. Prints the role's password, or an empty line where libpq finds it
# itself (PGPASSWORD, ~/.pgpass, trust). A role it creates gets a random password, kept in $state/pgpass.
# --check: print what this user must do first (one line each) and change nothing.
set -euo pipefail
state=${KINERJA_STATE:-${HOME:-/root}/.cache/kinerja-asn}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
dbuser=${KINERJA_DB_USER:-odoo}
pwfile=$state/pgpass
at="$PGHOST:$PGPORT"
sudo="sudo "
((EUID)) || sudo=

log() { printf '[setup] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
is_local() { [[ $PGHOST =~ ^(127\.0\.0\.1|localhost|::1|/.*)$ ]]; }
answers() {
    if command -v pg_isready >/dev/null; then
        pg_isready -q -t 5
    else # before postgresql-client is installed
        timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$PGHOST" "$PGPORT" 2>/dev/null
    fi
}
installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }
# the Debian cluster ("version name") configured for PGPORT
cluster() { pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3 == p { print $1, $2; exit }' || true; }

# blocker: what this user must do to get a server answering; nothing where root's set-up can do it
blocker() {
    local c
    if ! is_local; then
        echo "PostgreSQL does not answer on $at: start it there, or unset PGHOST to use this machine's"
    elif ! installed && ! command -v apt-get >/dev/null; then
        echo "PostgreSQL does not answer on $at: install and start PostgreSQL 13 or newer (docs/development.md: other systems)"
    elif ! installed; then
        ((EUID == 0)) || echo "PostgreSQL is not installed: sudo apt-get install -y postgresql"
    elif c=$(cluster) && [[ -z $c ]]; then
        echo "no PostgreSQL cluster of this machine uses port $PGPORT (pg_lsclusters lists them): unset PGPORT," \
            "or create one: ${sudo}pg_createcluster --start $(ls /usr/lib/postgresql | sort -V | tail -n 1) kinerja -p $PGPORT"
    elif ((EUID)); then
        echo "PostgreSQL $c is down: sudo pg_ctlcluster $c start"
    fi
}

if [[ ${1:-} == --check ]]; then
    answers || blocker
    exit 0
fi

if ! answers; then
    reason=$(blocker)
    [[ -z $reason ]] || die "$reason"
    if ! installed; then
        log "installing PostgreSQL (Debian package postgresql)"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    if ! answers; then
        c=$(cluster)
        [[ -n $c ]] || die "$(blocker)"
        log "starting PostgreSQL $c"
        # shellcheck disable=SC2086 # "version name"
        pg_ctlcluster $c start >&2 || die "PostgreSQL $c did not start: see /var/log/postgresql/postgresql-${c/ /-}.log"
        answers || die "PostgreSQL $c runs but does not answer on $at: check listen_addresses in /etc/postgresql/${c/ //}/postgresql.conf"
    fi
fi

# login PASSWORD: "t" when the role logs in over TCP with PASSWORD (empty: libpq's own) and may create databases
login() {
    PGPASSWORD=$1 psql -X -w -qtA -U "$dbuser" -d postgres \
        -c "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>/dev/null
}
stored=$(awk -F: -v h="$PGHOST" -v p="$PGPORT" -v u="$dbuser" '$1 == h && $2 == p && $4 == u { pw = $5 } END { print pw }' \
    "$pwfile" 2>/dev/null || true)
for pw in ${PGPASSWORD+"$PGPASSWORD"} ${stored:+"$stored"} ""; do
    case $(login "$pw") in
        t) printf '%s\n' "$pw"; exit 0 ;;
        f) die "the role $dbuser on $at may not create databases: as a PostgreSQL superuser, ALTER ROLE \"$dbuser\" CREATEDB" ;;
    esac
done

# PostgreSQL's superuser: a TCP login as postgres that needs no password, else peer authentication on the
# local socket as the postgres system user (root: runuser, others: sudo)
if psql -X -w -U postgres -d postgres -c '' >/dev/null 2>&1; then
    admin=(psql -U postgres)
elif is_local && ((EUID == 0)) && id postgres >/dev/null 2>&1; then
    admin=(runuser -u postgres -- env -u PGHOST psql)
elif is_local && command -v sudo >/dev/null; then
    log "asking sudo to act as PostgreSQL's superuser (sudo -u postgres psql)"
    admin=(sudo -u postgres psql)
else
    die "the role $dbuser cannot log in to $at and this user cannot act as PostgreSQL's superuser. Create it as" \
        "that superuser, e.g. sudo -u postgres psql -p $PGPORT -c \"CREATE ROLE $dbuser LOGIN CREATEDB PASSWORD 'a-secret'\"," \
        "then run again with PGPASSWORD=a-secret"
fi
superuser() { (cd / && "${admin[@]}" -X -w -qtA -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres "$@"); }

exists=$(superuser -c "SELECT 1 FROM pg_roles WHERE rolname = '$dbuser'") ||
    die "could not reach PostgreSQL on $at as its superuser (${admin[*]})"
if [[ -n $exists ]]; then
    die "the role $dbuser exists on $at, but no password known here lets it log in over TCP. Give its password" \
        "(PGPASSWORD=... make run, or a line $PGHOST:$PGPORT:*:$dbuser:PASSWORD in ~/.pgpass)," \
        "or let the set-up create a role of its own: KINERJA_DB_USER=kinerja make run"
fi
pw=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
log "creating the database role $dbuser on $at (LOGIN CREATEDB; its password is kept in $pwfile)"
superuser <<<"CREATE ROLE \"$dbuser\" LOGIN CREATEDB PASSWORD '$pw'" >/dev/null
mkdir -p "$state"
(umask 077 && echo "$PGHOST:$PGPORT:*:$dbuser:$pw" >>"$pwfile")
[[ $(login "$pw") == t ]] ||
    die "the new role $dbuser cannot log in over TCP to $at: pg_hba.conf needs a host line for it (scram-sha-256)"
printf '%s\n' "$pw"
