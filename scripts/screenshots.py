"""Take the README's screenshots from a running demo database (see scripts/screenshots.sh).

    python scripts/screenshots.py http://127.0.0.1:8069 kinerja_demo docs/img

Each picture is what a demo user meets after login, in Bahasa Indonesia, at desktop (1366x900)
or phone (390x844) size.
"""

import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import DESKTOP, PHONE, Browser

# (file, login, size, element to wait for, element to scroll to or None[, page: "/odoo" unless given, where
# "{skp}" stands for the id of the user's own SKP[, tab of the form to open first]])
SHOTS = (
    # Wahyuni's plan came back from her appraiser: her home is that SKP, with the reason and her next step
    ("employee-home.png", "wahyuni", DESKTOP, ".o_form_view .o_asn_next_step", None),
    # Irwan's finished SKP on a phone: result, predikat and what comes next first
    ("phone-skp.png", "irwan.syahputra", PHONE, ".o_form_view .o_field_widget[name=predicate]", None),
    # Dewi's work results on a phone: one card per result, every column of the desktop table
    (
        "phone-work-results.png",
        "dewi.kartika",
        PHONE,
        ".o_form_view .o_field_widget[name=main_line_ids] .o_kanban_record",
        ".o_form_view .o_notebook",
    ),
    # the Panduan page as Irwan opens it from his finished SKP (Butuh Perbaikan): his cell of the matrix
    ("guide-matrix.png", "irwan.syahputra", DESKTOP, ".o_asn_cell_mine", "#matrix", "/kinerja/panduan?skp={skp}"),
    # ... and on a phone, the yearly cycle with the stage his SKP is in
    ("phone-guide-cycle.png", "irwan.syahputra", PHONE, "#cycle ol", None, "/kinerja/panduan?skp={skp}"),
    # Dewi's feedback thread: her appraiser's feedback on a work result, her answer, a performance dialogue
    (
        "feedback-thread.png",
        "dewi.kartika",
        DESKTOP,
        ".o_form_view .o_field_widget[name=feedback_ids] .o_data_row",
        ".o_form_view .o_field_widget[name=department_id]",
        None,
        ".o_form_view .o_notebook .nav-link[name=feedback]",
    ),
    (
        "phone-feedback-thread.png",
        "dewi.kartika",
        PHONE,
        ".o_form_view .o_field_widget[name=feedback_ids] .o_kanban_record",
        ".o_form_view .o_notebook",
        None,
        ".o_form_view .o_notebook .nav-link[name=feedback]",
    ),
)


def rpc(base_url, session_id, model, method, *args, **kwargs):
    """Call ``model.method`` as the user of ``session_id``."""
    response = requests.post(
        f"{base_url}/web/dataset/call_kw/{model}/{method}",
        json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": args, "kwargs": kwargs}},
        cookies={"session_id": session_id},
        timeout=60,
    )
    response.raise_for_status()
    if error := response.json().get("error"):
        raise RuntimeError(f"{model}.{method}: {error['data']['message']}")
    return response.json()["result"]


def wait_for_server(base_url, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(f"{base_url}/web/login", timeout=5).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{base_url} does not answer")


def main(base_url, db, folder):
    wait_for_server(base_url)
    with Browser() as browser:
        for name, login, size, ready, scroll_to, *extra in SHOTS:
            page, tab = (list(extra) + [None, None])[:2]
            browser.size(**size)
            session_id = browser.login(base_url, db, login, "demo")
            # the demo's users are new: no guided tour pointing over the picture
            rpc(base_url, session_id, "res.users", "switch_tour_enabled", False)
            path = page or "/odoo"
            if "{skp}" in path:
                own = rpc(base_url, session_id, "asn.kinerja.appraisal", "search", [("is_own", "=", True)], limit=1)
                path = path.format(skp=own[0])
            browser.goto(f"{base_url}{path}")
            if tab:
                browser.wait(tab)
                browser.click(tab)
            browser.wait(ready)
            if scroll_to:
                browser.evaluate(f"document.querySelector('{scroll_to}').scrollIntoView()")
                time.sleep(0.5)
            browser.screenshot(Path(folder, name))
            print(f"[screenshots] {Path(folder, name)} ({login}, {size['width']}x{size['height']})")


if __name__ == "__main__":
    main(*sys.argv[1:4])
