"""The province of `BENCH_PROVINCE=1 make bench` (scripts/bench_province.sh), built inside `odoo-bin shell` and
committed: BENCH_PROVINCE_PEOPLE (60,000) civil servants in BENCH_PROVINCE_UNITS (600) units, brought in as a
BKPSDM brings them, through the SIASN import (its batch jobs run here one after the other, each committed as a
job worker commits it), each with an e-mail and an account (made 5,000 at a time: one click for 60,000 would
pass a worker's memory limit); a Pengelola Kinerja. The invitations are not sent (their jobs are dropped): the
runs timed after it start from an empty queue."""

import os

from bench_common import Bench

from odoo.tests import new_test_user

from odoo.addons.hr_asn_kinerja.tests import siasn_sample

PEOPLE = int(os.environ.get("BENCH_PROVINCE_PEOPLE", "60000"))
UNITS = int(os.environ.get("BENCH_PROVINCE_UNITS", "600"))
ACCOUNTS_AT_ONCE = 5000

bench = Bench(env, width=70)


def committed(func):
    """func, then a commit and an empty cache, as at the end of a request or a job."""
    result = func()
    env.cr.commit()
    env.invalidate_all()
    return result


def import_province(wizard):
    committed(wizard.action_import)
    jobs = 0
    while ran := committed(lambda: bench.perform_jobs(limit=1)):
        jobs += ran
    return jobs


def create_accounts(officer):
    employees = env["hr.employee"].search([("siasn_id", "!=", False), ("user_id", "=", False)])
    for start in range(0, len(employees), ACCOUNTS_AT_ONCE):
        batch = employees[start : start + ACCOUNTS_AT_ONCE].ids
        committed(lambda batch=batch: env["hr.employee"].browse(batch).with_user(officer).action_create_users())


def build():
    rows, units = siasn_sample.regency(PEOPLE, UNITS)
    for seq, row in enumerate(rows):
        row["email"] = f"pegawai{seq}@example.com"  # every result has someone to e-mail
    officer = new_test_user(
        env, "bench_province_officer", groups="base.group_user,hr_asn_kinerja.group_kinerja_officer", tz="Asia/Jakarta"
    )
    wizard = siasn_sample.import_wizard(env, rows, units, officer)
    env.cr.commit()
    print(f"--- the province: {PEOPLE} civil servants in {UNITS} units, through the SIASN import", flush=True)
    jobs = bench.measure(
        f"SIASN import of {PEOPLE} people (HR's click and its jobs, setup)", lambda: import_province(wizard), "s"
    )
    bench.note(f"{jobs} jobs")
    bench.measure(f"accounts, {ACCOUNTS_AT_ONCE} at a time (setup)", lambda: create_accounts(officer), "s")
    env["queue.job"].sudo().search([]).unlink()  # the invitations: not sent here
    employees = env["hr.employee"].search([("siasn_id", "!=", False)])
    bench.note(
        f"{len(employees.filtered('user_id'))} with a user, {len(employees.filtered('parent_id'))} with a manager"
    )
    env.cr.commit()


build()
