"""A SIASN export or import too large for HR's dialog (docs/performance.md, "Jobs"): run by queue_job jobs in the
channel root.kinerja, HR follows it here (batches done, to do, failed), then downloads the file or reads the
records left out and the problems, and is notified when it ends."""

import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.queue_job.delay import chain

from ..tools.actions import download_action, form_action
from ..tools.jobs import CHANNEL, PRIORITY, TODO_STATES

KEY_PREFIX = "asn.kinerja.siasn.run:%s:"


class AsnKinerjaSiasnRun(models.Model):
    _name = "asn.kinerja.siasn.run"
    _description = "SIASN Export or Import in the Background"
    _order = "id desc"

    # above this many records (export) or rows (import), the dialog hands the work to jobs
    JOBS_FROM = 2000
    BATCH_ROWS = 1000

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection([("export", "Export"), ("import", "Import")], required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    user_id = fields.Many2one("res.users", "Started By", readonly=True, default=lambda self: self.env.user)
    period_id = fields.Many2one("asn.kinerja.period", readonly=True, ondelete="cascade")
    file_format = fields.Selection(
        [("json", "JSON (SIASN API)"), ("csv", "CSV"), ("xlsx", "Excel (e-Kinerja recap)")], "Format", readonly=True
    )
    skip_problems = fields.Boolean(readonly=True)
    row_count = fields.Integer("Rows", readonly=True)
    record_count = fields.Integer("Records Exported", readonly=True)
    result_file = fields.Binary("File", readonly=True, attachment=True)
    result_filename = fields.Char("File Name", readonly=True)
    line_ids = fields.One2many("asn.kinerja.siasn.run.line", "run_id", "Left Out and Problems", readonly=True)
    batch_count = fields.Integer("Batches", readonly=True)
    job_done_count = fields.Integer("Batches Done", compute="_compute_job_counts")
    job_todo_count = fields.Integer("Batches To Do", compute="_compute_job_counts")
    job_failed_count = fields.Integer("Batches Failed", compute="_compute_job_counts")
    state = fields.Selection(
        [("running", "Running"), ("failed", "Failed"), ("done", "Done")], compute="_compute_job_counts"
    )

    def _key_prefix(self):
        self.ensure_one()
        return KEY_PREFIX % self.id

    def _job_key(self, batch):
        """The identity key of one batch: a batch enqueued twice waits once."""
        return f"{self._key_prefix()}{batch}"

    def _job_domain(self):
        return [("identity_key", "=like", self._key_prefix() + "%")]

    @api.depends_context("uid")
    def _compute_job_counts(self):
        # queue.job is for its managers only: HR reads the counts, not the jobs
        Job = self.env["queue.job"].sudo()
        for run in self:
            counts = dict(Job._read_group(run._job_domain(), ["state"], ["__count"])) if run.id else {}
            run.job_done_count = counts.get("done", 0)
            run.job_todo_count = sum(counts.get(state, 0) for state in TODO_STATES)
            run.job_failed_count = counts.get("failed", 0)
            run.state = "failed" if run.job_failed_count else "running" if run.job_todo_count else "done"

    def _check_officer(self):
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) exports to or imports from SIASN."))

    def action_retry_failed_jobs(self):
        """HR: run the failed batches again (each is idempotent: what they made stays, once)."""
        self._check_officer()
        for run in self:
            self.env["queue.job"].sudo().search([*run._job_domain(), ("state", "=", "failed")]).requeue()
        return True

    def action_download(self):
        self.ensure_one()
        return download_action(self, "result_file", self.result_filename)

    def _open(self):
        return form_action(self, target="current")

    @api.model
    def _create_run(self, values):
        """A run of the caller (HR reads runs; only the code writes them)."""
        values = {"company_id": self.env.company.id, "user_id": self.env.uid, **values}
        return self.browse(self.sudo().create(values).id)

    def _keep_file(self, content, filename):
        self.sudo().write({"result_file": base64.b64encode(content), "result_filename": filename})

    def _add_lines(self, values):
        """The records left out (export) or the problems (import) of one batch."""
        self.env["asn.kinerja.siasn.run.line"].sudo().create([{**vals, "run_id": self.id} for vals in values])

    def _notify_done(self):
        """The one who started the run: a notification once its last batch ran."""
        self.ensure_one()
        self.invalidate_recordset(["job_todo_count"])
        if self.job_todo_count > 1:  # this job is still "started"
            return
        message = self.env._("%(run)s is finished: open it from SIASN Runs.", run=self.name)
        self.user_id._bus_send(
            "simple_notification", {"type": "success", "title": self.env._("SIASN"), "message": message, "sticky": True}
        )

    # ------------------------------------------------------------------
    # the export: one job (the file is one document; 10,000 records take seconds, not minutes)
    # ------------------------------------------------------------------
    @api.model
    def _start_export(self, export):
        run = self._create_run(
            {
                "name": self.env._("SIASN export of %(period)s", period=export.period_id.name),
                "kind": "export",
                "company_id": export.period_id.company_id.id,
                "period_id": export.period_id.id,
                "file_format": export.file_format,
                "batch_count": 1,
            }
        )
        run.with_delay(
            channel=CHANNEL, priority=PRIORITY, identity_key=run._job_key("export"), description=run.name
        )._job_export()
        return run

    def _job_export(self):
        """Job: the export's file and the records left out, kept on the run (again: the same, once)."""
        self.ensure_one()
        run = self.with_company(self.company_id)
        export = run.env["asn.kinerja.siasn.export"].create(
            {"period_id": run.period_id.id, "file_format": run.file_format}
        )
        export.with_context(siasn_run=True).action_export()
        run.sudo().line_ids.unlink()
        run._add_lines(
            {"section": line.section, "reference": line.nip, "name": line.employee_name, "message": line.reason}
            for line in export.line_ids
        )
        run.sudo().write({"record_count": export.record_count})
        run._keep_file(base64.b64decode(export.export_file), export.export_filename)
        run._notify_done()
        return f"{export.record_count} records"

    # ------------------------------------------------------------------
    # the import: the problems listed at once, the rows applied in batches, one after the other
    # ------------------------------------------------------------------
    @api.model
    def _start_import(self, wizard, units, rows, plan):
        """The import of ``rows`` (and ``units``, with the first batch) in jobs of ``BATCH_ROWS``, chained, the
        heads of units in the first batches; the problems of the whole file, found by ``plan``,
        listed on the run now; the rows with a blocking problem left out (``skip_problems`` was ticked)."""
        problems = plan["problems"]
        blocked = {problem["line"] for problem in problems if problem["blocking"] and problem["line"]}
        valid = [row for index, row in enumerate(rows) if index + 2 not in blocked]
        # the heads of units first: a batch finds the heads of its people among those already written
        heads = {unit["head"] for unit in units or [] if unit["head"]}
        heads |= set(
            self.env["hr.department"].sudo().search([("siasn_head_pns_id", "!=", False)]).mapped("siasn_head_pns_id")
        )
        valid.sort(key=lambda row: row.get("pns_id", "") not in heads)
        batches = [valid[start : start + self.BATCH_ROWS] for start in range(0, len(valid), self.BATCH_ROWS)] or [[]]
        run = self._create_run(
            {
                "name": self.env._("SIASN import of %(file)s", file=wizard.employee_filename or "Data ASN"),
                "kind": "import",
                "skip_problems": wizard.skip_problems,
                "row_count": len(rows),
                "batch_count": len(batches),
            }
        )
        run._add_lines(
            {
                "line": problem["line"],
                "reference": problem["reference"],
                "name": problem["name"],
                "section": problem["kind"],
                "message": problem["message"],
                "blocking": problem["blocking"],
            }
            for problem in problems
        )
        jobs = [
            run.delayable(
                channel=CHANNEL,
                priority=PRIORITY,
                identity_key=run._job_key(f"import:{number}"),
                description=self.env._(
                    "%(run)s: batch %(number)s of %(count)s", run=run.name, number=number + 1, count=len(batches)
                ),
            )._job_import(units if number == 0 else None, batch)
            for number, batch in enumerate(batches)
        ]
        chain(*jobs).delay()
        return run

    def _job_import(self, units, rows):
        """Job: plan and write one batch, as the dialog does; a batch run again finds its people unchanged."""
        self.ensure_one()
        run = self.with_company(self.company_id)
        wizard = run.env["asn.kinerja.siasn.import"].create({"skip_problems": True})
        plan = wizard._import_rows(units, rows, full=False)
        run._notify_done()
        return f"{plan['counts']}"


class AsnKinerjaSiasnRunLine(models.Model):
    """A record a SIASN export left out, or a problem of a SIASN import, and why."""

    _name = "asn.kinerja.siasn.run.line"
    _description = "SIASN Run: Left Out or Problem"
    _order = "blocking desc, line, reference, id"

    run_id = fields.Many2one("asn.kinerja.siasn.run", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    line = fields.Integer(readonly=True, help="Line of the employee file; 0 for a unit or a record.")
    reference = fields.Char("NIP / Unit Id", readonly=True)
    name = fields.Char(readonly=True)
    section = fields.Char("Record / Kind", readonly=True)
    message = fields.Char("Reason", readonly=True)
    blocking = fields.Boolean("Blocks", readonly=True)
