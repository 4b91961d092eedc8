"""Rekomendasi Perpanjangan (docs/rules.md §16): 60 days before a part-time PPPK's contract ends, the unit
head recommends whether to extend it, seeing the four quarters and the annual predikat; HR decides. Both
are logged on the employee."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class AsnKinerjaContractRecommendation(models.Model):
    _name = "asn.kinerja.contract.recommendation"
    _description = "Contract Extension Recommendation (Part-time PPPK)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "contract_date_end desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict", readonly=True, check_company=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    contract_date_end = fields.Date("Contract End", required=True, readonly=True)
    head_id = fields.Many2one(
        "hr.employee",
        "Unit Head",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="Recommends; the unit head when the notice was given (else the appraiser).",
    )
    recommendation = fields.Selection(
        [("extend", "Extend the Contract"), ("not_extend", "Do Not Extend")], tracking=True
    )
    recommendation_note = fields.Text("Grounds")
    decision = fields.Selection(
        [("extend", "Extended"), ("end", "Not Extended")], tracking=True, readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "To Recommend"), ("recommended", "Recommended"), ("decided", "Decided")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    annual_skp_id = fields.Many2one(
        "asn.kinerja.appraisal", "Annual SKP", compute="_compute_skps", help="Of the year the contract ends in."
    )
    quarter_skp_ids = fields.Many2many("asn.kinerja.appraisal", string="Quarters", compute="_compute_skps")

    @api.depends("employee_id", "contract_date_end")
    def _compute_skps(self):
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        for record in self:
            annual = Appraisal.search(
                [
                    ("employee_id", "=", record.employee_id.id),
                    ("period_id.period_type", "=", "annual"),
                    ("period_id.date_start", "<=", record.contract_date_end),
                    ("period_id.date_end", ">=", record.contract_date_end),
                ],
                limit=1,
            )
            record.annual_skp_id = annual
            record.quarter_skp_ids = (
                Appraisal.search(
                    [
                        ("employee_id", "=", record.employee_id.id),
                        ("period_id.parent_id", "=", annual.period_id.id),
                        ("period_id.period_type", "=", "quarter"),
                    ],
                    order="period_id",
                )
                if annual
                else Appraisal
            )

    @api.depends("employee_id", "contract_date_end")
    def _compute_display_name(self):
        for record in self:
            record.display_name = self.env._("Rekomendasi Perpanjangan: %(employee)s", employee=record.employee_id.name)

    def _is_officer(self):
        return self.env.su or self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")

    def write(self, vals):
        # the unit head writes the recommendation while it is to recommend; HR everything it may, in any
        # state (so not an asn.edit.rules.mixin table, which names the states a field changes in)
        if not self._is_officer():
            if set(vals) - {"recommendation", "recommendation_note"}:
                raise AccessError(self.env._("Only Pengelola Kinerja changes this recommendation."))
            for record in self:
                if record.state != "draft" or record.head_id.user_id != self.env.user:
                    raise AccessError(self.env._("Only the unit head recommends, once."))
        return super().write(vals)

    def action_recommend(self):
        """The unit head (or HR): send the recommendation to HR."""
        for record in self:
            if not (self._is_officer() or record.head_id.user_id == self.env.user):
                raise AccessError(self.env._("Only the unit head recommends."))
            if record.state != "draft":
                raise UserError(self.env._("This recommendation was already sent."))
            if not record.recommendation:
                raise UserError(self.env._("Choose whether to extend the contract first."))
        self.sudo().write({"state": "recommended"})
        self.sudo().activity_ids.filtered(lambda activity: activity.user_id == self.env.user).action_feedback()
        for record in self.sudo():
            record._log_on_employee(
                self.env._(
                    "Rekomendasi Perpanjangan by %(head)s: %(recommendation)s. %(note)s",
                    head=self.env.user.name,
                    recommendation=dict(record._fields["recommendation"]._description_selection(self.env))[
                        record.recommendation
                    ],
                    note=record.recommendation_note or "",
                )
            )
        return True

    def action_decide(self, decision):
        """HR: decide on the extension (``decision``: 'extend' or 'end'), logged on the employee."""
        if not self._is_officer():
            raise AccessError(self.env._("Only Pengelola Kinerja decides on a contract extension."))
        if decision not in ("extend", "end"):
            raise UserError(self.env._("Decide to extend the contract or not."))
        self.sudo().write({"state": "decided", "decision": decision})
        for record in self.sudo():
            record._log_on_employee(
                self.env._(
                    "Contract extension decided by %(officer)s: %(decision)s.",
                    officer=self.env.user.name,
                    decision=dict(record._fields["decision"]._description_selection(self.env))[decision],
                )
            )
            record.activity_unlink(["hr_asn_kinerja.mail_act_contract_extension"])
        return True

    def action_decide_extend(self):
        return self.action_decide("extend")

    def action_decide_end(self):
        return self.action_decide("end")

    def _log_on_employee(self, text):
        self.employee_id.sudo()._message_log(body=Markup("<p>%s</p>") % text)
        self._message_log(body=Markup("<p>%s</p>") % text)
