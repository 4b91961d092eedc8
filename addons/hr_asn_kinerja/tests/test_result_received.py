"""The employee receives the final result and acknowledges it, and sees how it came about (docs/rules.md §21),
per role: the activity and the e-mail, who acknowledges and when, the history, the matrix cell, the unit's
confirmed spread, the status of an objection."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import KinerjaCase, run_jobs

ACKNOWLEDGE = "hr_asn_kinerja.mail_act_skp_acknowledge"
REPORT_URL = "/report/pdf/hr_asn_kinerja.report_evaluation_document/"


@tagged("post_install", "-at_install")
class TestResultReceived(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)

    def result_mails(self, skp=None):
        """The result e-mails of the SKP, once the scheduled action the finalisation triggers has run."""
        skp = skp or self.skp
        run_jobs(self.env["asn.kinerja.appraisal"]._cron_send_results)
        return self.env["mail.mail"].search([("model", "=", skp._name), ("res_id", "=", skp.id)])

    def acknowledge_activity(self, skp=None):
        skp = skp or self.skp
        return skp.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(ACKNOWLEDGE))

    def test_the_final_result_reaches_the_employee(self):
        self.walk_to_predicate(self.skp, "needs_improvement")
        activity = self.acknowledge_activity()
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(self.skp.objection_deadline, self.skp.date_done + datetime.timedelta(days=14))
        self.assertEqual(activity.date_deadline, self.skp.objection_deadline)
        self.assertIn(self.skp.predicate_reason, activity.note)
        mail = self.result_mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.user_staff.partner_id)
        for text in (
            "Needs Improvement",
            "Work results Below Expectations and work behaviour As Expected give Needs Improvement",
            f"{REPORT_URL}{self.skp.id}",
            format_date(self.env, self.skp.objection_deadline),
        ):
            self.assertIn(text, mail.body_html)

    def test_the_employee_acknowledges_with_a_response(self):
        self.walk(self.skp, "done")
        skp = self.skp.with_user(self.user_staff)
        skp.write({"employee_comment": "Terima kasih, saya akan meningkatkan ketepatan waktu."})
        skp.action_acknowledge()
        self.assertEqual(self.skp.acknowledged_date, datetime.date.today())
        self.assertFalse(self.acknowledge_activity())
        line = self.skp.message_ids[0].body
        self.assertIn("The employee has read the result.", line)
        self.assertIn("meningkatkan ketepatan waktu", line)
        with self.assertRaisesRegex(UserError, "already said on .* that they have read"):
            skp.action_acknowledge()
        with self.assertRaisesRegex(UserError, "read-only"):
            skp.write({"employee_comment": "Diubah"})

    def test_acknowledging_without_a_response(self):
        self.walk(self.skp, "done")
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.assertTrue(self.skp.acknowledged_date)
        self.assertFalse(self.skp.employee_comment)

    def test_only_the_employee_acknowledges_and_answers(self):
        self.walk(self.skp, "done")
        for user in (self.user_supervisor, self.user_head, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.skp.with_user(user).action_acknowledge()
                with self.assertRaises(AccessError):
                    self.skp.with_user(user).write({"employee_comment": "Bukan pegawai"})
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_staff2).action_acknowledge()
        self.assertFalse(self.skp.acknowledged_date)

    def test_only_a_final_result_is_acknowledged(self):
        self.walk(self.skp, "scored")
        with self.assertRaisesRegex(UserError, "not possible now"):
            self.skp.with_user(self.user_staff).action_acknowledge()
        with self.assertRaises(UserError):
            self.skp.with_user(self.user_staff).write({"employee_comment": "Belum final"})

    def test_acknowledging_keeps_the_date_of_the_result(self):
        self.walk(self.skp, "done")
        self.env.cr.execute("UPDATE asn_kinerja_appraisal SET date_done = '2026-01-05' WHERE id = %s", [self.skp.id])
        self.skp.invalidate_recordset()
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.assertEqual(str(self.skp.date_done), "2026-01-05")

    def test_the_finalisation_leaves_the_e_mail_to_the_scheduled_action(self):
        cron = self.env.ref("hr_asn_kinerja.ir_cron_skp_result_mail")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.walk(self.skp, "done")
        self.assertFalse(self.env["mail.mail"].search([("model", "=", self.skp._name), ("res_id", "=", self.skp.id)]))
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]) - triggers)
        self.assertEqual(cron.code.strip(), "model._cron_send_results()")
        self.assertEqual(len(self.result_mails()), 1)
        self.assertEqual(len(self.result_mails()), 1, "sent once")

    def test_a_result_reopened_before_the_e_mail_is_not_sent(self):
        self.walk(self.skp, "done")
        self.skp.with_user(self.user_officer).action_reopen("Salah input rating")
        self.assertFalse(self.result_mails())

    def test_reopening_withdraws_the_acknowledgement(self):
        self.walk(self.skp, "done")
        self.assertEqual(len(self.result_mails()), 1)
        self.skp.with_user(self.user_staff).write({"employee_comment": "Setuju"})
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.skp.with_user(self.user_officer).action_reopen("Salah input rating")
        self.assertFalse(self.skp.acknowledged_date or self.skp.employee_comment)
        self.skp.with_user(self.user_officer).action_done()
        self.assertEqual(self.acknowledge_activity().user_id, self.user_staff)
        self.assertEqual(len(self.result_mails()), 2)

    def test_the_result_mail_speaks_the_employee_s_language(self):
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        self.walk_to_predicate(self.skp, "good")
        mail = self.result_mails()
        self.assertIn("Baik", mail.body_html)
        self.assertIn("Sesuai Ekspektasi", mail.body_html)
        self.assertNotIn("Dear", mail.body_html)
        self.assertNotIn("Please read", mail.body_html)
        self.assertNotIn("Read your", self.acknowledge_activity().summary)


@tagged("post_install", "-at_install")
class TestHowTheResultCameAbout(KinerjaCase):
    """What the employee sees on their own SKP: the steps, the matrix cell, the unit's spread, the objection."""

    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)
        self.mine = self.skp.with_user(self.user_staff)

    def test_the_history_lists_every_step_with_who_and_why(self):
        self.walk(self.skp, "submitted")
        self.skp.with_user(self.user_supervisor).action_return("Target belum terukur")
        self.walk(self.skp, "scored")
        history = self.mine.history_html
        for text in ("Plan submitted for approval.", "Returned to the employee.", "Target belum terukur", "Scored."):
            self.assertIn(text, history)
        self.assertIn(self.user_supervisor.name, history)
        # oldest first
        self.assertLess(history.index("Plan submitted"), history.index("Scored."))

    def test_the_matrix_marks_the_cell_of_the_result(self):
        self.walk_to_predicate(self.skp, "poor", to_state="scored")
        matrix = self.mine.predicate_matrix_html
        self.assertEqual(matrix.count("o_asn_matrix_mine"), 1)
        mine = matrix[matrix.index("o_asn_matrix_mine") :]
        self.assertTrue(mine.split("</td>")[0].endswith("Poor / Misconduct"))
        self.assertEqual(matrix.count("<td"), 9)

    def test_the_unit_s_spread_once_its_penetapan_is_confirmed(self):
        self.walk_to_predicate(self.skp, "good")
        self.walk_to_predicate(self.skp_of(self.staff2), "needs_improvement")
        unit_rating = self.rate_unit("good")
        self.assertFalse(self.mine.unit_rating_id)
        self.assertFalse(self.mine.unit_spread_html)
        self.confirm_penetapan(unit_rating)
        self.skp.invalidate_recordset()
        self.assertEqual(self.mine.unit_rating_id, unit_rating)
        spread = self.mine.unit_spread_html
        self.assertIn("2 SKPs", spread)
        self.assertIn("50%", spread)
        self.assertNotIn(self.staff2.name, spread, "the spread names no one")
        # HR resets it: no longer confirmed, no longer shown
        unit_rating.with_user(self.user_officer).action_reset("Koreksi")
        self.skp.invalidate_recordset()
        self.assertFalse(self.mine.unit_spread_html)

    def test_the_objection_and_its_status(self):
        self.walk(self.skp, "done")
        self.assertTrue(self.mine.can_object)
        self.assertFalse(self.skp.with_user(self.user_supervisor).can_object)
        objection = (
            self.env["asn.kinerja.objection"]
            .with_user(self.user_staff)
            .create({"appraisal_id": self.skp.id, "reason": "Bukti dukung tidak dipertimbangkan."})
        )
        self.skp.invalidate_recordset()
        self.assertEqual((self.mine.objection_id, self.mine.objection_state), (objection, "submitted"))
        self.assertFalse(self.mine.can_object)
        action = self.mine.action_open_objection()
        self.assertEqual((action["res_model"], action["res_id"]), ("asn.kinerja.objection", objection.id))
