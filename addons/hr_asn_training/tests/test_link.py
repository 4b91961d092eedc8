"""Low predikat -> coaching and training: one request per SKP, kept in step across reopenings."""

from odoo.tests import tagged

from .common import RATINGS_FOR, TrainingCase

COACHING = "hr_asn_training.mail_act_training_coaching"


@tagged("post_install", "-at_install")
class TestLowPredikatLink(TrainingCase):
    def link_requests(self, skp):
        return self.Request.search([("appraisal_id", "=", skp.id), ("source", "=", "appraisal")])

    def assertLinked(self, skp):
        requests = self.link_requests(skp)
        self.assertEqual(len(requests), 1)
        self.assertRecordValues(
            requests,
            [
                {
                    "employee_id": skp.employee_id.id,
                    "source": "appraisal",
                    "state": "draft",
                    "course_id": self.env.ref("hr_asn_training.course_coaching").id,
                    "company_id": skp.company_id.id,
                }
            ],
        )
        self.assertEqual(self.activity_users(skp, COACHING), self.user_supervisor)
        return requests

    def assertNotLinked(self, skp):
        self.assertFalse(self.link_requests(skp))
        self.assertFalse(self.activity_users(skp, COACHING))

    # one test per predikat: the default trigger set is needs_improvement, poor, very_poor
    def test_needs_improvement_triggers(self):
        self.assertLinked(self.finish_skp(self.staff, "needs_improvement"))

    def test_poor_triggers(self):
        self.assertLinked(self.finish_skp(self.staff, "poor"))

    def test_very_poor_triggers(self):
        request = self.assertLinked(self.finish_skp(self.staff, "very_poor"))
        self.assertIn("Very Poor", request.reason)
        self.assertEqual(request.jp_hours, self.env.ref("hr_asn_training.course_coaching").jp_hours)

    def test_good_does_not_trigger(self):
        self.assertNotLinked(self.finish_skp(self.staff, "good"))

    def test_very_good_does_not_trigger(self):
        self.assertNotLinked(self.finish_skp(self.staff, "very_good"))

    def test_scored_but_not_done_does_not_trigger(self):
        skp = self.walk(self.skp_of(self.staff), "scored", result_rating="below", behavior_rating="below")
        self.assertNotLinked(skp)

    def test_trigger_set_is_a_company_setting(self):
        self.company.training_trigger_predicates = "very_poor"
        self.assertNotLinked(self.finish_skp(self.staff, "needs_improvement"))
        self.assertLinked(self.finish_skp(self.staff2, "very_poor"))

    def test_settings_show_and_store_the_trigger_set(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            [
                settings[f"training_trigger_{key}"]
                for key in ("very_good", "good", "needs_improvement", "poor", "very_poor")
            ],
            [False, False, True, True, True],
        )
        settings.write({"training_trigger_good": True, "training_trigger_poor": False, "training_jp_target": 24})
        settings.execute()
        self.assertEqual(self.company._training_trigger_set(), {"good", "needs_improvement", "very_poor"})
        self.assertEqual(self.company.training_jp_target, 24)
        self.assertLinked(self.finish_skp(self.staff, "good"))

    def test_without_automatic_requests_only_the_coaching_activity(self):
        self.company.training_auto_request = False
        skp = self.finish_skp(self.staff, "poor")
        self.assertFalse(self.link_requests(skp))
        self.assertEqual(self.activity_users(skp, COACHING), self.user_supervisor)

    def test_default_coaching_program_setting(self):
        self.company.training_coaching_course_id = self.course
        request = self.link_requests(self.finish_skp(self.staff, "poor"))
        self.assertEqual((request.course_id, request.jp_hours), (self.course, 16))

    def test_reopen_and_finish_again_never_duplicates(self):
        skp = self.finish_skp(self.staff, "poor")
        request = self.assertLinked(skp)
        self.refinish_skp(skp, "very_poor")
        self.assertEqual(self.assertLinked(skp), request)
        self.assertEqual(len(skp.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(COACHING))), 1)
        # also once the request went on in the workflow
        request.with_user(self.user_supervisor).action_submit()
        self.refinish_skp(skp, "needs_improvement")
        self.assertEqual(self.link_requests(skp), request)
        self.assertEqual(request.state, "submitted")

    def test_changed_predikat_cancels_the_draft_with_a_note(self):
        skp = self.finish_skp(self.staff, "needs_improvement")
        request = self.assertLinked(skp)
        self.refinish_skp(skp, "good")
        self.assertEqual(request.state, "cancel")
        self.assertIn("Good", request.cancel_reason)
        self.assertIn("does not call for training", request.message_ids[0].body)
        self.assertFalse(self.activity_users(skp, COACHING))
        # low again: the same request comes back instead of a second one
        self.refinish_skp(skp, "poor")
        self.assertEqual(self.link_requests(skp), request)
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.activity_users(skp, COACHING), self.user_supervisor)

    def test_changed_predikat_keeps_a_request_already_submitted(self):
        skp = self.finish_skp(self.staff, "poor")
        request = self.link_requests(skp)
        request.with_user(self.user_supervisor).action_submit()
        self.refinish_skp(skp, "good")
        self.assertEqual(request.state, "submitted")

    def test_request_cancelled_by_hand_is_not_revived(self):
        skp = self.finish_skp(self.staff, "poor")
        request = self.link_requests(skp)
        request.with_user(self.user_officer).action_cancel("Sudah ikut pelatihan lain")
        self.refinish_skp(skp, "very_poor")
        self.assertEqual(self.link_requests(skp), request)
        self.assertEqual(request.state, "cancel")

    def test_skp_shows_its_requests_and_the_request_links_back(self):
        skp = self.finish_skp(self.staff, "poor")
        request = self.link_requests(skp)
        other = self.draft_request()  # not linked to the SKP
        skp_as_employee = skp.with_user(self.user_staff)
        self.assertEqual(skp_as_employee.training_request_ids, request)
        self.assertEqual(skp_as_employee.training_request_count, 1)
        self.assertNotIn(other, skp.training_request_ids)
        self.assertEqual(request.with_user(self.user_staff).appraisal_id, skp)
        self.assertEqual(request.appraisal_predicate, "poor")
        action = skp.with_user(self.user_supervisor).action_view_training_requests()
        self.assertEqual(self.Request.with_user(self.user_supervisor).search(action["domain"]), request)

    def test_employee_cannot_cancel_the_request_of_a_low_predikat(self):
        request = self.link_requests(self.finish_skp(self.staff, "poor"))
        with self.assertRaisesRegex(Exception, "appraiser or an HR officer"):
            request.with_user(self.user_staff).action_cancel()
        self.assertEqual(request.state, "draft")

    def test_recording_the_coaching_closes_the_activity(self):
        skp = self.finish_skp(self.staff, "poor")
        self.env["asn.training.coaching"].with_user(self.user_supervisor).create(
            {"employee_id": self.staff.id, "appraisal_id": skp.id}
        )
        self.assertFalse(self.activity_users(skp, COACHING))
        self.assertEqual(skp.coaching_count, 1)
        # a later reopen-and-finish does not ask for a second coaching
        self.refinish_skp(skp, "very_poor")
        self.assertFalse(self.activity_users(skp, COACHING))


