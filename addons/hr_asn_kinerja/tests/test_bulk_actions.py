"""Bulk steps of the appraiser (docs/rules.md §26): approve or score the selected SKPs from a list; each SKP is
still checked by the engine, as its caller, and the summary says how many were done and which were refused why."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestBulkActions(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp_staff = self.skp_of(self.staff)
        self.skp_staff2 = self.skp_of(self.staff2)
        self.skp_supervisor = self.skp_of(self.supervisor)

    def params(self, result):
        self.assertEqual(result["tag"], "display_notification")
        return result["params"]

    def test_bulk_approve_approves_each_plan_of_the_appraiser(self):
        for skp in (self.skp_staff, self.skp_staff2):
            self.walk(skp, "submitted")
        skps = (self.skp_staff | self.skp_staff2).with_user(self.user_supervisor)
        params = self.params(skps.action_bulk_approve())
        self.assertEqual(params["type"], "success")
        self.assertIn("2 of 2", params["message"])
        self.assertEqual(set(params["done_ids"]), set(skps.ids))
        self.assertEqual(set((self.skp_staff | self.skp_staff2).mapped("state")), {"approved"})

    def test_bulk_approve_refuses_per_record_and_says_why(self):
        self.walk(self.skp_staff, "submitted")
        self.walk(self.skp_supervisor, "submitted")  # the supervisor's own plan: the head approves it
        # staff2's plan is still a draft
        skps = (self.skp_staff | self.skp_staff2 | self.skp_supervisor).with_user(self.user_supervisor)
        params = self.params(skps.action_bulk_approve())
        self.assertEqual(params["type"], "warning")
        self.assertTrue(params["sticky"])
        self.assertIn("1 of 3", params["message"])
        self.assertEqual(params["done_ids"], self.skp_staff.ids)
        self.assertEqual(set(params["refused_ids"]), {self.skp_staff2.id, self.skp_supervisor.id})
        self.assertIn("Staf Dua", params["message"])
        self.assertIn("not possible now", params["message"])
        self.assertIn("not allowed", params["message"])
        self.assertEqual(self.skp_staff.state, "approved")
        self.assertEqual(self.skp_staff2.state, "draft")
        self.assertEqual(self.skp_supervisor.state, "submitted")

    def test_employee_cannot_bulk_approve(self):
        self.walk(self.skp_staff, "submitted")
        self.walk(self.skp_staff2, "submitted")
        action = self.env.ref("hr_asn_kinerja.action_server_bulk_approve")
        with self.assertRaises(AccessError):
            action.with_user(self.user_staff).with_context(
                active_model="asn.kinerja.appraisal", active_ids=self.skp_staff.ids
            ).run()
        # over RPC the method itself refuses each SKP: her own (not her step) and her colleague's (unreadable)
        params = self.params((self.skp_staff | self.skp_staff2).with_user(self.user_staff).action_bulk_approve())
        self.assertIn("0 of 2", params["message"])
        self.assertIn(f"SKP #{self.skp_staff2.id}", params["message"])
        self.assertNotIn("Staf Dua", params["message"])  # who may not read an SKP learns nothing of it
        self.assertEqual(set((self.skp_staff | self.skp_staff2).mapped("state")), {"submitted"})

    def test_another_appraiser_is_refused_per_record(self):
        self.walk(self.skp_staff, "submitted")
        params = self.params(self.skp_staff.with_user(self.user_outsider).action_bulk_approve())
        self.assertEqual(params["refused_ids"], self.skp_staff.ids)
        self.assertEqual(self.skp_staff.state, "submitted")

    def test_bulk_score_gives_both_ratings_to_each(self):
        for skp in (self.skp_staff, self.skp_staff2):
            self.walk(skp, "self_assessed")
        action = (self.skp_staff | self.skp_staff2).with_user(self.user_supervisor).action_open_bulk_score_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_supervisor)
            .with_context(**action["context"])
            .create({"result_rating": "above", "behavior_rating": "above"})
        )
        self.assertEqual(wizard.appraisal_count, 2)
        params = self.params(wizard.action_confirm())
        self.assertIn("2 of 2", params["message"])
        for skp in (self.skp_staff, self.skp_staff2):
            self.assertEqual((skp.state, skp.predicate), ("scored", "very_good"))

    def test_bulk_low_score_needs_each_reason(self):
        for skp in (self.skp_staff, self.skp_staff2):
            self.walk(skp, "self_assessed")
        self.skp_staff.with_user(self.user_supervisor).appraiser_feedback = "Laporan sering terlambat; ikut bimtek."
        skps = (self.skp_staff | self.skp_staff2).with_user(self.user_supervisor)
        params = self.params(skps.action_bulk_score("below", "as_expected"))
        self.assertEqual(params["done_ids"], self.skp_staff.ids)
        self.assertEqual(params["refused_ids"], self.skp_staff2.ids)
        self.assertIn("Appraiser's Notes and Recommendations", params["message"])
        self.assertEqual(self.skp_staff.state, "scored")
        # the refused SKP is left as it was: no rating half-written
        self.assertEqual((self.skp_staff2.state, self.skp_staff2.result_rating), ("self_assessed", False))

    def test_bulk_score_of_another_appraisers_skp_is_refused(self):
        self.walk(self.skp_staff, "self_assessed")
        params = self.params(self.skp_staff.with_user(self.user_head).action_bulk_score("as_expected", "as_expected"))
        self.assertEqual(params["refused_ids"], self.skp_staff.ids)
        self.assertEqual((self.skp_staff.state, self.skp_staff.result_rating), ("self_assessed", False))

    def test_bulk_score_wants_real_ratings(self):
        with self.assertRaises(UserError):
            self.skp_staff.with_user(self.user_supervisor).action_bulk_score("excellent", "above")
