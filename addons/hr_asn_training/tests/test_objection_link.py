"""An accepted objection changes the predikat (docs/rules.md §13): the link to coaching and training follows the
new one, as after a reopening (§7, §20.7)."""

from odoo.tests import tagged

from .common import RATINGS_FOR, TrainingCase

COACHING = "hr_asn_training.mail_act_training_coaching"


@tagged("post_install", "-at_install")
class TestObjectionTrainingLink(TrainingCase):
    def decide(self, skp, predicate):
        """Staf Satu objects; Kepala Dinas hears both and accepts with the ratings giving ``predicate``."""
        objection = (
            self.env["asn.kinerja.objection"]
            .with_user(self.user_staff)
            .create({"appraisal_id": skp.id, "reason": "Bukti dukung belum dinilai."})
        )
        result, behavior = RATINGS_FOR[predicate]
        objection.with_user(self.user_head).write(
            {
                "appraiser_explanation": "Bukti dukung baru diterima setelah penilaian.",
                "employee_explanation": "Bukti dukung diunggah terlambat karena gangguan aplikasi.",
                "result_rating": result,
                "behavior_rating": behavior,
            }
        )
        objection.with_user(self.user_head).action_accept()
        self.assertEqual(skp.predicate, predicate)
        return objection

    def link_requests(self, skp):
        return self.Request.search([("appraisal_id", "=", skp.id), ("source", "=", "appraisal")])

    def test_no_longer_low_cancels_the_draft_request_and_the_coaching(self):
        skp = self.finish_skp(self.staff, "needs_improvement")
        request = self.link_requests(skp)
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.activity_users(skp, COACHING), self.user_supervisor)
        self.decide(skp, "good")
        self.assertRecordValues(request, [{"state": "cancel", "link_cancelled": True}])
        self.assertFalse(self.activity_users(skp, COACHING))

    def test_a_request_already_under_way_stays(self):
        skp = self.finish_skp(self.staff, "poor")
        request = self.link_requests(skp)
        request.with_user(self.user_staff).action_submit()
        self.decide(skp, "very_good")
        self.assertEqual(request.state, "submitted")

    def test_now_low_links_a_request_and_the_coaching(self):
        skp = self.finish_skp(self.staff, "good")
        self.assertFalse(self.link_requests(skp))
        self.decide(skp, "needs_improvement")
        self.assertEqual(self.link_requests(skp).state, "draft")
        self.assertEqual(self.activity_users(skp, COACHING), self.user_supervisor)
