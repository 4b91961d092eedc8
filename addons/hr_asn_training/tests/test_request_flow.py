"""Each training request transition by the right role, refused for the wrong one, and what it leaves behind."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CERTIFICATE, TrainingCase

APPROVE = "hr_asn_training.mail_act_training_approve"
VALIDATE = "hr_asn_training.mail_act_training_validate"
ATTEND = "hr_asn_training.mail_act_training_attend"
CLOSE = "hr_asn_training.mail_act_training_close"
REVISE = "hr_asn_training.mail_act_training_revise"


@tagged("post_install", "-at_install")
class TestRequestFlow(TrainingCase):
    def assertRefused(self, request, user, method, *args, exception=UserError):
        """``user`` cannot call ``method``; nothing changes (AccessError is a UserError too)."""
        before = (request.state, request.appraiser_approval_date, request.officer_approval_date)
        with self.assertRaises(exception):
            getattr(request.with_user(user), method)(*args)
        request.invalidate_recordset()
        self.assertEqual((request.state, request.appraiser_approval_date, request.officer_approval_date), before)

    # ------------------------------------------------------------------
    # drafting
    # ------------------------------------------------------------------
    def test_employee_drafts_own_request_from_the_catalogue(self):
        request = self.draft_request()
        self.assertRecordValues(
            request,
            [
                {
                    "employee_id": self.staff.id,
                    "source": "employee",
                    "state": "draft",
                    "jp_hours": 16,
                    "training_type": "bimtek",
                    "method": "classical",
                    "name": "Bimtek Uji",
                    "company_id": self.company.id,
                }
            ],
        )

    def test_session_fills_the_dates_and_must_belong_to_the_course(self):
        request = self.draft_request(course_schedule_id=self.open_session.id)
        self.assertEqual((str(request.date_start), str(request.date_end)), ("2026-03-02", "2026-03-04"))
        other = self.env["hr.course"].create({"name": "Lain", "category_id": self.category.id})
        with self.assertRaisesRegex(ValidationError, "not a session of"):
            request.with_user(self.user_staff).course_id = other

    def test_free_title_without_catalogue(self):
        request = self.draft_request(course_id=False, title="Kursus Statistik", jp_hours=12, training_type="course")
        self.assertEqual((request.name, request.method), ("Kursus Statistik", "classical"))
        request.with_user(self.user_staff).action_submit()
        self.assertEqual(request.state, "submitted")

    def test_supervisor_and_officer_draft_for_others_with_their_source(self):
        by_supervisor = self.draft_request(self.user_supervisor, self.staff)
        by_officer = self.draft_request(self.user_officer, self.staff2)
        self.assertEqual((by_supervisor.source, by_officer.source), ("supervisor", "officer"))

    def test_nobody_drafts_for_an_employee_outside_their_reach(self):
        with self.assertRaisesRegex(AccessError, "only for yourself"):
            self.draft_request(self.user_staff, self.staff2)
        with self.assertRaisesRegex(AccessError, "only for yourself"):
            self.draft_request(self.user_outsider, self.staff)
        with self.assertRaises(AccessError):
            self.draft_request(self.user_staff, source="officer")
        with self.assertRaises(AccessError):
            self.draft_request(self.user_staff, source="appraisal", appraisal_id=self.skp_of(self.staff).id)

    def test_a_new_request_cannot_skip_the_workflow(self):
        for vals in (
            {"state": "approved"},
            {"state": "done"},
            {"officer_approver_id": 2},
            {"certificate": CERTIFICATE},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.draft_request(**vals)

    def test_submit_needs_a_training_and_learning_hours(self):
        request = self.draft_request(course_id=False, title=False, jp_hours=0)
        with self.assertRaisesRegex(UserError, "Choose a course"):
            request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_staff).title = "Webinar"
        with self.assertRaisesRegex(UserError, "learning hours"):
            request.with_user(self.user_staff).action_submit()

    # ------------------------------------------------------------------
    # the two approvals
    # ------------------------------------------------------------------
    def test_full_flow_by_the_right_roles(self):
        request = self.draft_request(course_schedule_id=self.open_session.id)
        self.assertRefused(request, self.user_staff2, "action_submit")
        self.assertTrue(request.with_user(self.user_staff).action_submit())
        self.assertEqual(request.state, "submitted")
        self.assertEqual(self.activity_users(request, APPROVE), self.user_supervisor)

        for user in (self.user_staff, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                self.assertRefused(request, user, "action_approve")
        self.assertRefused(request, self.user_outsider, "action_approve", exception=AccessError)
        with self.assertRaisesRegex(UserError, "appraiser must approve"):
            request.with_user(self.user_officer).action_validate()
        self.assertTrue(request.with_user(self.user_supervisor).action_approve())
        self.assertEqual(request.state, "final_approval")
        self.assertEqual(request.appraiser_approver_id, self.user_supervisor)
        self.assertFalse(self.activity_users(request, APPROVE))
        self.assertEqual(self.activity_users(request, VALIDATE), self.user_officer)

        with self.assertRaisesRegex(UserError, "does not await"):
            request.with_user(self.user_supervisor).action_approve()
        for user in (self.user_staff, self.user_supervisor, self.user_head):
            with self.subTest(user=user.login):
                self.assertRefused(request, user, "action_validate")
        self.assertTrue(request.with_user(self.user_officer).action_validate())
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.officer_approver_id, self.user_officer)
        # the employee joined the session
        self.assertIn(self.staff, self.open_session.attendant_ids)
        self.assertEqual(request.attendee_id.employee_id, self.staff)
        self.assertEqual(request.attendee_id.course_schedule_id, self.open_session)
        self.assertEqual(self.activity_users(request, ATTEND), self.user_staff)

        # certificate by the employee, done by HR
        self.assertRefused(request, self.user_officer, "action_done")
        request.with_user(self.user_staff).write({"certificate": CERTIFICATE, "certificate_filename": "s.pdf"})
        self.assertEqual(self.activity_users(request, CLOSE), self.user_officer)
        for user in (self.user_staff, self.user_supervisor):
            with self.subTest(user=user.login):
                self.assertRefused(request, user, "action_done")
        self.assertTrue(request.with_user(self.user_officer).action_done())
        self.assertEqual(request.state, "done")
        self.assertFalse(request.activity_ids)
        bodies = " ".join(request.message_ids.mapped("body"))
        for text in ("Submitted for approval", "Approved by the appraiser", "Final approval given", "is enrolled"):
            self.assertIn(text, bodies)

    def test_final_approval_activity_without_a_training_officer_set(self):
        self.company.training_officer_id = False
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        user = self.activity_users(request, VALIDATE)
        self.assertEqual(len(user), 1)
        self.assertTrue(user.has_group("hr_asn_kinerja.group_kinerja_officer"))
        self.assertFalse(user.has_group("hr_asn_kinerja.group_kinerja_manager"))  # a working officer, not the admin

    def test_starting_the_session_keeps_one_attendee(self):
        request = self.approved_request(course_schedule_id=self.open_session.id)
        self.open_session.waiting2inprogress()
        attendees = self.open_session.course_attendee_ids.filtered(lambda a: a.employee_id == self.staff)
        self.assertEqual(attendees, request.attendee_id)

    def test_employee_without_appraiser_user_goes_straight_to_hr(self):
        self.head.user_id = False  # the supervisor's appraiser has no user
        request = self.draft_request(self.user_supervisor, self.supervisor)
        request.with_user(self.user_supervisor).action_submit()
        self.assertEqual(request.state, "final_approval")
        request.with_user(self.user_officer).action_validate()
        self.assertEqual(request.state, "approved")

    def test_validate_refuses_a_finished_session(self):
        request = self.draft_request(course_schedule_id=self.open_session.id)
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        self.open_session.cancel_course()
        with self.assertRaisesRegex(UserError, "choose another one"):
            request.with_user(self.user_officer).action_validate()
        self.assertEqual(request.state, "final_approval")
        self.assertNotIn(self.staff, self.open_session.attendant_ids)

    def test_nothing_half_done_on_a_batch_error(self):
        first = self.draft_request()
        second = self.draft_request(course_id=False, title="Tanpa JP", jp_hours=0)
        with self.assertRaises(UserError):
            (first | second).with_user(self.user_staff).action_submit()
        self.assertEqual((first.state, second.state), ("draft", "draft"))

    # ------------------------------------------------------------------
    # rejection, cancellation, reset
    # ------------------------------------------------------------------
    def test_rejection_needs_a_reason_and_the_right_role(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        self.assertRefused(request, self.user_supervisor, "action_reject", "")
        self.assertRefused(request, self.user_staff, "action_reject", "Saya batal")
        self.assertTrue(request.with_user(self.user_supervisor).action_reject("Tidak relevan dengan jabatan"))
        self.assertEqual((request.state, request.reject_reason), ("rejected", "Tidak relevan dengan jabatan"))
        self.assertEqual(self.activity_users(request, REVISE), self.user_staff)
        self.assertIn("Tidak relevan dengan jabatan", request.message_ids[0].body)

    def test_appraiser_cannot_reject_after_approving_but_hr_can(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        self.assertRefused(request, self.user_supervisor, "action_reject", "Berubah pikiran")
        request.with_user(self.user_officer).action_reject("Anggaran habis")
        self.assertEqual(request.state, "rejected")

    def test_reject_wizard(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        action = request.with_user(self.user_supervisor).action_open_reject_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_supervisor)
            .with_context(**action["context"])
            .create({"reason": "Pilih sesi tahun depan"})
        )
        wizard.action_confirm()
        self.assertEqual(request.state, "rejected")

    def test_cancel_by_employee_before_approval_only(self):
        request = self.approved_request()
        self.assertRefused(request, self.user_staff, "action_cancel")
        self.assertRefused(request, self.user_supervisor, "action_cancel")
        request.with_user(self.user_officer).action_cancel("Mutasi")
        self.assertEqual((request.state, request.cancel_reason), ("cancel", "Mutasi"))
        own = self.draft_request()
        own.with_user(self.user_staff).action_submit()
        own.with_user(self.user_staff).action_cancel()
        self.assertEqual(own.state, "cancel")

    def test_cancel_withdraws_from_a_session_not_started(self):
        request = self.approved_request(course_schedule_id=self.open_session.id)
        request.with_user(self.user_officer).action_cancel()
        self.assertNotIn(self.staff, self.open_session.attendant_ids)
        self.assertFalse(self.open_session.course_attendee_ids.filtered(lambda a: a.employee_id == self.staff))

    def test_reset_after_rejection_starts_again(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        request.with_user(self.user_officer).action_reject("Lengkapi alasan")
        self.assertRefused(request, self.user_staff2, "action_reset", exception=AccessError)
        request.with_user(self.user_staff).action_reset()
        self.assertRecordValues(request, [{"state": "draft", "appraiser_approval_date": False}])
        self.assertFalse(request.activity_ids)

    def test_steps_out_of_order_are_refused(self):
        request = self.draft_request()
        for method in ("action_approve", "action_validate", "action_done", "action_reset"):
            with self.subTest(method=method):
                self.assertRefused(request, self.user_officer, method)
        self.assertRefused(request, self.user_supervisor, "action_reject", "Alasan")

    # ------------------------------------------------------------------
    # done and its evidence
    # ------------------------------------------------------------------
    def test_done_needs_a_certificate_by_default(self):
        request = self.approved_request()
        with self.assertRaisesRegex(UserError, "certificate"):
            request.with_user(self.user_officer).action_done()
        self.assertEqual(request.state, "approved")

    def test_setting_relaxes_the_certificate(self):
        self.company.training_require_certificate = False
        request = self.approved_request()
        request.with_user(self.user_officer).action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.date_end, request.date_start)  # no dates given: today

    def test_passed_session_result_replaces_the_certificate(self):
        request = self.approved_request(course_schedule_id=self.open_session.id)
        self.open_session.waiting2inprogress()
        self.open_session.inprogress2validation()
        request.attendee_id.with_user(self.user_officer).result = "failed"
        with self.assertRaisesRegex(UserError, "certificate"):
            request.with_user(self.user_officer).action_done()
        request.attendee_id.with_user(self.user_officer).result = "passed"
        request.with_user(self.user_officer).action_done()
        self.assertEqual(request.state, "done")

    def test_completing_the_session_finishes_the_requests_of_those_who_passed(self):
        passed = self.approved_request(course_schedule_id=self.open_session.id)
        other = self.draft_request(self.user_staff2, course_schedule_id=self.open_session.id)
        other.with_user(self.user_staff2).action_submit()
        other.with_user(self.user_supervisor).action_approve()
        other.with_user(self.user_officer).action_validate()
        self.open_session.waiting2inprogress()
        self.open_session.inprogress2validation()
        passed.attendee_id.with_user(self.user_officer).result = "passed"
        other.attendee_id.with_user(self.user_officer).result = "absent"
        self.open_session.with_user(self.user_officer).validation2complete()
        self.assertEqual((passed.state, other.state), ("done", "approved"))
        self.assertEqual(str(passed.date_end), "2026-03-04")

    # ------------------------------------------------------------------
    # edit guard
    # ------------------------------------------------------------------
    def test_state_and_approvals_cannot_be_written_directly(self):
        request = self.draft_request()
        for vals in ({"state": "approved"}, {"officer_approver_id": self.user_officer.id}, {"source": "officer"}):
            for user in (self.user_staff, self.user_officer, self.user_manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaisesRegex(AccessError, "workflow"),
                ):
                    request.with_user(user).write(vals)
        self.assertEqual((request.state, request.source), ("draft", "employee"))

    def test_closed_requests_are_read_only(self):
        request = self.approved_request()
        request.with_user(self.user_staff).certificate = CERTIFICATE
        request.with_user(self.user_officer).action_done()
        for user in (self.user_staff, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "can no longer be changed"):
                request.with_user(user).write({"jp_hours": 100})
        self.assertEqual(request.jp_hours, 16)
        rejected = self.draft_request()
        rejected.with_user(self.user_staff).action_submit()
        rejected.with_user(self.user_supervisor).action_reject("Tidak")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            rejected.with_user(self.user_staff).reason = "Tolong"

    def test_who_edits_what_while_it_moves(self):
        request = self.draft_request()
        request.with_user(self.user_staff).reason = "Perlu untuk tugas baru"
        request.with_user(self.user_staff).action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.user_staff).jp_hours = 40
        request.with_user(self.user_supervisor).jp_hours = 12  # the appraiser adjusts before approving
        with self.assertRaises(UserError):
            request.with_user(self.user_staff).certificate = CERTIFICATE  # only once approved
        with self.assertRaises(UserError):
            request.with_user(self.user_staff).employee_id = self.staff2
        self.assertEqual((request.jp_hours, request.employee_id), (12, self.staff))

    def test_delete_only_own_drafts(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        with self.assertRaisesRegex(UserError, "Only its author"):
            request.with_user(self.user_staff).unlink()
        draft = self.draft_request()
        draft.with_user(self.user_staff).unlink()
        self.assertFalse(draft.exists())
