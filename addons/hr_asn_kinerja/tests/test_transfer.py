"""Transfers and promotions in the year (docs/rules.md §17): one SKP per post, the annual result over the parts."""

from datetime import date, timedelta
from xmlrpc.client import Fault

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..tools.predicate import weighted_rating
from .common import KinerjaCase


class TransferCase(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_units("Bidang Uji")
        cls.new_job = cls.env["hr.job"].create({"name": "Analis Kebijakan"})
        cls.env["asn.kinerja.indicator"].create(
            {"name": "Rekomendasi kebijakan disusun", "job_ids": [(4, cls.new_job.id)], "default_target": 4}
        )

    def transfer(self, employee=None, on="2026-07-01", appraiser=None, user=None, job=None, unit=None):
        wizard = (
            self.env["asn.kinerja.transfer.wizard"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "employee_id": (employee or self.staff).id,
                    "date": on,
                    "department_id": (unit or self.other_unit).id,
                    "job_id": (job or self.new_job).id,
                    "appraiser_id": (appraiser or self.outsider).id,
                    "reason": "SK Bupati 800/12/2026",
                }
            )
        )
        wizard.action_apply()
        return wizard

    def parts(self, employee=None):
        return self.skp_of(employee or self.staff).sorted("date_start")


@tagged("post_install", "-at_install")
class TestTransfer(TransferCase):
    def test_new_skps_cover_the_period(self):
        skp = self.skp_of(self.staff)
        self.assertEqual((skp.date_start, skp.date_end), (date(2026, 1, 1), date(2026, 12, 31)))
        self.assertTrue(skp.is_last_part)
        self.assertFalse(skp.previous_appraisal_id)

    def test_transfer_in_draft(self):
        self.assertTransferInState("draft")

    def test_transfer_in_submitted(self):
        self.assertTransferInState("submitted")

    def test_transfer_in_approved(self):
        self.assertTransferInState("approved")

    def test_transfer_in_self_assessed(self):
        self.assertTransferInState("self_assessed")

    def test_transfer_in_scored(self):
        self.assertTransferInState("scored")

    def assertTransferInState(self, state):
        employee = self.staff
        old = self.skp_of(employee)
        if state != "draft":
            self.walk(old, state)
        evidence = old.line_ids
        self.transfer(employee)
        old_part, new_part = self.parts(employee)
        self.assertEqual(old_part, old)
        self.assertEqual(old_part.state, state)
        self.assertEqual((old_part.date_start, old_part.date_end), (date(2026, 1, 1), date(2026, 6, 30)))
        self.assertEqual(old_part.appraiser_id, self.supervisor, "the old part stays with its appraiser")
        self.assertEqual(old_part.line_ids, evidence, "the plan and its evidence stay")
        self.assertFalse(old_part.is_last_part)
        self.assertEqual(new_part.previous_appraisal_id, old_part)
        self.assertEqual((new_part.date_start, new_part.date_end), (date(2026, 7, 1), date(2026, 12, 31)))
        self.assertEqual(new_part.state, "draft")
        self.assertEqual(new_part.appraiser_id, self.outsider)
        self.assertEqual((new_part.department_id, new_part.job_id), (self.other_unit, self.new_job))
        self.assertEqual(new_part.line_ids.mapped("name"), ["Rekomendasi kebijakan disusun"])
        self.assertEqual((employee.department_id, employee.job_id), (self.other_unit, self.new_job))
        self.assertEqual(employee.appraiser_id, self.outsider)
        for record in (old_part, new_part, employee):
            self.assertTrue(record.message_ids.filtered(lambda m: "SK Bupati 800/12/2026" in str(m.body)), record)

    def test_old_part_continues_its_own_workflow_with_its_appraiser(self):
        old = self.walk(self.skp_of(self.staff), "self_assessed")
        self.transfer()
        old.with_user(self.user_supervisor).write({"result_rating": "above", "behavior_rating": "above"})
        old.with_user(self.user_supervisor).action_score()
        self.assertEqual((old.state, old.predicate), ("scored", "very_good"))
        new = self.parts()[1]
        with self.assertRaises(AccessError):
            new.with_user(self.user_supervisor).read(["state"])

    def test_first_day_moves_the_skp(self):
        skp = self.skp_of(self.staff)
        self.transfer(on="2026-01-01")
        self.assertEqual(self.skp_of(self.staff), skp, "no second SKP: the SKP moves to the new post")
        self.assertEqual(
            (skp.department_id, skp.job_id, skp.appraiser_id), (self.other_unit, self.new_job, self.outsider)
        )
        self.assertEqual((skp.date_start, skp.date_end), (date(2026, 1, 1), date(2026, 12, 31)))

    def test_last_day_leaves_a_one_day_part(self):
        self.transfer(on="2026-12-31")
        old, new = self.parts()
        self.assertEqual(old.date_end, date(2026, 12, 30))
        self.assertEqual((new.date_start, new.date_end), (date(2026, 12, 31), date(2026, 12, 31)))
        self.assertEqual(new.part_months, 0.0)

    def test_two_transfers_in_one_year(self):
        self.transfer(on="2026-04-01")
        self.transfer(on="2026-10-01", unit=self.sub_unit, appraiser=self.head)
        first, second, third = self.parts()
        self.assertEqual(
            [(p.date_start, p.date_end) for p in (first, second, third)],
            [
                (date(2026, 1, 1), date(2026, 3, 31)),
                (date(2026, 4, 1), date(2026, 9, 30)),
                (date(2026, 10, 1), date(2026, 12, 31)),
            ],
        )
        self.assertEqual((second.previous_appraisal_id, third.previous_appraisal_id), (first, second))
        self.assertEqual([p.appraiser_id for p in (first, second, third)], [self.supervisor, self.outsider, self.head])
        self.assertEqual([p.is_last_part for p in (first, second, third)], [False, False, True])
        self.assertEqual(third.part_count, 3)

    def test_quarter_covering_the_date_is_split_too(self):
        self.walk(self.skp_of(self.staff), "approved")
        quarter = self.sub_period("Triwulan III 2026", "quarter", "2026-07-01", "2026-09-30")
        quarter.action_open()
        self.transfer(on="2026-08-16")
        old, new = self.skp_of(self.staff, quarter).sorted("date_start")
        self.assertEqual((old.date_end, new.date_start), (date(2026, 8, 15), date(2026, 8, 16)))
        self.assertEqual((old.appraiser_id, new.appraiser_id), (self.supervisor, self.outsider))
        self.assertEqual(new.line_ids.mapped("name"), ["Rekomendasi kebijakan disusun"])
        # a quarter opened later takes the plan of the current post only once it is agreed
        quarter4 = self.sub_period("Triwulan IV 2026", "quarter", "2026-10-01", "2026-12-31")
        quarter4.action_open()
        q4 = self.skp_of(self.staff, quarter4)
        self.assertEqual((q4.state, q4.appraiser_id, q4.job_id), ("draft", self.outsider, self.new_job))
        self.assertEqual(q4.line_ids.mapped("name"), ["Rekomendasi kebijakan disusun"])

    def test_a_finished_part_is_not_split(self):
        self.walk(self.skp_of(self.staff), "done")
        with self.assertRaisesRegex(UserError, "reopen it first"):
            self.transfer()
        self.assertEqual(len(self.skp_of(self.staff)), 1)

    def test_overlapping_or_gapped_parts_are_refused(self):
        skp = self.skp_of(self.staff)
        Appraisal = self.env["asn.kinerja.appraisal"]
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Appraisal.create({"employee_id": self.staff.id, "period_id": self.period.id, "date_start": "2026-06-01"})
        self.transfer()
        new = self.parts()[1]
        with self.assertRaisesRegex(ValidationError, "day after"), self.cr.savepoint():
            new.sudo().write({"date_start": "2026-07-05"})
        with self.assertRaisesRegex(ValidationError, "overlap"), self.cr.savepoint():
            skp.sudo().write({"date_end": "2026-07-10"})

    def test_the_new_appraiser_becomes_the_manager(self):
        """Odoo's Manager follows the transfer: the new appraiser (the head of the new unit by default), from
        whom the appraiser follows again as it always does; logged on the employee (docs/rules.md §3, §17)."""
        self.other_unit.manager_id = self.outsider
        # HR had chosen another appraiser in the old post: the new post follows its manager again
        self.staff.with_user(self.user_officer).write({"appraiser_id": self.head.id})
        self.assertTrue(self.staff.appraiser_is_override)
        wizard = (
            self.env["asn.kinerja.transfer.wizard"]
            .with_user(self.user_officer)
            .new({"employee_id": self.staff.id, "department_id": self.other_unit.id})
        )
        wizard._onchange_department_id()
        self.assertEqual(wizard.appraiser_id, self.outsider, "the head of the new unit is proposed")
        self.transfer()
        self.assertRecordValues(
            self.staff,
            [{"parent_id": self.outsider.id, "appraiser_id": self.outsider.id, "appraiser_is_override": False}],
        )
        self.assertEqual(self.parts()[1].appraiser_id, self.outsider)
        log = self.staff.message_ids.filtered(lambda m: "Transfer / promotion from" in str(m.body))
        self.assertEqual(len(log), 1)
        self.assertIn(f"manager {self.supervisor.name}", str(log.body))
        self.assertIn(f"appraiser and manager {self.outsider.name}", str(log.body))

    def test_another_appraiser_than_the_unit_head_becomes_the_manager(self):
        """HR names the direct superior in the new unit, not its head: they become the manager too."""
        self.sub_unit.manager_id = self.supervisor
        self.staff2.department_id = self.other_unit
        self.transfer(appraiser=self.staff2)
        self.assertRecordValues(
            self.staff, [{"parent_id": self.staff2.id, "appraiser_id": self.staff2.id, "appraiser_is_override": False}]
        )

    def test_a_plt_of_the_old_post_no_longer_appraises_after_the_transfer(self):
        """Staf Satu was appraised by the Plt of Kepala Bidang's post: after the transfer the new appraiser is,
        at once, not the Plt of the post left (docs/rules.md §17, §24)."""
        unit = self.env["hr.department"].create({"name": "Bidang Plt", "manager_id": self.supervisor.id})
        today = fields.Date.context_today(self.staff)
        acting = (
            self.env["asn.kinerja.acting"]
            .with_user(self.user_officer)
            .create(
                {
                    "employee_id": self.outsider.id,
                    "kind": "plt",
                    "department_id": unit.id,
                    "date_from": today - timedelta(days=10),
                    "date_to": today + timedelta(days=20),
                    "decree": "800/7/BKPSDM/2026",
                }
            )
        )
        self.assertEqual(self.staff.appraiser_id, self.outsider)
        self.transfer(appraiser=self.head)
        self.assertNotIn(self.staff, acting.appraisee_ids)
        self.assertRecordValues(self.staff, [{"parent_id": self.head.id, "appraiser_id": self.head.id}])
        self.assertEqual(self.parts()[1].appraiser_id, self.head)

    def test_only_hr_applies_a_transfer(self):
        for user in (self.user_staff, self.user_supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.transfer(user=user)
        self.assertEqual(len(self.skp_of(self.staff)), 1)


@tagged("post_install", "-at_install")
class TestAnnualResultOverParts(TransferCase):
    def test_weighted_rating_rule(self):
        self.assertEqual(weighted_rating([(6, "above"), (6, "as_expected")]), "above")
        self.assertEqual(weighted_rating([(4, "above"), (8, "as_expected")]), "as_expected")
        self.assertEqual(weighted_rating([(9, "below"), (3, "as_expected")]), "below")
        self.assertEqual(weighted_rating([(6, "below"), (6, "as_expected")]), "as_expected")
        self.assertFalse(weighted_rating([(6, "below"), (6, False)]))

    def test_last_appraiser_sees_the_parts_and_the_proposal_is_explained(self):
        old = self.walk(self.skp_of(self.staff), "self_assessed")
        self.transfer(on="2026-04-01")
        old.with_user(self.user_supervisor).write({"result_rating": "below", "behavior_rating": "below"})
        old.with_user(self.user_supervisor).write({"appraiser_feedback": "Target triwulan tidak tercapai."})
        old.with_user(self.user_supervisor).action_score()
        new = self.parts()[1]
        new.with_user(self.user_staff).action_submit()
        new.with_user(self.user_outsider).action_approve()
        new.line_ids.with_user(self.user_staff).write({"realization": "4 rekomendasi"})
        new.with_user(self.user_staff).action_submit_realization()
        as_new = new.with_user(self.user_outsider)
        self.assertEqual(as_new.part_count, 2)
        self.assertIn(self.supervisor.name, as_new.parts_html)
        as_new.write({"result_rating": "above", "behavior_rating": "above"})
        with self.assertRaisesRegex(ValidationError, "Rate the part"):
            as_new.action_score()
        as_new.write({"part_result_rating": "above", "part_behavior_rating": "as_expected"})
        # results: 3 months below, 9 above: (3*1 + 9*3) / 12 = 2.5 -> above; behaviour (3*1 + 9*2) / 12 = 1.75
        self.assertEqual(
            (as_new.proposed_result_rating, as_new.proposed_behavior_rating, as_new.proposed_predicate),
            ("above", "as_expected", "good"),
        )
        with self.assertRaisesRegex(ValidationError, "differ from the proposal"):
            as_new.action_score()
        as_new.action_use_proposal()
        self.assertEqual((new.result_rating, new.behavior_rating), ("above", "as_expected"))
        as_new.action_score()
        self.assertEqual((new.state, new.predicate), ("scored", "good"))
        message = new.message_ids.filtered(lambda m: "over 2 parts" in str(m.body))
        self.assertEqual(len(message), 1)
        self.assertIn("follows the proposal", str(message.body))
        self.assertIn(self.supervisor.name, str(message.body))

    def score_both_parts(self, on="2026-04-01"):
        """A year of two parts: the old part scored by its appraiser, the new one by the new appraiser."""
        old = self.walk(self.skp_of(self.staff), "self_assessed")
        self.transfer(on=on)
        old.with_user(self.user_supervisor).write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        old.with_user(self.user_supervisor).action_score()
        new = self.parts()[1]
        new.with_user(self.user_staff).action_submit()
        new.with_user(self.user_outsider).action_approve()
        new.line_ids.with_user(self.user_staff).write({"realization": "4 rekomendasi"})
        new.with_user(self.user_staff).action_submit_realization()
        new.with_user(self.user_outsider).write(
            {
                "part_result_rating": "as_expected",
                "part_behavior_rating": "as_expected",
                "result_rating": "as_expected",
                "behavior_rating": "as_expected",
            }
        )
        new.with_user(self.user_outsider).action_score()
        return old, new

    def test_dokumen_lists_the_parts(self):
        old, new = self.score_both_parts()
        report = self.env.ref("hr_asn_kinerja.action_report_evaluation_document")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report, new.ids)
        html = html.decode()
        self.assertIn("BAGIAN PERIODE (MUTASI / PROMOSI)", html)
        self.assertIn(self.supervisor.name, html)
        self.assertIn("2026-03-31", html)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report, old.ids)
        self.assertNotIn("BAGIAN PERIODE", html.decode(), "an earlier part prints itself only")

    def test_kurva_counts_a_person_in_the_unit_of_the_last_part(self):
        old, new = self.score_both_parts()
        (old | new).with_user(self.user_officer).action_done()
        old_unit = self.rate_unit("good")
        new_unit = self.rate_unit("good", department=self.other_unit)
        Appraisal = self.env["asn.kinerja.appraisal"]
        self.assertNotIn(old, Appraisal.search(old_unit._appraisal_domain()))
        self.assertIn(new, Appraisal.search(new_unit._appraisal_domain()))
        rows = self.env["asn.kinerja.distribution.report"].search([("employee_id", "=", self.staff.id)])
        self.assertEqual(rows.unit_rating_id, new_unit)

    def test_monitoring_counts_a_person_once_with_the_current_post(self):
        self.transfer()
        rows = self.env["asn.kinerja.monitoring.report"].search(
            [("employee_id", "=", self.staff.id), ("period_id", "=", self.period.id)]
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual((rows.department_id, rows.appraiser_id), (self.other_unit, self.outsider))

    def test_export_sends_the_last_part_and_lists_the_earlier_one(self):
        old = self.walk(self.skp_of(self.staff), "self_assessed")
        self.transfer(on="2026-10-01")
        old.with_user(self.user_supervisor).write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        old.with_user(self.user_supervisor).action_score()
        export = self.env["asn.kinerja.siasn.export"].with_user(self.user_officer).create({"period_id": self.period.id})
        export.action_export()
        parts = export.line_ids.filtered(lambda line: line.employee_id == self.staff)
        self.assertEqual(len(parts), 2, "the earlier part and the unfinished last part")
        self.assertTrue(parts.filtered(lambda line: "Earlier post (2026-01-01 - 2026-09-30)" in line.reason))


@tagged("post_install", "-at_install")
class TestTransferRpc(TransferCase, HttpCase):
    def rpc(self, user, model, method, *args):
        return self.xmlrpc_object.execute_kw(self.env.cr.dbname, user.id, user.login, model, method, list(args))

    def test_transfer_over_rpc_hr_only(self):
        vals = {
            "employee_id": self.staff.id,
            "date": "2026-07-01",
            "department_id": self.other_unit.id,
            "job_id": self.new_job.id,
            "appraiser_id": self.outsider.id,
            "reason": "SK Bupati",
        }
        for user in (self.user_staff, self.user_supervisor):
            with self.subTest(user=user.login), self.assertRaisesRegex(Fault, "AccessError|not allowed|access"):
                self.rpc(user, "asn.kinerja.transfer.wizard", "create", vals)
        wizard_id = self.rpc(self.user_officer, "asn.kinerja.transfer.wizard", "create", vals)
        with self.assertRaises(Fault):
            self.rpc(self.user_supervisor, "asn.kinerja.transfer.wizard", "action_apply", [wizard_id])
        self.rpc(self.user_officer, "asn.kinerja.transfer.wizard", "action_apply", [wizard_id])
        self.assertEqual(len(self.skp_of(self.staff)), 2)
