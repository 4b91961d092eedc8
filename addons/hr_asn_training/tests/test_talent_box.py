"""The talent box (docs/rules.md §18): generated from the final predikat, set by the Komite Talenta, read by HR and
the committee, and by each employee for their own line once set."""

import xlrd
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from ..models.asn_talent_box_line import BOX_NUMBERS, box_of, performance_status_of
from .talent_case import TalentCase


@tagged("post_install", "-at_install")
class TestTalentBox(TalentCase):
    def test_final_predikat_gives_the_performance_status(self):
        self.assertEqual(performance_status_of("very_good"), "above")
        self.assertEqual(performance_status_of("good"), "as_expected")
        for predicate in ("needs_improvement", "poor", "very_poor"):
            self.assertEqual(performance_status_of(predicate), "below")
        self.assertFalse(performance_status_of(False))

    def test_the_nine_boxes_are_numbered_once_each(self):
        self.assertEqual(sorted(BOX_NUMBERS.values()), list(range(1, 10)))
        self.assertEqual(box_of("above", "high"), 9)
        self.assertEqual(box_of("below", "low"), 1)
        self.assertEqual(box_of("as_expected", "medium"), 5)
        self.assertEqual(box_of("as_expected", "high"), 8)
        self.assertEqual(box_of("above", "medium"), 7)
        self.assertEqual(box_of("below", "high"), 6)
        self.assertEqual(box_of("above", "low"), 4)
        self.assertEqual(box_of("below", "medium"), 3)
        self.assertEqual(box_of("as_expected", "low"), 2)
        self.assertFalse(box_of("above", False))

    def test_generate_takes_the_done_skps_of_the_period(self):
        box = self.finished_box()
        self.assertEqual(box.line_ids.employee_id, self.staff | self.staff2)
        staff_line, staff2_line = self.line_of(box, self.staff), self.line_of(box, self.staff2)
        self.assertEqual(staff_line.performance_status, "above")
        self.assertEqual(staff2_line.performance_status, "below")
        self.assertEqual((staff_line.department_id, staff_line.asn_type), (self.department, "pns"))
        self.assertEqual(staff_line.asn_position_type, "pelaksana")
        self.assertFalse(staff_line.box)
        self.assertEqual(staff_line.box_cell, "pending")

        # potential entered by the committee gives the box; a new generation keeps it
        staff_line.with_user(self.user_committee).write({"potential": "medium", "potential_source": "siasn"})
        self.assertEqual((staff_line.box, staff_line.box_cell), (7, "7"))
        self.finish_skp(self.supervisor, "good")
        box.with_user(self.user_officer).action_generate()
        self.assertEqual(len(box.line_ids), 3)
        self.assertEqual((staff_line.potential, staff_line.box), ("medium", 7))
        self.assertEqual(self.line_of(box, self.supervisor).performance_status, "as_expected")

    def test_a_reopened_skp_leaves_the_box_on_the_next_generation(self):
        box = self.finished_box()
        self.skp_of(self.staff2).with_user(self.user_officer).action_reopen("Koreksi nilai")
        box.with_user(self.user_officer).action_generate()
        self.assertEqual(box.line_ids.employee_id, self.staff)

    def test_excluded_needs_the_sanction_and_leaves_the_grid(self):
        line = self.line_of(self.finished_box(), self.staff2)
        with self.assertRaises(ValidationError):
            line.with_user(self.user_officer).write({"excluded": True})
        line.with_user(self.user_officer).write(
            {"excluded": True, "exclusion_reason": "Hukuman disiplin sedang, 2026", "potential": "high"}
        )
        self.assertEqual((line.box, line.box_cell), (0, "excluded"))

    def test_committee_reviews_and_sets_with_the_minutes(self):
        box = self.finished_box()
        committee = box.with_user(self.user_committee)
        committee.minutes = "<p>Rapat Komite Talenta 1 Desember 2026</p>"
        self.set_box(box)
        self.assertEqual(box.state, "set")
        self.assertEqual((box.reviewed_by_id, box.set_by_id), (self.user_committee, self.user_committee))
        self.assertTrue(box.reviewed_date and box.set_date)
        self.assertTrue(any("Talent box set" in message.body for message in box.message_ids))
        # a set box is frozen
        with self.assertRaises(UserError):
            committee.line_ids[:1].potential = "low"
        with self.assertRaises(UserError):
            committee.minutes = "<p>Ubah</p>"
        # HR brings it back to draft with a reason; the committee cannot once set
        with self.assertRaises(AccessError):
            committee.action_reset("Salah data")
        box.with_user(self.user_officer).action_reset("Data potensial keliru")
        self.assertEqual((box.state, box.set_by_id.id), ("draft", False))

    def test_setting_needs_every_potential(self):
        box = self.finished_box()
        box.with_user(self.user_committee).action_review()
        with self.assertRaises(UserError):
            box.with_user(self.user_committee).action_set()

    def test_roles_on_the_box(self):
        box = self.finished_box()
        # HR generates and reviews but does not set: the committee sets
        for user in (self.user_staff, self.user_supervisor, self.user_head):
            with self.assertRaises(AccessError, msg=user.name):
                box.with_user(user).read(["state"])
            with self.assertRaises(AccessError, msg=user.name):
                self.Box.with_user(user).create({"period_id": self.period.id})
        with self.assertRaises(AccessError):
            self.Box.with_user(self.user_committee).create({"period_id": self.period.id})
        with self.assertRaises(UserError):
            box.with_user(self.user_committee).action_generate()
        box.with_user(self.user_officer).action_review()
        with self.assertRaises(AccessError):
            box.with_user(self.user_officer).action_set()
        # lines come from Generate only
        with self.assertRaises(UserError):
            self.Line.with_user(self.user_officer).create({"box_id": box.id, "employee_id": self.head.id})
        with self.assertRaises(UserError):
            box.line_ids[:1].with_user(self.user_officer).unlink()

    def test_employee_reads_own_line_once_set_and_nothing_else(self):
        box = self.finished_box()
        own, other = self.line_of(box, self.staff), self.line_of(box, self.staff2)
        as_staff = self.Line.with_user(self.user_staff)
        self.assertFalse(as_staff.search([]))
        with self.assertRaises(AccessError):
            own.with_user(self.user_staff).read(["box"])
        self.set_box(box)
        self.assertEqual(as_staff.search([]), own)
        self.assertEqual(own.with_user(self.user_staff).read(["box"])[0]["box"], 9)
        with self.assertRaises(AccessError):
            other.with_user(self.user_staff).read(["box"])
        with self.assertRaises(AccessError):
            own.with_user(self.user_staff).write({"note": "Saya"})
        with self.assertRaises(AccessError):
            box.with_user(self.user_staff).read(["state"])
        # the appraiser reads no line of their appraisees
        self.assertFalse(self.Line.with_user(self.user_supervisor).search([]))
        # HR and the committee read all of them
        self.assertEqual(self.Line.with_user(self.user_officer).search([("box_id", "=", box.id)]), own | other)
        self.assertEqual(self.Line.with_user(self.user_committee).search([("box_id", "=", box.id)]), own | other)

    def test_committee_of_another_company_sees_nothing(self):
        box = self.finished_box()
        other = self.env["res.company"].create({"name": "Kabupaten Lain"})
        self.user_committee.write({"company_ids": [(4, other.id)], "company_id": other.id})
        self.user_committee.company_ids = other
        self.assertFalse(self.Box.with_user(self.user_committee).search([("id", "=", box.id)]))

    def test_one_box_per_period_and_agency(self):
        self.Box.with_user(self.user_officer).create({"period_id": self.period.id})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.Box.with_user(self.user_officer).create({"period_id": self.period.id})

    def test_the_set_box_exports_to_excel(self):
        box = self.finished_box()
        report = self.env.ref("hr_asn_training.action_report_talent_box_xlsx")
        Report = self.env["ir.actions.report"].with_user(self.user_committee).with_context(active_model=box._name)
        with self.assertRaises(UserError):
            Report._render_xlsx(report, box.ids, None)
        self.set_box(box)
        content, _kind = Report._render_xlsx(report, box.ids, None)
        sheet = xlrd.open_workbook(file_contents=content).sheets()[0]
        rows = [sheet.row_values(row) for row in range(sheet.nrows)]
        self.assertEqual(rows[4][:3], ["No", "NIP", "Nama"])
        self.assertEqual([row[2] for row in rows[5:]], ["Staf Satu", "Staf Dua"])
        self.assertEqual([row[12] for row in rows[5:]], [9, 6])
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_staff)._render_xlsx(report, box.ids, None)


