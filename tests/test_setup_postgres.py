"""The set-up's PostgreSQL step (scripts/postgres.sh) on a server with Debian's stock authentication.

Each test makes a throw-away cluster with pg_createcluster (peer on the local socket, scram-sha-256
over TCP) on a free port and drops it afterwards.
"""

import os
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "postgres.sh"

pytestmark = [
    pytest.mark.skipif(not shutil.which("pg_createcluster"), reason="pg_createcluster (postgresql-common) is absent"),
    pytest.mark.skipif(os.geteuid() != 0, reason="creating a PostgreSQL cluster needs root"),
]


@pytest.fixture
def stopped():
    """(version, name, port) of a new cluster, not started."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    version = max(os.listdir("/usr/lib/postgresql"), key=float)
    name = f"kinerja_t{port}"
    subprocess.run(["pg_createcluster", version, name, "-p", str(port)], check=True, capture_output=True)
    try:
        hba = Path(f"/etc/postgresql/{version}/{name}/pg_hba.conf").read_text()
        rules = {tuple(line.split()) for line in hba.splitlines() if line.strip() and not line.startswith("#")}
        assert ("local", "all", "all", "peer") in rules, hba
        assert ("host", "all", "all", "127.0.0.1/32", "scram-sha-256") in rules, hba
        assert not any("trust" in rule for rule in rules), hba
        yield version, name, port
    finally:
        subprocess.run(["pg_dropcluster", "--stop", version, name], check=True)


@pytest.fixture
def port(stopped):
    version, name, port = stopped
    subprocess.run(["pg_ctlcluster", version, name, "start"], check=True, capture_output=True)
    return port


def clean_env(**extra):
    """The environment without the connection of the running suite (make test exports PGHOST, PGPASSWORD...)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PG", "KINERJA_"))}
    return {**env, **extra}


def setup_postgres(port, state, user="odoo", **extra):
    env = clean_env(PGHOST="127.0.0.1", PGPORT=str(port), KINERJA_STATE=str(state), KINERJA_DB_USER=user, **extra)
    return subprocess.run([SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False)


def superuser(port, sql):
    """psql as the postgres system user over the local socket (peer)."""
    subprocess.run(
        ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-p", str(port), "-d", "postgres", "-c", sql],
        cwd="/",
        env=clean_env(),
        check=True,
        capture_output=True,
    )


def connect(port, user, password):
    return psycopg2.connect(host="127.0.0.1", port=port, user=user, password=password, dbname="postgres")


def test_setup_starts_the_server_and_creates_a_role_odoo_reaches_over_tcp(stopped, tmp_path):
    port = stopped[2]
    first = setup_postgres(port, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "starting PostgreSQL" in first.stderr and "creating the database role odoo" in first.stderr
    password = first.stdout.strip()
    assert len(password) >= 20
    pgpass = tmp_path / "pgpass"
    assert pgpass.read_text() == f"127.0.0.1:{port}:*:odoo:{password}\n"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600

    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        connect(port, "odoo", "wrong")
    conn = connect(port, "odoo", password)
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute("CREATE DATABASE kinerja_probe")
            cr.execute("SELECT 1 FROM pg_database WHERE datname = 'kinerja_probe'")
            assert cr.fetchone()
            cr.execute("DROP DATABASE kinerja_probe")
    finally:
        conn.close()

    again = setup_postgres(port, tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == password and again.stderr == ""


def test_an_existing_role_is_used_with_its_password(port, tmp_path):
    superuser(port, "CREATE ROLE kinerja_own LOGIN CREATEDB PASSWORD 'own-secret'")

    unknown = setup_postgres(port, tmp_path / "a", user="kinerja_own")
    assert unknown.returncode == 1
    assert "the role kinerja_own exists" in unknown.stderr and "PGPASSWORD=" in unknown.stderr

    given = setup_postgres(port, tmp_path / "b", user="kinerja_own", PGPASSWORD="own-secret")
    assert given.returncode == 0, given.stderr
    assert given.stdout.strip() == "own-secret"

    passfile = tmp_path / "pgpass-of-the-user"
    passfile.write_text(f"127.0.0.1:{port}:*:kinerja_own:own-secret\n")
    passfile.chmod(0o600)
    found = setup_postgres(port, tmp_path / "c", user="kinerja_own", PGPASSFILE=str(passfile))
    assert found.returncode == 0, found.stderr
    assert found.stdout == "\n", "libpq finds the password itself: none goes into Odoo's config"
    assert not (tmp_path / "c" / "pgpass").exists()


def test_a_role_that_may_not_create_databases_is_refused(port, tmp_path):
    superuser(port, "CREATE ROLE kinerja_nodb LOGIN PASSWORD 'nodb-secret'")
    result = setup_postgres(port, tmp_path, user="kinerja_nodb", PGPASSWORD="nodb-secret")
    assert result.returncode == 1
    assert 'ALTER ROLE "kinerja_nodb" CREATEDB' in result.stderr
