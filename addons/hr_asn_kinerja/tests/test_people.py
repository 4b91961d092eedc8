"""Who appraises whom (docs/rules.md §3): open SKPs follow HR's changes, finished ones keep their signers."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestPeopleFollowChanges(KinerjaCase):
    def activity_user(self, skp):
        return skp.activity_ids.user_id

    def test_new_appraiser_takes_over_open_skps_and_their_waiting_step(self):
        skp = self.walk(self.skp_of(self.staff), "submitted")
        self.assertEqual(self.activity_user(skp), self.user_supervisor)
        self.staff.with_user(self.user_officer).appraiser_id = self.outsider
        self.assertEqual((skp.appraiser_id, skp.appraiser_superior_id), (self.outsider, self.outsider.appraiser_id))
        self.assertEqual(self.activity_user(skp), self.user_outsider, "the approval waits for the new appraiser")
        self.assertIn("Pegawai Lain", skp.message_ids[0].body)
        skp.with_user(self.user_outsider).action_approve()
        with self.assertRaises(AccessError):
            self.walk(skp, "self_assessed").with_user(self.user_supervisor).action_score()

    def test_finished_skps_keep_the_people_who_signed_them(self):
        done = self.walk(self.skp_of(self.staff), "done")
        self.staff.with_user(self.user_officer).appraiser_id = self.outsider
        self.assertEqual((done.appraiser_id, done.appraiser_superior_id), (self.supervisor, self.head))

    def test_a_new_manager_moves_the_open_skps_too(self):
        skp = self.skp_of(self.staff2)
        self.staff2.with_user(self.user_officer).parent_id = self.head
        self.assertEqual(self.staff2.appraiser_id, self.head)
        self.assertEqual((skp.appraiser_id, skp.appraiser_superior_id.id), (self.head, False))

    def test_the_superior_follows_the_appraisers_own_appraiser(self):
        skp = self.walk(self.skp_of(self.staff), "scored")
        self.assertEqual(self.activity_user(skp), self.user_head)
        self.supervisor.with_user(self.user_officer).appraiser_id = self.outsider
        self.assertEqual((skp.appraiser_id, skp.appraiser_superior_id), (self.supervisor, self.outsider))
        self.assertEqual(self.activity_user(skp), self.user_outsider, "the final result now waits for the new superior")
        with self.assertRaises(AccessError):
            skp.with_user(self.user_head).action_done()
        skp.with_user(self.user_outsider).action_done()

    def test_the_superior_is_never_the_appraiser_nor_the_employee(self):
        # the supervisor's appraiser becomes staff: staff's own SKP must not name staff as superior
        self.supervisor.with_user(self.user_officer).appraiser_id = self.staff
        skp = self.skp_of(self.staff)
        self.assertEqual(skp.appraiser_id, self.supervisor)
        self.assertFalse(skp.appraiser_superior_id)
        with self.assertRaises(ValidationError):
            skp.sudo().appraiser_superior_id = self.supervisor

    def test_hr_naming_the_superior_as_appraiser_recomputes_the_superior(self):
        skp = self.skp_of(self.staff)
        self.assertEqual(skp.appraiser_superior_id, self.head)
        skp.with_user(self.user_officer).appraiser_id = self.head
        self.assertEqual(skp.appraiser_id, self.head)
        self.assertNotEqual(skp.appraiser_superior_id, self.head)

    def test_at_the_top_of_the_chain_hr_finalises(self):
        skp = self.skp_of(self.supervisor)  # appraised by the head, who has no appraiser
        self.assertEqual(skp.appraiser_id, self.head)
        self.assertFalse(skp.appraiser_superior_id)
        self.walk(skp, "scored")
        self.assertEqual(self.activity_user(skp), self.env["res.users"], "nobody above: HR finalises")
        skp.with_user(self.user_officer).action_done()
        self.assertEqual(skp.state, "done")

    def test_links_to_the_former_appraisers_results_are_dropped(self):
        boss_line = self.env["asn.kinerja.appraisal.line"].create(
            {"appraisal_id": self.skp_of(self.supervisor).id, "name": "Layanan prima", "target": "90 %"}
        )
        line = self.env["asn.kinerja.appraisal.line"].create(
            {"appraisal_id": self.skp_of(self.staff).id, "name": "Laporan", "parent_line_id": boss_line.id}
        )
        self.staff.with_user(self.user_officer).appraiser_id = self.outsider
        self.assertFalse(line.parent_line_id)


@tagged("post_install", "-at_install")
class TestChangeAppraiserWizard(KinerjaCase):
    def wizard(self, user, **vals):
        return (
            self.env["asn.kinerja.appraiser.wizard"]
            .with_user(user)
            .with_context(active_model="hr.employee", active_ids=(self.staff | self.staff2).ids)
            .create({"appraiser_id": self.head.id, **vals})
        )

    def test_hr_moves_many_employees_with_a_reason(self):
        skps = self.skp_of(self.staff) | self.skp_of(self.staff2)
        self.wizard(self.user_officer, reason="Perbup 7/2026: penataan organisasi").action_confirm()
        self.assertEqual(skps.appraiser_id, self.head)
        self.assertEqual((self.staff | self.staff2).appraiser_id, self.head)
        for skp in skps:
            self.assertIn("Perbup 7/2026", skp.message_ids[0].body)

    def test_only_hr_and_never_onto_oneself(self):
        with self.assertRaises(AccessError):
            self.wizard(self.user_supervisor, reason="Saya saja").action_confirm()
        with self.assertRaisesRegex(UserError, "own appraiser"):
            self.wizard(self.user_officer, reason="Salah", appraiser_id=self.staff.id).action_confirm()
        self.assertEqual(self.staff.appraiser_id, self.supervisor)

    def test_the_form_opens_on_the_selected_employees(self):
        context = {"active_model": "hr.employee", "active_ids": (self.staff | self.staff2).ids}
        with Form(
            self.env["asn.kinerja.appraiser.wizard"].with_user(self.user_officer).with_context(**context)
        ) as form:
            self.assertEqual(len(form.employee_ids), 2)
            form.appraiser_id = self.head
            form.reason = "Mutasi"
        self.assertEqual(form.record.employee_ids, self.staff | self.staff2)
