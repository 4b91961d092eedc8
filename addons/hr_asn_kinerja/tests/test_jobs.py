"""The long runs as OCA queue_job jobs (docs/performance.md, "Jobs"): split per unit or batch, in the channel
root.kinerja, idempotent (a job run twice or retried makes nothing twice), and HR sees the progress of a
period's jobs (done, to do, failed) on the period, and runs the failed ones again."""

import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

from ..models import asn_kinerja_appraisal_result, asn_kinerja_period
from ..tools.jobs import CHANNEL, PRIORITY_LOW, job_key
from .common import KinerjaCase, make_nip

D = datetime.date


def jobs_of(trap, method_name):
    """The trapped jobs of a method, whatever their records."""
    return [job for job in trap.enqueued_jobs if job.method_name == method_name]


def perform_again(jobs):
    """Run the jobs a second time, as a retry after a crash or a runner that handed one out twice would."""
    for job in jobs:
        job.perform()


@tagged("post_install", "-at_install")
class TestJobs(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_unit = cls.env["hr.department"].create({"name": "Dinas Pekerjaan Umum"})
        cls.others = cls.env["hr.employee"].create(
            [
                {
                    "name": f"Pegawai PU {seq}",
                    "department_id": cls.other_unit.id,
                    "nip": make_nip(40 + seq),
                    "asn_type": "pns",
                    "asn_rank": "III/a",
                    "asn_position_type": "pelaksana",
                }
                for seq in range(3)
            ]
        )
        cls.period_2027 = cls.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31", "period_type": "annual"}
        )

    def skp_count(self, period):
        return self.env["asn.kinerja.appraisal"].search_count([("period_id", "=", period.id)])

    def open_in_jobs(self):
        """HR opens the 2027 period of an agency large enough to open in jobs; returns the trapped jobs."""
        with patch.object(asn_kinerja_period, "OPEN_IN_JOBS_FROM", 1), trap_jobs() as trap:
            self.period_2027.with_user(self.user_officer).action_open()
        return trap

    def test_a_large_agency_opens_in_one_job_per_unit(self):
        trap = self.open_in_jobs()
        self.assertEqual(self.period_2027.state, "open")
        self.assertEqual(self.skp_count(self.period_2027), 0, "HR's click makes no SKP itself")
        # Dinas Uji (6 employees) and Dinas Pekerjaan Umum (3): one job each, in the Kinerja channel
        trap.assert_jobs_count(2, only=self.period_2027._job_open_unit)
        self.assertEqual({job.channel for job in trap.enqueued_jobs}, {CHANNEL})
        units = sorted(len(job.args[0]) for job in trap.enqueued_jobs)
        self.assertEqual(units, [3, 6])
        trap.assert_enqueued_job(
            self.period_2027._job_open_unit,
            args=(self.others,),
            properties={"identity_key": job_key(self.period_2027.id, "open", self.others)},
        )

        jobs = list(trap.enqueued_jobs)
        trap.perform_enqueued_jobs()
        self.assertEqual(self.skp_count(self.period_2027), 9)
        # a job run again (a retry after a crash) makes no SKP twice
        perform_again(jobs)
        self.assertEqual(self.skp_count(self.period_2027), 9)
        for employee in self.others | self.staff:
            self.assertEqual(len(self.skp_of(employee, self.period_2027)), 1)

    def test_a_small_agency_still_opens_at_once(self):
        with trap_jobs() as trap:
            self.period_2027.with_user(self.user_officer).action_open()
        trap.assert_jobs_count(0)
        self.assertEqual(self.skp_count(self.period_2027), 9)

    def test_a_failed_job_shows_as_failed_on_the_period_and_hr_runs_it_again(self):
        """Jobs stored as the runner finds them: HR reads their progress, not the technical job list."""
        with patch.object(asn_kinerja_period, "OPEN_IN_JOBS_FROM", 1):
            self.period_2027.with_user(self.user_officer).action_open()
        period = self.period_2027.with_user(self.user_officer)
        self.assertRecordValues(period, [{"job_done_count": 0, "job_todo_count": 2, "job_failed_count": 0}])
        stored = self.env["queue.job"].search([("identity_key", "=like", f"asn.kinerja.period:{period.id}:%")])
        self.assertEqual(set(stored.mapped("channel")), {CHANNEL})

        first, second = (Job.load(self.env, uuid) for uuid in stored.mapped("uuid"))
        self.run_as_runner(first)
        with patch.object(type(self.env["asn.kinerja.appraisal"]), "_create_skps", side_effect=OSError("disk full")):
            self.run_as_runner(second)
        period.invalidate_recordset()
        self.assertRecordValues(period, [{"job_done_count": 1, "job_todo_count": 0, "job_failed_count": 1}])
        self.assertLess(self.skp_count(period), 9)

        period.action_retry_failed_jobs()
        period.invalidate_recordset()
        self.assertRecordValues(period, [{"job_done_count": 1, "job_todo_count": 1, "job_failed_count": 0}])
        self.run_as_runner(Job.load(self.env, second.uuid))
        period.invalidate_recordset()
        self.assertRecordValues(period, [{"job_done_count": 2, "job_todo_count": 0, "job_failed_count": 0}])
        self.assertEqual(self.skp_count(period), 9)

    def run_as_runner(self, job):
        """What queue_job's /queue_job/runjob does with a job, in this test's transaction."""
        job.set_started()
        job.store()
        try:
            with self.env.cr.savepoint():
                result = job.perform()
        except OSError as error:
            job.set_failed(exc_name=type(error).__name__, exc_message=str(error))
        else:
            job.set_done(result=result)
        job.store()

    def test_reminders_make_the_activity_and_its_e_mail_in_the_same_job(self):
        draft = self.skp_of(self.staff2)
        Appraisal = self.env["asn.kinerja.appraisal"]
        with freeze_time("2026-02-10"), trap_jobs() as trap:
            Appraisal._cron_remind_deadlines()
            remind = jobs_of(trap, "_job_remind")
            self.assertTrue(remind)
            self.assertTrue(all(job.channel == CHANNEL for job in trap.enqueued_jobs))
            self.assertFalse(self.reminder_activities(draft), "the run only enqueues")

            # a job stopped half-way (its e-mail failed) leaves neither the activity nor the e-mail
            with (
                patch.object(type(Appraisal), "_send_reminders", side_effect=OSError("SMTP down")),
                self.assertRaises(OSError),
                self.env.cr.savepoint(),
            ):
                remind[0].perform()
            self.assertFalse(self.reminder_activities(draft))

            mails = self.env["mail.mail"].search([])
            trap.perform_enqueued_jobs()
            activity = self.reminder_activities(draft)
            self.assertEqual(activity.user_id, self.user_staff2)
            self.assertEqual(activity.date_deadline, D(2026, 1, 31))
            new_mails = self.env["mail.mail"].search([("id", "not in", mails.ids)])
            self.assertIn(self.user_staff2.partner_id, new_mails.recipient_ids)
            self.assertIn(draft.name, "".join(new_mails.mapped("body_html")))

            # the same jobs again, or the whole run again the same day: nothing new
            perform_again(remind)
            Appraisal._cron_remind_deadlines()
            trap.perform_enqueued_jobs()
            self.assertEqual(self.reminder_activities(draft), activity)
            self.assertEqual(self.env["mail.mail"].search_count([("id", "not in", mails.ids)]), len(new_mails))

    def reminder_activities(self, skp):
        types = [self.env.ref(xmlid).id for xmlid in skp._workflow_activity_types()]
        return skp.activity_ids.filtered(lambda activity: activity.activity_type_id.id in types)

    def result_mails(self, skp):
        return self.env["mail.mail"].search([("model", "=", skp._name), ("res_id", "=", skp.id)])

    def test_a_few_results_get_their_dokumen_before_their_e_mails(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        Appraisal = self.env["asn.kinerja.appraisal"]
        rendered = []
        prepare = type(Appraisal)._prepare_document

        def spy(records):
            rendered.append((records, bool(self.result_mails(skp))))
            return prepare(records)

        with trap_jobs() as trap, patch.object(type(Appraisal), "_prepare_document", spy):
            Appraisal._cron_send_results()
            [send] = trap.enqueued_jobs
            self.assertEqual((send.method_name, send.recordset), ("_job_send_results", skp))
            send.perform()
            self.assertEqual(rendered, [(skp, False)], "rendered before the e-mail, in the same job")
            self.assertFalse(jobs_of(trap, "_prepare_document"))
            self.assertEqual(len(self.result_mails(skp)), 1)
            self.assertFalse(skp.result_mail_pending)
            # the e-mail job again: no second e-mail
            send.perform()
            self.assertEqual(len(self.result_mails(skp)), 1)

    def test_many_results_get_their_e_mails_first_and_the_dokumen_after_them(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        Appraisal = self.env["asn.kinerja.appraisal"]
        with trap_jobs() as trap, patch.object(asn_kinerja_appraisal_result, "DOCUMENTS_BEFORE_MAIL", 0):
            Appraisal._cron_send_results()
            [send] = trap.enqueued_jobs
            send.perform()  # the e-mail job alone: the Dokumen comes in a job of its own, not run here
            self.assertEqual(len(self.result_mails(skp)), 1)
            self.assertFalse(skp.result_mail_pending)
            [document] = jobs_of(trap, "_prepare_document")
            self.assertEqual((document.recordset, document.priority, document.channel), (skp, PRIORITY_LOW, CHANNEL))
            # the e-mail job again: no second e-mail, no second Dokumen job
            send.perform()
            self.assertEqual(len(self.result_mails(skp)), 1)
            self.assertEqual(len(jobs_of(trap, "_prepare_document")), 1)
