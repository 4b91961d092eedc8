"""Moving in from SIASN (issue 21), run by `make bench` inside `odoo-bin shell` (which defines `env`).

A made-up regency of BENCH_SIASN people (default 8000) in BENCH_SIASN_UNITS units (default 600), as the two
SIASN files (tests/siasn_sample.py): the wizard's preview and import by a Pengelola Kinerja (above 2,000 rows,
BENCH_SIASN_JOBS_FROM, HR's click and the batch jobs it enqueues), the accounts for everyone (half of them
invited by e-mail, by queue_job jobs), then a second import of the same files; beside Odoo's own
base_import (execute_import) of the same rows into plain hr.employee. Prints seconds and SQL queries of each;
the jobs run here one after the other, as one job worker runs them; everything is rolled back.
BENCH_SIASN_PROFILE=1 prints the 25 costliest functions of each step.
"""

import base64
import os

from bench_common import Bench

from odoo.tests import new_test_user

from odoo.addons.hr_asn_kinerja.tests import siasn_sample

PEOPLE = int(os.environ.get("BENCH_SIASN", "8000"))
UNITS = int(os.environ.get("BENCH_SIASN_UNITS", "600"))
PROFILE = bool(os.environ.get("BENCH_SIASN_PROFILE"))
# above this many rows the import runs in batch jobs (asn.kinerja.siasn.run.JOBS_FROM, 2,000); lower it to time
# that path with fewer people
if os.environ.get("BENCH_SIASN_JOBS_FROM"):
    type(env["asn.kinerja.siasn.run"]).JOBS_FROM = int(os.environ["BENCH_SIASN_JOBS_FROM"])

bench = Bench(env, width=62)
note = bench.note


def measure(label, func):
    """(result, seconds) of a step, its line printed (with BENCH_SIASN_PROFILE, its costliest functions)."""
    return bench.measure(label, func, unit="s", profile=PROFILE), bench.seconds


def main():
    env.cr.execute("SAVEPOINT bench_siasn")
    rows, units = siasn_sample.regency(PEOPLE, UNITS)
    employee_file = base64.b64encode(siasn_sample.employee_csv(rows).encode())
    unor_file = base64.b64encode(siasn_sample.unor_json(units).encode())
    print(f"--- SIASN import: {PEOPLE} people in {UNITS} units")
    officer = new_test_user(
        env, "bench_siasn_officer", groups="base.group_user,hr_asn_kinerja.group_kinerja_officer", tz="Asia/Jakarta"
    )

    # Odoo's own import of the same people into plain hr.employee (name, e-mail, phone, job title), undone
    env.cr.execute("SAVEPOINT bench_base_import")
    header = ["name", "work_email", "mobile_phone", "job_title"]
    lines = [",".join(header)] + [
        ",".join(
            [
                f'"{siasn_sample_name(row)}"',
                row["email"] if row["email"] != "null" else "",
                row["nomor_hp"].lstrip("'"),
                f'"{row["jabatan_nama"]}"',
            ]
        )
        for row in rows
    ]
    base = (
        env["base_import.import"]
        .with_user(officer)
        .sudo()
        .create({"res_model": "hr.employee", "file": "\n".join(lines).encode(), "file_type": "text/csv"})
    )
    options = {"quoting": '"', "separator": ",", "has_headers": True, "encoding": "utf-8"}
    result, base_seconds = measure(
        f"Odoo base_import of {PEOPLE} rows into plain hr.employee",
        lambda: base.execute_import(header, header, options),
    )
    if any(message.get("type") == "error" for message in result.get("messages", [])):
        note(f"base_import reported: {result['messages'][:3]}")
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_base_import")
    env.invalidate_all()

    Wizard = env["asn.kinerja.siasn.import"].with_user(officer)
    wizard = Wizard.create({"employee_file": employee_file, "unor_file": unor_file})
    measure(f"preview of {PEOPLE} people in {UNITS} units", wizard.action_preview)
    note(f"{wizard.count_create} to create, {wizard.count_problem} problems")
    wizard = Wizard.create({"employee_file": employee_file, "unor_file": unor_file})
    _result, import_seconds = import_with_jobs(f"import of {PEOPLE} people in {UNITS} units", wizard)
    employees = env["hr.employee"].search([("siasn_id", "!=", False)])
    note(f"{len(employees)} employees, {len(employees.filtered('parent_id'))} with a manager")
    _result, users_seconds = measure(
        f"accounts for {len(employees)} employees (half invited by e-mail)",
        lambda: employees.with_user(officer).action_create_users(),
    )
    note(f"{len(employees.filtered('user_id'))} with a user")
    total = import_seconds + users_seconds
    note(f"import with users {total:.1f} s = {total / base_seconds:.1f}x Odoo's plain import")
    mails = env["mail.mail"].sudo().search_count([])
    jobs = measure("their invitations: the queue_job jobs, one after the other", bench.perform_jobs)[0]
    note(f"{jobs} jobs, {env['mail.mail'].sudo().search_count([]) - mails} invitations queued for sending")
    wizard = Wizard.create({"employee_file": employee_file, "unor_file": unor_file})
    import_with_jobs(f"the same files again ({PEOPLE} people: nothing changes)", wizard)
    if wizard.state == "done":  # a run's counts are on the run
        note(f"{wizard.count_update} updated, {wizard.count_unchanged} unchanged")
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_siasn")


def import_with_jobs(label, wizard):
    """(result, seconds) of the wizard's import: HR's click, and above JOBS_FROM rows (a SIASN run) the chained
    batch jobs it enqueued, run here one after the other as one job worker would, their line printed too."""
    result, seconds = measure(label, wizard.action_import)
    if env["queue.job"].sudo().search_count([("state", "=", "pending")]):
        jobs, job_seconds = measure("  its batch jobs, one after the other", bench.perform_jobs)
        note(f"{jobs} jobs; HR's click and the jobs {seconds + job_seconds:.1f} s")
        seconds += job_seconds
    return result, seconds


def siasn_sample_name(row):
    return row["nama"] if row["gelar_belakang"] == "null" else f"{row['nama']}, {row['gelar_belakang']}"


main()
