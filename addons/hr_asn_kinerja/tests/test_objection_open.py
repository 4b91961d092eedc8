"""An objection is never stranded (PP 30/2019, docs/rules.md §13): the time to object counts from the day the
employee received the result, a period does not close while an objection may still come or waits for its
decision, and HR hands a pending objection to another decider when the one named has left or moved."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import run_jobs
from .objection_case import ObjectionCase

DAY = datetime.timedelta(days=1)


@tagged("post_install", "-at_install")
class TestTimeToObject(ObjectionCase):
    def setUp(self):
        super().setUp()
        self.skp2 = self.skp_of(self.staff2)

    def finalise_without_user(self, skp, predicate="needs_improvement"):
        """Staf Dua has no user when the result is set: the result reaches her only by its e-mail."""
        self.walk_to_predicate(skp, predicate, to_state="scored")
        self.staff2.sudo().write({"user_id": False, "work_email": "staf.dua@example.com"})
        skp.with_user(self.user_officer).action_done()

    def test_the_result_is_received_with_its_activity(self):
        self.assertEqual(self.skp.result_received_date, self.skp.date_done)
        self.assertEqual(self.skp.objection_deadline, self.skp.result_received_date + 14 * DAY)

    def test_the_time_to_object_counts_from_the_e_mail_that_brought_the_result(self):
        with freeze_time("2026-07-01"):
            self.finalise_without_user(self.skp2)
        self.assertFalse(self.skp2.result_received_date, "nothing reached her yet")
        # the result e-mail goes out three days later (the scheduled action was held up)
        with freeze_time("2026-07-04"):
            run_jobs(self.env["asn.kinerja.appraisal"]._cron_send_results)
        self.assertEqual(str(self.skp2.result_received_date), "2026-07-04")
        self.assertEqual(str(self.skp2.objection_deadline), "2026-07-18")
        # she gets her user and objects 15 days after the finalisation, 14 after receiving the result
        self.staff2.sudo().user_id = self.user_staff2
        for day, can in (("2026-07-19", False), ("2026-07-16", True)):
            with freeze_time(day):
                self.skp2.invalidate_recordset(["can_object"])
                self.assertEqual(self.skp2.with_user(self.user_staff2).can_object, can, day)
        with freeze_time("2026-07-16"):
            objection = self.file(self.user_staff2, self.skp2)
        self.assertEqual(objection.state, "submitted")

    def test_a_reopened_result_is_received_again(self):
        with freeze_time("2026-07-01"):
            self.finalise_without_user(self.skp2)
            run_jobs(self.env["asn.kinerja.appraisal"]._cron_send_results)
        with freeze_time("2026-07-10"):
            self.skp2.with_user(self.user_officer).action_reopen("Salah input rating")
            self.assertFalse(self.skp2.result_received_date)
            self.skp2.with_user(self.user_officer).action_done()
        with freeze_time("2026-07-11"):
            run_jobs(self.env["asn.kinerja.appraisal"]._cron_send_results)
        self.assertEqual(str(self.skp2.result_received_date), "2026-07-11")


@tagged("post_install", "-at_install")
class TestPeriodClosing(ObjectionCase):
    def close(self):
        return self.period.with_user(self.user_officer).action_close()

    def test_no_closing_while_the_time_to_object_runs(self):
        deadline = self.skp.objection_deadline
        with freeze_time(deadline), self.assertRaises(UserError) as caught:
            self.close()
        message = str(caught.exception)
        self.assertIn("Tahun 2026 cannot close yet", message)
        self.assertIn("still within the time to object: Staf Satu (until", message)
        self.assertEqual(self.period.state, "open")
        with freeze_time(deadline + DAY):
            self.close()
        self.assertEqual(self.period.state, "closed")

    def test_no_closing_while_an_objection_waits_for_its_decision(self):
        objection = self.file()
        with freeze_time(self.skp.objection_deadline + 30 * DAY):
            with self.assertRaisesRegex(UserError, "objections still to decide: Staf Satu"):
                self.close()
            self.hear(objection)
            objection.with_user(self.user_head).action_reject("Keterlambatan tetap tercatat.")
            self.close()
        self.assertEqual(self.period.state, "closed")

    def test_the_message_names_each_one_in_indonesian(self):
        self.load_indonesian()
        objection_skp = self.walk_to_predicate(self.skp_of(self.staff2), "poor")
        self.file(self.user_staff2, objection_skp)
        with self.assertRaises(UserError) as caught:
            self.period.with_user(self.user_officer).with_context(lang="id_ID").action_close()
        message = str(caught.exception)
        self.assertIn("belum dapat ditutup", message)
        self.assertIn("keberatan yang belum diputus: Staf Dua", message)
        self.assertIn("masih dalam batas waktu keberatan: Staf Satu (sampai", message)
        self.assertIn("Staf Dua", message)
        self.assertIn("Staf Satu", message)


@tagged("post_install", "-at_install")
class TestAnotherDecider(ObjectionCase):
    """Kepala Dinas, who decides Staf Satu's objection, moves to another post before deciding; Pegawai Lain
    becomes the appraiser's superior."""

    WIZARD = "asn.kinerja.objection.decider.wizard"

    def setUp(self):
        super().setUp()
        self.objection = self.file()
        self.hear(self.objection)

    def move_the_decider(self):
        self.supervisor.sudo().appraiser_id = self.outsider

    def reassign(self, decider, reason="SK Bupati 821/45/2026: Kepala Dinas pindah ke Dinas Kesehatan", user=None):
        wizard = (
            self.env[self.WIZARD]
            .with_user(user or self.user_officer)
            .with_context(default_objection_id=self.objection.id)
            .create({"decider_id": decider.id if decider else False, "reason": reason})
        )
        return wizard.action_confirm()

    def test_hr_hands_the_objection_to_the_new_superior_who_decides_it(self):
        self.move_the_decider()
        wizard = self.env[self.WIZARD].with_user(self.user_officer).with_context(default_objection_id=self.objection.id)
        proposed = wizard.default_get(["objection_id", "decider_id"])["decider_id"]
        self.assertEqual(proposed, self.outsider.id, "proposed: the appraiser's superior now")
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_outsider).read(["predicate"])
        self.reassign(self.outsider)
        self.assertEqual(self.objection.superior_id, self.outsider)
        # the new decider reads the SKP objected to, and changes it only by the decision
        self.assertEqual(
            self.skp.with_user(self.user_outsider).read(["predicate"])[0]["predicate"], "needs_improvement"
        )
        with self.assertRaisesRegex(UserError, "read-only"):
            self.skp.with_user(self.user_outsider).write({"appraiser_feedback": "Diubah"})
        self.assertEqual(
            self.activities(self.objection, "hr_asn_kinerja.mail_act_objection_decide").user_id, self.user_outsider
        )
        for record in (self.objection, self.skp):
            log = record.message_ids[0].body
            self.assertIn("now decided by Pegawai Lain instead of Kepala Dinas", log)
            self.assertIn("is no longer the appraiser's superior", log)
            self.assertIn("SK Bupati 821/45/2026", log)
        # the one who left cannot decide any more; the new decider can
        with self.assertRaises(AccessError):
            self.objection.with_user(self.user_head).action_reject("Tetap")
        self.objection.with_user(self.user_outsider).write({"result_rating": "as_expected"})
        self.objection.with_user(self.user_outsider).write({"behavior_rating": "as_expected"})
        self.objection.with_user(self.user_outsider).action_accept()
        self.assertEqual((self.objection.state, self.skp.predicate), ("accepted", "good"))

    def test_a_decider_who_left_hands_it_to_hr(self):
        self.user_head.sudo().active = False
        # as over RPC: an id, here none (Pengelola Kinerja decides)
        self.objection.with_user(self.user_officer).action_reassign_decider(False, "Kepala Dinas pensiun 1 Desember")
        self.assertFalse(self.objection.superior_id)
        self.assertIn("Kepala Dinas has left", self.objection.message_ids[0].body)
        self.objection.with_user(self.user_officer).action_reject("Keterlambatan tetap tercatat.")
        self.assertEqual(self.objection.state, "rejected")

    def test_only_when_the_decider_left_or_moved_with_a_reason_by_hr(self):
        with self.assertRaisesRegex(UserError, "Kepala Dinas still decides"):
            self.reassign(self.outsider)
        self.move_the_decider()
        with self.assertRaisesRegex(UserError, "Say why"):
            self.reassign(self.outsider, reason=" ")
        for person in (self.staff, self.supervisor):
            with self.subTest(person=person.name), self.assertRaisesRegex(UserError, "cannot decide"):
                self.reassign(person)
        for user in (self.user_staff, self.user_supervisor, self.user_head, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.objection.with_user(user).action_reassign_decider(self.outsider.id, "Pindah")
        self.assertEqual(self.objection.superior_id, self.head)

    def test_not_once_decided(self):
        self.objection.with_user(self.user_head).action_reject("Keterlambatan tetap tercatat.")
        self.move_the_decider()
        with self.assertRaisesRegex(UserError, "decided already"):
            self.reassign(self.outsider)
