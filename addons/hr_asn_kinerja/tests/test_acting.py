"""Acting officials (Plt/Plh, docs/rules.md §24): while the assignment runs the acting official appraises
the appraisees of the unit's head post, the holder does not; at its end everything returns by itself."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestActingOfficial(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the Kepala Bidang heads Bidang Uji and manages both staff
        cls.unit = cls.env["hr.department"].create({"name": "Bidang Uji", "manager_id": cls.supervisor.id})
        cls.today = fields.Date.context_today(cls.env["asn.kinerja.acting"])

    def assign(self, date_from=None, date_to=None, user=None, **vals):
        return (
            self.env["asn.kinerja.acting"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "employee_id": self.outsider.id,
                    "kind": "plt",
                    "department_id": self.unit.id,
                    "date_from": date_from or self.today - timedelta(days=10),
                    "date_to": date_to or self.today + timedelta(days=20),
                    "decree": "800/12/BKPSDM/2026",
                    **vals,
                }
            )
        )

    def test_acting_official_appraises_meanwhile_and_the_step_moves(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        acting = self.assign()
        self.assertEqual(acting.state, "running")
        self.assertEqual(self.staff.appraiser_id, self.outsider)
        self.assertEqual(self.staff2.appraiser_id, self.outsider)
        self.assertEqual(acting.appraisee_ids, self.staff | self.staff2)
        self.assertEqual(skp.appraiser_id, self.outsider, "the open SKP follows")
        score = skp.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("hr_asn_kinerja.mail_act_skp_score")
        )
        self.assertEqual(score.user_id, self.user_outsider, "the waiting step moved to the acting official")
        self.assertIn("800/12/BKPSDM/2026", skp.message_ids[0].body, "the move is logged with the decree")
        # the holder is not the appraiser meanwhile
        skp.invalidate_recordset()
        with self.assertRaises(UserError):
            skp.with_user(self.user_supervisor).action_score()

    def test_plt_ending_while_waiting_for_a_score_returns_the_step_to_the_holder(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        acting = self.assign()
        acting.with_user(self.user_officer).date_to = self.today - timedelta(days=1)
        self.assertEqual(acting.state, "ended")
        self.assertEqual(self.staff.appraiser_id, self.supervisor)
        self.assertEqual(skp.appraiser_id, self.supervisor)
        score = skp.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("hr_asn_kinerja.mail_act_skp_score")
        )
        self.assertEqual(score.user_id, self.user_supervisor)
        self.assertIn("the holder appraises again", skp.message_ids[0].body)
        self.walk(skp, "scored")

    def test_the_daily_run_starts_and_ends_by_itself_and_twice_changes_nothing(self):
        acting = self.assign(date_from=self.today + timedelta(days=1), date_to=self.today + timedelta(days=5))
        self.assertEqual(acting.state, "planned")
        self.assertEqual(self.staff.appraiser_id, self.supervisor)
        Acting = self.env["asn.kinerja.acting"]
        Acting._cron_sync()
        self.assertEqual(acting.state, "planned")
        # two days later
        acting.sudo().write({"date_from": self.today - timedelta(days=1)})
        skp = self.skp_of(self.staff)
        Acting._cron_sync()
        self.assertEqual(acting.state, "running")
        self.assertEqual(skp.appraiser_id, self.outsider)
        logged = len(skp.message_ids)
        Acting._cron_sync()
        self.assertEqual(len(skp.message_ids), logged, "idempotent")
        acting.sudo().write({"date_from": self.today - timedelta(days=9), "date_to": self.today - timedelta(days=2)})
        Acting._cron_sync()
        self.assertEqual(acting.state, "ended")
        self.assertEqual(skp.appraiser_id, self.supervisor)
        self.assertIn("the holder appraises again", acting.message_ids[0].body, "the end is logged")

    def test_what_the_acting_official_signed_stays_signed_by_them(self):
        scored = self.skp_of(self.staff2)
        done = self.skp_of(self.staff)
        acting = self.assign()
        self.walk(scored, "scored")
        self.walk(done, "done")
        self.assertEqual(done.final_appraiser_name, self.outsider.name)
        acting.with_user(self.user_officer).date_to = self.today - timedelta(days=1)
        self.assertEqual(done.appraiser_id, self.outsider)
        self.assertEqual(done.final_appraiser_name, self.outsider.name, "the signed snapshot keeps its value")
        self.assertEqual(scored.appraiser_id, self.outsider, "the scores stay signed by who gave them")
        self.assertEqual(self.staff2.appraiser_id, self.supervisor, "the next SKPs are the holder's again")

    def test_an_overlapping_second_assignment_for_the_same_unit_is_refused(self):
        self.assign()
        with self.assertRaisesRegex(ValidationError, "already has an acting official"):
            self.assign(employee_id=self.head.id, kind="plh", date_from=self.today + timedelta(days=5))
        # after it, fine
        later = self.assign(
            employee_id=self.head.id,
            kind="plh",
            date_from=self.today + timedelta(days=21),
            date_to=self.today + timedelta(days=25),
        )
        self.assertEqual(later.state, "planned")

    def test_the_holder_cannot_act_for_their_own_post_and_dates_must_make_sense(self):
        with self.assertRaisesRegex(ValidationError, "already heads"):
            self.assign(employee_id=self.supervisor.id)
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.assign(date_from=self.today, date_to=self.today - timedelta(days=1))

    def test_only_hr_records_acting_officials(self):
        for user in (self.user_supervisor, self.user_staff, self.user_head):
            with self.assertRaises(AccessError):
                self.assign(user=user)
        acting = self.assign()
        with self.assertRaises(AccessError):
            acting.with_user(self.user_outsider).read(["decree"])
        with self.assertRaises(AccessError):
            acting.with_user(self.user_supervisor).write({"decree": "X"})


@tagged("post_install", "-at_install")
class TestActingOverRpc(KinerjaCase, HttpCase):
    """As the web client sends it: HR records the Plt, the acting official scores, the holder cannot."""

    def rpc(self, user, model, method, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def test_hr_assigns_and_the_acting_official_scores_over_json_rpc(self):
        unit = self.env["hr.department"].create({"name": "Bidang RPC", "manager_id": self.supervisor.id})
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        today = fields.Date.context_today(skp)
        vals = {
            "employee_id": self.outsider.id,
            "kind": "plh",
            "department_id": unit.id,
            "date_from": str(today),
            "date_to": str(today + timedelta(days=3)),
            "decree": "800/77/2026",
        }
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.rpc(self.user_supervisor, "asn.kinerja.acting", "create", vals)
        self.rpc(self.user_officer, "asn.kinerja.acting", "create", vals)
        ratings = {"result_rating": "as_expected", "behavior_rating": "as_expected"}
        with self.assertRaises(JsonRpcException):
            self.rpc(self.user_supervisor, "asn.kinerja.appraisal", "write", skp.ids, ratings)
        self.rpc(self.user_outsider, "asn.kinerja.appraisal", "write", skp.ids, ratings)
        self.rpc(self.user_outsider, "asn.kinerja.appraisal", "action_score", skp.ids)
        skp.invalidate_recordset()
        self.assertEqual((skp.state, skp.appraiser_id), ("scored", self.outsider))
