"""Benchmark of the competency needs plans (AKPK, issue 23, docs/rules.md §25), run by `make bench` inside
`odoo-bin shell` (which defines `env`).

A regency of BENCH_AKPK_EMPLOYEES civil servants (default 8,000) in BENCH_AKPK_UNITS units (default 600), in
30 jobs of BENCH_AKPK_COMPETENCIES competencies each (default 20); every employee's profile holds all but two
of their job's competencies at the standard level, so each has two needs; every competency is taught by a
course. Prints wall time and SQL queries of generating every unit's plan at once and of one unit; rolled back.
"""

import os

from bench_common import Bench

EMPLOYEES = int(os.environ.get("BENCH_AKPK_EMPLOYEES", "8000"))
UNITS = int(os.environ.get("BENCH_AKPK_UNITS", "600"))
COMPETENCIES = int(os.environ.get("BENCH_AKPK_COMPETENCIES", "20"))
JOBS = 30
BATCH = 1000
YEAR = 2099

bench = Bench(env)
measure = bench.measure


def build_regency():
    quiet = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True}
    competencies = env["asn.training.competency"].create(
        [{"name": f"Kompetensi Teknis Bench {c}", "kind": "technical"} for c in range(COMPETENCIES)]
    )
    jobs = env["hr.job"].create(
        [
            {
                "name": f"Jabatan Bench {j}",
                "competency_standard_ids": [(0, 0, {"competency_id": c.id, "level": 3}) for c in competencies],
            }
            for j in range(JOBS)
        ]
    )
    category = env["hr.course.category"].create({"name": "Bench"})
    env["hr.course"].create(
        [
            {
                "name": f"Pelatihan Bench {c.id}",
                "category_id": category.id,
                "jp_hours": 8,
                "estimated_cost": 750000,
                "competency_taught_ids": [(0, 0, {"competency_id": c.id, "level": 3})],
            }
            for c in competencies
        ]
    )
    units = env["hr.department"].with_context(**quiet).create([{"name": f"Unit Bench {u}"} for u in range(UNITS)])
    # the avatars (an SVG and four resized copies for the employee and for their contact) are half of an employee's
    # creation: Odoo skips them for its salary simulations, the bench too. What stays is Odoo's own per-record
    # hr.version writes in resource.mixin.create (two per employee, each followed by its dependants' searches)
    Employee = env["hr.employee"].with_context(**quiet, salary_simulation=True)
    vals = [
        {"name": f"Pegawai Bench {i}", "department_id": units[i % UNITS].id, "job_id": jobs[i % JOBS].id}
        for i in range(EMPLOYEES)
    ]
    employees = Employee.browse()
    for start in range(0, len(vals), BATCH):
        employees |= Employee.create(vals[start : start + BATCH])
    env.flush_all()
    # the profile, in SQL (setup): every competency but the last two of the job's standard, at its level
    env.cr.execute(
        """
        INSERT INTO asn_training_employee_competency
               (employee_id, competency_id, level, source, date, company_id, department_id,
                create_uid, write_uid, create_date, write_date)
        SELECT e.id, c.id, 3, 'imported', CURRENT_DATE, e.company_id, v.department_id, 1, 1, now(), now()
          FROM hr_employee e
          JOIN hr_version v ON v.id = e.current_version_id
         CROSS JOIN unnest(%s::int[]) AS c(id)
         WHERE e.id = ANY(%s)
        """,
        [competencies.ids[:-2], employees.ids],
    )
    return units


def main():
    env.cr.execute("SAVEPOINT bench_training_needs")
    print(f"--- AKPK: {EMPLOYEES} civil servants, {UNITS} units, {COMPETENCIES} competencies per job")
    units = measure(f"build {EMPLOYEES} employees, jobs, courses, profiles (setup)", build_regency, "s")
    Needs = env["asn.training.needs"]
    plans = Needs.create([{"department_id": unit.id, "year": YEAR} for unit in units])
    measure(f"generate the AKPK of {UNITS} units at once ({EMPLOYEES * 2} needs)", plans.action_generate, "s")
    one = Needs.create({"department_id": units[0].id, "year": YEAR + 1})
    measure(f"generate one unit's AKPK ({EMPLOYEES // UNITS} employees)", one.action_generate)
    submitted = plans[:10]
    submitted.action_submit()
    measure("set 10 units' plans: their training requests", submitted.action_set, "s")
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_training_needs")


main()
