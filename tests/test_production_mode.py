"""Production mode (`KINERJA_WORKERS=N make run`, and the Docker deployment): prefork workers whose gevent
process, the one serving /websocket, starts once and stays up.

Until setuptools was pinned below 81 it did not: Odoo's gevent 22.10 imports pkg_resources, and the
gevent process died at start and was spawned again, some 2,700 times in ten minutes, while the HTTP
workers seemed healthy. The test serves the test database with two workers, as `make run` does in
production mode, and watches the gevent process for a while. The cron worker is left out
(--max-cron-threads 0), and so is queue_job's runner process (channel capacity 0): they would run the
database's due jobs and commit them under the other tests.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests
import websocket

import odoo.release
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8170, 8200)  # the ports this project's tests may serve on
WATCH = 20  # seconds the gevent process must stay the same process


def free_ports(count):
    """``count`` ports of PORTS that nothing listens on now."""
    found = []
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    pytest.fail(f"no {count} free ports in {PORTS}")


def wait_for(predicate, timeout, what, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if result := predicate():
                return result
        time.sleep(0.5)
    pytest.fail(f"not within {timeout} s: {what}\n{log.read_text()[-3000:]}")


def gevent_processes(server):
    return [child for child in server.children() if "gevent" in child.cmdline()]


@pytest.fixture
def production_server(tmp_path):
    """Odoo serving the test database with two prefork workers; yields (process, http port, gevent port, log)."""
    db = config["db_name"]
    db = db[0] if isinstance(db, list | tuple) else db
    http_port, gevent_port = free_ports(2)
    log = tmp_path / "odoo.log"
    odoo_bin = Path(odoo.release.__file__).resolve().parent.parent / "odoo-bin"  # the source tree's
    cmd = [sys.executable, str(odoo_bin), "-c", config["config"], "-d", db, f"--db-filter=^{db}$"]
    cmd += ["--workers", "2", "--max-cron-threads", "0", "--http-interface", "127.0.0.1"]
    cmd += ["--http-port", str(http_port), "--gevent-port", str(gevent_port), "--log-level", "info"]
    with log.open("w") as out:
        env = {**os.environ, "ODOO_QUEUE_JOB_CHANNELS": "root:0"}  # no job runner process
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env)
    try:
        yield psutil.Process(proc.pid), http_port, gevent_port, log
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_gevent_process_starts_once_and_stays_up(production_server):
    server, http_port, gevent_port, log = production_server
    wait_for(
        lambda: requests.get(f"http://127.0.0.1:{http_port}/web/health", timeout=5).ok, 40, "the workers answer", log
    )
    gevent = wait_for(lambda: gevent_processes(server), 20, "the gevent process runs", log)
    assert len(gevent) == 1, gevent
    workers = [child for child in server.children() if child not in gevent]
    assert len(workers) == 2, f"two prefork HTTP workers, not the threaded server: {workers}"
    pid, started = gevent[0].pid, gevent[0].create_time()
    deadline = time.monotonic() + WATCH
    while time.monotonic() < deadline:
        now = gevent_processes(server)
        assert [(p.pid, p.create_time()) for p in now] == [(pid, started)], (
            f"the gevent process was replaced: {log.read_text()[-3000:]}"
        )
        time.sleep(1)
    # it serves: a real websocket handshake on its port, and the HTTP workers still answer
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{gevent_port}/websocket", origin=f"http://127.0.0.1:{gevent_port}", timeout=10
    )
    try:
        assert ws.connected
    finally:
        ws.close()
    assert requests.get(f"http://127.0.0.1:{http_port}/web/health", timeout=5).ok
    text = log.read_text()
    # gevent 22.10 warns that pkg_resources is deprecated (setuptools 80): only its absence is fatal
    assert "No module named 'pkg_resources'" not in text, text[-3000:]
    assert len(re.findall(r"Evented Service \(longpolling\) running", text)) == 1, text[-3000:]
    assert "Traceback" not in text, text[-3000:]


def test_make_run_production_mode_matches_the_deployment():
    """`KINERJA_WORKERS=N make run` serves as the Docker deployment does: workers, one cron worker, the gevent
    port, and odoo.conf's limits; the deployment publishes that gevent port for /websocket."""
    run = (ROOT / "scripts/run.sh").read_text()
    assert re.search(r"--workers \"\$workers\" --max-cron-threads 1 --gevent-port", run)
    lib = (ROOT / "scripts/lib.sh").read_text()
    assert "keep_limits=(-e '/^limit_/d')" in lib, "production mode keeps odoo.conf's limit_* lines"
    conf = (ROOT / "odoo.conf").read_text()
    workers = int(re.search(r"^workers\s*=\s*(\d+)", conf, re.M)[1])
    gevent_port = int(re.search(r"^gevent_port\s*=\s*(\d+)", conf, re.M)[1])
    assert workers >= 2
    assert re.search(r"^max_cron_threads\s*=\s*1$", conf, re.M)
    assert re.search(rf'"(\$\{{[^}}]+\}}:)?{gevent_port}:{gevent_port}"', (ROOT / "docker/compose.yaml").read_text())
    deploy = (ROOT / "docs/deploy.md").read_text()
    assert f"workers = {workers}" in deploy, "docs/deploy.md's Production mode explains odoo.conf's number of workers"
