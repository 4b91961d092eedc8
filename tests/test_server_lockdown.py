"""`make run` cannot be taken over from the network: no database manager, no default master password, and
127.0.0.1 only unless KINERJA_HTTP_INTERFACE says otherwise.

Until issue 18, `write_conf` dropped odoo.conf's `list_db` and `admin_passwd` lines and kept `http_interface =
0.0.0.0`: anyone on the network saw /web/database/manager, listed every database with `db.list` and passed the
master password check of `db.drop` with Odoo's default `admin`. The test starts the server with scripts/run.sh,
as `make run` does (on the test database, without cron threads, which would commit the database's due jobs
under the other tests), and tries each of them without logging in.
"""

import contextlib
import os
import signal
import stat
import subprocess
from pathlib import Path

import psutil
import psycopg2
import pytest
import requests

from odoo.tools import config

from .test_production_mode import free_ports, wait_for

ROOT = Path(__file__).resolve().parent.parent


def pg_connect(dbname="postgres"):
    return psycopg2.connect(
        dbname=dbname,
        host=config["db_host"],
        port=config["db_port"],
        user=config["db_user"],
        password=config["db_password"] or None,
    )


def databases():
    with contextlib.closing(pg_connect()) as conn, conn.cursor() as cr:
        cr.execute("SELECT datname FROM pg_database WHERE NOT datistemplate")
        return {name for (name,) in cr.fetchall()}


@pytest.fixture
def victim():
    """An empty database that someone would like to drop."""
    name = f"kinerja_lockdown_{os.getpid()}"
    conn = pg_connect()
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@pytest.fixture
def make_run_server(tmp_path):
    """scripts/run.sh serving the test database; yields (http port, state folder, log)."""
    db = config["db_name"]
    db = db[0] if isinstance(db, list | tuple) else db
    state = Path(config["config"]).parent  # scripts/test.sh writes the test's config in the state folder
    (port,) = free_ports(1)
    # the addons' stamp as run.sh computes it: the test database is up to date, nothing to update
    stamp = subprocess.run(
        "find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16",
        shell=True,
        cwd=ROOT / "addons",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stamp_file = state / f"{db}.stamp"
    stamp_file.write_text(stamp)
    env = {key: value for key, value in os.environ.items() if key not in ("KINERJA_HTTP_INTERFACE",)}
    env.pop("KINERJA_MASTER_PASSWORD", None)
    env |= {"KINERJA_DB": db, "KINERJA_PORT": str(port), "KINERJA_STATE": str(state)}
    log = tmp_path / "run.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(ROOT / "scripts/run.sh"), "--max-cron-threads", "0"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: requests.get(f"http://127.0.0.1:{port}/web/health", timeout=5).ok, 90, "make run answers", log)
        yield port, state, log
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        stamp_file.unlink(missing_ok=True)


def db_service(port, method, *args):
    """A call of Odoo's `db` service over JSON-RPC, as the database manager's page makes it: the error or None."""
    response = requests.post(
        f"http://127.0.0.1:{port}/jsonrpc",
        json={"jsonrpc": "2.0", "method": "call", "params": {"service": "db", "method": method, "args": list(args)}},
        timeout=30,
    )
    response.raise_for_status()
    return response.json().get("error")


def test_make_run_refuses_the_database_manager(make_run_server, victim):
    port, state, log = make_run_server
    # only this machine reaches it
    listening = {
        conn.laddr.ip
        for conn in psutil.net_connections("tcp")
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port
    }
    assert listening == {"127.0.0.1"}, listening

    page = requests.get(f"http://127.0.0.1:{port}/web/database/manager", timeout=30)
    assert "The database manager has been disabled by the administrator" in page.text
    others = databases() - {"postgres"}
    assert victim in others
    assert not [name for name in others if name in page.text], "the page names no database"

    error = db_service(port, "list")
    assert error and "AccessDenied" in error["data"]["name"], error
    listed = requests.post(f"http://127.0.0.1:{port}/web/database/list", json={"params": {}}, timeout=30).json()
    assert "error" in listed and "result" not in listed, listed

    # neither Odoo's default password nor this machine's own one: management is off
    master = (state / "master-password").read_text().strip()
    for password in ("admin", master):
        error = db_service(port, "drop", password, victim)
        assert error and "AccessDenied" in error["data"]["name"], error
    requests.post(
        f"http://127.0.0.1:{port}/web/database/drop", data={"master_pwd": "admin", "name": victim}, timeout=30
    )
    assert victim in databases(), f"the database is still there\n{log.read_text()[-3000:]}"

    # the master password is this machine's own, the config it serves with is locked down
    secret = state / "master-password"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    password = secret.read_text().strip()
    assert len(password) >= 24 and password != "admin"
    conf = (state / "run.conf").read_text()
    assert "\nlist_db = False\n" in conf
    assert f"\nadmin_passwd = {password}\n" in conf
    assert "\nhttp_interface = 127.0.0.1\n" in conf
    assert stat.S_IMODE((state / "run.conf").stat().st_mode) == 0o600


def test_the_deployment_keeps_the_same_defaults():
    """The Docker image draws its master password per deployment; odoo.conf holds none and no manager."""
    conf = (ROOT / "odoo.conf").read_text()
    assert "\nlist_db = False\n" in conf
    assert "\nadmin_passwd" not in conf, "a password written in the repository is known to everyone"
    dockerfile = (ROOT / "docker/Dockerfile").read_text()
    assert 'ENTRYPOINT ["/kinerja-entrypoint.sh"]' in dockerfile
    entrypoint = (ROOT / "docker/entrypoint.sh").read_text()
    assert "list_db = False" in entrypoint and "/dev/urandom" in entrypoint
    compose = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker/compose.yaml"), "config"],
        capture_output=True,
        text=True,
        check=True,
        env={key: value for key, value in os.environ.items() if key != "KINERJA_HTTP_INTERFACE"},
    ).stdout
    assert "host_ip: 127.0.0.1" in compose or "127.0.0.1:8069:8069" in compose, compose
