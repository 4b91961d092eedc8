"""A transfer applied while the old appraiser scores the same SKP (docs/rules.md §17): real threads, committed data."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .committed import CommittedCase
from .common import OFFICER


@tagged("post_install", "-at_install")
class TestTransferConcurrency(CommittedCase):
    def test_transfer_while_the_old_appraiser_scores(self):
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Mutasi")
            new_unit = self.make_department(env, "Dinas Konkurensi Tujuan")
            appraiser_user = self.make_user(env, "conc_transfer_appraiser")
            officer_user = self.make_user(env, "conc_transfer_officer", groups=OFFICER)
            appraiser = self.make_employee(env, 930, unit, appraiser_user, nip=False)
            new_appraiser = self.make_employee(env, 931, new_unit, nip=False)
            staff = self.make_employee(env, 932, unit, manager=appraiser)
            job = env["hr.job"].create({"name": "Jabatan Konkurensi Mutasi"})
            period = self.make_period(env, 2046)
            period.action_open()
            skp = self.walk_as_superuser(
                period.appraisal_ids.filtered(lambda s: s.employee_id == staff), "self_assessed"
            )
            # HR prepared the transfer while the SKP waited for its score
            wizard = (
                env["asn.kinerja.transfer.wizard"]
                .with_user(officer_user)
                .create(
                    {
                        "employee_id": staff.id,
                        "date": "2046-07-01",
                        "department_id": new_unit.id,
                        "job_id": job.id,
                        "appraiser_id": new_appraiser.id,
                        "reason": "SK Mutasi",
                    }
                )
            )
            skp_id, wizard_id, job_id = skp.id, wizard.id, job.id
        self.addCleanup(self.drop_job, job_id)

        def score(env):
            skp = env["asn.kinerja.appraisal"].browse(skp_id)
            skp.write({"result_rating": "above", "behavior_rating": "as_expected"})
            return skp.action_score()

        def transfer(env):
            return env["asn.kinerja.transfer.wizard"].browse(wizard_id).action_apply()

        (scored, _), (transferred, _) = self.run_at_once([(appraiser_user.id, score), (officer_user.id, transfer)])

        self.assertIs(scored, True, "the old appraiser's score is never lost")
        with self.committed() as env:
            old = env["asn.kinerja.appraisal"].browse(skp_id)
            self.assertEqual((old.state, old.result_rating, old.predicate), ("scored", "above", "good"))
            skps = env["asn.kinerja.appraisal"].search([("employee_id", "=", old.employee_id.id)])
            if isinstance(transferred, Exception):
                # the score came first: HR is told, nothing was split
                self.assertIsInstance(transferred, UserError)
                self.assertIn("changed while the transfer was being prepared", str(transferred))
                self.assertEqual(skps, old)
            else:
                # the transfer came first: the old part ends, its appraiser scored it, the new part follows
                self.assertEqual(len(skps), 2)
                self.assertEqual(str(old.date_end), "2046-06-30")
                self.assertEqual(old.appraiser_id.user_id.id, appraiser_user.id)

    def drop_job(self, job_id):
        with self.committed() as env:
            env["hr.job"].browse(job_id).exists().unlink()
