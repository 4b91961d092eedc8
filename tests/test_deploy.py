"""The Docker deployment stays consistent with the repository (no Docker engine runs here)."""

import concurrent.futures
import http.server
import importlib.util
import json
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_compose_file_validates():
    assert shutil.which("docker-compose"), "make test installs docker-compose (Debian package)"
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker/compose.yaml"), "config"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "postgres:16" in result.stdout
    assert "condition: service_healthy" in result.stdout
    assert "/etc/odoo/odoo.conf" in result.stdout


def test_image_builds_on_official_odoo_with_pinned_oca_wheels():
    dockerfile = (ROOT / "docker/Dockerfile").read_text()
    assert re.search(r"^FROM odoo:19\.0$", dockerfile, re.M)
    assert "COPY requirements.txt" in dockerfile and "odoo-addon-" in dockerfile
    pins = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line.startswith("odoo-addon-")]
    assert pins and all("==" in pin for pin in pins), "OCA addons are pinned"


@pytest.mark.parametrize("key", ["addons_path", "db_host", "dbfilter", "list_db", "proxy_mode", "workers"])
def test_deployment_config_sets(key):
    assert re.search(rf"^{key}\s*=", (ROOT / "odoo.conf").read_text(), re.M)


# --- the scale profile (docs/deploy.md, "Scaling out") ------------------------------------------------

ODOO_CONTAINERS = ("web1", "web2", "web3", "cron")
WEB_CONTAINERS = ("web1", "web2", "web3")


def compose_config(*profiles):
    assert shutil.which("docker-compose"), "docker-compose is missing: scripts/setup.sh installs it (Debian package)"
    args = [arg for profile in profiles for arg in ("--profile", profile)]
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker/compose.yaml"), *args, "config"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # the test environment has no YAML parser; docker-compose's Python has one (Debian python3-yaml)
    python = Path(shutil.which("docker-compose")).read_text().splitlines()[0].removeprefix("#!").split()
    to_json = "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"
    converted = subprocess.run(
        [*python, "-c", to_json], input=result.stdout, capture_output=True, text=True, check=True
    )
    return json.loads(converted.stdout)


@pytest.fixture(scope="module")
def scale():
    return compose_config("scale", "replica")["services"]


def options(service):
    """The command-line options of an Odoo container, as {name: value}."""
    return dict(arg.removeprefix("--").partition("=")[::2] for arg in service["command"] if arg.startswith("--"))


def test_default_deployment_is_db_and_one_odoo():
    services = compose_config()["services"]
    assert {name for name, service in services.items() if not service.get("profiles")} == {"db", "odoo"}
    assert services["odoo"]["ports"] and "command" not in services["odoo"], "the default Odoo runs odoo.conf as is"


def test_scale_profile_validates_with_its_services(scale):
    assert {"web1", "web2", "web3", "cron", "proxy"} <= {
        n for n, s in scale.items() if "scale" in s.get("profiles", [])
    }
    assert scale["db-replica"]["profiles"] == ["replica"]


@pytest.mark.parametrize("name", WEB_CONTAINERS)
def test_web_containers_run_no_crons_and_read_from_the_replica(scale, name):
    opts = options(scale[name])
    assert opts["max-cron-threads"] == "0"
    assert int(opts["workers"]) >= 2, "prefork mode: HTTP workers and the gevent worker on 8072"
    assert opts["db_replica_host"] and opts["db_replica_port"]
    assert "ports" not in scale[name], "reached through the proxy only"


def test_cron_container_runs_the_crons_without_a_public_port(scale):
    assert int(options(scale["cron"])["max-cron-threads"]) >= 1
    assert "ports" not in scale["cron"]


