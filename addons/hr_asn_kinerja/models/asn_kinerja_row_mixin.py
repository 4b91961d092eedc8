from odoo import api, fields, models
from odoo.exceptions import AccessError

from .asn_edit_rules_mixin import rule


class AsnKinerjaRowMixin(models.AbstractModel):
    """Rows of a record with a workflow (an SKP's work results and behaviour, a coaching's answers and
    competencies, a request for input's ratings, a talent box's lines): every change follows the
    state of the record the row belongs to (``_row_parent``) and the caller's roles on it."""

    _name = "asn.kinerja.row.mixin"
    _inherit = ["asn.edit.rules.mixin"]
    _description = "Row of a Workflow Record"
    _check_company_auto = True

    _row_parent = None  # the many2one naming the record the row belongs to
    # who adds or removes rows: (states, roles) of that record, or an edit rule {state: roles}; nobody by default
    _create_rule = ((), ())
    _periodic_edit_rules = {}  # rules added on the rows of a periodic SKP (semester, quarter, month)

    def _edit_subject(self):
        return self[self._row_parent]

    @api.model_create_multi
    def create(self, vals_list):
        parents = self.env[self._fields[self._row_parent].comodel_name]
        self._check_rows_change(parents.browse({vals.get(self._row_parent) for vals in vals_list}))
        return super().create(vals_list)

    def unlink(self):
        self._check_rows_change(self[self._row_parent])
        return super().unlink()

    def _check_rows_change(self, parents):
        """Adding or removing rows of these records follows ``_create_rule``."""
        if self.env.su:
            return
        allowed = self._create_rule if isinstance(self._create_rule, dict) else rule(*self._create_rule)
        for parent in parents:
            parent._check_edit_open([])
            if not parent._get_roles() & set(allowed.get(parent.state, ())):
                raise AccessError(
                    self.env._(
                        "%(rows)s of %(record)s cannot be added or removed by you while it is %(state)s.",
                        rows=self._description,
                        record=parent.sudo().display_name,
                        state=parent._state_label(),
                    )
                )


class AsnKinerjaAppraisalRowMixin(models.AbstractModel):
    """Rows of an SKP (work results, behaviour)."""

    _name = "asn.kinerja.appraisal.row.mixin"
    _inherit = ["asn.kinerja.row.mixin"]
    _description = "SKP Row"

    _row_parent = "appraisal_id"

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, precompute=True, index=True)
