from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL


class AsnKinerjaSuperiorResult(models.Model):
    """A work result as the people who cascade from it see it: its name and indicator, nothing else.

    The SKP cascades (docs/rules.md §2): a subordinate's work result names the appraiser's result of the same
    period it supports. To pick it she needs that result's name and indicator, never its realisation, the
    feedback on it, its evidence files or its thread: those stay with the SKP's own people (the record rules of
    asn.kinerja.appraisal.line). Odoo cannot open some fields of a record to some readers, so she reads this
    view of the work results instead (same ids), limited to her appraisers' results of her SKPs' periods.
    """

    _name = "asn.kinerja.superior.result"
    _description = "Superior's Work Result (to support)"
    _auto = False
    _order = "period_id, employee_id, sequence, id"

    name = fields.Text("Work Result (RHK)", readonly=True)
    indicator_name = fields.Char("Individual Performance Indicator", readonly=True)
    sequence = fields.Integer(readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    period_id = fields.Many2one("asn.kinerja.period", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    supportable = fields.Boolean(compute="_compute_supportable", search="_search_supportable")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                       SELECT id, name, indicator_name, sequence, employee_id, period_id, company_id
                         FROM asn_kinerja_appraisal_line
                   )""",
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _supportable_domain(self):
        """The caller's own results, and those of the appraiser of each of her SKPs in that SKP's period."""
        employees = self.env.user.sudo().employee_ids
        skps = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search_fetch(
                [("employee_id", "in", employees.ids), ("appraiser_id", "!=", False)], ["appraiser_id", "period_id"]
            )
        )
        pairs = {(skp.appraiser_id.id, skp.period_id.id) for skp in skps}
        return Domain.OR(
            [Domain("employee_id", "in", employees.ids)]
            + [Domain("employee_id", "=", appraiser) & Domain("period_id", "=", period) for appraiser, period in pairs]
        )

    @api.depends_context("uid")
    def _compute_supportable(self):
        supportable = self.filtered_domain(self._supportable_domain())
        for result in self:
            result.supportable = result in supportable

    def _search_supportable(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = self._supportable_domain()
        return domain if (True in value) == (operator == "in") else ~domain
