"""The objection to a final result (keberatan, PP 30/2019, docs/rules.md §13), per role: who files it and
when, who hears and decides it, what acceptance and rejection do to the SKP, and that the decision is final."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .objection_case import DECIDE, EXPLAIN_APPRAISER, EXPLAIN_EMPLOYEE, OBJECTION, REASON, ObjectionCase


@tagged("post_install", "-at_install")
class TestObjectionFiling(ObjectionCase):
    def test_the_employee_objects_to_a_final_result(self):
        objection = self.file()
        self.assertRecordValues(
            objection,
            [
                {
                    "state": "submitted",
                    "employee_id": self.staff.id,
                    "appraiser_id": self.supervisor.id,
                    "superior_id": self.head.id,
                    "old_result_rating": "below",
                    "old_behavior_rating": "as_expected",
                    "old_predicate": "needs_improvement",
                    "date_submitted": datetime.date.today(),
                }
            ],
        )
        self.assertIn("Objection filed by Staf Satu; Kepala Dinas decides.", self.skp.message_ids[0].body)
        self.assertIn(REASON, self.skp.message_ids[0].body)
        # each gets their own step: the decider decides, the appraiser and the employee explain
        self.assertEqual(self.activities(objection, DECIDE).user_id, self.user_head)
        self.assertEqual(self.activities(objection, EXPLAIN_APPRAISER).user_id, self.user_supervisor)
        self.assertEqual(self.activities(objection, EXPLAIN_EMPLOYEE).user_id, self.user_staff)
        self.assertTrue(
            objection.with_user(self.user_head).next_step.startswith(
                "Your turn: hear the appraiser and the employee, then decide, by "
            )
        )
        self.assertIn(
            "Waiting for Kepala Dinas to decide the objection", objection.with_user(self.user_staff).next_step
        )

    def test_nobody_else_objects(self):
        for user in (self.user_supervisor, self.user_head, self.user_officer, self.user_manager, self.user_staff2):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, "Only Staf Satu"):
                self.file(user)

    def test_only_against_a_final_result(self):
        other = self.walk(self.skp_of(self.staff2), "scored")
        with self.assertRaisesRegex(UserError, "against a final result"):
            self.file(self.user_staff2, other)

    def test_one_objection_per_skp(self):
        self.file()
        with self.assertRaisesRegex(UserError, "no second objection"):
            self.file()

    def test_no_second_objection_after_a_decision(self):
        objection = self.file()
        self.hear(objection)
        objection.with_user(self.user_head).action_reject("Bukti keterlambatan lengkap.")
        with self.assertRaisesRegex(UserError, "decision is final"):
            self.file()

    def test_within_the_objection_period(self):
        deadline = self.skp.date_done + datetime.timedelta(days=14)
        with freeze_time(deadline + datetime.timedelta(days=1)), self.assertRaisesRegex(UserError, "ended on"):
            self.file()
        self.company.kinerja_objection_days = 30
        with freeze_time(deadline + datetime.timedelta(days=1)):
            self.assertTrue(self.file())

    def test_with_written_reasons(self):
        with self.assertRaisesRegex(UserError, "reasons"):
            self.file(reason="  ")

    def test_filed_with_reasons_only(self):
        with self.assertRaises(AccessError):
            self.env[OBJECTION].with_user(self.user_staff).create(
                {"appraisal_id": self.skp.id, "reason": REASON, "state": "accepted"}
            )
        with self.assertRaises(AccessError):
            self.env[OBJECTION].with_user(self.user_staff).create(
                {"appraisal_id": self.skp.id, "reason": REASON, "result_rating": "above", "behavior_rating": "above"}
            )

    def test_not_in_a_closed_period(self):
        # closed before periods waited for the time to object (test_objection_open): still no objection
        self.period.sudo().with_context(asn_workflow_step=True).write({"state": "closed"})  # past the closing rule
        with self.assertRaisesRegex(UserError, "closed"):
            self.file()

    def test_only_the_skp_people_and_hr_read_it(self):
        objection = self.file()
        for user, reads in (
            (self.user_staff, True),
            (self.user_supervisor, True),
            (self.user_head, True),
            (self.user_officer, True),
            (self.user_staff2, False),
            (self.user_outsider, False),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(bool(self.env[OBJECTION].with_user(user).search([("id", "=", objection.id)])), reads)

    def test_nobody_deletes_it(self):
        objection = self.file()
        for user in (self.user_staff, self.user_head, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                objection.with_user(user).unlink()

    def test_no_reopening_while_it_is_pending(self):
        self.file()
        with self.assertRaisesRegex(UserError, "not decided yet"):
            self.skp.with_user(self.user_officer).action_reopen("Koreksi")


@tagged("post_install", "-at_install")
class TestObjectionDecision(ObjectionCase):
    def setUp(self):
        super().setUp()
        self.objection = self.file()

    def test_the_decider_hears_both_before_deciding(self):
        decider = self.objection.with_user(self.user_head)
        decider.write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        with self.assertRaisesRegex(UserError, "explanations"):
            decider.action_accept()
        with self.assertRaisesRegex(UserError, "explanations"):
            decider.action_reject("Tidak beralasan")
        decider.write({"appraiser_explanation": "Laporan terlambat tiga minggu."})
        # the appraiser's explanation is recorded: their activity ends, the employee's remains
        self.assertFalse(self.activities(self.objection, EXPLAIN_APPRAISER))
        self.assertTrue(self.activities(self.objection, EXPLAIN_EMPLOYEE))
        decider.write({"employee_explanation": "SK pergantian bendahara terlampir."})
        self.assertEqual(self.objection.activity_ids.user_id, self.user_head)

    def test_only_the_decider_records_the_hearing_and_the_ratings(self):
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager):
            for field, value in (("appraiser_explanation", "Versi lain"), ("result_rating", "above")):
                with self.subTest(user=user.login, field=field), self.assertRaises(AccessError):
                    self.objection.with_user(user).write({field: value})
        with self.assertRaises(AccessError):
            self.objection.with_user(self.user_staff).write({"reason": "Alasan baru"})

    def test_accepting_changes_the_result_through_the_matrix(self):
        self.hear(self.objection)
        decider = self.objection.with_user(self.user_head)
        decider.write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        self.assertEqual(self.objection.new_predicate, "good")
        self.assertIn("give Good", self.objection.new_predicate_reason)
        decider.action_accept()
        self.assertRecordValues(
            self.skp,
            [{"state": "done", "result_rating": "as_expected", "behavior_rating": "as_expected", "predicate": "good"}],
        )
        self.assertEqual((self.objection.state, self.objection.date_decided), ("accepted", datetime.date.today()))
        log = self.skp.message_ids[0].body
        self.assertIn("Result changed by the decision on the objection of Staf Satu", log)
        for change in (
            "Work Result Rating: Below Expectations → As Expected",
            "Predikat: Needs Improvement → Good",
        ):
            self.assertIn(change, log)
        self.assertFalse(self.objection.activity_ids)
        # the employee and the appraiser learn the decision
        notified = self.env["mail.message"].search(
            [("model", "=", OBJECTION), ("res_id", "=", self.objection.id), ("message_type", "=", "user_notification")]
        )
        self.assertEqual(
            set(notified.partner_ids.ids), {self.user_staff.partner_id.id, self.user_supervisor.partner_id.id}
        )

    def test_accepting_needs_changed_ratings(self):
        self.hear(self.objection)
        decider = self.objection.with_user(self.user_head)
        with self.assertRaisesRegex(UserError, "two ratings"):
            decider.action_accept()
        decider.write({"result_rating": "below", "behavior_rating": "as_expected"})
        with self.assertRaisesRegex(UserError, "reject the objection"):
            decider.action_accept()

    def test_rejecting_keeps_the_result(self):
        self.hear(self.objection)
        decider = self.objection.with_user(self.user_head)
        with self.assertRaisesRegex(UserError, "Say why"):
            decider.action_reject(" ")
        decider.action_reject("Keterlambatan tercatat dan tidak ada dispensasi.")
        self.assertRecordValues(
            self.objection,
            [{"state": "rejected", "decision_reason": "Keterlambatan tercatat dan tidak ada dispensasi."}],
        )
        self.assertEqual(self.skp.predicate, "needs_improvement")
        self.assertIn("Objection rejected by Kepala Dinas", self.skp.message_ids[0].body)

    def test_only_the_appraiser_s_superior_decides(self):
        self.hear(self.objection)
        self.objection.with_user(self.user_head).write(
            {"result_rating": "as_expected", "behavior_rating": "as_expected"}
        )
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.objection.with_user(user).action_accept()
                with self.assertRaises(AccessError):
                    self.objection.with_user(user).action_reject("Ditolak")
        self.assertEqual(self.objection.state, "submitted")

    def test_the_decision_is_final(self):
        self.hear(self.objection)
        self.objection.with_user(self.user_head).action_reject("Tidak beralasan")
        with self.assertRaisesRegex(UserError, "not possible now"):
            self.objection.with_user(self.user_head).action_accept()
        with self.assertRaises(UserError):
            self.objection.with_user(self.user_head).write({"employee_explanation": "Tambahan"})

    def test_hr_decides_where_the_appraiser_has_no_superior(self):
        # Kepala Bidang is appraised by Kepala Dinas, who has no appraiser: no superior above
        skp = self.walk_to_predicate(self.skp_of(self.supervisor), "poor")
        self.assertFalse(skp.appraiser_superior_id)
        objection = self.file(self.user_supervisor, skp)
        self.assertIn("Pengelola Kinerja", objection.with_user(self.user_supervisor).next_step)
        self.hear(objection, self.user_officer)
        objection.with_user(self.user_officer).write({"result_rating": "as_expected", "behavior_rating": "above"})
        with self.assertRaises(AccessError):
            objection.with_user(self.user_head).action_accept()
        objection.with_user(self.user_officer).action_accept()
        self.assertEqual(skp.predicate, "good")

    def test_a_confirmed_penetapan_takes_the_final_decision(self):
        """The decision on an objection is final: it changes the predikat under a confirmed Penetapan, whose
        chatter keeps the change and the spread it leaves (docs/rules.md §13)."""
        self.walk_to_predicate(self.skp_of(self.staff2), "good")
        unit_rating = self.rate_unit("good")
        self.confirm_penetapan(unit_rating)
        self.assertEqual((unit_rating.needs_improvement_count, unit_rating.good_count), (1, 1))
        self.hear(self.objection)
        decider = self.objection.with_user(self.user_head)
        decider.write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        decider.action_accept()
        self.assertEqual(self.skp.predicate, "good")
        self.assertEqual(unit_rating.state, "confirmed")
        unit_rating.invalidate_recordset()
        self.assertEqual((unit_rating.needs_improvement_count, unit_rating.good_count), (0, 2))
        log = unit_rating.message_ids[0].body
        self.assertIn("The predikat of Staf Satu changed from Needs Improvement to Good", log)
        self.assertIn("The spread now breaks its pattern", log)
        # a reopening stays locked by the Penetapan
        with self.assertRaisesRegex(UserError, "Penetapan"):
            self.skp.with_user(self.user_officer).action_reopen("Koreksi")
