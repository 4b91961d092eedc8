from odoo import fields, models, tools

from ..models.asn_kinerja_appraisal import ORGANIZATION_RATINGS
from ..models.asn_kinerja_unit_rating import COUNTED_STATES
from ..tools.predicate import PREDICATE_SELECTION
from ..tools.unit_skps import COUNTED_WHEN_SET, NOT_IN_A_RATED_SUB_UNIT, UNIT_SKPS_FROM


class AsnKinerjaDistributionReport(models.Model):
    """The spread of predikat of every rated unit (docs/rules.md §5): one row per unit rating and SKP it counts
    (the finished SKPs of the unit and its sub-units without a rating of their own; once confirmed, those the
    Penetapan counted), the same SKPs the unit rating checks. ``share`` sums
    to 100 per unit, so a chart of it shows each unit's spread in per cent."""

    _name = "asn.kinerja.distribution.report"
    _inherit = ["asn.kinerja.unit.scope.mixin"]
    _description = "Predikat Distribution per Unit"
    _auto = False
    _order = "period_id desc, department_id, predicate"
    _depends = {
        "asn.kinerja.unit.rating": [
            "department_id",
            "period_id",
            "company_id",
            "rating",
            "state",
            "counted_appraisal_ids",
        ],
        "asn.kinerja.appraisal": ["department_id", "period_id", "employee_id", "state", "predicate", "is_last_part"],
        "hr.department": ["parent_path"],
    }

    unit_rating_id = fields.Many2one("asn.kinerja.unit.rating", "Organisation Rating", readonly=True)
    period_id = fields.Many2one("asn.kinerja.period", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    rating = fields.Selection(ORGANIZATION_RATINGS, "Unit Rating", readonly=True)
    rating_state = fields.Selection(
        [("draft", "Draft"), ("prepared", "Prepared"), ("confirmed", "Confirmed")], "Penetapan", readonly=True
    )
    allowed_spread = fields.Char(related="unit_rating_id.allowed_spread")
    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_department_id = fields.Many2one("hr.department", "Employee's Unit", readonly=True)
    predicate = fields.Selection(PREDICATE_SELECTION, "Predikat", readonly=True)
    share = fields.Float("Share (%)", readonly=True, help="This SKP's share of the unit; sums to 100 per unit.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT ur.id::bigint * 100000000 + a.id AS id,
                       ur.id AS unit_rating_id,
                       ur.department_id,
                       ur.period_id,
                       ur.company_id,
                       ur.rating,
                       ur.state AS rating_state,
                       a.id AS appraisal_id,
                       a.employee_id,
                       a.department_id AS employee_department_id,
                       a.predicate,
                       100.0 / COUNT(*) OVER (PARTITION BY ur.id) AS share
                  {UNIT_SKPS_FROM}
                 WHERE CASE WHEN ur.state = 'confirmed' THEN {COUNTED_WHEN_SET}
                            ELSE a.state IN %s AND {NOT_IN_A_RATED_SUB_UNIT}
                       END
            )
            """,
            [COUNTED_STATES],
        )
