from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import OPEN_STATES, RATING
from .asn_kinerja_indicator import ASPECTS

PLAN_FIELDS = ("name", "kind", "aspect", "indicator_id", "target", "parent_line_id", "sequence")


class AsnKinerjaAppraisalLine(models.Model):
    _name = "asn.kinerja.appraisal.line"
    _description = "SKP Work Result (RHK)"
    _inherit = ["asn.kinerja.appraisal.row.mixin"]
    _order = "appraisal_id, kind desc, sequence, id"

    _edit_rules = {
        **dict.fromkeys(PLAN_FIELDS, rule(("draft",), ("employee", "officer"))),
        # the superior's SKP may come later than the subordinate's plan: linking stays open until rating
        "parent_line_id": rule(("draft", "submitted", "approved"), ("employee", "appraiser", "officer")),
        "parent_result_id": rule(("draft", "submitted", "approved"), ("employee", "appraiser", "officer")),
        "realization": rule(("approved",), ("employee", "officer")),
        "evidence_ids": rule(("approved",), ("employee", "officer")),
        "evidence_url": rule(("approved",), ("employee", "officer")),
        "feedback": rule(RATING, ("appraiser",)),
        # the row's feedback thread checks its own rules (asn.kinerja.feedback)
        "feedback_ids": rule(OPEN_STATES, ("employee", "appraiser", "superior")),
    }
    # a periodic SKP starts approved on the annual plan: the appraiser sets the period's targets
    _periodic_edit_rules = {"target": rule(("approved",), ("appraiser",))}
    _create_rule = (("draft",), ("employee", "officer"))

    sequence = fields.Integer(default=10)
    name = fields.Text("Work Result (RHK)", required=True)
    kind = fields.Selection([("main", "Main"), ("additional", "Additional")], required=True, default="main")
    aspect = fields.Selection(ASPECTS, required=True, default="quantity")
    indicator_id = fields.Many2one("asn.kinerja.indicator", ondelete="restrict", check_company=True)
    indicator_name = fields.Char("Individual Performance Indicator", help="Indikator Kinerja Individu.")
    target = fields.Char(help="With its unit, e.g. 12 laporan.")
    realization = fields.Char("Realisation", help="With its unit, e.g. 11 laporan.")
    evidence_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    evidence_url = fields.Char("Evidence Link")
    feedback = fields.Text(
        "Appraiser's Feedback",
        help="The appraiser's feedback on this result while rating, printed on the Evaluasi form (Umpan Balik "
        "Berkelanjutan). The conversation during the year is the feedback thread.",
    )
    parent_line_id = fields.Many2one(
        "asn.kinerja.appraisal.line",
        "Supported Superior Result (Link)",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        domain="[('employee_id', '=', appraiser_id), ('period_id', '=', period_id)]",
        help="The appraiser's work result in the same period that this row supports (Rencana Hasil Kerja "
        "Pimpinan yang Diintervensi). It can be linked once the appraiser's SKP exists.",
    )
    # what the forms show and pick: the same link through the view a subordinate may read (name and indicator)
    parent_result_id = fields.Many2one(
        "asn.kinerja.superior.result",
        "Supported Superior Result",
        compute="_compute_parent_result_id",
        inverse="_inverse_parent_result_id",
        domain="[('employee_id', '=', appraiser_id), ('period_id', '=', period_id)]",
        help="The appraiser's work result in the same period that this row supports (Rencana Hasil Kerja "
        "Pimpinan yang Diintervensi). It can be linked once the appraiser's SKP exists.",
    )
    child_line_ids = fields.One2many("asn.kinerja.appraisal.line", "parent_line_id", "Supporting Results")
    feedback_ids = fields.One2many("asn.kinerja.feedback", "line_id", "Feedback Thread")
    feedback_count = fields.Integer("Feedback", compute="_compute_feedback_count")
    state = fields.Selection(related="appraisal_id.state")
    appraiser_id = fields.Many2one(related="appraisal_id.appraiser_id")
    period_id = fields.Many2one(related="appraisal_id.period_id", store=True, precompute=True, index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True, precompute=True, index=True)

    @api.depends("parent_line_id")
    def _compute_parent_result_id(self):
        for line in self:
            line.parent_result_id = line.parent_line_id.id

    def _inverse_parent_result_id(self):
        for line in self:
            line.parent_line_id = line.parent_result_id.id

    @api.depends("feedback_ids")
    def _compute_feedback_count(self):
        for line in self:
            line.feedback_count = len(line.feedback_ids)

    @api.onchange("indicator_id")
    def _onchange_indicator_id(self):
        if self.indicator_id:
            self.update(self._prefill_vals(self.indicator_id, keep_name=bool(self.name)))

    def action_feedback_thread(self):
        """The feedback thread of this work result, in a dialog where its people answer."""
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Feedback on a Work Result"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("hr_asn_kinerja.asn_kinerja_appraisal_line_view_form_feedback").id, "form")],
            "target": "new",
        }

    @api.model
    def _prefill_vals(self, indicator, keep_name=False):
        vals = {
            "indicator_id": indicator.id,
            "indicator_name": indicator.name,
            "aspect": indicator.aspect,
            "target": indicator._target_text(),
        }
        if not keep_name:
            vals["name"] = indicator.result_name or indicator.name
        return vals

    def _copy_plan_vals(self):
        """The plan of this row for a periodic SKP (the superior's results of that period differ)."""
        names = [name for name in PLAN_FIELDS if name != "parent_line_id"]
        return {name: self[name].id if name.endswith("_id") else self[name] for name in names} | {
            "indicator_name": self.indicator_name
        }

    @api.constrains("parent_line_id")
    def _check_parent_line(self):
        for line in self.filtered("parent_line_id"):
            parent = line.sudo().parent_line_id.appraisal_id
            own = line.sudo().appraisal_id
            if parent.period_id != own.period_id or parent.employee_id != own.appraiser_id:
                raise ValidationError(
                    self.env._("A work result can only support a result of the appraiser's SKP in the same period.")
                )
