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

    def test_screens_load_per_role(self):
        request = self.approved_request(course_schedule_id=self.open_session.id)
        coaching = (
            self.env["asn.training.coaching"].with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        )
        skp = self.finish_skp(self.staff, "poor")
        for user in (self.user_staff, self.user_supervisor, self.user_officer):
            with self.subTest(user=user.login):
                Form(request.with_user(user))
                Form(coaching.with_user(user))
                Form(skp.with_user(user))
                Form(self.open_session.with_user(user))
                Form(self.course.with_user(user))
                for view_type in ("list", "kanban", "search"):
                    self.Request.with_user(user).get_views([(False, view_type)])
        Form(self.env["asn.training.jp.report"].with_user(self.user_officer).search([], limit=1))
        for view_type in ("list", "pivot", "graph"):
            self.env["asn.training.jp.report"].with_user(self.user_officer).get_views([(False, view_type)])
        Form(self.env["res.config.settings"])
        Form(self.staff.with_user(self.user_officer))

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