@tagged("post_install", "-at_install")
class TestTalentBoxOverRpc(TalentCase, HttpCase):
    """As the web client sends it: the committee sets the box, the employee reads their own line and page."""

    def rpc(self, user, model, method, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def test_committee_sets_the_box_and_the_employee_reads_their_own(self):
        box = self.finished_box()
        values = {"potential": "medium", "potential_source": "assessment", "potential_date": "2026-11-01"}
        self.rpc(self.user_committee, "asn.talent.box.line", "write", box.line_ids.ids, values)
        self.rpc(self.user_committee, "asn.talent.box", "action_review", box.ids)
        self.rpc(self.user_committee, "asn.talent.box", "action_set", box.ids)
        box.invalidate_recordset()
        self.assertEqual((box.state, box.set_by_id), ("set", self.user_committee))

        lines = self.rpc(self.user_staff, "asn.talent.box.line", "search_read", [], ["employee_id", "box"])
        self.assertEqual([(line["employee_id"][0], line["box"]) for line in lines], [(self.staff.id, 7)])
        with self.assertRaises(JsonRpcException):
            self.rpc(self.user_staff, "asn.talent.box", "read", box.ids, ["state"])
        pages = self.rpc(self.user_staff, "asn.training.development", "search_read", [], ["employee_id", "talent_box"])
        self.assertEqual([(page["employee_id"][0], page["talent_box"]) for page in pages], [(self.staff.id, 7)])
        # the appraiser reads neither the line nor the page of their appraisee
        self.assertFalse(self.rpc(self.user_supervisor, "asn.talent.box.line", "search_read", [], ["box"]))
        pages = self.rpc(self.user_supervisor, "asn.training.development", "search_read", [], ["employee_id"])
        self.assertEqual([page["employee_id"][0] for page in pages], [self.supervisor.id])
