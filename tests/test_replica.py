"""`make cluster` with KINERJA_REPLICA=1: the web nodes send the reads marked ``@api.readonly`` to a streaming
standby and every step that writes to the primary. The cluster copies the test database into its throw-away
primary and logs every statement of both servers; a call through nginx shows up in the log of the server that
served it."""

import glob
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_cluster import call, login, running_cluster
from .test_production_mode import wait_for

PORT = 8250


def server_programs():
    """The folder of initdb, pg_ctl and pg_basebackup, as scripts/cluster.sh finds it."""
    config = shutil.which("pg_config")
    folders = []
    if config:
        folders.append(subprocess.run([config, "--bindir"], check=False, capture_output=True, text=True).stdout.strip())
    folders += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in folders:
        if all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "pg_basebackup")):
            return folder
    # make setup installs them (scripts/setup.sh): their absence is a broken set-up, not a reason to skip
    pytest.fail(f"no PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) in {folders}: run make setup")


@pytest.fixture(scope="module")
def replica_cluster(tmp_path_factory):
    """Yields (nginx URL, the folder of the throw-away primary and standby)."""
    server_programs()
    log = tmp_path_factory.mktemp("replica") / "cluster.log"
    with running_cluster(log, PORT, KINERJA_NODES="1", KINERJA_REPLICA="1", KINERJA_REPLICA_LOG="1") as running:
        proxy, _nodes, _logs = running
        folder = Path(log.read_text().split("streaming standby on ")[1].split(", in ")[1].split()[0])
        yield proxy, folder
    assert not folder.exists(), "the throw-away primary and standby are removed when the cluster stops"


class Statements:
    """What each server logs from now on."""

    def __init__(self, folder):
        self.logs = {server: folder / f"{server}.log" for server in ("primary", "standby")}
        self.start = {server: len(log.read_text()) for server, log in self.logs.items()}

    def __getitem__(self, server):
        return self.logs[server].read_text()[self.start[server] :]


def test_a_monitoring_read_is_served_by_the_standby_and_a_step_by_the_primary(replica_cluster):
    proxy, folder = replica_cluster
    assert (folder / "standby/standby.signal").is_file()  # made by pg_basebackup -R: a hot standby
    http = login(proxy)

    statements = Statements(folder)
    rows = call(http, proxy, "asn.kinerja.monitoring.report", "web_search_read", domain=[], specification={"state": {}})
    assert rows["length"] >= 0
    wait_for(
        lambda: "asn_kinerja_monitoring_report" in statements["standby"],
        10,
        "read on the standby",
        folder / "standby.log",
    )
    assert "asn_kinerja_monitoring_report" not in statements["primary"]

    statements = Statements(folder)
    period = call(
        http,
        proxy,
        "asn.kinerja.period",
        "create",
        {"name": "Replika", "date_start": "2031-01-01", "date_end": "2031-12-31"},
    )
    call(http, proxy, "asn.kinerja.period", "action_open", [period], route="/web/dataset/call_button")
    wait_for(
        lambda: 'UPDATE "asn_kinerja_period"' in statements["primary"],
        10,
        "step on the primary",
        folder / "primary.log",
    )
    assert 'UPDATE "asn_kinerja_period"' not in statements["standby"]
    assert 'INSERT INTO "asn_kinerja_period"' not in statements["standby"]

    def read_on_the_standby():  # streamed there, the opened period is what the next read finds
        records = call(
            http,
            proxy,
            "asn.kinerja.period",
            "web_search_read",
            domain=[("id", "=", period)],
            specification={"state": {}},
        )["records"]
        return records[0]["state"] == "open"

    wait_for(read_on_the_standby, 10, "the opened period read on the standby", folder / "standby.log")
