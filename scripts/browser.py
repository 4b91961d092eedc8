"""A small headless-Chromium driver over the DevTools protocol, for the README screenshots.

Used by scripts/screenshots.py; needs only ``requests`` and ``websocket-client`` (both in Odoo's
requirements) and the ``chromium`` binary the set-up installs for the browser tours.
"""

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests
import websocket

PHONE = {"width": 390, "height": 844, "mobile": True}
DESKTOP = {"width": 1366, "height": 900, "mobile": False}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One headless Chromium with one page; ``with Browser() as b: ...``."""

    def __init__(self, binary=None):
        self.binary = binary or shutil.which("chromium") or shutil.which("chromium-browser") or "google-chrome"
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="kinerja-shots-")
        self.process = None
        self.ws = None
        self._id = 0

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-extensions",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{self.port}"
        for _attempt in range(100):
            try:
                pages = requests.get(f"{base}/json/list", timeout=1).json()
                page = next(p for p in pages if p["type"] == "page")
                break
            except (requests.ConnectionError, StopIteration):
                time.sleep(0.1)
        else:
            raise RuntimeError("Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.send("Page.enable")
        self.send("Runtime.enable")
        return self

    def __exit__(self, *exc):
        if self.ws:
            self.ws.close()
        if self.process:
            self.process.terminate()
            self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def size(self, width, height, mobile):
        self.viewport = {"width": width, "height": height, "mobile": mobile}
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self.send("Emulation.setTouchEmulationEnabled", enabled=mobile, maxTouchPoints=5 if mobile else 1)

    def login(self, base_url, db, login, password):
        """Authenticate over JSON-RPC and hand the session cookie to the browser; returns the session id."""
        response = requests.post(
            f"{base_url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password}},
            timeout=60,
        )
        response.raise_for_status()
        if response.json().get("error"):
            raise RuntimeError(f"login {login}: {response.json()['error']['data']['message']}")
        self.send("Network.clearBrowserCookies")
        self.send("Network.setCookie", name="session_id", value=response.cookies["session_id"], url=base_url)
        return response.cookies["session_id"]

    def goto(self, url):
        self.send("Page.navigate", url=url)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, selector, timeout=30):
        """Wait until ``selector`` matches a visible element, then until the page is idle."""
        deadline = time.time() + timeout
        check = f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
                     return !!el && !!(el.offsetWidth || el.offsetHeight); }})()"""
        while time.time() < deadline:
            if self.evaluate(check):
                time.sleep(0.8)  # images and fonts of the screen
                return
            time.sleep(0.2)
        raise TimeoutError(f"{selector} did not appear")

    def click(self, selector):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")

    def screenshot(self, path, full_page=False):
        """Save a PNG of the screen; ``full_page``: of everything the screen's scrolling area holds."""
        viewport = self.viewport
        if full_page:
            # the web client scrolls inside .o_content: grow the window to hold all of it
            extra = self.evaluate(
                "(() => { const el = document.querySelector('.o_action_manager .o_content') || document.body;"
                " return Math.max(0, el.scrollHeight - el.clientHeight); })()"
            )
            self.send(
                "Emulation.setDeviceMetricsOverride",
                width=viewport["width"],
                height=viewport["height"] + extra,
                deviceScaleFactor=1,
                mobile=viewport["mobile"],
            )
            time.sleep(1)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        if full_page:
            self.size(**viewport)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))
