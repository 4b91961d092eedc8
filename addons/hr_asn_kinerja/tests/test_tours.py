"""Browser tours of the appraiser's journeys (desktop and phone), in headless Chromium.

The tours live in static/src/tours/ (bundle web.assets_tests). Each test builds the
organisation of KinerjaCase (Kepala Bidang appraises Staf Satu), moves the SKP server
side to where the journey starts, runs the tour as the user whose step it is, and
checks the record afterwards.
"""

import datetime

from odoo import fields
from odoo.tests import tagged

from .tour_case import KinerjaTourCase


@tagged("post_install", "-at_install")
class TestKinerjaToursDesktop(KinerjaTourCase):
    def test_approve_realize_score_form(self):
        """Supervisor approves in the form, the employee hands in the realisation, the supervisor scores."""
        skp = self.staff_skp("submitted")

        self.run_tour("hr_asn_kinerja_approve_desktop", "kin_supervisor")
        self.assertEqual(skp.state, "approved")
        self.assertTrue(skp.date_approved)

        self.run_tour("hr_asn_kinerja_realize_desktop", "kin_staff")
        self.assertEqual(skp.state, "self_assessed")
        self.assertEqual(skp.line_ids.mapped("realization"), ["12 laporan"])

        self.run_tour("hr_asn_kinerja_score_desktop", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [{"state": "scored", "result_rating": "above", "behavior_rating": "as_expected", "predicate": "good"}],
        )
        self.assertTrue(skp.date_scored)

    def test_score_in_list(self):
        """Supervisor rates in the editable Subordinates list, saves, then scores from the row."""
        skp = self.staff_skp("self_assessed")
        other = self.walk(self.skp_of(self.staff2), "self_assessed")
        # the reason a rating below expectations needs (docs/rules.md §21), written during the year
        skp.with_user(skp.appraiser_id.user_id).appraiser_feedback = "Laporan bulanan sering terlambat."

        self.run_tour("hr_asn_kinerja_score_list", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [
                {
                    "state": "scored",
                    "result_rating": "below",
                    "behavior_rating": "as_expected",
                    "predicate": "needs_improvement",
                }
            ],
        )
        # the other row of the list is untouched
        self.assertRecordValues(other, [{"state": "self_assessed", "result_rating": False, "predicate": False}])

    def test_hr_monitoring(self):
        """HR opens the progress pivot, drills a number down to its records, keeps the late ones, then
        looks at the spread of predikat and a unit's Penetapan (docs/rules.md §5, §14)."""
        today = fields.Date.context_today(self.period)
        self.period.write(
            {
                "plan_deadline": today - datetime.timedelta(days=1),
                "evaluation_deadline": today + datetime.timedelta(days=30),
            }
        )
        self.walk_to_predicate(self.staff_skp("approved"), "very_good")
        self.rate_unit("outstanding")

        self.run_tour("hr_asn_kinerja_monitoring_desktop", "kin_officer")

    def test_hr_dashboard_reminds_all_late(self):
        """HR opens the dashboard on the year, sees who holds up a late plan and reminds everyone late at once,
        with a summary (docs/rules.md §26)."""
        today = fields.Date.context_today(self.period)
        self.period.write({"plan_deadline": today - datetime.timedelta(days=3)})
        self.env["asn.kinerja.appraisal"]._refresh_late(today)
        skp = self.skp_of(self.staff2)
        self.assertFalse(skp.activity_ids)

        self.run_tour("hr_asn_kinerja_dashboard_desktop", "kin_officer")
        self.assertEqual(skp.activity_ids.user_id, self.user_staff2)

    def test_hr_records_a_transfer(self):
        """HR records a transfer (Mutasi / Promosi) from the employee form: the approved SKP ends on the day
        before with its appraiser, the SKP of the new post opens (docs/rules.md §17)."""
        unit, job, old = self._new_post()

        self.start_tour(f"/odoo/employees/{self.staff.id}", "hr_asn_kinerja_transfer_desktop", login="kin_officer")
        self.env.invalidate_all()
        new = old.next_appraisal_ids
        self.assertRecordValues(
            old, [{"state": "approved", "date_end": datetime.date(2026, 6, 30), "appraiser_id": self.supervisor.id}]
        )
        self.assertRecordValues(
            new,
            [
                {
                    "state": "draft",
                    "date_start": datetime.date(2026, 7, 1),
                    "department_id": unit.id,
                    "job_id": job.id,
                    "appraiser_id": self.outsider.id,
                }
            ],
        )
        self.assertEqual((self.staff.department_id, self.staff.appraiser_id), (unit, self.outsider))
        self.assertIn("800/123/BKPSDM/2026", " ".join(str(body) for body in new.message_ids.mapped("body")))

    def test_new_appraiser_sees_the_earlier_part(self):
        """The appraiser of the new post opens the submitted plan of the new post from Subordinates and sees the earlier part, its
        appraiser, end and state, beside the new one (docs/rules.md §17)."""
        old = self.transfer_staff()

        self.run_tour("hr_asn_kinerja_transfer_parts_desktop", "kin_outsider")
        self.assertEqual(old.next_appraisal_ids.appraiser_id, self.outsider)


