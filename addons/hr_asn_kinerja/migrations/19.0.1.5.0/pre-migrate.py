"""1.5: an employee may have several SKPs in a period, one per post (transfers and promotions, docs/rules.md §17):
the unique index (employee_id, period_id) goes; the new stored fields date_start/date_end (the period's bounds)
and is_last_part (true) are computed by the update for every existing SKP."""


def migrate(cr, version):
    cr.execute("DROP INDEX IF EXISTS asn_kinerja_appraisal_employee_period_unique")
    cr.execute("DELETE FROM ir_model_constraint WHERE name = 'asn_kinerja_appraisal_employee_period_unique'")
