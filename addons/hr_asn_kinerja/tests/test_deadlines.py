"""Deadlines of the year (docs/rules.md §14): the period's defaults, activities due on them, the daily run
that reminds whoever must act, marks the late SKPs and sends HR one summary a day."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..tools.deadlines import add_working_days, default_deadlines
from .common import KinerjaCase, run_jobs

D = datetime.date
REVISE = "hr_asn_kinerja.mail_act_skp_revise"


@tagged("post_install", "-at_install")
class TestDefaultDeadlines(BaseCase):
    """The period's default deadlines, without the ORM."""

    def test_default_deadlines(self):
        assert default_deadlines("annual", D(2026, 1, 1), D(2026, 12, 31)) == (D(2026, 1, 31), D(2027, 1, 10))
        # 1 July 2026 is a Wednesday, 31 December 2026 a Thursday: 5 working days skip the weekend
        assert default_deadlines("semester", D(2026, 7, 1), D(2026, 12, 31)) == (D(2026, 7, 8), D(2027, 1, 7))
        # the plan of a sub-period is never due before the annual plan
        assert default_deadlines("quarter", D(2026, 1, 1), D(2026, 3, 31)) == (D(2026, 1, 31), D(2026, 4, 7))
        assert default_deadlines("annual", False, D(2026, 12, 31)) == (False, False)
        # a year that does not start in January: the end of its first month, the 10th after its end
        assert default_deadlines("annual", D(2026, 4, 1), D(2027, 3, 31)) == (D(2026, 4, 30), D(2027, 4, 10))

    def test_working_days_skip_weekends(self):
        friday = D(2026, 1, 2)
        assert add_working_days(friday, 1) == D(2026, 1, 5)
        assert add_working_days(friday, 5) == D(2026, 1, 9)


