"""A step's activity belongs to the one whose step it is: the employee neither edits, finishes nor cancels her
appraiser's "Score the SKP" (Odoo would let whoever may write on the SKP)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestStepActivities(KinerjaCase):
    def test_the_employee_does_not_touch_her_appraiser_s_activity(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        score = skp.activity_ids.filtered(lambda a: a.user_id == self.user_supervisor)
        self.assertEqual(score.activity_type_id, self.env.ref("hr_asn_kinerja.mail_act_skp_score"))
        mine = score.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            mine.write({"note": "Sudah dinilai", "date_deadline": "2027-12-31"})
        with self.assertRaises(AccessError):
            mine.action_feedback(feedback="Selesai")
        with self.assertRaises(AccessError):
            mine.unlink()
        self.assertTrue(score.exists())
        self.assertEqual(score.user_id, self.user_supervisor)
        # its assignee still can
        score.with_user(self.user_supervisor).write({"note": "Dinilai Jumat"})
