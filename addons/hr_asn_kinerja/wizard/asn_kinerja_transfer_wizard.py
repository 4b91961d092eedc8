"""Mutasi / Promosi (docs/rules.md §17): an employee takes a new post (unit, job, appraiser) on a date.

Every SKP of the employee whose post covers the date, in a period not closed, is split there: the old part
ends on the day before and keeps its plan, evidence, feedback, people and appraiser, who evaluates it as a
periodic part; a new SKP for the same period starts on the date for the new post, prefilled from the new
job like any new SKP, and names the old part as ``previous_appraisal_id``. On the first day of a part there
is nothing of the old post to keep: that SKP moves to the new post instead (unit, job, appraiser), logged.
"""

import json
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.actions import form_action

OFFICER_GROUP = "hr_asn_kinerja.group_kinerja_officer"


class AsnKinerjaTransferWizard(models.TransientModel):
    _name = "asn.kinerja.transfer.wizard"
    _description = "Transfer or Promotion (Mutasi / Promosi)"

    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="employee_id.company_id")
    date = fields.Date(
        "Effective Date", required=True, default=fields.Date.context_today, help="The first day in the new post."
    )
    department_id = fields.Many2one("hr.department", "New Unit", required=True, ondelete="cascade")
    job_id = fields.Many2one("hr.job", "New Job Position", required=True, ondelete="cascade")
    appraiser_id = fields.Many2one("hr.employee", "New Appraiser (Pejabat Penilai)", required=True, ondelete="cascade")
    reason = fields.Text(required=True, help="E.g. the decree (SK) of the transfer or promotion; logged everywhere.")
    # the states of the SKPs to split as HR saw them when preparing the transfer: a step taken meanwhile is told
    known_states = fields.Char(readonly=True)
    preview = fields.Html("What Happens", compute="_compute_preview", sanitize=False)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "hr.employee" and "employee_id" in fields_list:
            values.setdefault("employee_id", self.env.context.get("active_id"))
        return values

    @api.onchange("department_id")
    def _onchange_department_id(self):
        manager = self.department_id.manager_id
        if manager and manager != self.employee_id:
            self.appraiser_id = manager

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard.known_states = json.dumps({str(skp.id): skp.state for skp in wizard._parts()})
        return wizards

    def _parts(self):
        """The SKPs of the employee whose post covers the date, in periods not closed (annual first)."""
        self.ensure_one()
        if not (self.employee_id and self.date):
            return self.env["asn.kinerja.appraisal"]
        parts = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("date_start", "<=", self.date),
                    ("date_end", ">=", self.date),
                    ("state", "!=", "cancel"),
                    ("period_id.state", "!=", "closed"),
                ]
            )
        )
        return parts.sorted(lambda skp: (skp.period_type != "annual", skp.period_id.date_start, skp.id))

    @api.depends("employee_id", "date")
    def _compute_preview(self):
        for wizard in self:
            parts = wizard._parts() if wizard.employee_id and wizard.date else self.env["asn.kinerja.appraisal"]
            if not parts:
                wizard.preview = Markup("<p>%s</p>") % self.env._(
                    "No open SKP covers this date: only the employee's unit, job and appraiser change."
                )
                continue
            items = Markup("").join(
                Markup("<li>%s</li>")
                % (
                    self.env._("%(skp)s: moves to the new post (the date is its first day).", skp=skp.name)
                    if skp.date_start == wizard.date
                    else self.env._(
                        "%(skp)s: ends on %(end)s and stays with %(appraiser)s; a new SKP starts on %(date)s.",
                        skp=skp.name,
                        end=wizard.date - timedelta(days=1),
                        appraiser=skp.appraiser_id.name or "-",
                        date=wizard.date,
                    )
                )
                for skp in parts
            )
            wizard.preview = Markup("<ul>%s</ul>") % items

    # ------------------------------------------------------------------
    # the action
    # ------------------------------------------------------------------
    def _check_officer(self):
        user = self.env.user
        if not (user.has_group(OFFICER_GROUP) and self.employee_id.company_id in user.company_ids):
            raise AccessError(
                self.env._(
                    "Only Pengelola Kinerja of the agency may record a transfer or promotion (Mutasi / Promosi)."
                )
            )

    def _check_values(self):
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the post changes (e.g. the decree of the transfer)."))
        if self.appraiser_id == self.employee_id:
            raise UserError(self.env._("%(employee)s cannot be their own appraiser.", employee=self.employee_id.name))
        companies = (self.department_id.company_id | self.appraiser_id.company_id) - self.employee_id.company_id
        if companies:
            raise UserError(self.env._("The new unit and appraiser must belong to the employee's agency."))

    def action_apply(self):
        """Pengelola Kinerja: split (or move) the SKPs covering the date and give the employee the new post: the
        new unit and job, and the new appraiser as their manager (Odoo's Manager), from whom the appraiser follows
        as it always does (docs/rules.md §3, §17)."""
        self.ensure_one()
        self._check_officer()
        new_parts, moved = self._apply_to_skps()
        employee = self.employee_id.sudo()
        old_post = {
            "unit": employee.department_id.name or "-",
            "job": employee.job_id.name or "-",
            "appraiser": employee.appraiser_id.name or "-",
            "manager": employee.parent_id.name or "-",
        }
        employee.with_context(asn_appraiser_change_reason=self.reason).write(
            {
                "department_id": self.department_id.id,
                "job_id": self.job_id.id,
                "parent_id": self.appraiser_id.id,
                "appraiser_id": self.appraiser_id.id,
            }
        )
        # a Plt/Plh of the old post no longer stands in for the new manager, one of the new post may
        self.env["asn.kinerja.acting"].sudo().search(
            [("state", "=", "running"), ("company_id", "=", employee.company_id.id)]
        )._sync()
        employee.message_post(
            body=self._message(
                self.env._(
                    "Transfer / promotion from %(date)s: %(old_job)s, %(old_unit)s (appraiser %(old_appraiser)s, "
                    "manager %(old_manager)s) → %(job)s, %(unit)s (appraiser and manager %(appraiser)s).",
                    date=self.date,
                    old_job=old_post["job"],
                    old_unit=old_post["unit"],
                    old_appraiser=old_post["appraiser"],
                    old_manager=old_post["manager"],
                    job=self.job_id.name,
                    unit=self.department_id.name,
                    appraiser=self.appraiser_id.name,
                )
            ),
            subtype_xmlid="mail.mt_note",
        )
        (new_parts | moved)._schedule_next_activity()
        if len(new_parts) == 1:
            return form_action(new_parts)
        return {"type": "ir.actions.act_window_close"}