@tagged("post_install", "-at_install")
class TestKinerjaToursMobile(KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_approve_and_score_on_phone(self):
        """The same approve-and-score journey from the kanban cards of a phone."""
        skp = self.staff_skp("submitted")

        self.run_tour("hr_asn_kinerja_approve_mobile", "kin_supervisor")
        self.assertEqual(skp.state, "approved")

        self.walk(skp, "self_assessed")
        self.run_tour("hr_asn_kinerja_score_mobile", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [{"state": "scored", "result_rating": "as_expected", "behavior_rating": "above", "predicate": "good"}],
        )

    def test_new_appraiser_sees_the_earlier_part_on_phone(self):
        """The appraiser of the new post opens the submitted plan of the new post from its card and sees the earlier part
        (docs/rules.md §17)."""
        old = self.transfer_staff()

        self.run_tour("hr_asn_kinerja_transfer_parts_mobile", "kin_outsider")
        self.assertEqual(old.next_appraisal_ids.appraiser_id, self.outsider)

    def test_cards_name_the_employee_on_phone(self):
        """Subordinates' cards show name, NIP and predikat (or state) at phone size, for the appraiser's superior."""
        self.walk(self.skp_of(self.staff), "scored")
        self.walk(self.skp_of(self.supervisor), "submitted")
        self.run_tour("hr_asn_kinerja_cards_mobile", "kin_head")


class DialogueTours:
    """Two-way and transparent (docs/rules.md §13, §21), run at both sizes by the classes below: the tours
    are in static/src/tours/kinerja_dialogue_tours.js."""

    def skp_url(self, skp):
        return f"/odoo/action-hr_asn_kinerja.action_appraisal_mine/{skp.id}"

    def test_employee_answers_feedback_and_acknowledges_the_result(self):
        skp = self.staff_skp("approved")
        row = skp.line_ids
        Feedback = self.env["asn.kinerja.feedback"]
        feedback = Feedback.with_user(self.user_supervisor).create(
            {"appraisal_id": skp.id, "line_id": row.id, "body": "Lengkapi bukti dukung bulan Maret."}
        )
        self.start_tour(self.skp_url(skp), "hr_asn_kinerja_answer_feedback", login="kin_staff")
        self.env.invalidate_all()
        answer = skp.feedback_ids - feedback
        self.assertRecordValues(
            answer,
            [{"author_id": self.user_staff.id, "author_role": "employee", "line_id": row.id, "kind": "feedback"}],
        )
        self.assertEqual(answer.body, "Bukti dukung Maret sudah saya unggah.")
        # the appraiser is told
        notice = self.env["mail.message"].search(
            [("model", "=", skp._name), ("res_id", "=", skp.id), ("message_type", "=", "user_notification")]
        )
        self.assertIn(self.user_supervisor.partner_id, notice.partner_ids)

        self.walk(skp, "done")
        self.start_tour(self.skp_url(skp), "hr_asn_kinerja_acknowledge_result", login="kin_staff")
        self.env.invalidate_all()
        self.assertTrue(skp.acknowledged_date)
        self.assertEqual(skp.employee_comment, "Terima kasih, saya akan menjaga ketepatan waktu laporan.")

    def test_objection_from_filing_to_decision(self):
        skp = self.walk_to_predicate(self.skp_of(self.staff), "needs_improvement")
        self.start_tour(self.skp_url(skp), "hr_asn_kinerja_file_objection", login="kin_staff")
        self.env.invalidate_all()
        objection = skp.objection_ids
        self.assertRecordValues(objection, [{"state": "submitted", "superior_id": self.head.id}])

        self.run_tour("hr_asn_kinerja_decide_objection", "kin_head")
        self.assertRecordValues(
            objection,
            [{"state": "accepted", "result_rating": "as_expected", "behavior_rating": "as_expected"}],
        )
        self.assertTrue(objection.appraiser_explanation and objection.employee_explanation)
        self.assertRecordValues(skp, [{"state": "done", "predicate": "good"}])


@tagged("post_install", "-at_install")
class TestDialogueToursDesktop(DialogueTours, KinerjaTourCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestDialogueToursPhone(DialogueTours, KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True


class LowResultTours:
    """A low result end to end (issue 19), run at both sizes by the classes below: the employee reads the
    appraiser's reason and objects, the appraiser's superior decides, the employee reads the decided result and
    says so; static/src/tours/kinerja_dialogue_tours.js."""

    def test_low_result_read_objected_decided_and_read(self):
        skp = self.walk_to_predicate(self.skp_of(self.staff), "needs_improvement")
        self.assertTrue(skp.appraiser_feedback)
        url = f"/odoo/action-hr_asn_kinerja.action_appraisal_mine/{skp.id}"
        self.start_tour(url, "hr_asn_kinerja_low_result_object", login="kin_staff")
        self.env.invalidate_all()
        self.assertRecordValues(skp.objection_ids, [{"state": "submitted"}])
        self.assertFalse(skp.acknowledged_date)

        self.run_tour("hr_asn_kinerja_decide_objection", "kin_head")
        self.assertRecordValues(skp, [{"state": "done", "predicate": "good", "acknowledged_date": False}])

        self.start_tour(url, "hr_asn_kinerja_low_result_read", login="kin_staff")
        self.env.invalidate_all()
        self.assertTrue(skp.acknowledged_date)


@tagged("post_install", "-at_install")
class TestLowResultToursDesktop(LowResultTours, KinerjaTourCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestLowResultToursPhone(LowResultTours, KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestDashboardTourPhone(KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_hr_dashboard_reminds_all_late_on_phone(self):
        """HR on a phone: the dashboard per unit, who holds up a late plan, everyone late reminded at once."""
        today = fields.Date.context_today(self.period)
        self.period.write({"plan_deadline": today - datetime.timedelta(days=3)})
        self.env["asn.kinerja.appraisal"]._refresh_late(today)
        skp = self.skp_of(self.staff2)
        self.assertFalse(skp.activity_ids)

        self.run_tour("hr_asn_kinerja_dashboard_phone", "kin_officer")
        self.assertEqual(skp.activity_ids.user_id, self.user_staff2)
