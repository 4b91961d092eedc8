"""The result of a year of two posts set in the browser by the appraiser of the last post, who sees the
earlier part (docs/rules.md §17), on a desktop and on a phone: static/src/tours/kinerja_transfer_tours.js."""

from odoo.tests import tagged

from .tour_case import KinerjaTourCase


class AnnualResultOverPartsTour:
    """Staf Satu moves to Dinas Lain (appraiser Pegawai Lain) on 1 April 2026: the first three months are
    scored Above Expectations on both by Kepala Bidang, the new post's plan is carried out and self-assessed."""

    def two_parts(self):
        unit, job, old = self._new_post()
        self.walk(old, "self_assessed")
        self.env["asn.kinerja.transfer.wizard"].with_user(self.user_officer).create(
            {
                "employee_id": self.staff.id,
                "date": "2026-04-01",
                "department_id": unit.id,
                "job_id": job.id,
                "appraiser_id": self.outsider.id,
                "reason": "SK Bupati 800/45/BKPSDM/2026",
            }
        ).action_apply()
        self.walk(old, "scored", result_rating="above", behavior_rating="above")
        new = self.walk(old.next_appraisal_ids, "self_assessed")
        self.assertEqual(new.appraiser_id, self.outsider)
        return old, new

    def assertExplained(self, new, verdict):
        message = new.message_ids.filtered(lambda m: "over 2 parts" in str(m.body))
        self.assertEqual(len(message), 1)
        self.assertIn(verdict, str(message.body))


@tagged("post_install", "-at_install")
class TestAnnualResultOverPartsDesktop(AnnualResultOverPartsTour, KinerjaTourCase):
    def test_new_appraiser_sets_the_result_against_the_proposal_with_a_reason(self):
        old, new = self.two_parts()

        self.run_tour("hr_asn_kinerja_transfer_annual_desktop", "kin_outsider")
        self.assertRecordValues(
            new,
            [
                {
                    "state": "scored",
                    "part_result_rating": "as_expected",
                    "part_behavior_rating": "as_expected",
                    "result_rating": "above",
                    "behavior_rating": "as_expected",
                    "predicate": "good",
                    "appraiser_id": self.outsider.id,
                }
            ],
        )
        self.assertIn("bobotnya", new.appraiser_feedback)
        self.assertExplained(new, "chose otherwise than the proposal")
        self.assertRecordValues(old, [{"state": "scored", "predicate": "very_good"}])


@tagged("post_install", "-at_install")
class TestAnnualResultOverPartsMobile(AnnualResultOverPartsTour, KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_new_appraiser_keeps_the_proposal_on_phone(self):
        old, new = self.two_parts()

        self.run_tour("hr_asn_kinerja_transfer_annual_mobile", "kin_outsider")
        self.assertRecordValues(
            new,
            [
                {
                    "state": "scored",
                    "result_rating": "as_expected",
                    "behavior_rating": "as_expected",
                    "predicate": "good",
                }
            ],
        )
        self.assertExplained(new, "follows the proposal")
        self.assertRecordValues(old, [{"state": "scored", "predicate": "very_good"}])
