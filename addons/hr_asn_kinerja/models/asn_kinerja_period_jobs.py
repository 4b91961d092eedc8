"""The long runs of a period as OCA queue_job jobs (docs/performance.md, "Jobs"): opening a large agency, the daily
reminders, the result e-mails and their Dokumen. Each job holds one unit or one batch, in the channel
``root.kinerja`` (odoo.conf: one job at a time, a worker left for the users), and is idempotent: it recomputes
what is missing when it runs, so a job run twice or retried after a crash creates nothing twice. HR sees on
the period how many of its jobs are done, still to do and failed, and requeues the failed ones."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.jobs import CHANNEL, TODO_STATES, job_key, key_prefix


class AsnKinerjaPeriod(models.Model):
    _inherit = "asn.kinerja.period"

    job_done_count = fields.Integer("Jobs Done", compute="_compute_job_counts")
    job_todo_count = fields.Integer("Jobs To Do", compute="_compute_job_counts")
    job_failed_count = fields.Integer("Jobs Failed", compute="_compute_job_counts")

    def _job_domain(self):
        self.ensure_one()
        return [("identity_key", "=like", key_prefix(self.id) + "%")]

    @api.depends_context("uid")
    def _compute_job_counts(self):
        # queue.job is for its managers only: HR reads the counts, not the jobs
        Job = self.env["queue.job"].sudo()
        for period in self:
            if not period.id:
                period.job_done_count = period.job_todo_count = period.job_failed_count = 0
                continue
            counts = dict(Job._read_group(period._job_domain(), ["state"], ["__count"]))
            period.job_done_count = counts.get("done", 0)
            period.job_todo_count = sum(counts.get(state, 0) for state in TODO_STATES)
            period.job_failed_count = counts.get("failed", 0)

    def _open_in_jobs(self, employees):
        """A large agency's SKPs are made by one job per unit (channel root.kinerja), not in HR's request:
        the period shows the jobs' progress (docs/performance.md, "Jobs")."""
        self.ensure_one()
        for department, unit in employees.grouped("department_id").items():
            self.with_delay(
                channel=CHANNEL,
                identity_key=job_key(self.id, "open", unit),
                description=self.env._(
                    "%(period)s: SKPs of %(unit)s", period=self.name, unit=department.name or self.env._("no unit")
                ),
            )._job_open_unit(unit)

    def _job_open_unit(self, employees):
        """Job: the missing SKPs of ``employees`` (one unit) in this period; nothing twice when run again."""
        self.ensure_one()
        if self.state != "open":
            return "the period is not open"
        created = self.env["asn.kinerja.appraisal"].sudo()._create_for_period(self, employees)
        return f"{len(created)} SKPs created"

    def action_retry_failed_jobs(self):
        """HR: run the period's failed jobs again (each is idempotent: what they made stays, once)."""
        self._check_officer()
        for period in self:
            self.env["queue.job"].sudo().search([*period._job_domain(), ("state", "=", "failed")]).requeue()
        return True

    @api.readonly
    def action_view_jobs(self):
        """The technical job list of the period (queue_job's managers)."""
        self.ensure_one()
        if not self.env.user.has_group("queue_job.group_queue_job_manager"):
            raise AccessError(self.env._("Only the job queue's managers open the job list."))
        action = self.env["ir.actions.act_window"]._for_xml_id("queue_job.action_queue_job")
        action["domain"] = self._job_domain()
        action["context"] = {}
        return action
