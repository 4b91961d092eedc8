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
from odoo.fields import Command

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
            return {
                "type": "ir.actions.act_window",
                "res_model": "asn.kinerja.appraisal",
                "res_id": new_parts.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return {"type": "ir.actions.act_window_close"}

    def _apply_to_skps(self):
        """The transfer of the SKPs, shared by ``action_apply`` and the SIASN import (docs/rules.md §17, §23):
        check, lock, then split (or move) every SKP covering the date. Refuses with a UserError before
        writing anything. Returns (the new parts, the moved SKPs)."""
        self.ensure_one()
        self._check_values()
        parts = self._parts()
        # the lock the workflow steps take (asn.workflow.mixin._transition): a step taken at the same moment
        # waits for this transfer, or this transfer for the step, and the one that comes second is told
        parts._lock_for_step()
        parts.invalidate_recordset()
        self._check_known_states(parts)
        if refusal := self._refusal(parts):
            raise UserError(refusal)
        new_parts = self.env["asn.kinerja.appraisal"]
        moved = self.env["asn.kinerja.appraisal"]
        for skp in parts:
            if skp.date_start == self.date:
                self._move(skp)
                moved |= skp
            else:
                new_parts |= self._split(skp)
        return new_parts, moved

    def _refusal(self, parts=None):
        """Why the SKPs covering the date cannot be split there, or "": a finished SKP, or a date before the
        current part of the period (docs/rules.md §17). The one rule of ``_apply_to_skps`` and of the SIASN
        import's preview, which lists the transfers it will not apply before anything is written."""
        self.ensure_one()
        parts = self._parts() if parts is None else parts
        if done := parts.filtered(lambda skp: skp.state == "done"):
            return self.env._(
                "%(skp)s is finished: reopen it first, or record the transfer from a date after its post.",
                skp=done[0].name,
            )
        later = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("period_id", "in", parts.period_id.ids),
                    ("date_start", ">", self.date),
                    ("state", "!=", "cancel"),
                ],
                limit=1,
            )
        )
        if later:
            return self.env._(
                "%(date)s is before the start of %(skp)s (%(start)s), the current part of the period: "
                "a transfer starts within the current part.",
                date=self.date,
                skp=later.name,
                start=later.date_start,
            )
        return ""

    def _check_known_states(self, parts):
        known = json.loads(self.known_states or "{}")
        states = dict(self.env["asn.kinerja.appraisal"]._fields["state"]._description_selection(self.env))
        for skp in parts:
            if str(skp.id) in known and known[str(skp.id)] != skp.state:
                raise UserError(
                    self.env._(
                        "%(skp)s changed while the transfer was being prepared (it is %(state)s now): "
                        "check it and record the transfer again.",
                        skp=skp.name,
                        state=states.get(skp.state, skp.state),
                    )
                )

    def _message(self, text):
        body = Markup("<p>%s</p>") % text
        return body + Markup("<p>%s %s</p>") % (self.env._("Reason:"), self.reason)

    def _prefill_lines(self):
        """The work results of a new SKP for the new job, as a new SKP gets them (its indicators)."""
        Line = self.env["asn.kinerja.appraisal.line"]
        company = self.employee_id.company_id
        return [
            Command.create(Line._prefill_vals(indicator))
            for indicator in self.job_id.sudo().asn_indicator_ids
            if indicator.company_id in (company, indicator.browse())
        ]

    def _split(self, skp):
        """End ``skp`` on the day before and start the SKP of the new post; both logged."""
        end = skp.date_end
        skp.write({"date_end": self.date - timedelta(days=1)})
        new = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "employee_id": skp.employee_id.id,
                    "period_id": skp.period_id.id,
                    "date_start": self.date,
                    "date_end": end,
                    "department_id": self.department_id.id,
                    "job_id": self.job_id.id,
                    "appraiser_id": self.appraiser_id.id,
                    "previous_appraisal_id": skp.id,
                    "line_ids": self._prefill_lines(),
                }
            )
        )
        skp._message_log(
            body=self._message(
                self.env._(
                    "Transfer / promotion of %(employee)s: this SKP now ends on %(end)s and is evaluated by "
                    "%(appraiser)s for its part of the period; the new post continues in %(new)s.",
                    employee=skp.employee_id.name,
                    end=skp.date_end,
                    appraiser=skp.appraiser_id.name or "-",
                    new=new.name,
                )
            )
        )
        new._message_log(
            body=self._message(
                self.env._(
                    "SKP of the new post from %(date)s (%(job)s, %(unit)s), after %(previous)s until %(end)s.",
                    date=self.date,
                    job=self.job_id.name,
                    unit=self.department_id.name,
                    previous=skp.name,
                    end=skp.date_end,
                )
            )
        )
        return new

    def _move(self, skp):
        """The date is the part's first day: nothing of the old post to keep, the SKP takes the new post (its
        appraiser follows the employee's, logged by ``_follow_appraisers``)."""
        skp.write({"department_id": self.department_id.id, "job_id": self.job_id.id})
        skp._message_log(
            body=self._message(
                self.env._(
                    "Transfer / promotion from the first day of this SKP (%(date)s): it moves to the new post "
                    "(%(job)s, %(unit)s).",
                    date=self.date,
                    job=self.job_id.name,
                    unit=self.department_id.name,
                )
            )
        )
