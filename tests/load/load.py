"""make load: the January peak, and the rest of the year, against a running Odoo over real web sessions.

Each user works in their own session (`/web/session/authenticate`, then `/web/dataset/call_kw` and the report
URL, as the web client does), LOAD_USERS of them at a time. First the 08:00 login storm: everyone logs in
at once while one user, already logged in, keeps reading their SKP list. Then the year, phase after phase,
every SKP taken by the user whose step it is:

    plan (employee)         open_skp, add_result, submit
    approval (appraiser)    to_approve, approve
    realisation (employee)  realisation, self_assessment
    scoring (appraiser)     to_score, rate, score
    final (superior)        to_finalise, finalise
    print (employee)        pdf (Dokumen Evaluasi Kinerja Pegawai, from the result's e-mail once it came)

Prints p50 / p95 / max per step, throughput and errors; the last line sums up the year (the storm has its
own line above it): `load: N calls, X calls/s, p95 Y ms, errors Z`. Exits 1 on any error.

Environment: LOAD_URL (the server, loopback), LOAD_DB, LOAD_PEOPLE (the JSON written by setup_data.py),
LOAD_USERS (concurrent users, default 16), LOAD_THINK (seconds a user pauses between steps, default 0.5).
"""

import json
import os
import random
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import requests

URL = os.environ.get("LOAD_URL", "http://127.0.0.1:8069").rstrip("/")
DB = os.environ["LOAD_DB"]
USERS = int(os.environ.get("LOAD_USERS", "16"))
# a person reads the screen before the next click: each user pauses THINK s (0.5 to 1.5 times) between steps;
# LOAD_THINK=0 makes every user a robot that clicks again the moment the answer arrives
THINK = float(os.environ.get("LOAD_THINK", "0.5"))
PEOPLE = json.loads(Path(os.environ["LOAD_PEOPLE"]).read_text())
REPORT = "hr_asn_kinerja.report_evaluation_document"
TARGET_MS = 500
MAIL_PATIENCE = 600  # seconds an employee waits for the result's e-mail before the run counts an error
# (result rating, behaviour rating) of the SKPs in turn: mostly good, some very good
RATINGS = [("as_expected", "as_expected")] * 3 + [("above", "above"), ("above", "as_expected")]


class LoadError(Exception):
    pass


