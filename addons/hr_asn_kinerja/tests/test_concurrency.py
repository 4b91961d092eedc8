"""Correct under concurrency: real threads, each with its own cursor and transaction, on committed data."""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.hr_asn_kinerja.models import asn_kinerja_appraisal_opening
from odoo.addons.hr_asn_kinerja.tools.predicate import RATINGS

from .committed import CommittedCase
from .common import OFFICER

SCORERS = 20


class Interrupted(Exception):
    """The opening stops here, as a killed worker or a lost connection would stop it."""


@tagged("post_install", "-at_install")
class TestConcurrency(CommittedCase):
    def test_twenty_scorers_at_once_lose_no_write(self):
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Nilai")
            people = []
            for i in range(SCORERS):
                user = self.make_user(env, f"conc_scorer_{i:02d}")
                appraiser = self.make_employee(env, 800 + i, unit, user, nip=False)
                people.append((user, self.make_employee(env, i + 1, unit, manager=appraiser)))
            period = self.make_period(env, 2041)
            period.action_open()
            scorers = []  # (appraiser's uid, SKP id)
            for user, employee in people:
                skp = period.appraisal_ids.filtered(lambda s, employee=employee: s.employee_id == employee)
                scorers.append((user.id, self.walk_as_superuser(skp, "self_assessed").id))

        def score(skp_id, i):
            def step(env):
                skp = env["asn.kinerja.appraisal"].browse(skp_id)
                skp.write(
                    {
                        "result_rating": RATINGS[i % 3],
                        "behavior_rating": RATINGS[i // 3 % 3],
                        "appraiser_feedback": f"Umpan balik {i}",
                    }
                )
                return skp.action_score()

            return step

        outcomes = self.run_at_once([(uid, score(skp_id, i)) for i, (uid, skp_id) in enumerate(scorers)])

        self.assertEqual([result for result, _attempts in outcomes], [True] * SCORERS)
        with self.committed() as env:
            skps = env["asn.kinerja.appraisal"].browse([skp_id for _uid, skp_id in scorers])
            self.assertEqual(
                [(s.state, s.result_rating, s.behavior_rating, s.appraiser_feedback) for s in skps],
                [("scored", RATINGS[i % 3], RATINGS[i // 3 % 3], f"Umpan balik {i}") for i in range(SCORERS)],
            )
            self.assertTrue(all(skps.mapped("predicate")))

    def test_two_finalisations_at_once_one_wins_the_other_is_told(self):
        skp_id, superior, officer = self.make_race_to_finalise()

        outcomes = self.finalise_at_once(skp_id, [superior, officer])

        (won, _tries), (lost, lost_tries) = sorted(outcomes, key=lambda outcome: isinstance(outcome[0], Exception))
        self.assertIs(won, True)
        self.assertIsInstance(lost, UserError)
        self.assertIn("This step is not possible now", str(lost))
        self.assertIn("is Done", str(lost))
        # its first attempt read the SKP still scored and failed on the winner's write: Odoo's retry told it
        self.assertGreaterEqual(lost_tries, 2)
        with self.committed() as env:
            skp = env["asn.kinerja.appraisal"].browse(skp_id)
            self.assertEqual(skp.state, "done")
            final = skp.message_ids.filtered(lambda m: "Final result set." in str(m.body))
            self.assertEqual(len(final), 1)

    def test_two_submissions_at_once_the_other_gets_the_steps_message(self):
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Kirim")
            appraiser_user = self.make_user(env, "conc_submit_appraiser")
            staff_user = self.make_user(env, "conc_submit_staff")
            officer = self.make_user(env, "conc_submit_officer", groups=OFFICER)
            appraiser = self.make_employee(env, 910, unit, appraiser_user, nip=False)
            staff = self.make_employee(env, 911, unit, staff_user, manager=appraiser)
            period = self.make_period(env, 2045)
            period.action_open()
            skp = period.appraisal_ids.filtered(lambda s: s.employee_id == staff)
            env["asn.kinerja.appraisal.line"].create(
                {"appraisal_id": skp.id, "name": "Laporan kegiatan", "target": "12 laporan"}
            )
            skp_id = skp.id

        def submit(env):
            return env["asn.kinerja.appraisal"].browse(skp_id).action_submit()

        outcomes = self.run_at_once([(staff_user.id, submit), (officer.id, submit)])

        (won, _tries), (lost, _lost_tries) = sorted(outcomes, key=lambda outcome: isinstance(outcome[0], Exception))
        self.assertIs(won, True)
        # the step's own message, not a database error about a follower added twice
        self.assertIsInstance(lost, UserError)
        self.assertIn("This step is not possible now", str(lost))
        with self.committed() as env:
            skp = env["asn.kinerja.appraisal"].browse(skp_id)
            self.assertEqual(skp.state, "submitted")
            self.assertEqual(len(skp.message_ids.filtered(lambda m: "Plan submitted" in str(m.body))), 1)

    def test_interrupted_period_opening_run_again_gives_one_skp_each(self):
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Buka")
            employee_ids = [self.make_employee(env, 700 + i, unit).id for i in range(7)]
            officer = self.make_user(env, "conc_opener", groups=OFFICER).id
            period_id = self.make_period(env, 2043).id
        Appraisal = type(self.env["asn.kinerja.appraisal"])
        create = Appraisal.create
        batches = []

        def create_then_stop(records, vals_list):
            batches.append(len(vals_list))
            if len(batches) == 2:
                raise Interrupted
            return create(records, vals_list)

        def open_period(env):  # the SKPs this opening created, from the summary it shows
            return env["asn.kinerja.period"].browse(period_id).action_open()["params"]["created_count"]

        with (
            patch.object(asn_kinerja_appraisal_opening, "OPEN_BATCH_SIZE", 3),
            patch.object(Appraisal, "create", create_then_stop),
        ):
            [(stopped, _attempts)] = self.run_at_once([(officer, open_period)])
        self.assertIsInstance(stopped, Interrupted)
        self.assertEqual(len(batches), 2, "the opening stopped after its first batch")
        with self.committed() as env:
            self.assertLessEqual(max(self.skp_counts(env, period_id, employee_ids)), 1)

        [(created, attempts)] = self.run_at_once([(officer, open_period)])
        self.assertEqual(attempts, 1)
        self.assertGreater(created, 0, "the run again makes what the stopped one did not")
        with self.committed() as env:
            self.assertEqual(self.skp_counts(env, period_id, employee_ids), [1] * len(employee_ids))
            self.assertEqual(env["asn.kinerja.period"].browse(period_id).state, "open")

    def test_two_openings_at_once_give_one_skp_each(self):
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Buka Ganda")
            employee_ids = [self.make_employee(env, 720 + i, unit).id for i in range(5)]
            officers = [self.make_user(env, f"conc_opener_{i}", groups=OFFICER).id for i in range(2)]
            period_id = self.make_period(env, 2044).id

        def open_period(env):  # the SKPs this opening created, from the summary it shows
            return env["asn.kinerja.period"].browse(period_id).action_open()["params"]["created_count"]

        outcomes = self.run_at_once([(uid, open_period) for uid in officers])

        self.assertEqual(sum(created for created, _attempts in outcomes), 5, "one SKP each, whoever made it")
        with self.committed() as env:
            self.assertEqual(self.skp_counts(env, period_id, employee_ids), [1] * len(employee_ids))

    def skp_counts(self, env, period_id, employee_ids):
        """How many SKPs each employee has in the period."""
        domain = [("period_id", "=", period_id), ("employee_id", "in", employee_ids)]
        counts = {
            employee.id: count
            for employee, count in env["asn.kinerja.appraisal"]._read_group(domain, ["employee_id"], ["__count"])
        }
        return [counts.get(employee_id, 0) for employee_id in employee_ids]
