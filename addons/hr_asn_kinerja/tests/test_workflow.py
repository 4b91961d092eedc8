"""Each SKP transition by the right role, refused for the wrong one, and what it leaves behind."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestWorkflow(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)

    def assertRefused(self, user, method, *args):
        before = self.skp.state
        with self.assertRaises(UserError):  # AccessError is a UserError too
            getattr(self.skp.with_user(user), method)(*args)
        self.assertEqual(self.skp.state, before)

    def test_skp_created_for_the_period_with_people_and_behaviour(self):
        self.assertEqual(self.skp.state, "draft")
        self.assertEqual(self.skp.appraiser_id, self.supervisor)
        self.assertEqual(self.skp.appraiser_superior_id, self.head)
        self.assertEqual(self.skp.department_id, self.department)
        self.assertEqual(len(self.skp.behavior_line_ids), 7)
        self.assertEqual(self.skp.behavior_line_ids[0].behavior_id.name, "Berorientasi Pelayanan")

    def test_submit_by_employee_not_by_appraiser_or_colleague(self):
        self.walk(self.skp, "draft")
        self.env["asn.kinerja.appraisal.line"].with_user(self.user_staff).create(
            {"appraisal_id": self.skp.id, "name": "Laporan", "target": "4 laporan"}
        )
        self.assertRefused(self.user_supervisor, "action_submit")
        self.assertRefused(self.user_staff2, "action_submit")
        self.assertTrue(self.skp.with_user(self.user_staff).action_submit())
        self.assertEqual(self.skp.state, "submitted")

    def test_submit_needs_a_main_work_result(self):
        with self.assertRaisesRegex(UserError, "at least one main work result"):
            self.skp.with_user(self.user_staff).action_submit()

    def test_officer_may_submit_for_the_employee(self):
        self.env["asn.kinerja.appraisal.line"].with_user(self.user_officer).create(
            {"appraisal_id": self.skp.id, "name": "Laporan", "target": "4 laporan"}
        )
        self.skp.with_user(self.user_officer).action_submit()
        self.assertEqual(self.skp.state, "submitted")

    def test_approve_only_by_the_appraiser(self):
        self.walk(self.skp, "submitted")
        for user in (self.user_staff, self.user_head, self.user_officer, self.user_outsider):
            with self.subTest(user=user.login):
                self.assertRefused(user, "action_approve")
        self.skp.with_user(self.user_supervisor).action_approve()
        self.assertEqual(self.skp.state, "approved")
        self.assertTrue(self.skp.date_approved)

    def test_return_needs_a_reason_and_goes_back_to_draft(self):
        self.walk(self.skp, "submitted")
        with self.assertRaisesRegex(UserError, "Say why"):
            self.skp.with_user(self.user_supervisor).action_return("  ")
        self.assertRefused(self.user_staff, "action_return", "saya sendiri")
        self.skp.with_user(self.user_supervisor).action_return("Target terlalu rendah")
        self.assertEqual(self.skp.state, "draft")
        self.assertEqual(self.skp.return_reason, "Target terlalu rendah")
        self.assertIn("Target terlalu rendah", self.skp.message_ids[0].body)

    def test_return_of_a_self_assessment_goes_back_to_approved(self):
        self.walk(self.skp, "self_assessed")
        self.skp.with_user(self.user_supervisor).action_return("Bukti dukung kurang")
        self.assertEqual(self.skp.state, "approved")

    def test_realisation_is_required_before_self_assessment(self):
        self.walk(self.skp, "approved")
        with self.assertRaisesRegex(UserError, "realisation"):
            self.skp.with_user(self.user_staff).action_submit_realization()
        self.skp.line_ids.with_user(self.user_staff).write({"realization": "4 laporan"})
        self.assertRefused(self.user_supervisor, "action_submit_realization")
        self.skp.with_user(self.user_staff).action_submit_realization()
        self.assertEqual(self.skp.state, "self_assessed")

    def test_score_needs_both_ratings_and_the_appraiser(self):
        self.walk(self.skp, "self_assessed")
        self.skp.with_user(self.user_supervisor).result_rating = "above"
        with self.assertRaisesRegex(UserError, "Rate both"):
            self.skp.with_user(self.user_supervisor).action_score()
        self.skp.with_user(self.user_supervisor).behavior_rating = "above"
        self.assertRefused(self.user_staff, "action_score")
        self.assertRefused(self.user_head, "action_score")
        self.skp.with_user(self.user_supervisor).action_score()
        self.assertEqual((self.skp.state, self.skp.predicate), ("scored", "very_good"))

    def test_done_by_the_superior_or_officer_not_the_appraiser(self):
        self.walk(self.skp, "scored")
        self.assertRefused(self.user_supervisor, "action_done")
        self.assertRefused(self.user_staff, "action_done")
        self.skp.with_user(self.user_head).action_done()
        self.assertEqual(self.skp.state, "done")
        self.assertTrue(self.skp.date_done)

    def test_cancel_reset_and_reopen_are_for_officers(self):
        self.assertRefused(self.user_supervisor, "action_cancel")
        self.skp.with_user(self.user_officer).action_cancel()
        self.assertEqual(self.skp.state, "cancel")
        self.assertRefused(self.user_staff, "action_reset")
        self.skp.with_user(self.user_officer).action_reset()
        self.walk(self.skp, "done")
        self.assertRefused(self.user_officer, "action_cancel")
        self.assertRefused(self.user_head, "action_reopen", "salah hitung")
        with self.assertRaisesRegex(UserError, "Say why"):
            self.skp.with_user(self.user_officer).action_reopen("")
        self.skp.with_user(self.user_officer).action_reopen("Salah input rating")
        self.assertEqual(self.skp.state, "scored")
        self.assertEqual(self.skp.reopen_reason, "Salah input rating")

    def test_wrong_state_is_refused_with_a_clear_error(self):
        with self.assertRaisesRegex(UserError, "not possible now"):
            self.skp.with_user(self.user_supervisor).action_approve()
        with self.assertRaisesRegex(UserError, "not possible now"):
            self.skp.with_user(self.user_officer).action_done()

    def test_each_step_is_logged_and_hands_over_an_activity(self):
        expected = [
            ("submitted", self.user_supervisor, "hr_asn_kinerja.mail_act_skp_approve"),
            ("approved", self.user_staff, "hr_asn_kinerja.mail_act_skp_realize"),
            ("self_assessed", self.user_supervisor, "hr_asn_kinerja.mail_act_skp_score"),
            ("scored", self.user_head, "hr_asn_kinerja.mail_act_skp_finalize"),
        ]
        for state, user, activity_type in expected:
            with self.subTest(state=state):
                messages_before = len(self.skp.message_ids)
                self.walk(self.skp, state)
                self.assertEqual(self.skp.activity_ids.user_id, user)
                self.assertEqual(self.skp.activity_ids.activity_type_id, self.env.ref(activity_type))
                self.assertGreater(len(self.skp.message_ids), messages_before)
        self.walk(self.skp, "done")
        # the employee reads the final result and acknowledges it (docs/rules.md §21)
        self.assertEqual(self.skp.activity_ids.user_id, self.user_staff)
        self.assertEqual(
            self.skp.activity_ids.activity_type_id, self.env.ref("hr_asn_kinerja.mail_act_skp_acknowledge")
        )
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.assertFalse(self.skp.activity_ids)

    def test_returned_plan_asks_the_employee_to_revise(self):
        self.walk(self.skp, "submitted")
        self.skp.with_user(self.user_supervisor).action_return("Lengkapi target")
        self.assertEqual(self.skp.activity_ids.user_id, self.user_staff)
        self.assertEqual(self.skp.activity_ids.activity_type_id, self.env.ref("hr_asn_kinerja.mail_act_skp_revise"))

    def test_closed_period_locks_its_skps(self):
        self.walk(self.skp, "submitted")
        self.period.with_user(self.user_officer).action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            self.skp.with_user(self.user_supervisor).action_approve()
        with self.assertRaisesRegex(UserError, "closed"):
            self.skp.with_user(self.user_staff).employee_feedback = "Catatan"
        self.period.with_user(self.user_officer).action_reopen()
        self.skp.with_user(self.user_supervisor).action_approve()
        self.assertEqual(self.skp.state, "approved")

    def test_plan_approved_before_the_superiors_skp_links_later(self):
        line = self.walk(self.skp, "approved").line_ids
        boss_line = (
            self.env["asn.kinerja.appraisal.line"]
            .with_user(self.user_supervisor)
            .create(
                {"appraisal_id": self.skp_of(self.supervisor).id, "name": "Layanan kepegawaian prima", "target": "90 %"}
            )
        )
        line.with_user(self.user_staff).parent_line_id = boss_line
        self.assertEqual(boss_line.child_line_ids, line)
        self.walk(self.skp, "self_assessed")
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            line.with_user(self.user_staff).parent_line_id = False

    def test_subordinate_links_a_result_to_the_appraisers_result(self):
        boss_skp = self.skp_of(self.supervisor)
        boss_line = (
            self.env["asn.kinerja.appraisal.line"]
            .with_user(self.user_supervisor)
            .create({"appraisal_id": boss_skp.id, "name": "Meningkatnya layanan kepegawaian", "target": "90 %"})
        )
        visible = (
            self.env["asn.kinerja.superior.result"]
            .with_user(self.user_staff)
            .search([("employee_id", "=", self.supervisor.id)])
        )
        self.assertEqual(visible.ids, boss_line.ids, "the subordinate reads the appraiser's results to link to them")
        self.assertEqual(visible.name, "Meningkatnya layanan kepegawaian")
        line = (
            self.env["asn.kinerja.appraisal.line"]
            .with_user(self.user_staff)
            .create(
                {
                    "appraisal_id": self.skp.id,
                    "name": "Laporan layanan",
                    "target": "12 laporan",
                    "parent_result_id": visible.id,
                }
            )
        )
        self.assertEqual(boss_line.child_line_ids, line)
        with self.assertRaises(AccessError):
            boss_line.with_user(self.user_staff).name = "diubah bawahan"
        other = self.env["asn.kinerja.appraisal.line"].create(
            {"appraisal_id": self.skp_of(self.outsider).id, "name": "Lain", "target": "1"}
        )
        with self.assertRaisesRegex(Exception, "appraiser's SKP"):
            line.with_user(self.user_staff).parent_line_id = other


@tagged("post_install", "-at_install")
class TestEditRules(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)

    def test_state_and_predicate_are_never_written_directly(self):
        admin = self.env.ref("base.user_admin")
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager, admin):
            for vals in ({"state": "done"}, {"predicate": "very_good"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaisesRegex(AccessError, "workflow"):
                    self.skp.with_user(user).write(vals)
        self.assertEqual((self.skp.state, self.skp.predicate), ("draft", False))

    def test_a_new_skp_starts_as_a_draft(self):
        other = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31"}
        )
        with self.assertRaises(AccessError):
            self.env["asn.kinerja.appraisal"].with_user(self.user_officer).create(
                {"employee_id": self.staff.id, "period_id": other.id, "state": "done"}
            )

    def test_ratings_only_by_the_appraiser_while_rating(self):
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            self.skp.with_user(self.user_supervisor).result_rating = "above"
        self.walk(self.skp, "self_assessed")
        for user in (self.user_staff, self.user_head, self.user_officer, self.user_manager):
            for field in ("result_rating", "behavior_rating", "appraiser_feedback"):
                with self.subTest(user=user.login, field=field), self.assertRaisesRegex(AccessError, "You may not"):
                    self.skp.with_user(user)[field] = "above" if field.endswith("rating") else "Catatan"
        self.skp.with_user(self.user_supervisor).result_rating = "above"
        self.skp.with_user(self.user_supervisor).behavior_rating = "below"
        self.assertEqual(self.skp.predicate, "poor")

    def test_plan_rows_edited_by_the_employee_only_in_draft(self):
        line = (
            self.env["asn.kinerja.appraisal.line"]
            .with_user(self.user_staff)
            .create({"appraisal_id": self.skp.id, "name": "Laporan", "target": "4 laporan"})
        )
        with self.assertRaises(AccessError):
            line.with_user(self.user_supervisor).target = "8 laporan"
        line.with_user(self.user_staff).target = "6 laporan"
        self.walk(self.skp, "approved")
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            line.with_user(self.user_staff).target = "1 laporan"
        with self.assertRaises(UserError):
            line.with_user(self.user_staff).unlink()
        line.with_user(self.user_staff).realization = "5 laporan"
        self.assertEqual((line.target, line.realization), ("6 laporan", "5 laporan"))
        self.walk(self.skp, "self_assessed")
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            line.with_user(self.user_staff).realization = "12 laporan"
        line.with_user(self.user_supervisor).feedback = "Baik, pertahankan"
        with self.assertRaises(AccessError):
            line.with_user(self.user_officer).feedback = "Catatan HR"

    def test_behaviour_expectation_feedback_and_rating(self):
        value = self.skp.behavior_line_ids[0]
        with self.assertRaises(AccessError):
            value.with_user(self.user_staff).expectation = "Saya ingin"
        value.with_user(self.user_supervisor).expectation = "Responsif terhadap keluhan"
        with self.assertRaises(UserError):
            value.with_user(self.user_officer).unlink()
        self.walk(self.skp, "self_assessed")
        value.with_user(self.user_supervisor).write({"feedback": "Sudah responsif", "rating": "above"})
        self.assertEqual(value.rating, "above")

    def test_done_skp_is_read_only_and_cannot_be_deleted(self):
        line = self.walk(self.skp, "done").line_ids[:1]
        for user, vals in (
            (self.user_staff, {"employee_feedback": "Terima kasih"}),
            (self.user_supervisor, {"appraiser_feedback": "Ubah"}),
            (self.user_officer, {"result_rating": "below"}),
            (self.user_manager, {"appraiser_feedback": "Ubah"}),
        ):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "read-only"):
                self.skp.with_user(user).write(vals)
        with self.assertRaisesRegex(UserError, "read-only"):
            line.with_user(self.user_officer).realization = "0"
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.skp.with_user(user).unlink()
        self.assertTrue(self.skp.exists())

    def test_officer_changes_the_appraiser_with_tracking(self):
        self.skp.with_user(self.user_officer).appraiser_id = self.head
        self.assertEqual(self.skp.appraiser_id, self.head)
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_supervisor).appraiser_id = self.outsider
        with self.assertRaisesRegex(Exception, "own SKP"):
            self.skp.with_user(self.user_officer).appraiser_id = self.staff

    def test_officer_deletes_only_drafts(self):
        draft = self.skp_of(self.staff2)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_staff2).unlink()
        draft.with_user(self.user_officer).unlink()
        self.assertFalse(draft.exists())


@tagged("post_install", "-at_install")
class TestAwaitingMe(KinerjaCase):
    def awaiting(self, user):
        return self.env["asn.kinerja.appraisal"].with_user(user).search([("is_my_turn", "=", True)])

    def test_awaiting_me_follows_whose_turn_it_is(self):
        skp = self.skp_of(self.staff)
        self.assertIn(skp, self.awaiting(self.user_staff))
        self.walk(skp, "submitted")
        self.assertNotIn(skp, self.awaiting(self.user_staff))
        self.assertIn(skp, self.awaiting(self.user_supervisor))
        self.assertTrue(skp.with_user(self.user_supervisor).is_my_turn)
        self.walk(skp, "scored")
        self.assertEqual(self.awaiting(self.user_head) & skp, skp)
        self.assertNotIn(skp, self.awaiting(self.user_supervisor))
        self.walk(skp, "done")
        self.assertNotIn(skp, self.awaiting(self.user_head))


@tagged("post_install", "-at_install")
class TestReasonWizard(KinerjaCase):
    def confirm(self, user, **vals):
        skp = self.skp_of(self.staff)
        values = {"res_model": "asn.kinerja.appraisal", "res_ids": skp.ids, "action": "return", "reason": "Cek"}
        return self.env["asn.kinerja.reason.wizard"].with_user(user).create(values | vals).action_confirm()

    def test_returns_an_skp_with_the_reason(self):
        skp = self.walk(self.skp_of(self.staff), "submitted")
        self.confirm(self.user_supervisor, reason="Lengkapi indikator")
        self.assertEqual((skp.state, skp.return_reason), ("draft", "Lengkapi indikator"))

    def test_only_steps_that_take_a_reason_on_workflow_documents(self):
        self.walk(self.skp_of(self.staff), "scored")
        for vals in ({"action": "done"}, {"res_model": "res.partner"}, {"res_model": "no.such.model"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "does not take a reason"):
                self.confirm(self.user_officer, **vals)
        self.assertEqual(self.skp_of(self.staff).state, "scored")
        with self.assertRaises(AccessError):
            self.confirm(self.user_staff2, action="reopen")
