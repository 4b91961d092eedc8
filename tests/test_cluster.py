"""`make cluster`: the nodes behind nginx are interchangeable. The cluster serves the test database (two web
nodes and two job nodes, scheduled actions off) and each check crosses nodes: a session made on one is used on
the other, a file one keeps is served by the other, the websocket goes through nginx to a gevent port, and a job
runs exactly once with two job runners up."""

import base64
import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
import websocket

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config

from odoo.addons.queue_job import jobrunner

from .test_production_mode import wait_for

ROOT = Path(__file__).resolve().parent.parent
PORT = 8240  # nginx on the first free port from here (another run may hold it); the nodes take free ports after it


def database():
    db = config["db_name"]
    return db[0] if isinstance(db, list | tuple) else db


@contextlib.contextmanager
def running_cluster(log, port, **settings):
    """`make cluster` on the test database with the given KINERJA_* settings, nginx on the first free port from
    `port` on; yields (nginx URL, [web node URLs], the folder of its logs) and stops it."""
    port = free_port(port)
    env = dict(os.environ, KINERJA_PORT=str(port), KINERJA_DB=database(), KINERJA_NO_UPDATE="1", **settings)
    env["KINERJA_JOB_CRON_THREADS"] = "0"  # the other tests' database: no scheduled action commits under them
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(ROOT / "scripts/cluster.sh")], stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        wait_for(lambda: "[cluster] ready" in log.read_text(), 240, "the cluster is ready", log)
        found = re.search(r"workers on ([\d,]+),.* logs in (\S+)", log.read_text())
        yield f"http://127.0.0.1:{port}", [f"http://127.0.0.1:{p}" for p in found[1].split(",")], Path(found[2])
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def free_port(start):
    for port in range(start, start + 100, 5):
        with contextlib.suppress(OSError), socket.create_server(("127.0.0.1", port)):
            return port
    pytest.fail(f"no free port from {start} on")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Yields (nginx URL, [web node URLs], the folder of the nodes' logs)."""
    log = tmp_path_factory.mktemp("cluster") / "cluster.log"
    # this test process serves HTTP with queue_job loaded: its own runner would win the database's election
    if jobrunner.runner_thread is not None:
        jobrunner.runner_thread.stop()
        jobrunner.runner_thread.join(30)
        jobrunner.runner_thread = None
    with running_cluster(log, PORT, KINERJA_NODES="2", KINERJA_JOB_NODES="2") as running:
        yield running


def login(url):
    http = requests.Session()
    reply = http.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": database(), "login": "admin", "password": "admin"}},
        timeout=60,
    )
    assert (reply.json().get("result") or {}).get("uid") == 2, reply.text
    return http


def call(http, url, model, method, *args, route="/web/dataset/call_kw", **kwargs):
    reply = http.post(
        f"{url}{route}",
        json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs}},
        timeout=60,
    )
    body = reply.json()
    assert "error" not in body, body
    return body["result"]


def test_a_session_made_on_one_node_works_on_the_other(cluster):
    _proxy, (first, second), _logs = cluster
    http = login(first)
    info = http.post(f"{second}/web/session/get_session_info", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    assert info.json()["result"]["uid"] == 2
    # logged out on the second node, the session is gone on the first too
    http.post(f"{second}/web/session/destroy", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    again = http.post(f"{first}/web/session/get_session_info", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    assert "error" in again.json() or not again.json()["result"].get("uid")


def test_a_file_kept_by_one_node_is_served_by_the_other(cluster):
    _proxy, (first, second), _logs = cluster
    http = login(first)
    content = os.urandom(4096)
    attachment = call(
        http, first, "ir.attachment", "create", {"name": "cluster.bin", "datas": base64.b64encode(content).decode()}
    )
    try:
        served = http.get(f"{second}/web/content/{attachment}?download=true", timeout=60)
        assert served.status_code == 200 and served.content == content
    finally:
        call(http, second, "ir.attachment", "unlink", [attachment])


def test_the_proxy_spreads_calls_and_routes_the_websocket(cluster):
    proxy, _nodes, _logs = cluster
    http = login(proxy)
    for _ in range(6):  # every call through nginx finds a node that knows the session
        assert call(http, proxy, "res.users", "read", [2], ["login"])[0]["login"] == "admin"
    ws = websocket.create_connection(
        f"{proxy.replace('http', 'ws', 1)}/websocket",
        origin=proxy,
        cookie=f"session_id={http.cookies['session_id']}",
        timeout=10,
    )
    try:
        assert ws.connected
    finally:
        ws.close()


def test_a_job_runs_exactly_once_with_two_job_runners_up(cluster):
    _proxy, _nodes, logs = cluster
    runners = [logs / "jobs.log", logs / "jobs2.log"]
    # both job nodes start a runner; the one that takes the database's advisory lock runs its jobs
    wait_for(
        lambda: all("queue_job.jobrunner.runner: starting" in log.read_text() for log in runners),
        60,
        "two runners",
        runners[1],
    )
    wait_for(
        lambda: sum("queue job runner ready" in log.read_text() for log in runners) == 1, 60, "one elected", runners[1]
    )
    marker = f"cluster-job-{uuid.uuid4().hex}"
    registry = Registry(database())
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        uuids = [env["res.partner"].with_delay().create({"name": f"{marker}-{n}"}).uuid for n in range(4)]

    def jobs():
        with registry.cursor() as cr:
            cr.execute("SELECT state, retry FROM queue_job WHERE uuid IN %s", [tuple(uuids)])
            return cr.fetchall()

    def partners():
        with registry.cursor() as cr:
            cr.execute("SELECT name, count(*) FROM res_partner WHERE name LIKE %s GROUP BY name", [f"{marker}-%"])
            return dict(cr.fetchall())

    try:
        wait_for(lambda: all(state == "done" for state, _retry in jobs()), 90, "the jobs done", runners[0])
        # a few seconds more: a second runner that ran them too would have made its partners by now
        time.sleep(3)
        assert jobs() == [("done", 1)] * 4
        assert partners() == {f"{marker}-{n}": 1 for n in range(4)}
    finally:
        with registry.cursor() as cr:
            cr.execute("DELETE FROM res_partner WHERE name LIKE %s", [f"{marker}-%"])
            cr.execute("DELETE FROM queue_job WHERE uuid IN %s", [tuple(uuids)])
