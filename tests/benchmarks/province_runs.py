"""The long runs of a province's year on a real job node (`BENCH_PROVINCE=1 make bench`, scripts/bench_province.sh),
inside `odoo-bin shell` on a copy of the province (tests/benchmarks/province_build.py) while a job node with
BENCH_JOB_WORKERS job workers serves it: HR's click (or the daily scheduled action) here, timed with its
queries, then the wall time until the last job it enqueued is done, the jobs' queries read from the job
node's request log (BENCH_JOB_LOG), and the largest worker of the node (BENCH_JOB_PID) against its
limit_memory_soft. Every run commits: the jobs see what HR's click wrote. Each run's wall time is added to
BENCH_SUMMARY (label, job workers, seconds) for the table that ends the bench (tests/benchmarks/province_summary.py)."""

import datetime
import os
import re
import time

import psutil
from bench_common import Bench, spread_states

from odoo import fields
from odoo.tools import config

from odoo.addons.hr_asn_kinerja.tools.jobs import TODO_STATES

WORKERS = int(os.environ["BENCH_JOB_WORKERS"])
LOG = os.environ["BENCH_JOB_LOG"]
NODE = psutil.Process(int(os.environ["BENCH_JOB_PID"]))
# queue_job's request to run a job, as Odoo logs it: the status, then the request's queries, SQL and other time
RUNJOB = re.compile(r'"GET /queue_job/runjob\?[^"]*" \d+ \S+ (\d+) ')
TODAY = fields.Date.context_today(env.user)

bench = Bench(env, width=70)


def node_memory():
    """The resident memory of the node's largest worker, in bytes."""
    sizes = [0]
    for child in NODE.children(recursive=True):
        try:
            sizes.append(child.memory_info().rss)
        except psutil.NoSuchProcess:
            pass
    return max(sizes)


def runjob_queries(offset, jobs):
    """The queries of each job run logged after ``offset``; the last job's line is written once its request
    answered, a moment after the job was marked done: wait for it (10 s at most)."""
    for _ in range(20):
        with open(LOG, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            queries = [int(match.group(1)) for match in RUNJOB.finditer(log.read())]
        if len(queries) >= jobs:
            break
        time.sleep(0.5)
    return queries


def timed_run(label, click):
    """HR's ``click`` (it enqueues the jobs), committed; then wait for the jobs made since, printing both lines:
    the click's time and queries, and the jobs' wall time (from before the click), count and queries."""
    env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")
    since = env.cr.fetchone()[0]
    offset = os.path.getsize(LOG)
    start = time.perf_counter()
    _result, seconds, queries = bench.timed(click)
    env.cr.commit()
    bench.show(f"{label}: the click", seconds, queries, "s")
    peak, counts = 0, {}
    while True:
        peak = max(peak, node_memory())
        env.cr.execute("SELECT state, count(*) FROM queue_job WHERE date_created >= %s GROUP BY state", [since])
        counts = dict(env.cr.fetchall())
        env.cr.commit()  # the next poll reads a new snapshot
        if not set(counts) & set(TODO_STATES):
            break
        time.sleep(0.5)
    wall = time.perf_counter() - start
    job_queries = runjob_queries(offset, sum(counts.values()))
    bench.show(
        f"{label}: all done, {WORKERS} job worker(s)",
        wall,
        sum(job_queries),
        "s",
        f"  {sum(counts.values())} jobs, {counts.get('failed', 0)} failed",
    )
    bench.note(f"largest worker {peak / 2**20:.0f} MB (limit_memory_soft {config['limit_memory_soft'] / 2**20:.0f} MB)")
    env.invalidate_all()
    with open(os.environ["BENCH_SUMMARY"], "a", encoding="utf-8") as summary:
        summary.write(f"{label}\t{WORKERS}\t{wall:.1f}\n")
    return wall


def main():
    officer = env["res.users"].search([("login", "=", "bench_province_officer")])
    Appraisal = env["asn.kinerja.appraisal"]
    people = env["hr.employee"].search_count([("siasn_id", "!=", False)])
    print(f"--- the province's long runs: {people} civil servants, {WORKERS} job worker(s)", flush=True)
    period = env["asn.kinerja.period"].create(
        {"name": "Provinsi", "date_start": TODAY.replace(month=1, day=1), "date_end": TODAY.replace(month=12, day=31)}
    )
    env.cr.commit()
    timed_run("period opening", period.with_user(officer).action_open)
    bench.note(f"{Appraisal.search_count([('period_id', '=', period.id)])} SKPs")

    # the daily run over a year in every step: the open SKPs' deadlines fall within the reminder window
    spread_states(env, period)
    period.write(
        {"plan_deadline": TODAY + datetime.timedelta(days=3), "evaluation_deadline": TODAY + datetime.timedelta(days=5)}
    )
    activities = env["mail.activity"].search_count([])
    env.cr.commit()
    timed_run("reminder run", Appraisal._cron_remind_deadlines)
    bench.note(f"{env['mail.activity'].search_count([]) - activities} activities created")

    # December: every SKP final, its result e-mail pending (as the finalisation leaves it)
    env.cr.execute(
        """UPDATE asn_kinerja_appraisal SET state = 'done', result_rating = 'as_expected', behavior_rating = 'above',
                  predicate = 'good', result_mail_pending = TRUE WHERE period_id = %s""",
        [period.id],
    )
    mails = env["mail.mail"].search_count([])
    env.cr.commit()
    timed_run("result e-mails of every final SKP", Appraisal._cron_send_results)
    bench.note(f"{env['mail.mail'].search_count([]) - mails} e-mails queued")

    wizard = env["asn.kinerja.siasn.export"].with_user(officer).create({"period_id": period.id, "file_format": "json"})
    env.cr.commit()
    timed_run("SIASN export (json)", wizard.action_export)
    run = env["asn.kinerja.siasn.run"].search([], order="id desc", limit=1)
    bench.note(f"{run.record_count} records, {len(run.line_ids)} left out, {run.state}")
    env.cr.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
    print(f"the province's database after its year: {env.cr.fetchone()[0]}", flush=True)


main()
