"""The workflow over XML-RPC, as external clients call it: right role passes, wrong role is refused."""

from xmlrpc.client import Fault

from odoo.tests import HttpCase, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestWorkflowRpc(KinerjaCase, HttpCase):
    def call(self, user, method, *args, ids=None):
        skp = self.skp_of(self.staff)
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, "asn.kinerja.appraisal", method, [ids or skp.ids, *args]
        )

    def test_transitions_over_rpc(self):
        skp = self.skp_of(self.staff)
        self.env["asn.kinerja.appraisal.line"].create(
            {"appraisal_id": skp.id, "name": "Laporan", "target": "4 laporan"}
        )
        with self.assertRaisesRegex(Fault, "not allowed"):
            self.call(self.user_supervisor, "action_submit")
        self.assertIs(self.call(self.user_staff, "action_submit"), True)
        with self.assertRaisesRegex(Fault, "not allowed"):
            self.call(self.user_staff, "action_approve")
        self.assertIs(self.call(self.user_supervisor, "action_approve"), True)
        self.assertEqual(skp.state, "approved")
        with self.assertRaisesRegex(Fault, "not possible now"):
            self.call(self.user_supervisor, "action_approve")

    def test_nobody_writes_state_or_predicate_over_rpc_not_even_admin(self):
        skp = self.walk(self.skp_of(self.staff), "done", result_rating="below", behavior_rating="below")
        admin = self.env.ref("base.user_admin")
        admin.password = "admin"
        for user in (self.user_officer, self.user_manager, admin):
            for vals in ({"state": "scored"}, {"predicate": "very_good"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaisesRegex(Fault, "workflow"):
                    self.xmlrpc_object.execute_kw(
                        self.env.cr.dbname, user.id, user.login, "asn.kinerja.appraisal", "write", [skp.ids, vals]
                    )
        self.assertEqual((skp.state, skp.predicate), ("done", "very_poor"))

    def test_colleague_cannot_reach_an_skp_over_rpc(self):
        with self.assertRaises(Fault):
            self.call(self.user_staff2, "read", ["state"])
        with self.assertRaises(Fault):
            self.call(self.user_staff2, "action_submit")

    def test_return_needs_a_reason_over_rpc(self):
        self.walk(self.skp_of(self.staff), "submitted")
        with self.assertRaisesRegex(Fault, "Say why"):
            self.call(self.user_supervisor, "action_return", "")
        self.assertIs(self.call(self.user_supervisor, "action_return", "Perbaiki target"), True)
        self.assertEqual(self.skp_of(self.staff).state, "draft")
