"""Benchmarks of the Kinerja ASN hot paths, run by `make bench` inside `odoo-bin shell` (which defines `env`).

With hr_asn_kinerja and hr_asn_training installed. Prints wall time and SQL query counts; everything is
rolled back at the end. Steps are taken through the workflow actions, by their users or, for the set-up
of many SKPs at once, as the superuser (the engine's sanctioned path); `state` is never written.

- opening a period at each of BENCH_SIZES employees (default 1000,5000,10000), beside a batch create
  of as many res.partner in the same run;
- the appraiser's list (the list view of 'Subordinates', as the appraiser) at BENCH_SUBORDINATES
  (default 10,50,200): its query count must not grow;
- the final result of BENCH_FINALISE SKPs (default 1000) at once, with the training link, then their result
  e-mails (queue_job jobs, no PDF) and, apart, the Dokumen of BENCH_PDFS (default 20) of them rendered in advance
  by the low-priority jobs: what the e-mails would wait for if they carried their PDFs (docs/performance.md);
- each workflow step of one SKP beside a plain write of one field (one user, warm caches).
"""

import os
import statistics
import time

from odoo.tests import new_test_user

from odoo.addons.hr_asn_kinerja.models import asn_kinerja_appraisal_result as dialogue
from odoo.addons.hr_asn_kinerja.tests.test_appraiser_list import DOMAIN, list_specification
from odoo.addons.queue_job.job import Job

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,5000,10000").split(",")]
SUBORDINATES = [int(size) for size in os.environ.get("BENCH_SUBORDINATES", "10,50,200").split(",")]
FINALISE = int(os.environ.get("BENCH_FINALISE", "1000"))
PDFS = int(os.environ.get("BENCH_PDFS", "20"))
UNIT_STAFF = 49  # the staff of a filler unit under its head
STEP_SKPS = 7  # the steps run on the first as a warm-up, and are measured on the others
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True}
W = 62  # label width


def nip(seq):
    # birth 1985-03-15, appointment January of a year that keeps NIPs unique, male
    return f"19850315{2005 + seq // 1000}01" + f"1{seq % 1000:03d}"


def timed(func):
    """(result, seconds, queries) of func, flushed, from a cold record cache."""
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return result, time.perf_counter() - start, env.cr.sql_log_count - queries


def measure(label, func):
    result, seconds, queries = timed(func)
    print(f"{label:<{W}} {seconds * 1000:10.1f} ms {queries:7d} queries")
    return result


def perform_jobs(max_priority=None, limit=None):
    """Run the queue's pending jobs here, one at a time in priority order, as one job worker would (those
    waiting for them next); returns how many ran."""
    ran = 0
    while limit is None or ran < limit:
        domain = [("state", "=", "pending")] + ([("priority", "<=", max_priority)] if max_priority else [])
        record = env["queue.job"].sudo().search(domain, order="priority, id", limit=1)
        if not record:
            break
        job = Job.load(env, record.uuid)
        job.set_started()
        job.store()
        job.set_done(result=job.perform())
        job.store()
        if job.should_check_dependents():
            job.enqueue_waiting()
        ran += 1
    return ran


def note(text):
    print(f"{'':<{W}} {text}")