@tagged("post_install", "-at_install")
class TestPeriodicLink(TrainingCase):
    """A low result of a semester, quarter or month leads to training only where the company says so,
    and never to a second open request of the same year."""

    def setUp(self):
        super().setUp()
        self.annual = self.walk(self.skp_of(self.staff), "approved")
        self.quarters = self.env["asn.kinerja.period"]
        for number, (start, end) in enumerate((("01-01", "03-31"), ("04-01", "06-30")), start=1):
            self.quarters |= self.env["asn.kinerja.period"].create(
                {
                    "name": f"Triwulan {number} 2026",
                    "period_type": "quarter",
                    "parent_id": self.period.id,
                    "date_start": f"2026-{start}",
                    "date_end": f"2026-{end}",
                }
            )
        self.quarters.action_open()

    def finish_quarter(self, quarter):
        result, behavior = RATINGS_FOR["poor"]
        skp = self.skp_of(self.staff, quarter)
        return self.walk(skp, "done", result_rating=result, behavior_rating=behavior)

    def appraisal_requests(self):
        return self.Request.search([("employee_id", "=", self.staff.id), ("source", "=", "appraisal")])

    def test_periodic_results_do_not_lead_to_training_by_default(self):
        for quarter in self.quarters:
            self.finish_quarter(quarter)
        self.assertFalse(self.appraisal_requests())

    def test_with_the_setting_one_open_request_a_year(self):
        self.company.training_include_periodic = True
        first = self.finish_quarter(self.quarters[0])
        self.assertEqual(self.appraisal_requests().appraisal_id, first)
        self.finish_quarter(self.quarters[1])
        self.assertEqual(len(self.appraisal_requests()), 1, "the second low quarter adds no request")
        self.walk(self.annual, "done", *RATINGS_FOR["very_poor"])
        self.assertEqual(len(self.appraisal_requests()), 1, "nor does the low annual result")
        # once that request is closed, a new low result of the year opens a new one
        self.appraisal_requests().with_user(self.user_officer).action_cancel("Sudah mengikuti bimtek lain")
        self.annual.with_user(self.user_officer).action_reopen("Koreksi")
        self.annual.with_user(self.user_officer).action_done()
        self.assertEqual(len(self.appraisal_requests().filtered(lambda r: r.state == "draft")), 1)
