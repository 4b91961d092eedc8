"""The project's nginx (docker/nginx/kinerja.conf) for processes on this machine instead of containers.

    nginx_conf.py DIR PORT HTTP_PORTS WEBSOCKET_PORTS [LOGIN_RATE]

writes DIR/nginx.conf: listening on 127.0.0.1:PORT, the upstreams on 127.0.0.1 at the given comma-separated
ports, the busy page from docker/nginx/html, pid, logs and temporary files in DIR; LOGIN_RATE (e.g. 2r/s)
replaces the compose profile's login rate. Used by `make cluster`, `make load` and tests/test_deploy.py.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render(folder, port, http_ports, websocket_ports, login_rate=None):
    conf = (ROOT / "docker/nginx/kinerja.conf").read_text()

    def upstream(name, ports):
        nonlocal conf
        servers = "".join(f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=30s;\n" for p in ports)
        conf, found = re.subn(rf"(upstream {name} \{{\n)(?:\s*server [^\n]*\n)+", rf"\g<1>{servers}", conf)
        assert found == 1, name

    upstream("kinerja_http", http_ports)
    upstream("kinerja_websocket", websocket_ports)
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("root /etc/nginx/kinerja;", f"root {ROOT / 'docker/nginx/html'};")
    if login_rate:
        conf = re.sub(r"(zone=kinerja_login:1m rate=)\S+;", rf"\g<1>{login_rate};", conf)
    folder = Path(folder)
    temp = "".join(f"    {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "kinerja.conf").write_text(conf)
    # in the foreground (the caller stops it); run by root, its workers keep root's rights to the caller's
    # folders instead of nginx's default "nobody" (it listens on 127.0.0.1 only)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"daemon off;\n{user}pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\nworker_processes 1;\n"
        f"events {{ worker_connections 2048; }}\n"
        f"http {{\n    access_log off;\n{temp}    include {folder / 'kinerja.conf'};\n}}\n"
    )
    return folder / "nginx.conf"


if __name__ == "__main__":
    folder, port, http_ports, websocket_ports, *rate = sys.argv[1:]
    print(render(folder, int(port), http_ports.split(","), websocket_ports.split(","), *rate))
