"""The Docker deployment stays consistent with the repository (no Docker engine runs here)."""

import re
import shutil
import subprocess
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
