"""An expired certificate is a need of the AKPK (docs/rules.md §18, §25): the same course again, once."""

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .needs_case import PLAN_YEAR, NeedsCase


@tagged("post_install", "-at_install")
class TestNeedsCertificate(NeedsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Bimtek Uji gives a certificate for a year: passed on 2026-03-04, it ends on 2027-03-04
        cls.course.certificate_validity_months = 12
        session = cls.open_session
        session.attendant_ids = [fields.Command.link(e.id) for e in cls.head | cls.staff]
        session.waiting2inprogress()
        session.inprogress2validation()
        session.course_attendee_ids.result = "passed"
        # a later assessment puts Staf Satu's Penyusunan Laporan back below the standard
        cls.env["asn.training.employee.competency"].search(
            [("employee_id", "=", cls.staff.id), ("competency_id", "=", cls.laporan.id)]
        ).write({"level": 2, "source": "entered", "course_id": False})

    def certificate_lines(self, plan, employee):
        return plan.line_ids.filtered(lambda line: line.employee_id == employee and line.course_id == self.course)

    @freeze_time("2027-05-01")
    def test_an_expired_certificate_is_one_need_for_the_same_course(self):
        plan = self.plan()
        plan.action_generate()
        self.assertEqual(self.needs_of(plan, self.head), {("certificate", False, "Bimtek Uji", "medium")})
        line = self.certificate_lines(plan, self.head)
        self.assertIn("expired on", line.reason)
        self.assertEqual((line.jp_hours, line.cost), (16, 1500000))
        # the staff's competency gap already suggests Bimtek Uji: one need, which gives both reasons
        staff_line = self.certificate_lines(plan, self.staff)
        self.assertEqual(len(staff_line), 1)
        self.assertEqual(staff_line.need_source, "competency")
        self.assertIn("expired on", staff_line.reason)
        # generating again, the unit's plan keeps one need per person and course
        plan.with_user(self.user_supervisor).action_generate()
        self.assertEqual(len(self.certificate_lines(plan, self.head)), 1)
        self.assertEqual(len(self.certificate_lines(plan, self.staff)), 1)
        # set, it asks for one request per person and course
        plan.with_user(self.user_supervisor).action_submit()
        plan.with_user(self.user_officer).action_set()
        requests = self.env["asn.training.request"].search([("course_id", "=", self.course.id)])
        for employee in self.head | self.staff:
            self.assertEqual(len(requests.filtered(lambda request, e=employee: request.employee_id == e)), 1)

    @freeze_time("2026-06-01")
    def test_a_certificate_ending_in_the_plan_s_year_is_a_need_a_later_one_is_not(self):
        plan = self.plan()
        plan.action_generate()
        line = self.certificate_lines(plan, self.head)
        self.assertEqual(line.need_source, "certificate")
        self.assertIn("expires on", line.reason)
        # valid for three years, it ends in 2029: no need in 2027
        self.course.certificate_validity_months = 36
        plan.action_generate()
        self.assertFalse(self.certificate_lines(plan, self.head))
        self.assertFalse(plan.line_ids.filtered(lambda line: line.need_source == "certificate"))
        # nor in 2028
        later = self.Needs.create({"department_id": self.department.id, "year": PLAN_YEAR + 1})
        later.action_generate()
        self.assertFalse(self.certificate_lines(later, self.head))
