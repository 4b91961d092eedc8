"""Two finalisations of one SKP at once leave one training request (real threads and cursors)."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.hr_asn_kinerja.tests.committed import CommittedCase


@tagged("post_install", "-at_install")
class TestConcurrentFinalisation(CommittedCase):
    def test_two_finalisations_at_once_leave_one_training_request(self):
        skp_id, superior, officer = self.make_race_to_finalise("needs_improvement")

        outcomes = self.finalise_at_once(skp_id, [superior, officer])

        results = [result for result, _attempts in outcomes]
        self.assertEqual(results.count(True), 1)
        self.assertEqual(len([result for result in results if isinstance(result, UserError)]), 1)
        with self.committed() as env:
            requests = env["asn.training.request"].search([("appraisal_id", "=", skp_id)])
            self.assertEqual(len(requests), 1)
            self.assertEqual((requests.source, requests.state), ("appraisal", "draft"))