class Regency:
    """Employees with a job of three indicators (three work results on each SKP), under a Sekretaris
    Daerah: the units of the list benchmark (a head with a user and N staff), then filler units."""

    def __init__(self):
        # created by an HR manager, as BKPSDM enters staff: Odoo draws an avatar for each new employee
        # only when its creator may edit views (an administrator), 10 attachments and 20 ms an employee
        hr_manager = new_test_user(env, "bench_hr", groups="base.group_user,hr.group_hr_manager")
        self.Employee = env["hr.employee"].with_user(hr_manager).sudo().with_context(**QUIET)
        self.job = env["hr.job"].create({"name": "Analis Bench"})
        env["asn.kinerja.indicator"].create(
            [
                {
                    "name": f"Indikator {i}",
                    "result_name": f"Hasil {i}",
                    "default_target": 12,
                    "unit": "laporan",
                    "job_ids": [(4, self.job.id)],
                }
                for i in range(3)
            ]
        )
        self.seq = 0
        self.top = self.add(1, "Sekretaris Daerah")
        self.list_heads = {}  # subordinates -> head employee
        for count in SUBORDINATES:
            user = new_test_user(
                env, f"bench_head_{count}", groups="base.group_user,hr_asn_kinerja.group_kinerja_appraiser"
            )
            head = self.add(1, f"Kepala {count}", parent=self.top, user=user)
            self.add(count, f"Staf {count}", parent=head)
            self.list_heads[count] = head
        # the unit of the step benchmark: staff with users
        step_user = new_test_user(
            env, "bench_step_head", groups="base.group_user,hr_asn_kinerja.group_kinerja_appraiser"
        )
        self.step_head = self.add(1, "Kepala Langkah", parent=self.top, user=step_user)
        users = [new_test_user(env, f"bench_step_{i}", groups="base.group_user") for i in range(STEP_SKPS)]
        self.step_staff = self.Employee.browse()
        for user in users:
            self.step_staff |= self.add(1, f"Staf Langkah {user.login}", parent=self.step_head, user=user)

    def add(self, count, name, parent=None, user=None):
        start, self.seq = self.seq, self.seq + count
        vals = [
            {
                "name": f"{name} {i}" if count > 1 else name,
                "nip": nip(i),
                "asn_type": "pns",
                "job_id": self.job.id,
                "parent_id": parent.id if parent else False,
                "user_id": user.id if user else False,
            }
            for i in range(start, start + count)
        ]
        return self.Employee.create(vals)

    def grow(self, total):
        """Filler units (a head and UNIT_STAFF staff) up to ``total`` employees."""
        while self.seq < total:
            staff = min(UNIT_STAFF, total - self.seq - 1)
            head = self.add(1, f"Kepala Unit {self.seq}", parent=self.top)
            if staff > 0:
                self.add(staff, f"Pegawai {head.id}", parent=head)


def bench_period_opening(regency):
    print("--- opening a period (an SKP: 3 work results, 7 behaviour rows), beside res.partner batch create")
    periods = {}
    rows = []
    for year, size in enumerate(SIZES, start=2040):
        measure(f"build up to {size} employees (setup, not a product path)", lambda size=size: regency.grow(size))
        period = env["asn.kinerja.period"].create(
            {"name": f"Bench {year}", "date_start": f"{year}-01-01", "date_end": f"{year}-12-31"}
        )
        # a large agency opens in jobs, one per unit: the opening and its jobs, as one job worker runs them
        _result, seconds, queries = timed(lambda period=period: (period.action_open(), perform_jobs()))
        skps = len(period.appraisal_ids)
        print(
            f"{f'action_open: {skps} SKPs':<{W}} {seconds * 1000:10.1f} ms {queries:7d} queries  {skps / seconds:8.0f} SKPs/s"
        )
        vals = [{"name": f"Mitra Bench {year}-{i}"} for i in range(skps)]
        _result, p_seconds, p_queries = timed(lambda vals=vals: env["res.partner"].create(vals))
        print(
            f"{f'res.partner create: {skps} rows in one batch':<{W}} {p_seconds * 1000:10.1f} ms {p_queries:7d} queries  "
            f"{skps / p_seconds:8.0f} rows/s"
        )
        note(
            f"opening / partner create: {seconds / p_seconds:.1f}x the time, {queries / max(p_queries, 1):.1f}x the queries"
        )
        periods[size] = period
        rows.append((skps, seconds, queries, p_seconds, p_queries))
    measure(f"action_open again on {SIZES[-1]} (nothing to create)", periods[SIZES[-1]].action_open)
    print(f"{'SKPs':>8} {'SKPs/s':>9} {'queries':>8} {'partners/s':>11} {'queries':>8} {'time ratio':>11}")
    for skps, seconds, queries, p_seconds, p_queries in rows:
        print(
            f"{skps:8d} {skps / seconds:9.0f} {queries:8d} {skps / p_seconds:11.0f} {p_queries:8d} {seconds / p_seconds:10.1f}x"
        )
    return periods


def bench_appraiser_list(regency, period):
    print("--- the appraiser's list: 'Subordinates' (filters Open Periods, Awaiting Me), as the appraiser")
    skps = period.appraisal_ids.filtered(lambda s: s.employee_id.parent_id in regency.list_heads.values())
    measure(f"setup: {len(skps)} plans submitted (action_submit, superuser)", skps.action_submit)
    spec = list_specification(env)
    counts = []
    for count, head in regency.list_heads.items():
        Appraisal = env["asn.kinerja.appraisal"].with_user(head.user_id)
        Appraisal.web_search_read(DOMAIN, spec, limit=80)  # warm-up: the same user's rules and caches
        result, seconds, queries = timed(lambda Appraisal=Appraisal: Appraisal.web_search_read(DOMAIN, spec, limit=80))
        rows, length = len(result["records"]), result["length"]
        # a full page of 80 also counts the rows beyond it, as the pager shows: one query more, once
        paged = length > rows
        label = f"web_search_read of {count} subordinates ({len(spec)} fields, limit 80)"
        print(f"{label:<{W}} {seconds * 1000:10.1f} ms {queries:7d} queries")
        note(f"{rows} rows of {length}" + (" (+1 query: the count for the pager)" if paged else ""))
        counts.append(queries - paged)
    flat = len(set(counts)) == 1
    note(
        f"queries at {', '.join(map(str, regency.list_heads))} subordinates, without the pager's count: {counts}: "
        + ("constant" if flat else "GROW")
    )