class Stats:
    """Durations and errors per step, from every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.first_errors = []
        self.mail_waits = []  # seconds an employee waited for the result's e-mail after the final results

    def fail(self, step, error):
        with self.lock:
            self.errors[step] += 1
            if len(self.first_errors) < 5:
                self.first_errors.append(f"{step}: {error}"[:500])

    def timed(self, step, call):
        start = time.perf_counter()
        try:
            return call()
        except Exception as error:
            self.fail(step, error)
            return None
        finally:
            with self.lock:
                self.times[step].append(time.perf_counter() - start)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def ms(seconds):
    return round(seconds * 1000)


class Session:
    """One user's web session."""

    def __init__(self, login, stats):
        self.login = login
        self.stats = stats
        self.http = requests.Session()
        self.uid = None
        self.ids = 0

    def rpc(self, path, params):
        self.ids += 1
        response = self.http.post(
            URL + path, json={"jsonrpc": "2.0", "method": "call", "id": self.ids, "params": params}, timeout=300
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise LoadError(f"{self.login}: {data.get('name')}: {data.get('message') or body['error']}")
        return body["result"]

    def authenticate(self):
        def call():
            while True:
                try:
                    result = self.rpc(
                        "/web/session/authenticate", {"db": DB, "login": self.login, "password": PEOPLE["password"]}
                    )
                    break
                except requests.HTTPError as error:  # the proxy's busy page: come back when it says
                    if error.response.status_code != 429:
                        raise
                    time.sleep(float(error.response.headers.get("Retry-After", 5)))
            if not result or not result.get("uid"):
                raise LoadError(f"{self.login}: login refused")
            self.uid = result["uid"]
            return self.uid

        return self.stats.timed("login", call)

    def think(self):
        if THINK:
            time.sleep(random.uniform(0.5, 1.5) * THINK)

    def call(self, step, model, method, args, **kwargs):
        self.think()
        kwargs.setdefault("context", {"lang": "en_US", "tz": "Asia/Jakarta", "uid": self.uid})
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.stats.timed(step, lambda: self.rpc(f"/web/dataset/call_kw/{model}/{method}", params))

    def skps(self, step, domain):
        """The SKP list of this user, as the list view reads it."""
        domain = [("period_id", "=", PEOPLE["period_id"]), *domain]
        return (
            self.call(
                step, "asn.kinerja.appraisal", "search_read", [domain], fields=["employee_id", "state", "line_ids"]
            )
            or []
        )

    def result_mail_arrived(self, skp_id, patience=MAIL_PATIENCE):
        """Wait (untimed: nobody clicks meanwhile) until the result's e-mail of the SKP is written, which the
        scheduled action does once the Dokumen is rendered, as the employee reads their inbox."""
        start = time.monotonic()
        deadline = start + patience
        read = {"model": "asn.kinerja.appraisal", "method": "read", "args": [[skp_id], ["result_mail_pending"]]}
        params = {**read, "kwargs": {}}
        while time.monotonic() < deadline:
            try:
                if not self.rpc("/web/dataset/call_kw", params)[0]["result_mail_pending"]:
                    with self.stats.lock:
                        self.stats.mail_waits.append(time.monotonic() - start)
                    return True
            except Exception as error:
                self.stats.fail("pdf", error)
                return False
            time.sleep(2)
        self.stats.fail("pdf", f"{self.login}: no result e-mail after {patience} s")
        return False

    def pdf(self, skp_id):
        self.think()

        def call():
            response = self.http.get(f"{URL}/report/pdf/{REPORT}/{skp_id}", timeout=300)
            response.raise_for_status()
            if not response.content.startswith(b"%PDF"):
                raise LoadError(f"{self.login}: not a PDF: {response.content[:200]!r}")
            return len(response.content)

        return self.stats.timed("pdf", call)


def run_phase(name, tasks, clock):
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        for future in [pool.submit(task) for task in tasks]:
            future.result()
    clock[name] = time.perf_counter() - start
    print(f"[load] {name}: {len(tasks)} users' tasks in {clock[name]:.1f} s", flush=True)


STEPS = ["open_skp", "add_result", "submit", "to_approve", "approve", "realisation", "self_assessment"]
STEPS += ["to_score", "rate", "score", "to_finalise", "finalise", "pdf"]


class People:
    """Everyone's session, and who appraises whom."""

    def __init__(self, stats):
        self.sessions, self.employees, self.supervisors, self.groups = {}, [], [], []
        for head in PEOPLE["heads"]:
            self.sessions[head["login"]] = Session(head["login"], stats)
            for supervisor in head["supervisors"]:
                self.sessions[supervisor["login"]] = Session(supervisor["login"], stats)
                self.supervisors.append(supervisor["login"])
                self.groups.append((head["login"], supervisor["login"]))  # the head finalises their SKPs
                for login in supervisor["employees"]:
                    self.sessions[login] = Session(login, stats)
                    self.employees.append(login)
        self.skp_of = {}  # employee login: (SKP id, work result id)


def login_storm(people, clock):
    """08:00: everyone logs in at once, while a head who came early reads their list."""
    early = people.sessions[PEOPLE["heads"][0]["login"]]
    early.authenticate()
    storming = threading.Event()
    storming.set()

    def reader():
        while storming.is_set():
            early.skps("read_during_storm", [])

    probe = threading.Thread(target=reader)
    probe.start()
    try:
        tasks = [s.authenticate for s in people.sessions.values() if s is not early]
        run_phase("08:00 login storm", tasks, clock)
    finally:
        storming.clear()
        probe.join()


def year(people, stats, clock):
    """Every SKP from plan to PDF, phase after phase, each step by the user whose step it is."""
    sessions, skp_of = people.sessions, people.skp_of

    def plan(login):
        me = sessions[login]
        skp = (me.skps("open_skp", [("employee_id.user_id", "=", me.uid)]) or [None])[0]
        if not skp:
            stats.fail("open_skp", f"{login}: no SKP")
            return
        line = me.call(
            "add_result",
            "asn.kinerja.appraisal.line",
            "create",
            [{"appraisal_id": skp["id"], "name": "Laporan kegiatan bulanan", "target": "12 laporan"}],
        )
        skp_of[login] = (skp["id"], line[0] if isinstance(line, list) else line)
        me.call("submit", "asn.kinerja.appraisal", "action_submit", [[skp["id"]]])

    def approve(login):
        me = sessions[login]
        for skp in me.skps("to_approve", [("appraiser_id.user_id", "=", me.uid), ("state", "=", "submitted")]):
            me.call("approve", "asn.kinerja.appraisal", "action_approve", [[skp["id"]]])

    def realise(login):
        me = sessions[login]
        skp_id, line_id = skp_of[login]
        me.call("realisation", "asn.kinerja.appraisal.line", "write", [[line_id], {"realization": "12 laporan"}])
        me.call("self_assessment", "asn.kinerja.appraisal", "action_submit_realization", [[skp_id]])

    def score(login):
        me = sessions[login]
        todo = me.skps("to_score", [("appraiser_id.user_id", "=", me.uid), ("state", "=", "self_assessed")])
        for i, skp in enumerate(todo):
            result, behavior = RATINGS[i % len(RATINGS)]
            vals = {"result_rating": result, "behavior_rating": behavior}
            me.call("rate", "asn.kinerja.appraisal", "write", [[skp["id"]], vals])
            me.call("score", "asn.kinerja.appraisal", "action_score", [[skp["id"]]])

    def finalise(head_login, supervisor_login):
        me = sessions[head_login]
        domain = [("appraiser_id.user_id.login", "=", supervisor_login), ("state", "=", "scored")]
        for skp in me.skps("to_finalise", domain):
            me.call("finalise", "asn.kinerja.appraisal", "action_done", [[skp["id"]]])

    def download(login):
        """The employee opens the Dokumen from the result's e-mail, once it has arrived."""
        if login in skp_of:
            me, skp_id = sessions[login], skp_of[login][0]
            if me.result_mail_arrived(skp_id):
                me.pdf(skp_id)

    employees, supervisors = people.employees, people.supervisors
    run_phase("January: plans", [lambda x=x: plan(x) for x in employees], clock)
    run_phase("January: approvals", [lambda x=x: approve(x) for x in supervisors], clock)
    run_phase("December: realisation", [lambda x=x: realise(x) for x in employees if x in skp_of], clock)
    run_phase("December: scoring", [lambda x=x: score(x) for x in supervisors], clock)
    run_phase("January: final results", [lambda g=g: finalise(*g) for g in people.groups], clock)
    run_phase("January: PDFs", [lambda x=x: download(x) for x in employees], clock)


def print_storm(storm_stats, clock):
    logins, reads = storm_stats.times["login"], storm_stats.times["read_during_storm"] or [0]
    print()
    print(
        f"storm: {len(logins)} logins in {clock['08:00 login storm']:.1f} s "
        f"(login p50 {ms(percentile(logins, 0.5))} ms, p95 {ms(percentile(logins, 0.95))} ms, "
        f"max {ms(max(logins))} ms); meanwhile {len(reads)} reads: p50 {ms(percentile(reads, 0.5))} ms, "
        f"p95 {ms(percentile(reads, 0.95))} ms, max {ms(max(reads))} ms; "
        f"errors {sum(storm_stats.errors.values())}"
    )


def print_steps(stats):
    """The table; returns the steps that missed the target."""
    print()
    print(f"{'step':<16} {'calls':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}  target")
    missed = []
    for step in STEPS:
        times, errors = stats.times.get(step, []), stats.errors.get(step, 0)
        if not times:
            print(f"{step:<16} {0:>6} {'-':>8} {'-':>8} {'-':>8} {errors:>7}  MISSED")
            missed.append(step)
            continue
        p95 = ms(percentile(times, 0.95))
        ok = p95 < TARGET_MS and not errors
        missed += [] if ok else [step]
        print(
            f"{step:<16} {len(times):>6} {ms(percentile(times, 0.5)):>8} {p95:>8} {ms(max(times)):>8} "
            f"{errors:>7}  {'ok' if ok else 'MISSED'}"
        )
    return missed


def main():
    host = urlparse(URL).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"[load] loopback only: LOAD_URL={URL}")
    stats, storm_stats = Stats(), Stats()
    people = People(storm_stats)
    print(
        f"[load] {URL} database {DB}: {len(PEOPLE['heads'])} heads, {len(people.supervisors)} supervisors, "
        f"{len(people.employees)} employees; {USERS} concurrent users, {THINK:g} s between a user's steps",
        flush=True,
    )
    clock = {}
    login_storm(people, clock)
    for session in people.sessions.values():
        session.stats = stats
    start = time.perf_counter()
    year(people, stats, clock)
    elapsed = time.perf_counter() - start

    print_storm(storm_stats, clock)
    missed = print_steps(stats)
    for error in stats.first_errors + storm_stats.first_errors:
        print(f"[load] error: {error}")
    if stats.mail_waits:
        print(
            f"result e-mails (queue_job jobs; a few results with their Dokumen rendered first): employees opening their inbox after the final "
            f"results waited p50 "
            f"{percentile(stats.mail_waits, 0.5):.1f} s, max {max(stats.mail_waits):.1f} s"
        )
    every = [t for step in STEPS for t in stats.times.get(step, [])] or [0]
    errors = sum(stats.errors.values()) + sum(storm_stats.errors.values())
    print()
    verdict = "met" if not missed and not errors else f"missed by {', '.join(missed) or 'the login storm'}"
    print(f"target (0 errors, p95 < {TARGET_MS} ms for every step): {verdict}")
    print(
        f"load: {len(every)} calls, {len(every) / elapsed:.1f} calls/s, p95 {ms(percentile(every, 0.95))} ms, "
        f"errors {errors}"
    )
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