def test_jobs_run_on_the_cron_container_in_their_channel_beside_the_users(scale):
    """queue_job is loaded everywhere; only the cron container runs a job runner (docs/performance.md, Jobs), and
    the Kinerja channel never takes every worker of a node."""
    from configparser import ConfigParser

    conf = ConfigParser(interpolation=None)
    conf.read(ROOT / "odoo.conf")
    assert "queue_job" in conf["options"]["server_wide_modules"].split(",")
    channels = dict(channel.split(":") for channel in conf["queue_job"]["channels"].split(","))
    assert int(channels["root.kinerja"]) <= int(channels["root"]) < int(conf["options"]["workers"])
    for name in WEB_CONTAINERS:
        assert scale[name]["environment"]["ODOO_QUEUE_JOB_CHANNELS"] == "root:0"
    assert "ODOO_QUEUE_JOB_CHANNELS" not in scale["cron"]["environment"]


def test_local_configs_keep_the_queue_job_section(tmp_path):
    """scripts/lib.sh's write_conf adds its lines to [options], before odoo.conf's [queue_job] section."""
    from configparser import ConfigParser

    out = tmp_path / "odoo.conf"
    script = f'source "{ROOT}/scripts/lib.sh" >/dev/null && write_conf "{out}" 8099 2'
    subprocess.run(["bash", "-c", script], check=True, capture_output=True)
    conf = ConfigParser(interpolation=None)
    conf.read(out)
    assert conf["options"]["http_port"] == "8099" and conf["options"]["workers"] == "2"
    assert "queue_job" in conf["options"]["server_wide_modules"]
    assert conf["queue_job"]["channels"] == "root:2,root.kinerja:1"
    assert set(conf["queue_job"]) == {"channels"}


def test_replica_options_exist_in_odoo():
    """db_replica_host / db_replica_port are Odoo 19 options (odoo/tools/config.py)."""
    from odoo.tools import config

    assert {"db_replica_host", "db_replica_port", "max_cron_threads", "gevent_port"} <= set(config.options_index)


@pytest.mark.parametrize("name", ODOO_CONTAINERS + ("odoo",))
def test_odoo_containers_share_the_filestore(scale, name):
    assert "odoo-data:/var/lib/odoo:rw" in scale[name]["volumes"]
    assert any(volume.endswith("/odoo.conf:/etc/odoo/odoo.conf:ro") for volume in scale[name]["volumes"])


def test_proxy_publishes_the_port_and_waits_for_the_web_containers(scale):
    proxy = scale["proxy"]
    assert proxy["ports"]
    assert set(proxy["depends_on"]) == set(WEB_CONTAINERS)
    assert any(volume.endswith("/nginx/kinerja.conf:/etc/nginx/conf.d/default.conf:ro") for volume in proxy["volumes"])


def nginx_conf():
    return (ROOT / "docker/nginx/kinerja.conf").read_text()


def upstream(name):
    match = re.search(rf"upstream {name} \{{(.*?)\}}", nginx_conf(), re.S)
    assert match, f"upstream {name}"
    return re.findall(r"^\s*server (\S+)", match.group(1), re.M)


def location(path):
    match = re.search(rf"location {re.escape(path)} \{{(.*?)\}}", nginx_conf(), re.S)
    assert match, f"location {path}"
    return match.group(1)


def test_proxy_routes_websocket_to_8072_and_the_rest_to_8069():
    assert upstream("kinerja_websocket") == [f"{name}:8072" for name in WEB_CONTAINERS]
    assert upstream("kinerja_http") == [f"{name}:8069" for name in WEB_CONTAINERS]
    websocket = location("/websocket")
    assert "proxy_pass http://kinerja_websocket;" in websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $connection_upgrade;" in websocket
    assert "proxy_pass http://kinerja_http;" in location("/")


