"""`make cluster`: the nodes behind nginx are interchangeable. The cluster serves the test database (two web
nodes and the job node, scheduled actions off) and each check crosses nodes: a session made on one is used on
the other, a file one keeps is served by the other, the websocket goes through nginx to a gevent port."""

import base64
import contextlib
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
import requests
import websocket

from odoo.tools import config

from .test_production_mode import wait_for

ROOT = Path(__file__).resolve().parent.parent
PORT = 8240  # nginx; the nodes take the free ports after it


def database():
    db = config["db_name"]
    return db[0] if isinstance(db, list | tuple) else db


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Yields (nginx URL, [web node URLs])."""
    db = database()
    log = tmp_path_factory.mktemp("cluster") / "cluster.log"
    env = dict(os.environ, KINERJA_NODES="2", KINERJA_PORT=str(PORT), KINERJA_DB=db, KINERJA_NO_UPDATE="1")
    env["KINERJA_JOB_CRON_THREADS"] = "0"  # the other tests' database: no scheduled action commits under them
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(ROOT / "scripts/cluster.sh")], stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        wait_for(lambda: "[cluster] ready" in log.read_text(), 180, "the cluster is ready", log)
        ports = re.search(r"workers on ([\d,]+),", log.read_text())[1].split(",")
        yield f"http://127.0.0.1:{PORT}", [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def login(url):
    http = requests.Session()
    reply = http.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": database(), "login": "admin", "password": "admin"}},
        timeout=60,
    )
    assert (reply.json().get("result") or {}).get("uid") == 2, reply.text
    return http


def call(http, url, model, method, *args):
    reply = http.post(
        f"{url}/web/dataset/call_kw",
        json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": list(args), "kwargs": {}}},
        timeout=60,
    )
    body = reply.json()
    assert "error" not in body, body
    return body["result"]


def test_a_session_made_on_one_node_works_on_the_other(cluster):
    _proxy, (first, second) = cluster
    http = login(first)
    info = http.post(f"{second}/web/session/get_session_info", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    assert info.json()["result"]["uid"] == 2
    # logged out on the second node, the session is gone on the first too
    http.post(f"{second}/web/session/destroy", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    again = http.post(f"{first}/web/session/get_session_info", json={"jsonrpc": "2.0", "params": {}}, timeout=60)
    assert "error" in again.json() or not again.json()["result"].get("uid")


def test_a_file_kept_by_one_node_is_served_by_the_other(cluster):
    _proxy, (first, second) = cluster
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
    proxy, _nodes = cluster
    http = login(proxy)
    for _ in range(6):  # every call through nginx finds a node that knows the session
        assert call(http, proxy, "res.users", "read", [2], ["login"])[0]["login"] == "admin"
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{PORT}/websocket",
        origin=proxy,
        cookie=f"session_id={http.cookies['session_id']}",
        timeout=10,
    )
    try:
        assert ws.connected
    finally:
        ws.close()
