"""Benchmarks of BKPSDM's year (issue 9), run by `make bench` inside `odoo-bin shell` (which defines `env`).

A regency of BENCH_SKPS civil servants (default 10,000), each with a user, in 10 units of 4 sub-units;
one annual period with an SKP each. Prints wall time, SQL queries and sizes; everything is rolled back.
"""

import base64
import datetime
import os

from bench_common import Bench, spread_states

from odoo import fields

SKPS = int(os.environ.get("BENCH_SKPS", "10000"))
UNITS = 10  # SKPS / UNITS per unit: 1,000 by default
SUB_UNITS = 4
BATCH = 1000
# the current year: its plan deadline (31 January) has passed, some SKPs are late
TODAY = fields.Date.context_today(env.user)

bench = Bench(env)
measure, perform_jobs, note = bench.measure, bench.perform_jobs, bench.note


def nip(seq):
    # birth 1980-01-01 + a day per thousand, appointment January 2005, male: unique and valid
    return f"1980{1 + seq // 31000:02d}{1 + seq // 1000 % 28:02d}2005011{seq % 1000:03d}"


def build_regency():
    quiet = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True}
    Department = env["hr.department"].with_context(**quiet)
    units = Department.create([{"name": f"Dinas {u}"} for u in range(UNITS)])
    subs = Department.create(
        [{"name": f"Bidang {u}-{s}", "parent_id": units[u].id} for u in range(UNITS) for s in range(SUB_UNITS)]
    )
    group_user = env.ref("base.group_user")
    users = env["res.users"].browse()
    for start in range(0, SKPS, BATCH):
        users |= (
            env["res.users"]
            .with_context(no_reset_password=True, **quiet)
            .create(
                [
                    {"name": f"Pegawai {i}", "login": f"bench_bkpsdm_{i}", "group_ids": [(6, 0, group_user.ids)]}
                    for i in range(start, min(start + BATCH, SKPS))
                ]
            )
        )
    Employee = env["hr.employee"].with_context(**quiet)
    per_unit = SKPS // UNITS
    heads = Employee.create(
        [
            {
                "name": f"Kepala {u}",
                "user_id": users[u * per_unit].id,
                "nip": nip(u * per_unit),
                "asn_type": "pns",
                "asn_rank": "IV/a",
                "department_id": units[u].id,
            }
            for u in range(UNITS)
        ]
    )
    heads.user_id.write({"group_ids": [(4, env.ref("hr_asn_kinerja.group_kinerja_appraiser").id)]})
    units_by_index = dict(enumerate(units))
    for unit, head in zip(units, heads, strict=True):
        unit.manager_id = head
    vals = []
    for i in range(SKPS):
        u, k = divmod(i, per_unit)
        if k == 0:
            continue
        vals.append(
            {
                "name": f"Pegawai {i}",
                "user_id": users[i].id,
                "nip": nip(i),
                "asn_type": "pns" if i % 7 else "pppk",
                "asn_rank": "III/a" if i % 7 else "IX",
                "parent_id": heads[u].id,
                "department_id": subs[u * SUB_UNITS + k % SUB_UNITS].id,
            }
        )
    for start in range(0, len(vals), BATCH):
        Employee.create(vals[start : start + BATCH])
    return units_by_index, heads


