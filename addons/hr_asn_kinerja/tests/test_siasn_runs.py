"""A SIASN export or import too large for HR's dialog runs in queue_job jobs (docs/performance.md, "Jobs"): HR
follows it on a SIASN run (batches done, to do, failed), gets the file or the records left out and the
problems there, and a notification when it ends; a batch run again makes nothing twice. Below the threshold
the dialog answers at once as before (test_siasn_export, test_siasn_import)."""

import base64
import json
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import run_stored_jobs
from .siasn_case import NIP, ROWS, UNIT_MUTASI, UNIT_TOP, SiasnCase, SiasnImportCase, changed

RUN = "asn.kinerja.siasn.run"


def small_threshold(test, jobs_from, batch_rows=1000):
    """Jobs from a few rows on, as a province's file would run them."""
    Run = type(test.env[RUN])
    for name, value in (("JOBS_FROM", jobs_from), ("BATCH_ROWS", batch_rows)):
        patcher = patch.object(Run, name, value)
        patcher.start()
        test.addCleanup(patcher.stop)


def notifications(test):
    """The notifications sent to users inside the block (a list of (user, payload))."""
    sent = []

    def spy(users, kind, payload, **kwargs):
        sent.extend((user, payload) for user in users if kind == "simple_notification")

    return sent, patch.object(type(test.env["res.users"]), "_bus_send", spy)


@tagged("post_install", "-at_install")
class TestSiasnExportRun(SiasnCase):
    def test_a_large_export_is_a_job_whose_file_hr_downloads_from_the_run(self):
        self.walk(self.skp_of(self.staff), "done", result_rating="above", behavior_rating="as_expected")
        at_once = self.content(self.export())
        small_threshold(self, jobs_from=0)
        wizard = self.env["asn.kinerja.siasn.export"].with_user(self.user_officer).create({"period_id": self.period.id})
        sent, spying = notifications(self)
        with trap_jobs() as trap, spying:
            action = wizard.action_export()
            run = self.env[RUN].with_user(self.user_officer).browse(action["res_id"])
            self.assertEqual((action["res_model"], run.kind, run.period_id), (RUN, "export", self.period))
            self.assertFalse(wizard.export_file, "nothing rendered in HR's request")
            [job] = trap.enqueued_jobs
            self.assertEqual((job.method_name, job.channel), ("_job_export", "root.kinerja"))
            trap.perform_enqueued_jobs()
            job.perform()  # retried: the same file, the same list, once
        self.assertEqual(run.result_filename, "siasn_Tahun_2026.json")
        self.assertEqual(run.record_count, 1)
        self.assertEqual(json.loads(base64.b64decode(run.result_file)), at_once)
        self.assertEqual(len(run.line_ids), len(at_once["tidakDiekspor"]))
        self.assertEqual(run.action_download()["type"], "ir.actions.act_url")
        self.assertEqual([user for user, _payload in sent], [self.user_officer] * 2)


@tagged("post_install", "-at_install")
class TestSiasnImportRun(SiasnImportCase):
    def test_a_large_import_runs_in_batches_hr_follows_on_the_run(self):
        small_threshold(self, jobs_from=3, batch_rows=4)
        sent, spying = notifications(self)
        with spying:
            # the heads of units last in the file: the batches still find every head before their people
            action = self.wizard(list(reversed(ROWS))).action_import()
            run = self.env[RUN].with_user(self.user_officer).browse(action["res_id"])
            # 7 rows in batches of 4: two batches, chained
            self.assertEqual((run.kind, run.row_count, run.batch_count), ("import", len(ROWS), 2))
            self.assertEqual((run.job_done_count, run.job_todo_count, run.job_failed_count), (0, 2, 0))
            self.assertEqual(run.state, "running")
            self.assertFalse(self.person("Hendra Wijaya"), "nothing written in HR's request")
            run_stored_jobs(self.env)
        run.invalidate_recordset()
        self.assertEqual((run.job_done_count, run.job_todo_count, run.job_failed_count), (2, 0, 0))
        self.assertEqual(run.state, "done")
        self.assertEqual(len(sent), 1, "notified once, when the last batch ran")
        # the same people, units and appraisers as the dialog's import (test_siasn_import)
        self.assertEqual(self.env["hr.employee"].search_count([("nip", "in", list(NIP.values()))]), len(ROWS))
        head, kabid = self.person("Hendra Wijaya"), self.person("Ratna Sari")
        self.assertEqual(self.unit(UNIT_TOP).manager_id, head)
        self.assertEqual(self.unit(UNIT_MUTASI).manager_id, kabid)
        self.assertEqual(kabid.appraiser_id, head)
        self.assertEqual(self.person("Dedi Kurniawan").appraiser_id, kabid)

    def test_a_batch_run_again_creates_nothing_twice(self):
        small_threshold(self, jobs_from=3, batch_rows=4)
        with trap_jobs() as trap:
            self.wizard().action_import()
            self.assertEqual([job.method_name for job in trap.enqueued_jobs], ["_job_import"] * 2)
            trap.perform_enqueued_jobs()
            employees = self.env["hr.employee"].search_count([])
            departments = self.env["hr.department"].search_count([])
            for job in trap.enqueued_jobs:
                job.perform()
        self.assertEqual(self.env["hr.employee"].search_count([]), employees)
        self.assertEqual(self.env["hr.department"].search_count([]), departments)

    def test_the_problems_of_the_whole_file_refuse_at_once_or_are_listed_on_the_run(self):
        small_threshold(self, jobs_from=3)
        rows = [*ROWS, changed("Nur Aisyah", pns_id="p1", nip_baru="198513322010011001", nama="NIP Salah")]
        with trap_jobs() as trap:
            with self.assertRaisesRegex(UserError, "Nothing was imported"):
                self.wizard(rows).action_import()
            self.assertFalse(trap.enqueued_jobs)
            self.assertFalse(self.env[RUN].search([]))
            action = self.wizard(rows, skip_problems=True).action_import()
            trap.perform_enqueued_jobs()
        run = self.env[RUN].browse(action["res_id"])
        problems = run.line_ids.filtered("blocking")
        self.assertEqual(set(problems.mapped("line")), {len(ROWS) + 2})  # the line after the sample's
        self.assertIn("NIP Salah", problems[0].name)
        self.assertFalse(self.env["hr.employee"].search([("name", "like", "NIP Salah")]))
        self.assertEqual(self.env["hr.employee"].search_count([("nip", "in", list(NIP.values()))]), len(ROWS))
