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

    def test_direct_state_write_refused_over_rpc(self):
        with self.assertRaisesRegex(Fault, "set by the workflow"):
            self.call(self.user_officer, "write", {"state": "done"})
        self.assertEqual(self.skp_of(self.staff).state, "draft")

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
