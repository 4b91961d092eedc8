"""Who acts next, in the reader's words; the returned status; the confirmation of a step; the texts
each step leaves, in the language of those who read them (docs/rules.md §20)."""

from types import SimpleNamespace
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import KinerjaCase

REASON = "Target terlalu rendah"


@tagged("post_install", "-at_install")
class TestNextStep(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)

    def line_for(self, user):
        return self.skp.with_user(user).next_step

    def deadline(self):
        return self.skp.activity_ids.date_deadline

    def test_each_reader_sees_whose_turn_it_is(self):
        self.walk(self.skp, "submitted")
        date = format_date(self.env, self.deadline())
        self.assertEqual(self.line_for(self.user_supervisor), f"Waiting for your approval, by {date}")
        self.assertTrue(self.skp.with_user(self.user_supervisor).is_my_turn)
        self.assertEqual(self.line_for(self.user_staff), f"Waiting for Kepala Bidang to approve the plan, by {date}")
        self.assertFalse(self.skp.with_user(self.user_staff).is_my_turn)

        self.walk(self.skp, "self_assessed")
        self.assertIn("Waiting for you to score", self.line_for(self.user_supervisor))
        self.walk(self.skp, "scored")
        self.assertIn("Waiting for Kepala Dinas to set the final result", self.line_for(self.user_staff))
        self.walk(self.skp, "done")
        date = format_date(self.env, self.skp.objection_deadline)
        self.assertEqual(
            self.line_for(self.user_staff),
            f"Your turn: read your result, then say that you have read it or file an objection, by {date}",
        )
        self.assertEqual(
            self.line_for(self.user_officer), f"Finished: waiting for Staf Satu to read the result, by {date}"
        )
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.assertEqual(self.line_for(self.user_staff), "Finished: the final result is set.")

    def test_without_a_superior_hr_sets_the_final_result(self):
        skp = self.walk(self.skp_of(self.supervisor), "scored")  # appraised by the head, who has no appraiser
        self.assertFalse(skp.appraiser_superior_id)
        self.assertEqual(
            skp.with_user(self.user_officer).next_step,
            "Waiting for Pengelola Kinerja (BKPSDM) to set the final result",
        )

    def test_the_reader_reads_own_language(self):
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        self.walk(self.skp, "submitted")
        line = self.skp.with_user(self.user_staff).with_context(lang="id_ID").next_step
        self.assertTrue(line.startswith("Menunggu Kepala Bidang menyetujui rencana"), line)

    def test_returned_until_handed_in_again(self):
        self.walk(self.skp, "submitted")
        self.skp.with_user(self.user_supervisor).action_return(REASON)
        self.assertEqual((self.skp.state, self.skp.status, self.skp.return_reason), ("draft", "returned", REASON))
        self.assertIn("Your turn", self.line_for(self.user_staff))
        self.skp.with_user(self.user_staff).action_submit()
        self.assertEqual((self.skp.status, self.skp.return_reason), ("submitted", False))
        # a realisation sent back is returned too
        self.walk(self.skp, "self_assessed")
        self.skp.with_user(self.user_supervisor).action_return("Bukti dukung belum lengkap")
        self.assertEqual((self.skp.state, self.skp.status), ("approved", "returned"))

    def test_a_button_gets_a_confirmation_code_gets_true(self):
        self.walk(self.skp, "submitted")
        self.assertIs(self.skp.with_user(self.user_supervisor).action_approve(), True)
        self.walk(self.skp, "self_assessed")
        path = "odoo.addons.hr_asn_kinerja.models.asn_workflow_mixin.request"
        button = SimpleNamespace(httprequest=SimpleNamespace(path="/web/dataset/call_button/asn.kinerja.appraisal/x"))
        with patch(path, new=button):
            self.skp.with_user(self.user_supervisor).write({"result_rating": "above", "behavior_rating": "above"})
            result = self.skp.with_user(self.user_supervisor).action_score()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(result["params"]["title"], "Scored")  # the notification adds its full stop
        self.assertIn("Waiting for Kepala Dinas to set the final result", result["params"]["message"])
        self.assertEqual(result["params"]["next"], {"type": "ir.actions.act_window_close"})


@tagged("post_install", "-at_install")
class TestRecipientLanguage(KinerjaCase):
    """A step taken by an English-speaking user on the SKP of an Indonesian-speaking employee."""

    def setUp(self):
        super().setUp()
        self.load_indonesian()
        (self.user_staff | self.user_head).write({"lang": "id_ID"})
        self.skp = self.skp_of(self.staff)

    def test_chatter_in_the_employees_language_activity_in_the_assignees(self):
        self.walk(self.skp, "submitted")
        self.skp.with_user(self.user_supervisor).action_return(REASON)
        body = str(self.skp.message_ids[0].body)
        self.assertIn("Diajukan → Draf", body)
        self.assertIn("Dikembalikan kepada pegawai.", body)
        self.assertIn("Alasan:", body)
        # the activity of the employee (id_ID) has an Indonesian title
        activity = self.skp.activity_ids
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(activity.summary, "Lengkapi rencana SKP dan ajukan")
        # the appraiser (English) gets an English one
        self.walk(self.skp, "submitted")
        self.assertEqual(self.skp.activity_ids.summary, "Approve the SKP plan")

    def test_every_activity_type_has_a_title(self):
        types = self.env["mail.activity.type"].search([("res_model", "like", "asn.%")])
        self.assertTrue(types)
        self.assertFalse(types.filtered(lambda t: not t.summary), "activity types without a default title")
        for activity_type in types.with_context(lang="id_ID"):
            with self.subTest(activity_type=activity_type.name):
                english = activity_type.with_context(lang="en_US").summary
                self.assertNotEqual(activity_type.summary, english, "untranslated title")