@tagged("post_install", "-at_install")
class TestDeadlines(KinerjaCase):
    def run_daily(self):
        """The daily run; returns the (activities, mails) it created."""
        activities = self.env["mail.activity"].search([]).ids
        mails = self.env["mail.mail"].search([]).ids
        run_jobs(self.env["asn.kinerja.appraisal"]._cron_remind_deadlines)
        return (
            self.env["mail.activity"].search([("id", "not in", activities)]),
            self.env["mail.mail"].search([("id", "not in", mails)]),
        )

    def workflow_activities(self, skp):
        types = self.env["mail.activity.type"].browse(self.env.ref(x).id for x in skp._workflow_activity_types())
        return skp.activity_ids.filtered(lambda activity: activity.activity_type_id in types)

    def test_period_deadlines_default_and_hr_edits_them(self):
        self.assertEqual((self.period.plan_deadline, self.period.evaluation_deadline), (D(2026, 1, 31), D(2027, 1, 10)))
        semester = self.sub_period("Semester II 2026", "semester", "2026-07-01", "2026-12-31")
        self.assertEqual((semester.plan_deadline, semester.evaluation_deadline), (D(2026, 7, 8), D(2027, 1, 7)))
        self.period.with_user(self.user_officer).write({"plan_deadline": "2026-02-13"})
        self.assertEqual(self.period.plan_deadline, D(2026, 2, 13))
        with self.assertRaises(ValidationError):
            self.period.with_user(self.user_officer).write({"plan_deadline": "2027-02-01"})
        with self.assertRaises(ValidationError):
            self.period.with_user(self.user_officer).write({"evaluation_deadline": "2025-12-31"})

    def test_the_next_activity_is_due_on_the_deadline_of_its_step(self):
        with freeze_time("2026-01-20"):
            skp = self.walk(self.skp_of(self.staff), "submitted")
        self.assertRecordValues(
            self.workflow_activities(skp), [{"user_id": self.user_supervisor.id, "date_deadline": D(2026, 1, 31)}]
        )
        self.walk(skp, "approved")
        self.assertRecordValues(
            self.workflow_activities(skp), [{"user_id": self.user_staff.id, "date_deadline": D(2027, 1, 10)}]
        )
        # without a deadline, the delay of the activity type (scoring: 7 days)
        self.period.with_user(self.user_officer).write({"evaluation_deadline": False})
        with freeze_time("2026-03-02"):
            self.walk(skp, "self_assessed")
        self.assertEqual(self.workflow_activities(skp).date_deadline, D(2026, 3, 9))

    def test_late_counts_from_the_step_s_own_date(self):
        """A plan submitted on 7 December reaches the appraiser that day: the approval is due within the
        activity's delay, not on the plan's deadline of 31 January ("310 days late" the day it arrives)."""
        with freeze_time("2026-12-07"):
            skp = self.walk(self.skp_of(self.staff), "submitted")
            self.assertEqual(self.workflow_activities(skp).date_deadline, D(2026, 12, 12))
            line = skp.with_user(self.user_supervisor).next_step
            self.assertEqual(line, "Waiting for your approval, by 12/12/2026")
        with freeze_time("2026-12-20"):
            skp.invalidate_recordset(["next_step"])
            line = skp.with_user(self.user_supervisor).next_step
            self.assertEqual(line, "Waiting for your approval: 8 days late (due 12/12/2026)")
        # the one who did not submit the plan is late from the plan's deadline, and the line says so
        draft = self.skp_of(self.staff2)
        with freeze_time("2026-02-10"):
            self.run_daily()
            self.assertEqual(self.workflow_activities(draft).date_deadline, D(2026, 1, 31))
            self.assertEqual(
                draft.with_user(self.user_staff2).next_step,
                "Your turn: complete the plan and submit it: 10 days late (due 01/31/2026)",
            )

    def test_a_finished_skp_shows_no_past_deadline(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        deadline = skp.objection_deadline
        self.assertIn(", by ", skp.with_user(self.user_staff).next_step)
        with freeze_time(deadline + datetime.timedelta(days=3)):
            skp.invalidate_recordset(["next_step"])
            line = skp.with_user(self.user_staff).next_step
            self.assertTrue(line.startswith("Your turn: read your result"))
            self.assertNotIn("late", line)
            self.assertNotIn(", by ", line)

    @freeze_time("2026-01-26")
    def test_the_daily_run_reminds_everyone_once(self):
        """Five days before the plan deadline every draft's employee gets one activity and one e-mail;
        the second run the same day creates nothing."""
        activities, mails = self.run_daily()
        skps = self.env["asn.kinerja.appraisal"].search([("period_id", "=", self.period.id)])
        self.assertEqual(len(skps), 6)
        self.assertEqual(set(skps.mapped("state")), {"draft"})
        self.assertEqual(sorted(activities.mapped("res_id")), sorted(skps.ids))
        self.assertEqual(activities.user_id, skps.employee_id.user_id)
        self.assertEqual(set(activities.mapped("date_deadline")), {D(2026, 1, 31)})
        self.assertEqual(activities.activity_type_id, self.env.ref(REVISE))
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(skps.employee_id.user_id.ids), "one e-mail per person")
        staff_mail = mails.filtered(lambda m: m.res_id == self.user_staff.id)
        self.assertEqual(staff_mail.subject, "SKPs awaiting your action")
        self.assertIn(self.skp_of(self.staff).name, staff_mail.body_html)
        self.assertEqual(staff_mail.recipient_ids, self.user_staff.partner_id)
        self.assertFalse(skps.filtered("is_late"), "nothing is late before the deadline")
        self.assertNotIn(self.user_staff.partner_id, self.skp_of(self.staff).message_partner_ids, "no follower")

        again = self.run_daily()
        self.assertFalse(again[0], "no new activity")
        self.assertFalse(again[1], "no new e-mail")

    @freeze_time("2026-01-26")
    def test_the_reminder_speaks_the_language_of_its_reader(self):
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        mail = self.run_daily()[1].filtered(lambda m: m.res_id == self.user_staff.id)
        self.assertEqual(mail.subject, "SKP yang menunggu tindakan Anda")
        for text in ("SKP berikut menunggu tindakan Anda", "Perbaiki Rencana SKP", self.skp_of(self.staff).name):
            self.assertIn(text, mail.body_html)

    def test_who_already_acted_gets_nothing(self):
        skp = self.walk(self.skp_of(self.staff), "submitted")
        approval = self.workflow_activities(skp)
        with freeze_time("2026-01-26"):
            activities, mails = self.run_daily()
        self.assertEqual(self.workflow_activities(skp), approval, "the appraiser keeps the one activity")
        self.assertNotIn(skp.id, activities.mapped("res_id"))
        self.assertFalse(mails.filtered(lambda m: m.res_id == self.user_staff.id and skp.name in m.body_html))
        supervisor_mail = mails.filtered(lambda m: m.res_id == self.user_supervisor.id)
        self.assertNotIn(skp.name, supervisor_mail.body_html, "the existing activity is not e-mailed again")

    def test_nobody_is_reminded_before_the_window(self):
        with freeze_time("2026-01-10"):
            self.assertFalse(self.run_daily()[0])
            self.company.kinerja_reminder_days = 30
            self.assertEqual(len(self.run_daily()[0]), 6)

    def test_after_the_deadline_skps_are_late(self):
        approved = self.walk(self.skp_of(self.staff2), "approved")
        with freeze_time("2026-02-02"):
            self.run_daily()
            late = self.env["asn.kinerja.appraisal"].search(
                [("is_late", "=", True), ("period_id", "=", self.period.id)]
            )
            self.assertEqual(len(late), 5)
            self.assertNotIn(approved, late, "the plan is approved; the evaluation is due next January")
            # acting takes the SKP out of the late list at once
            skp = self.walk(self.skp_of(self.staff), "submitted")
            self.assertTrue(skp.is_late, "the plan is still not approved")
            self.walk(skp, "approved")
            self.assertFalse(skp.is_late)
        with freeze_time("2027-01-11"):
            self.run_daily()
            self.assertTrue(approved.is_late)
        self.period.with_user(self.user_officer).action_close()
        self.assertFalse(approved.is_late, "a closed period has nothing late")

    def test_hr_gets_one_summary_a_day(self):
        officers = self.env.ref("hr_asn_kinerja.group_kinerja_officer").all_user_ids.filtered("active")
        self.assertIn(self.user_officer, officers)
        with freeze_time("2026-02-02"):
            mails = self.run_daily()[1].filtered(lambda m: m.subject == "Late SKPs: daily summary")
            self.assertEqual(sorted(mails.mapped("res_id")), sorted(officers.ids))
            body = mails.filtered(lambda m: m.res_id == self.user_officer.id).body_html
            self.assertIn("Tahun 2026", body)
            self.assertIn("Draft", body)
            self.assertIn("action-hr_asn_kinerja.action_appraisal_late", body)
            self.assertFalse(self.run_daily()[1].filtered(lambda m: m.subject == "Late SKPs: daily summary"))
        with freeze_time("2026-02-03"):
            mails = self.run_daily()[1].filtered(lambda m: m.subject == "Late SKPs: daily summary")
            self.assertEqual(len(mails), len(officers))

    def test_finished_skps_lose_their_activities(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        skp.sudo().activity_schedule(REVISE, user_id=self.user_staff.id)
        draft = self.skp_of(self.staff2)
        with freeze_time("2026-01-26"):
            self.run_daily()
        self.assertFalse(self.workflow_activities(skp))
        self.assertTrue(self.workflow_activities(draft))
        with freeze_time(skp.objection_deadline + datetime.timedelta(days=1)):
            self.period.with_user(self.user_officer).action_close()
        with freeze_time("2026-01-27"):
            activities, _mails = self.run_daily()
        self.assertFalse(self.workflow_activities(draft), "nobody can act in a closed period")
        self.assertFalse(activities)

    def test_the_run_is_a_daily_scheduled_action(self):
        cron = self.env.ref("hr_asn_kinerja.ir_cron_skp_deadlines")
        self.assertRecordValues(cron, [{"active": True, "interval_number": 1, "interval_type": "days"}])
        self.assertEqual(cron.code.strip(), "model._cron_remind_deadlines()")