def walk_to_scored(skps):
    """The steps up to a score as the superuser, in batches: a spread of ratings (every 10th a low predikat)."""
    skps.action_submit()
    skps.action_approve()
    skps.line_ids.write({"realization": "12 laporan"})
    skps.action_submit_realization()
    ratings = [("as_expected", "as_expected"), ("above", "as_expected"), ("above", "above")]
    for index, skp in enumerate(skps):
        result, behavior = ("below", "as_expected") if index % 10 == 9 else ratings[index % 3]
        vals = {"result_rating": result, "behavior_rating": behavior}
        if result == "below":  # a rating below expectations is given with its reason (docs/rules.md §21)
            vals["appraiser_feedback"] = "Perlu bimbingan kinerja: ketepatan waktu laporan."
        skp.write(vals)
    skps.action_score()


def bench_finalisation(period, officer):
    skps = period.appraisal_ids.filtered("appraiser_id")[:FINALISE]
    print(f"--- the final result of {len(skps)} SKPs at once, with the training link (hr_asn_training)")
    measure(f"setup: {len(skps)} SKPs submitted, approved, realised, scored", lambda: walk_to_scored(skps))
    Request = env["asn.training.request"]
    before = Request.search_count([])
    activities = env["mail.activity"].search_count([])
    mails = env["mail.mail"].search_count([])
    _result, seconds, queries = timed(lambda: skps.with_user(officer).action_done())
    print(
        f"{f'action_done of {len(skps)} SKPs as Pengelola Kinerja':<{W}} {seconds * 1000:10.1f} ms {queries:7d} queries"
    )
    note(f"{seconds * 1000 / len(skps):.1f} ms and {queries / len(skps):.1f} queries per SKP")
    low = len(skps.filtered(lambda s: s.predicate == "needs_improvement"))
    note(
        f"{low} low predikat: {Request.search_count([]) - before} training requests, "
        f"{env['mail.activity'].search_count([]) - activities} activities, "
        f"{env['mail.mail'].search_count([]) - mails} e-mails queued (to the people with a user)"
    )
    bench_result_mails(skps)


def bench_result_mails(skps):
    """The result e-mails as jobs without their PDFs, then the Dokumen rendered in advance (low priority)."""
    print(f"--- the result e-mails of {len(skps)} final SKPs (queue_job), and their Dokumen apart")
    Appraisal = env["asn.kinerja.appraisal"]
    # every employee has an e-mail address (the regency's people are made without one)
    partners = skps.employee_id.user_id.partner_id | skps.employee_id.work_contact_id
    env.cr.execute(
        "UPDATE res_partner SET email = 'pegawai' || id || '@bungokab.go.id' WHERE id IN %s", [tuple(partners.ids)]
    )
    env.invalidate_all()
    mails = env["mail.mail"].search_count([])
    measure("the hourly run: enqueue the e-mail jobs", Appraisal._cron_send_results)
    # every Dokumen left to the later jobs, as in a mass finalisation (docs/performance.md, Jobs)
    before_mail, dialogue.DOCUMENTS_BEFORE_MAIL = dialogue.DOCUMENTS_BEFORE_MAIL, 0
    try:
        _ran, seconds, queries = timed(lambda: perform_jobs(max_priority=10))
    finally:
        dialogue.DOCUMENTS_BEFORE_MAIL = before_mail
    sent = env["mail.mail"].search_count([]) - mails
    print(f"{f'the e-mail jobs: {sent} e-mails, no PDF':<{W}} {seconds * 1000:10.1f} ms {queries:7d} queries")
    note(
        f"{seconds * 1000 / max(len(skps), 1):.1f} ms per result: the e-mails of 60,000 in {seconds * 60000 / max(len(skps), 1) / 60:.0f} min of one worker"
    )
    # wkhtmltopdf cannot reach an HTTP server from `odoo-bin shell`: no stylesheets (refused at once)
    env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
    # what a Dokumen job does for each of its SKPs (the regency's staff have no user: rendered as the superuser)
    Report = env["ir.actions.report"]
    sample = skps[:PDFS]
    _result, p_seconds, p_queries = timed(
        lambda: [Report._render_qweb_pdf("hr_asn_kinerja.action_report_evaluation_document", skp.ids) for skp in sample]
    )
    print(
        f"{f'the Dokumen of {len(sample)} results, one by one':<{W}} {p_seconds * 1000:10.1f} ms {p_queries:7d} queries"
    )
    if sample:
        per_pdf, per_mail = p_seconds / len(sample), seconds / max(len(skps), 1)
        note(
            f"{per_pdf:.2f} s per PDF: with its PDF an e-mail would cost {per_pdf + per_mail:.2f} s, not {per_mail:.3f} s"
        )


