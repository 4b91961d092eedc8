"""The SKPs of a Mutasi / Promosi (docs/rules.md §17): checked, locked, then each covering the date split there
(or moved to the new post on its first day), logged on both parts."""

import json
from datetime import timedelta

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.fields import Command


class AsnKinerjaTransferWizard(models.TransientModel):
    _inherit = "asn.kinerja.transfer.wizard"  # pylint: disable=consider-merging-classes-inherited

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
