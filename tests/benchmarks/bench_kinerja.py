"""Benchmarks of the Kinerja ASN hot paths, run by `make bench` inside `odoo-bin shell` (which defines `env`).

Prints wall time and SQL query counts; everything is rolled back at the end.
"""

import os
import time

from odoo.tests import new_test_user

EMPLOYEES = int(os.environ.get("BENCH_EMPLOYEES", "1000"))
UNITS = 20  # a regency has 30-60 units; staff per unit = EMPLOYEES / UNITS


def nip(seq):
    # birth 1985-03-15, appointment January of a year that keeps NIPs unique, male
    return f"19850315{2005 + seq // 1000}01" + f"1{seq % 1000:03d}"


def measure(label, func):
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {elapsed * 1000:9.1f} ms {cr.sql_log_count - queries:7d} queries")
    return result


def build_regency():
    Employee = env["hr.employee"].with_context(tracking_disable=True, mail_create_nolog=True)
    job = env["hr.job"].create({"name": "Analis Bench"})
    env["asn.kinerja.indicator"].create(
        [
            {
                "name": f"Indikator {i}",
                "result_name": f"Hasil {i}",
                "default_target": 12,
                "unit": "laporan",
                "job_ids": [(4, job.id)],
            }
            for i in range(3)
        ]
    )
    heads = Employee.create([{"name": f"Kepala Unit {u}", "nip": nip(u), "asn_type": "pns"} for u in range(UNITS)])
    per_unit = (EMPLOYEES - UNITS) // UNITS
    staff = Employee.create(
        [
            {
                "name": f"Pegawai {u}-{i}",
                "nip": nip(UNITS + u * per_unit + i),
                "asn_type": "pns",
                "parent_id": heads[u].id,
                "job_id": job.id,
            }
            for u in range(UNITS)
            for i in range(per_unit)
        ]
    )
    return heads, staff


def main():
    env.cr.execute("SAVEPOINT bench")
    heads, staff = measure(f"build {EMPLOYEES} employees (setup, not a product path)", build_regency)
    period = env["asn.kinerja.period"].create({"name": "Bench", "date_start": "2040-01-01", "date_end": "2040-12-31"})
    measure(f"action_open: create {len(heads) + len(staff)} SKPs", period.action_open)
    measure("action_open again (nothing to create)", period.action_open)
    appraisals = period.appraisal_ids
    print(
        f"{'':<58} {len(appraisals)} SKPs, {len(appraisals.line_ids)} work results, "
        f"{len(appraisals.behavior_line_ids)} behaviour rows"
    )

    head_user = new_test_user(env, "bench_head", groups="base.group_user,hr_asn_kinerja.group_kinerja_appraiser")
    heads[0].user_id = head_user
    Appraisal = env["asn.kinerja.appraisal"].with_user(head_user)
    list_fields = {
        name: {}
        for name in (
            "employee_id",
            "period_id",
            "result_rating",
            "behavior_rating",
            "predicate",
            "state",
            "is_appraiser",
            "is_officer",
        )
    }
    domain = ["|", ("is_appraiser", "=", True), ("is_superior", "=", True)]
    result = measure(
        f"'Subordinates' list of a unit head ({(len(staff) // UNITS)} SKPs, web_search_read)",
        lambda: Appraisal.web_search_read(domain, list_fields, limit=80),
    )
    print(f"{'':<58} {result['length']} rows")
    officer = new_test_user(env, "bench_officer", groups="base.group_user,hr_asn_kinerja.group_kinerja_officer")
    measure(
        f"'All SKP' pivot by unit and predikat ({len(appraisals)} SKPs, officer)",
        lambda: (
            env["asn.kinerja.appraisal"]
            .with_user(officer)
            .formatted_read_group([("period_id", "=", period.id)], ["department_id", "predicate"], ["__count"])
        ),
    )
    skp = appraisals.filtered(lambda a: a.employee_id == staff[0])
    skp.line_ids.sudo().write({"realization": "12 laporan"})
    skp.sudo().write({"state": "self_assessed"})
    measure(
        "score one SKP (write both ratings + action_score)",
        lambda: (
            Appraisal.browse(skp.id).write({"result_rating": "above", "behavior_rating": "as_expected"}),
            Appraisal.browse(skp.id).action_score(),
        ),
    )
    print(f"{'':<58} predikat {skp.predicate}")
    env.cr.execute("ROLLBACK TO SAVEPOINT bench")


main()