def bench_steps(regency, period, officer):
    """Each step on STEP_SKPS SKPs by its user: the first warms up, the median of the others is shown."""
    print("--- one SKP's steps beside a plain write of one field (each by its user, with the SKP open in the form)")
    skps = period.appraisal_ids.filtered(lambda s: s.employee_id in regency.step_staff).sorted("id")
    appraiser = regency.step_head.user_id
    steps = [
        ("write", "employee", lambda skp: skp.write({"employee_feedback": "Siap"})),
        ("submit", "employee", lambda skp: skp.action_submit()),
        ("approve", "appraiser", lambda skp: skp.action_approve()),
        ("submit realisation", "employee", lambda skp: skp.action_submit_realization()),
        ("score", "appraiser", lambda skp: skp.action_score()),
        ("done", "officer", lambda skp: skp.action_done()),
    ]
    results = {}
    for name, role, step in steps:
        if name == "submit realisation":
            for skp in skps:
                skp.line_ids.with_user(skp.employee_id.user_id).write({"realization": "12 laporan"})
        elif name == "score":
            for skp in skps:
                skp.with_user(appraiser).write({"result_rating": "above", "behavior_rating": "as_expected"})
        samples = []
        for skp in skps:
            user = {"employee": skp.employee_id.user_id, "appraiser": appraiser, "officer": officer}[role]
            # the user has the SKP open, as the form is before its button is pressed
            skp.with_user(user).web_read({"state": {}, "next_step": {}})
            env.invalidate_all()
            _result, seconds, queries = timed(lambda skp=skp, user=user, step=step: step(skp.with_user(user)))
            samples.append((seconds, queries))
        measured = samples[1:]
        results[name] = (
            statistics.median(s for s, _q in measured),
            min(s for s, _q in measured),
            max(q for _s, q in measured),
        )
    write_ms, write_queries = results["write"][0] * 1000, results["write"][2]
    print(
        f"{'step':<20} {'ms':>8} {'best ms':>8} {'queries':>8} {'ms / write':>11} {'queries / write':>16}"
        "  target: < 35 ms, <= 3x write"
    )
    for name, (seconds, best, queries) in results.items():
        ms = seconds * 1000
        verdict = "ok" if ms < 35 and ms <= 3 * write_ms else "over"
        print(
            f"{name:<20} {ms:8.1f} {best * 1000:8.1f} {queries:8d} {ms / write_ms:10.1f}x "
            f"{queries / write_queries:15.1f}x  {verdict}"
        )
    note(
        f"ms: median of {len(skps) - 1} SKPs after one warm-up (best: the fastest), queries: the highest; "
        f"the SKPs end {', '.join(sorted(set(skps.mapped('state'))))}"
    )


def bench_pivot(period, officer):
    measure(
        f"'All SKP' pivot by unit and predikat ({len(period.appraisal_ids)} SKPs, officer)",
        lambda: (
            env["asn.kinerja.appraisal"]
            .with_user(officer)
            .formatted_read_group([("period_id", "=", period.id)], ["department_id", "predicate"], ["__count"])
        ),
    )


def main():
    env.cr.execute("SAVEPOINT bench")
    regency = Regency()
    officer = new_test_user(env, "bench_officer", groups="base.group_user,hr_asn_kinerja.group_kinerja_officer")
    periods = bench_period_opening(regency)
    first, largest = periods[SIZES[0]], periods[SIZES[-1]]
    bench_appraiser_list(regency, first)
    bench_finalisation(periods[SIZES[1]] if len(SIZES) > 1 else first, officer)
    bench_steps(regency, largest, officer)
    bench_pivot(largest, officer)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench")


main()
