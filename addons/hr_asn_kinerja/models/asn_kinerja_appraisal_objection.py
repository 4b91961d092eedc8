"""The SKP's side of the objection (keberatan, PP 30/2019, docs/rules.md §13): until when the employee
may object, filing it, and the one way an accepted objection changes a final result. The objection's own
steps are ``asn.kinerja.objection``."""

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from ..tools.actions import form_action
from .asn_edit_rules_mixin import WORKFLOW_CONTEXT
from .asn_kinerja_objection import STATES as OBJECTION_STATES


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    objection_ids = fields.One2many("asn.kinerja.objection", "appraisal_id", "Objections")
    objection_id = fields.Many2one("asn.kinerja.objection", compute="_compute_objection_id")
    objection_state = fields.Selection(
        OBJECTION_STATES,
        "Objection Status",
        compute="_compute_objection_id",
    )
    objection_deadline = fields.Date(
        compute="_compute_objection_deadline",
        help="The last day the employee may object to the final result (docs/rules.md §13).",
    )
    can_object = fields.Boolean(compute="_compute_can_object", help="The reader may object to this result now.")

    @api.depends("objection_ids.state")
    def _compute_objection_id(self):
        for appraisal in self:
            objection = appraisal.sudo().objection_ids[:1]
            appraisal.objection_id = objection
            appraisal.objection_state = objection.state

    @api.depends("result_received_date", "date_done", "company_id.kinerja_objection_days")
    def _compute_objection_deadline(self):
        """14 days (the company's setting) from the day the employee received the result; a result that
        reached nobody through this application (no user, no e-mail) counts from its finalisation."""
        for appraisal in self:
            days = appraisal.company_id.kinerja_objection_days
            start = appraisal.result_received_date or appraisal.date_done
            appraisal.objection_deadline = start and start + timedelta(days=days)

    @api.depends_context("uid")
    def _compute_can_object(self):
        today = fields.Date.context_today(self)
        for appraisal in self:
            appraisal.can_object = bool(
                appraisal.state == "done"
                and appraisal.is_own
                and not appraisal.sudo().objection_ids
                and appraisal.objection_deadline
                and today <= appraisal.objection_deadline
                and appraisal.period_id.state != "closed"
            )

    def _check_can_object(self):
        """Raise unless the caller may object to this result now: its employee, a final result, the first
        objection, within the deadline (docs/rules.md §13)."""
        self.ensure_one()
        skp = self.sudo()
        if not self.env.su and "employee" not in self._get_roles():
            raise AccessError(
                self.env._(
                    "Only %(employee)s may object to the result of their own SKP.", employee=skp.employee_id.name
                )
            )
        if self.state != "done":
            raise UserError(
                self.env._(
                    "An objection is made against a final result: the SKP of %(employee)s is %(state)s.",
                    employee=skp.employee_id.name,
                    state=self._state_label(),
                )
            )
        if earlier := skp.objection_ids[:1]:
            raise UserError(
                self.env._(
                    "%(employee)s already objected to this result on %(date)s (%(state)s): the decision is final, "
                    "no second objection is possible.",
                    employee=skp.employee_id.name,
                    date=format_date(self.env, earlier.date_submitted),
                    state=dict(earlier._fields["state"]._description_selection(self.env))[earlier.state],
                )
            )
        if fields.Date.context_today(self) > self.objection_deadline:
            raise UserError(
                self.env._(
                    "The time to object ended on %(date)s: an objection is filed within %(days)s days of receiving the "
                    "result.",
                    date=format_date(self.env, self.objection_deadline),
                    days=skp.company_id.kinerja_objection_days,
                )
            )
        self._check_period_open()

    def action_open_objection(self):
        """The objection to this result: its form, or, for the employee who may still object, the form to file it."""
        self.ensure_one()
        if objection := self.objection_id:
            return form_action(objection)
        self._check_can_object()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File an Objection"),
            "res_model": "asn.kinerja.objection",
            "view_mode": "form",
            "views": [(self.env.ref("hr_asn_kinerja.asn_kinerja_objection_view_form_file").id, "form")],
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def _change_result_by_objection(self, objection):
        """The one way a final result changes without being reopened: the accepted objection ``objection``
        gives new ratings. They are written inside the workflow engine's context, the predikat follows from
        the matrix, the chatter keeps old and new, a confirmed Penetapan of the unit is told, and the follow-up
        of a final result (``_on_done``: coaching, training) runs again on the new predikat."""
        self.ensure_one()
        fields_changed = ("result_rating", "behavior_rating", "predicate")
        old = {name: self[name] for name in fields_changed}
        self.sudo().with_context(**{WORKFLOW_CONTEXT: True, "tracking_disable": True}).write(
            {"result_rating": objection.result_rating, "behavior_rating": objection.behavior_rating}
        )
        skp = self.sudo().with_context(lang=self._document_lang())
        changes = [
            skp.env._(
                "%(field)s: %(old)s → %(new)s",
                field=skp._fields[name]._description_string(skp.env),
                old=skp._fields[name].convert_to_export(old[name], skp) or "-",
                new=skp._fields[name].convert_to_export(skp[name], skp),
            )
            for name in fields_changed
        ]
        skp._message_log(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                skp.env._(
                    "Result changed by the decision on the objection of %(employee)s (decided by %(decider)s; "
                    "PP 30/2019: final).",
                    employee=skp.employee_id.name,
                    decider=self.env.user.name,
                ),
                Markup().join(Markup("<li>%s</li>") % change for change in changes),
            )
        )
        self.env["asn.kinerja.unit.rating"]._log_objection_change(self, old["predicate"])
        self._on_done()
