"""The screens each role opens load, and a request entered through the form view behaves as in the UI."""

from lxml import etree

from odoo.tests import Form, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestViews(TrainingCase):
    def test_employee_enters_a_request_in_the_form(self):
        with Form(self.Request.with_user(self.user_staff)) as form:
            self.assertEqual(form.employee_id, self.staff)
            form.course_id = self.course
            self.assertEqual(form.jp_hours, 16)
            form.course_schedule_id = self.open_session
            self.assertEqual(str(form.date_end), "2026-03-04")
            form.reason = "Perlu untuk tugas"
        request = form.record
        self.assertEqual((request.source, request.state, request.employee_id), ("employee", "draft", self.staff))

    def test_appraiser_enters_a_request_for_an_appraisee(self):
        with Form(self.Request.with_user(self.user_supervisor)) as form:
            form.employee_id = self.staff2
            form.title = "Kursus Excel"
            form.jp_hours = 10
            form.training_type = "course"
        self.assertEqual((form.record.source, form.record.method), ("supervisor", "classical"))

    def test_screens_show_each_role_the_records_and_columns(self):
        """Each role opens the request, the coaching, the SKP, the session and the course and sees their values;
        the request lists show who, what, how many JP and the state; HR's JP report has its measures."""
        request = self.approved_request(course_schedule_id=self.open_session.id)
        coaching = (
            self.env["asn.training.coaching"].with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        )
        skp = self.finish_skp(self.staff, "poor")
        for user in (self.user_staff, self.user_supervisor, self.user_officer):
            with self.subTest(user=user.login):
                shown = Form(request.with_user(user))
                self.assertEqual((shown.employee_id, shown.state, shown.jp_hours), (self.staff, "approved", 16))
                self.assertEqual(Form(coaching.with_user(user)).employee_id, self.staff)
                self.assertEqual(Form(skp.with_user(user)).predicate, "poor")
                self.assertEqual(Form(self.open_session.with_user(user)).course_id, self.course)
                self.assertEqual(Form(self.course.with_user(user)).name, self.course.name)
                views = self.Request.with_user(user).get_views(
                    [(False, "form"), (False, "list"), (False, "kanban"), (False, "search")]
                )
                form = etree.fromstring(views["views"]["form"]["arch"])
                for button, label in (("action_submit", "Submit"), ("action_approve", "Approve")):
                    self.assertEqual(form.xpath(f"//header/button[@name='{button}']/@string"), [label])
                for name in ("employee_id", "course_id", "jp_hours", "state"):
                    self.assertTrue(form.xpath(f"//field[@name='{name}']"), name)
                columns = etree.fromstring(views["views"]["list"]["arch"]).xpath("//field/@name")
                for column in ("employee_id", "name", "jp_hours", "state"):
                    self.assertIn(column, columns)
                card = etree.fromstring(views["views"]["kanban"]["arch"])
                self.assertTrue(card.xpath("//field[@name='employee_id']") and card.xpath("//field[@name='state']"))
                self.assertTrue(etree.fromstring(views["views"]["search"]["arch"]).xpath("//filter"))
        report = self.env["asn.training.jp.report"].with_user(self.user_officer)
        self.assertTrue(report.search([("employee_id", "=", self.staff.id)]))
        pivot = report.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        self.assertTrue(etree.fromstring(pivot).xpath("//field[@type='measure']"))
        self.assertEqual(etree.fromstring(pivot).xpath("//field[@type='measure']/@name"), ["jp_done", "jp_gap"])
        self.assertEqual(Form(self.staff.with_user(self.user_officer)).name, self.staff.name)

    def test_follow_up_of_a_finished_skp_is_labelled(self):
        """A phone folds smart buttons behind an icon: the training and coaching links of an SKP are
        labelled buttons under its result, and its rows are cards on small screens."""
        arch = etree.fromstring(self.env["asn.kinerja.appraisal"].get_views([(False, "form")])["views"]["form"]["arch"])
        box = arch.xpath("//div[@name='button_box']")[0]
        follow_up = arch.xpath("//div[@name='follow_up']")[0]
        for action, label in (
            ("action_view_training_requests", "Training Requests"),
            ("action_new_coaching", "Coaching"),
        ):
            with self.subTest(action=action):
                self.assertFalse(box.xpath(f".//button[@name='{action}']"))
                self.assertEqual(follow_up.xpath(f".//button[@name='{action}']/@string"), [label])
        for name in ("main_line_ids", "additional_line_ids", "behavior_line_ids", "training_request_ids"):
            with self.subTest(rows=name):
                field = arch.xpath(f"//field[@name='{name}']")[0]
                self.assertEqual(field.get("mode"), "list,kanban")
                self.assertTrue(field.xpath("./kanban") and field.xpath("./list"))
