from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.queue_job.delay import chain, group

from ..tools.jobs import CHANNEL, batch_jobs, job_key
from .asn_kinerja_appraisal import PLANNING

# the steps after the plan: their deadline is the period's evaluation deadline
EVALUATION = ("approved", "self_assessed", "scored")
FINISHED = ("done", "cancel")
REMINDER_BATCH = 500  # SKPs per job of the daily run (about a minute of work at most)


class AsnKinerjaAppraisal(models.Model):
    """Deadlines of the SKP (docs/rules.md §14): the period's plan deadline while the plan is drafted or
    awaits approval, its evaluation deadline afterwards. A daily run reminds whoever must act, marks the late
    SKPs and sends HR one summary a day."""

    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    is_late = fields.Boolean(
        "Late",
        compute="_compute_is_late",
        store=True,
        precompute=True,
        index=True,
        copy=False,
        help="Its period is open and the deadline of its current step has passed (refreshed every day).",
    )

    @api.depends("state", "period_id.state", "period_id.plan_deadline", "period_id.evaluation_deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for appraisal in self:
            deadline = appraisal._step_deadline()
            appraisal.is_late = bool(deadline and deadline < today and appraisal.period_id.state == "open")

    def _step_deadline(self):
        """The date by which the current step must be taken; False when nothing is due."""
        self.ensure_one()
        if self.state in PLANNING:
            return self.period_id.plan_deadline
        if self.state in EVALUATION:
            return self.period_id.evaluation_deadline
        return False

    @api.model
    def _step_deadline_domain(self, operator, date):
        """SKPs of open periods whose current step's deadline compares to ``date`` with ``operator``
        (the search twin of :meth:`_step_deadline`)."""
        return Domain("period_id.state", "=", "open") & (
            (Domain("state", "in", PLANNING) & Domain("period_id.plan_deadline", operator, date))
            | (Domain("state", "in", EVALUATION) & Domain("period_id.evaluation_deadline", operator, date))
        )

    def _next_activity_deadline(self, activity_type):
        """The next activity is due by the period's deadline of the step, not by the type's delay; a step
        handed over after that deadline (a plan submitted in December) is due by the type's delay from
        today: its actor is not late on the day it reaches them. The daily run reminds by the deadline."""
        deadline = self._step_deadline()
        if deadline and (deadline >= fields.Date.context_today(self) or self.env.context.get("asn_reminder_run")):
            return deadline
        return super()._next_activity_deadline(activity_type)

    # ------------------------------------------------------------------
    # the daily run
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_deadlines(self):
        """Daily: refresh the late flags, give whoever must act within the reminder window one activity
        due on the deadline (and one e-mail listing the new ones), close the activities of finished SKPs,
        and send each HR officer one summary of the late SKPs. The run only enqueues jobs (channel
        root.kinerja, docs/performance.md, "Jobs"): one per period and batch of SKPs, each making its
        activities and their e-mails together; the summary once they all ran. Running it again the same day
        changes nothing."""
        Appraisal = self.sudo().with_context(tracking_disable=True)
        today = fields.Date.context_today(self)
        jobs = [
            Appraisal.delayable(
                channel=CHANNEL, identity_key=job_key(0, "close", None, today)
            )._close_finished_activities()
        ]
        description = self.env._("%(period)s: deadlines of %(count)s SKPs")
        for kind, skps in (("late", Appraisal._late_changes(today)), ("remind", Appraisal._due_for_reminder(today))):
            for delayable in batch_jobs(skps, REMINDER_BATCH, kind, description, today, channel=CHANNEL):
                jobs.append(delayable._job_refresh_late() if kind == "late" else delayable._job_remind(today))
        summary = Appraisal.delayable(channel=CHANNEL, identity_key=job_key(0, "summary", None, today))
        chain(group(*jobs), summary._send_late_summary(today)).delay()
        return True

    def _late_changes(self, today):
        """The SKPs whose late flag must change: their deadline passed since the last run, or they moved on."""
        late = self.search(self._step_deadline_domain("<", today))
        flagged = self.search([("is_late", "=", True)])
        return (late - flagged) | (flagged - late)

    def _refresh_late(self, today):
        """Flag the SKPs whose deadline passed since the last run, unflag those that moved on."""
        return self._late_changes(today)._job_refresh_late()

    def _job_refresh_late(self):
        """Job: recompute the late flag of these SKPs (with today's date: a rerun finds them right already)."""
        if self:
            self.env.add_to_compute(self._fields["is_late"], self)
            self.flush_recordset(["is_late"])
        return self

    def _close_finished_activities(self):
        """Remove the workflow activities of SKPs nobody can act on any more: finished, or of a closed period."""
        Data = self.env["ir.model.data"]
        types = [Data._xmlid_to_res_id(xmlid, raise_if_not_found=False) for xmlid in self._workflow_activity_types()]
        types = [type_id for type_id in types if type_id]
        stale_skps = self.search(
            Domain("activity_ids.activity_type_id", "in", types)
            & (Domain("state", "in", FINISHED) | Domain("period_id.state", "=", "closed"))
        )
        stale = self.env["mail.activity"].sudo()
        if stale_skps:
            stale = stale.search(
                [("res_model", "=", self._name), ("res_id", "in", stale_skps.ids), ("activity_type_id", "in", types)]
            )
            stale.unlink()
        return stale

    def _reminder_domain(self, today):
        """The SKPs whose deadline falls within the reminder window of their company (days before the
        deadline, company setting) or has passed."""
        periods = self.env["asn.kinerja.period"].sudo().search([("state", "=", "open")])
        return Domain.OR(
            Domain("company_id", "=", company.id)
            & self._step_deadline_domain("<=", today + timedelta(days=company.kinerja_reminder_days))
            for company in periods.company_id
        )

    def _due_for_reminder(self, today):
        return self.search(self._reminder_domain(today), order="id")

    def _remind(self, today):
        """Reconcile the activities of the SKPs due for a reminder; returns the activities created."""
        return self._due_for_reminder(today)._schedule_reminders()

    def _schedule_reminders(self):
        """The reminder of these SKPs (the one code path of the daily run and of HR's "remind all late"): whoever
        must act gets the activity of their step, due on the step's deadline; an activity already there is kept,
        so a step is never reminded twice. Returns the activities created."""
        return self.with_context(asn_reminder_run=True)._schedule_next_activity()

    def _job_remind(self, today):
        """Job: the activities these SKPs lack and, in the same transaction, the e-mail that lists them to each
        assignee: a job stopped half-way leaves neither, a job run again finds them made and sends nothing."""
        skps = self.with_context(tracking_disable=True)._filtered_due(today)
        created = skps._schedule_reminders()
        skps._send_reminders(created)
        return f"{len(created)} activities"

    def _filtered_due(self, today):
        """Those of these SKPs still due for a reminder when the job runs (one may have moved on meanwhile)."""
        return self.search(Domain("id", "in", self.ids) & self._reminder_domain(today), order="id") if self else self

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """The daily run's activities do not make their assignees followers, as a step's activity does:
        the SKP's chatter holds internal logs only, and following costs queries per person."""
        if self.env.context.get("asn_reminder_run"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _send_reminders(self, activities):
        """One e-mail per person who got new activities in this run, listing them with their due dates."""
        by_user = defaultdict(list)
        skps = self.browse(activities.mapped("res_id"))
        for activity in activities:
            skp, user = skps.browse(activity.res_id), activity.user_id
            by_user[user.id].append(
                {
                    "id": skp.id,
                    "name": skp.name,
                    "step": activity.activity_type_id.with_context(lang=user.lang).name,
                    "deadline": fields.Date.to_string(activity.date_deadline),
                }
            )
        if by_user:
            template = self.env.ref("hr_asn_kinerja.mail_template_skp_reminder")
            template.with_context(kinerja_reminders=dict(by_user)).send_mail_batch(list(by_user))

    def _send_late_summary(self, today):
        """Each HR officer gets, once a day, the number of late SKPs per period and step of their agencies."""
        companies = self.env["res.company"].sudo().search([("kinerja_late_summary_date", "!=", today)])
        groups = self._read_group(
            [("is_late", "=", True), ("company_id", "in", companies.ids)],
            ["company_id", "period_id", "state"],
            ["__count"],
            order="period_id, state",
        )
        if not groups:
            return self.env["res.users"]
        reported = self.env["res.company"].browse({company.id for company, *_rest in groups})
        officers = self.env.ref("hr_asn_kinerja.group_kinerja_officer").all_user_ids.filtered(
            lambda user: user.active and not user.share and user.company_ids & reported
        )
        summaries = {}
        for officer in officers:
            labels = dict(self._fields["state"]._description_selection(self.with_context(lang=officer.lang).env))
            summaries[officer.id] = [
                {"period": period.name, "step": labels[state], "count": count}
                for company, period, state, count in groups
                if company in officer.company_ids
            ]
        template = self.env.ref("hr_asn_kinerja.mail_template_late_summary")
        template.with_context(kinerja_late_summary=summaries).send_mail_batch(officers.ids)
        reported.write({"kinerja_late_summary_date": today})
        return officers
