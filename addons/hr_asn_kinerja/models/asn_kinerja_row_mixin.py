from odoo import api, fields, models
from odoo.exceptions import UserError


class AsnKinerjaRowMixin(models.AbstractModel):
    """Rows of an SKP (work results, behaviour): every change follows the SKP's state and roles."""

    _name = "asn.kinerja.row.mixin"
    _inherit = ["asn.edit.rules.mixin"]
    _description = "SKP Row"
    _check_company_auto = True

    _create_rule = ((), ())  # (states, roles) for adding or removing rows
    _periodic_edit_rules = {}  # rules added on the rows of a periodic SKP (semester, quarter, month)

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, precompute=True, index=True)

    def _edit_subject(self):
        return self.appraisal_id

    @api.model_create_multi
    def create(self, vals_list):
        self._check_rows_change(
            self.env["asn.kinerja.appraisal"].browse({vals.get("appraisal_id") for vals in vals_list})
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_edit(vals)
        return super().write(vals)

    def unlink(self):
        self._check_rows_change(self.appraisal_id)
        return super().unlink()

    def _check_rows_change(self, appraisals):
        """Adding or removing rows of these SKPs follows ``_create_rule``."""
        if self.env.su:
            return
        states, roles = self._create_rule
        for appraisal in appraisals:
            appraisal._check_edit_open([])
            if appraisal.state not in states or not appraisal._get_roles() & set(roles):
                raise UserError(
                    self.env._(
                        "%(rows)s of %(employee)s cannot be added or removed by you while the SKP is %(state)s.",
                        rows=self._description,
                        employee=appraisal.employee_id.name,
                        state=appraisal._state_label(),
                    )
                )
