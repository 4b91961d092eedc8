from odoo import api, fields, models, tools

from ..models.asn_kinerja_appraisal import STATES
from ..tools.predicate import PREDICATE_SELECTION


class AsnKinerjaMonitoringReport(models.Model):
    """Progress of a period per unit (docs/rules.md §14): one row per eligible civil servant and period,
    their SKP with its state and lateness, or "No SKP" while the period is open and they have none."""

    _name = "asn.kinerja.monitoring.report"
    _inherit = ["asn.kinerja.unit.scope.mixin", "asn.kinerja.appraisal.link.mixin"]
    _description = "SKP Progress Monitoring"
    _auto = False
    _order = "period_id desc, department_id, employee_id"
    _depends = {
        "asn.kinerja.appraisal": [
            "period_id",
            "company_id",
            "department_id",
            "employee_id",
            "appraiser_id",
            "state",
            "predicate",
            "is_late",
            "is_last_part",
        ],
        "asn.kinerja.period": ["state", "company_id"],
        "hr.employee": ["company_id", "active", "nip", "asn_type", "appraiser_id", "current_version_id"],
        "hr.version": ["department_id"],
    }

    period_id = fields.Many2one("asn.kinerja.period", readonly=True)
    period_type = fields.Selection(related="period_id.period_type")
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    nip = fields.Char(related="employee_id.nip", string="NIP")
    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", readonly=True)
    appraiser_id = fields.Many2one("hr.employee", "Appraiser (Pejabat Penilai)", readonly=True)
    state = fields.Selection([*STATES, ("missing", "No SKP")], "Status", readonly=True)
    predicate = fields.Selection(PREDICATE_SELECTION, "Predikat", readonly=True)
    is_late = fields.Boolean("Late", readonly=True)
    asn_count = fields.Integer("ASN", readonly=True, help="Civil servants of the unit in the period.")
    skp_count = fields.Integer("SKPs", readonly=True)
    done_count = fields.Integer("Done", readonly=True)
    late_count = fields.Integer("Late SKPs", readonly=True)
    missing_count = fields.Integer("Without SKP", readonly=True)
    done_percent = fields.Float("Finished (%)", readonly=True, aggregator="avg", help="Cancelled SKPs do not count.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT a.id::bigint * 2 AS id,
                       a.period_id,
                       a.company_id,
                       a.department_id,
                       a.employee_id,
                       a.id AS appraisal_id,
                       a.appraiser_id,
                       a.state,
                       a.predicate,
                       a.is_late,
                       1 AS asn_count,
                       1 AS skp_count,
                       (a.state = 'done')::integer AS done_count,
                       COALESCE(a.is_late, FALSE)::integer AS late_count,
                       0 AS missing_count,
                       CASE WHEN a.state = 'cancel' THEN NULL WHEN a.state = 'done' THEN 100.0 ELSE 0.0 END
                           AS done_percent
                  FROM asn_kinerja_appraisal a
                 -- a person once per period, with the current post (docs/rules.md §17)
                 WHERE a.is_last_part
                 UNION ALL
                SELECT (p.id::bigint * 1000000 + e.id) * 2 + 1,
                       p.id,
                       p.company_id,
                       v.department_id,
                       e.id,
                       NULL,
                       e.appraiser_id,
                       'missing',
                       NULL,
                       FALSE,
                       1,
                       0,
                       0,
                       0,
                       1,
                       0.0
                  FROM asn_kinerja_period p
                  JOIN hr_employee e
                    ON e.company_id = p.company_id AND e.active AND e.nip IS NOT NULL AND e.asn_type IS NOT NULL
                  LEFT JOIN hr_version v ON v.id = e.current_version_id
                 WHERE p.state = 'open'
                   AND NOT EXISTS (
                       SELECT 1 FROM asn_kinerja_appraisal a WHERE a.employee_id = e.id AND a.period_id = p.id
                   )
            )
            """
        )

    @api.model
    def action_progress(self):
        """Progress opens on the latest open annual period: a new year never mixes with the last by default
        (docs/rules.md §26)."""
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_kinerja_monitoring")
        if period := self.env["asn.kinerja.step.report"]._current_period():
            action["context"] = {"search_default_annual": 1, "search_default_period_id": period.id}
        return action
