"""Plans that live (docs/rules.md §26): additional work results added while the SKP is approved (logged, flagged
as new for the appraiser), and a draft SKP that starts from the plan of the employee's previous SKP."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KinerjaCase

LINE = "asn.kinerja.appraisal.line"


@tagged("post_install", "-at_install")
class TestAdditionalResultsLater(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.walk(self.skp_of(self.staff), "approved")

    def add(self, user, **vals):
        return (
            self.env[LINE]
            .with_user(user)
            .create({"appraisal_id": self.skp.id, "kind": "additional", "name": "Panitia HUT Kabupaten", **vals})
        )

    def test_the_employee_adds_an_additional_result_while_approved(self):
        row = self.add(self.user_staff, target="1 kegiatan")
        self.assertTrue(row.is_added_later)
        self.assertEqual((row.kind, row.target, self.skp.state), ("additional", "1 kegiatan", "approved"))
        log = self.skp.message_ids[0]
        self.assertIn("after the plan was approved", log.body)
        self.assertIn("Panitia HUT Kabupaten", log.body)
        # the rows of the agreed plan are not new
        self.assertFalse(self.skp.main_line_ids.filtered("is_added_later"))
        # the realisation of the new row is entered like the others
        row.with_user(self.user_staff).realization = "1 kegiatan"
        self.assertEqual(row.realization, "1 kegiatan")

    def test_through_the_form(self):
        self.skp.with_user(self.user_staff).write(
            {"additional_line_ids": [Command.create({"kind": "additional", "name": "Tim Satgas", "target": "1 SK"})]}
        )
        row = self.skp.additional_line_ids
        self.assertEqual((row.name, row.is_added_later), ("Tim Satgas", True))

    def test_nobody_else_and_no_main_result(self):
        with self.assertRaises(UserError):
            self.add(self.user_supervisor)  # the appraiser does not write the employee's plan
        with self.assertRaises(UserError):  # an AccessError too
            self.add(self.user_staff2)  # a colleague
        with self.assertRaises(UserError):
            self.add(self.user_staff, kind="main")  # the main results stay as agreed
        with self.assertRaises(UserError):
            self.add(self.user_staff, feedback="Bagus")  # the appraiser's words are not the employee's
        self.assertFalse(self.skp.additional_line_ids)

    def test_not_after_the_realisation_and_taken_back_while_approved(self):
        row = self.add(self.user_staff)
        row.with_user(self.user_staff).unlink()
        self.assertFalse(row.exists())
        self.walk(self.skp, "self_assessed")
        with self.assertRaises(UserError):
            self.add(self.user_staff)

    def test_the_flag_is_set_here_only(self):
        draft = self.skp_of(self.staff2)
        row = (
            self.env[LINE]
            .with_user(self.user_staff2)
            .create({"appraisal_id": draft.id, "kind": "additional", "name": "Lain", "is_added_later": True})
        )
        self.assertFalse(row.is_added_later)


@tagged("post_install", "-at_install")
class TestPlanCopy(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.last_year = self.walk(self.skp_of(self.staff), "done")
        self.last_year.line_ids.sudo().feedback = "Pertahankan."
        self.next_period = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31", "period_type": "annual"}
        )
        self.next_period.with_user(self.user_officer).action_open()
        self.skp = self.skp_of(self.staff, self.next_period)

    def test_copies_the_plan_not_the_results(self):
        self.assertEqual(self.skp.with_user(self.user_staff).copyable_plan_appraisal_id, self.last_year)
        params = self.skp.with_user(self.user_staff).action_copy_previous_plan()["params"]
        self.assertEqual(params["copied_count"], 1)
        row = self.skp.line_ids.filtered(lambda line: line.name == "Laporan kegiatan")
        self.assertEqual(
            (row.target, row.realization, row.feedback, row.is_added_later), ("12 laporan", False, False, False)
        )
        self.assertFalse(self.skp.result_rating)
        self.assertEqual(self.skp.state, "draft")
        self.assertIn("copied from", self.skp.message_ids[0].body)
        # a second copy adds nothing twice
        again = self.skp.with_user(self.user_staff).action_copy_previous_plan()["params"]
        self.assertEqual(again["copied_count"], 0)
        self.assertEqual(len(self.skp.line_ids.filtered(lambda line: line.name == "Laporan kegiatan")), 1)

    def test_only_a_draft_by_its_employee_or_hr(self):
        with self.assertRaises(UserError):
            self.skp.with_user(self.user_supervisor).action_copy_previous_plan()
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_staff2).action_copy_previous_plan()
        self.skp.with_user(self.user_officer).action_copy_previous_plan()
        self.walk(self.skp, "submitted")
        with self.assertRaisesRegex(UserError, "draft"):
            self.skp.with_user(self.user_staff).action_copy_previous_plan()

    def test_nothing_to_copy(self):
        with self.assertRaisesRegex(UserError, "no earlier SKP"):
            self.skp_of(self.staff2, self.next_period).with_user(self.user_staff2).action_copy_previous_plan()
