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
from browser import DESKTOP, PHONE, Browser  # noqa: E402

# (file, login, size, element to wait for, element to scroll to or None[, tab of the form to open first])
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
    # Dewi's feedback thread: her appraiser's feedback on a work result, her answer, a performance dialogue
    (
        "feedback-thread.png",
        "dewi.kartika",
        DESKTOP,
        ".o_form_view .o_field_widget[name=feedback_ids] .o_data_row",
        ".o_form_view .o_field_widget[name=department_id]",
        ".o_form_view .o_notebook .nav-link[name=feedback]",
    ),
    (
        "phone-feedback-thread.png",
        "dewi.kartika",
        PHONE,
        ".o_form_view .o_field_widget[name=feedback_ids] .o_kanban_record",
        ".o_form_view .o_notebook",
        ".o_form_view .o_notebook .nav-link[name=feedback]",
    ),
)


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
        for name, login, size, ready, scroll_to, *tab in SHOTS:
            browser.size(**size)
            browser.login(base_url, db, login, "demo")
            browser.goto(f"{base_url}/odoo")
            if tab:
                browser.wait(tab[0])
                browser.click(tab[0])
            browser.wait(ready)
            if scroll_to:
                browser.evaluate(f"document.querySelector('{scroll_to}').scrollIntoView()")
                time.sleep(0.5)
            browser.screenshot(Path(folder, name))
            print(f"[screenshots] {Path(folder, name)} ({login}, {size['width']}x{size['height']})")


if __name__ == "__main__":
    main(*sys.argv[1:4])