def test_proxy_sends_what_proxy_mode_reads():
    assert re.search(r"^proxy_mode\s*=\s*True", (ROOT / "odoo.conf").read_text(), re.M)
    for path in ("/", "/websocket"):
        block = location(path)
        for header in ("X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
            assert f"proxy_set_header {header} " in block, (path, header)
    assert not re.search(r"^\s*(ip_hash|hash|sticky)\b", nginx_conf(), re.M), "no sticky sessions"
    assert re.search(r"client_max_body_size \d+m;", nginx_conf())
    assert re.search(r"proxy_read_timeout \d+s;", nginx_conf())


def nginx_conf_module():
    spec = importlib.util.spec_from_file_location("nginx_conf", ROOT / "scripts/nginx_conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nginx_binary():
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    assert nginx, "nginx is missing: scripts/setup.sh installs it (Debian package nginx)"
    return nginx


def test_nginx_config_passes_nginx_t(tmp_path):
    # the Docker DNS names of the web containers do not resolve here: the same config on 127.0.0.1 (make cluster's)
    conf = nginx_conf_module().render(tmp_path, 8069, ["8070", "8071"], ["8072", "8073"])
    result = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_compose_proxy_serves_the_busy_page(scale):
    proxy = scale["proxy"]
    assert any(volume.endswith("/nginx/html:/etc/nginx/kinerja:ro") for volume in proxy["volumes"])
    assert "root /etc/nginx/kinerja;" in location("= /kinerja-busy.html")


class StubOdoo(http.server.ThreadingHTTPServer):
    """Stands for the web workers: a login takes LOGIN_SECONDS, anything else answers at once."""

    LOGIN_SECONDS = 0.2
    daemon_threads = True

    def __init__(self):
        self.logins = []  # arrival times of the logins that reached "Odoo"

        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = b'{"result": "ok"}'
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                if self.path in ("/web/login", "/web/session/authenticate"):
                    server.logins.append(time.monotonic())
                    time.sleep(server.LOGIN_SECONDS)
                self.answer()

            def do_GET(self):
                self.answer()

        super().__init__(("127.0.0.1", 0), Handler)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxied_stub(tmp_path):
    """nginx rendered as make cluster renders it (20 logins a second), in front of a stub of Odoo."""
    stub = StubOdoo()
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    port, stub_port = free_port(), str(stub.server_address[1])
    conf = nginx_conf_module().render(tmp_path, port, [stub_port], [stub_port], "20r/s")
    nginx = subprocess.Popen([nginx_binary(), "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")])
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", stub
    finally:
        nginx.terminate()
        nginx.wait(10)
        stub.shutdown()


def request(method, url, timeout=60):
    data = b"{}" if method == "POST" else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method), timeout=timeout) as reply:
            return reply.status, dict(reply.headers), reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_a_login_storm_waits_in_nginx_and_never_starves_the_reads(proxied_stub):
    url, stub = proxied_stub
    storm = 140  # past the queue of 100: the rest get the busy page
    with concurrent.futures.ThreadPoolExecutor(storm + 10) as pool:
        logins = [pool.submit(request, "POST", f"{url}/web/session/authenticate") for _ in range(storm)]
        time.sleep(0.5)  # the queue is full now: reads and the login page go through meanwhile
        reads = [pool.submit(request, "GET", f"{url}/web/webclient/version_info") for _ in range(5)]
        login_page = pool.submit(request, "GET", f"{url}/web/login")
        read_results = [read.result() for read in reads]
        login_page_status = login_page.result()[0]
        login_results = [login.result() for login in logins]

    assert [status for status, _headers, _body in read_results] == [200] * 5
    assert login_page_status == 200, "the login page opens whatever the storm"
    turned_away = [(headers, body) for status, headers, body in login_results if status == 429]
    assert len([status for status, _h, _b in login_results if status == 200]) >= 100, "the queue's logins all pass"
    assert len(turned_away) >= 20, "past the queue, the busy page"
    headers, body = turned_away[0]
    assert "Banyak pegawai sedang masuk bersamaan" in body and "url=/web/login" in body
    assert headers.get("Retry-After") == "5"
    # what reached Odoo came at the rate (20 a second, give or take the timers), not 140 at once
    arrivals = sorted(stub.logins)
    busiest = max(sum(1 for t in arrivals if start <= t < start + 1) for start in arrivals)
    assert busiest <= 26, busiest