def main():
    env.cr.execute("SAVEPOINT bench_bkpsdm")
    print(f"--- BKPSDM: {SKPS} civil servants, {UNITS} units of {SUB_UNITS} sub-units")
    units, _heads = measure(f"build {SKPS} employees with users (setup, not a product path)", build_regency, "s")
    period = env["asn.kinerja.period"].create(
        {"name": "Bench", "date_start": TODAY.replace(month=1, day=1), "date_end": TODAY.replace(month=12, day=31)}
    )
    measure(
        f"open the period: {SKPS} SKPs (setup, its jobs included)", lambda: (period.action_open(), perform_jobs()), "s"
    )
    spread_states(env, period)
    officer = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Pengelola Bench",
                "login": "bench_bkpsdm_officer",
                "group_ids": [(6, 0, [env.ref("hr_asn_kinerja.group_kinerja_officer").id])],
            }
        )
    )
    Rating = env["asn.kinerja.unit.rating"].with_user(officer)
    ratings = Rating.create(
        [{"department_id": unit.id, "period_id": period.id, "rating": "good"} for unit in units.values()]
    )
    fields_read = ["skp_count", "very_good_percent", "good_percent", "distribution_ok", "distribution_issues"]
    first = measure(
        f"distribution check of one unit ({len(period.appraisal_ids) // UNITS} SKPs)",
        lambda: Rating.browse(ratings[0].id).read(fields_read),
    )
    note(f"{first[0]['skp_count']} counted: {first[0]['distribution_issues'] or 'ok'}")
    measure(
        f"distribution check of all {UNITS} units of the period ({SKPS} SKPs)",
        lambda: Rating.browse(ratings.ids).read(fields_read),
    )
    measure(
        f"the spread chart: graph per unit and predikat ({SKPS} SKPs)",
        lambda: (
            env["asn.kinerja.distribution.report"]
            .with_user(officer)
            .formatted_read_group([("period_id", "=", period.id)], ["department_id", "predicate"], ["share:sum"])
        ),
    )
    Monitoring = env["asn.kinerja.monitoring.report"].with_user(officer)
    aggregates = ["__count", "done_percent:avg", "late_count:sum", "missing_count:sum"]
    groups = measure(
        f"monitoring pivot per unit and state ({SKPS} SKPs, officer)",
        lambda: Monitoring.formatted_read_group(
            [("period_id", "=", period.id)], ["department_id", "state"], aggregates
        ),
    )
    note(f"{len(groups)} cells")
    head_user = units[0].manager_id.user_id
    measure(
        f"monitoring pivot of a unit head ({SKPS // UNITS} SKPs of the unit)",
        lambda: (
            env["asn.kinerja.monitoring.report"]
            .with_user(head_user)
            .formatted_read_group([("period_id", "=", period.id)], ["department_id", "state"], aggregates)
        ),
    )
    measure(
        "monitoring drill-down: the first 80 rows of a unit (list)",
        lambda: Monitoring.web_search_read(
            [("period_id", "=", period.id), ("department_id", "child_of", units[0].id)],
            {name: {} for name in ("employee_id", "department_id", "state", "predicate", "is_late")},
            limit=80,
        ),
    )

    # reminders: every open SKP's deadline within the window
    period.write(
        {"plan_deadline": TODAY + datetime.timedelta(days=3), "evaluation_deadline": TODAY + datetime.timedelta(days=5)}
    )
    Appraisal = env["asn.kinerja.appraisal"]
    open_skps = Appraisal.search_count([("period_id", "=", period.id), ("state", "not in", ("done", "cancel"))])
    before = env["mail.activity"].search_count([])
    mails = env["mail.mail"].search_count([])
    measure(
        f"reminder run over {SKPS} SKPs ({open_skps} open): enqueue its jobs", Appraisal._cron_remind_deadlines, "s"
    )
    jobs = measure("reminder run: its jobs, one after the other (one job worker)", perform_jobs, "s")
    created = env["mail.activity"].search_count([]) - before
    note(f"{jobs} jobs, {created} activities created, {env['mail.mail'].search_count([]) - mails} e-mails queued")
    before = env["mail.activity"].search_count([])
    measure(
        f"reminder run again the same day ({SKPS} SKPs), its jobs included",
        lambda: (Appraisal._cron_remind_deadlines(), perform_jobs()),
        "s",
    )
    note(f"{env['mail.activity'].search_count([]) - before} activities created")

    # export: every SKP finished
    env.cr.execute(
        """UPDATE asn_kinerja_appraisal SET state = 'done', result_rating = 'as_expected',
                  behavior_rating = 'above', predicate = 'good' WHERE period_id = %s""",
        [period.id],
    )
    env.invalidate_all()
    for file_format in ("json", "csv", "xlsx"):
        wizard = (
            env["asn.kinerja.siasn.export"]
            .with_user(officer)
            .create({"period_id": period.id, "file_format": file_format})
        )
        measure(f"SIASN export of {SKPS} records ({file_format})", wizard.action_export, "s")
        size = len(base64.b64decode(wizard.export_file)) / 1e6
        note(f"{wizard.record_count} records, {size:.1f} MB, {wizard.left_out_count} left out")
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_bkpsdm")


main()
