"""The request workflow over JSON-RPC (as the web client calls it) and XML-RPC (external clients)."""

from xmlrpc.client import Fault

from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestRequestRpc(TrainingCase, HttpCase):
    def call_kw(self, user, method, request, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/asn.training.request/{method}",
            {"model": "asn.training.request", "method": method, "args": [request.ids, *args], "kwargs": {}},
        )

    def execute(self, user, method, *args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, "asn.training.request", method, list(args)
        )

    def test_approvals_over_jsonrpc(self):
        request = self.draft_request()
        self.assertIs(self.call_kw(self.user_staff, "action_submit", request), True)
        for user in (self.user_staff, self.user_officer, self.user_head):
            with self.subTest(user=user.login), self.assertRaisesRegex(JsonRpcException, "AccessError"):
                self.call_kw(user, "action_approve", request)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call_kw(self.user_staff2, "action_approve", request)  # cannot even see it
        self.assertIs(self.call_kw(self.user_supervisor, "action_approve", request), True)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call_kw(self.user_supervisor, "action_validate", request)
        self.assertIs(self.call_kw(self.user_officer, "action_validate", request), True)
        request.invalidate_recordset()
        self.assertEqual(request.state, "approved")
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self.call_kw(self.user_officer, "action_done", request)  # no certificate
        self.assertEqual(request.state, "approved")

    def test_reject_needs_a_reason_over_jsonrpc(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self.call_kw(self.user_supervisor, "action_reject", request, " ")
        self.assertIs(self.call_kw(self.user_supervisor, "action_reject", request, "Tidak sesuai"), True)
        request.invalidate_recordset()
        self.assertEqual((request.state, request.reject_reason), ("rejected", "Tidak sesuai"))

    def test_workflow_over_xmlrpc(self):
        request = self.draft_request()
        with self.assertRaisesRegex(Fault, "not possible now"):
            self.execute(self.user_supervisor, "action_approve", request.ids)  # still a draft
        self.assertIs(self.execute(self.user_staff, "action_submit", request.ids), True)
        with self.assertRaisesRegex(Fault, "not allowed"):
            self.execute(self.user_staff, "action_approve", request.ids)
        self.assertIs(self.execute(self.user_supervisor, "action_approve", request.ids), True)
        with self.assertRaisesRegex(Fault, "appraiser must approve|not allowed"):
            self.execute(self.user_supervisor, "action_validate", request.ids)
        self.assertIs(self.execute(self.user_officer, "action_validate", request.ids), True)
        self.assertEqual(request.state, "approved")

    def test_no_shortcut_over_xmlrpc(self):
        request = self.draft_request()
        with self.assertRaisesRegex(Fault, "only through the workflow"):
            self.execute(self.user_staff, "write", request.ids, {"state": "done"})
        with self.assertRaisesRegex(Fault, "set by the workflow"):
            self.execute(self.user_officer, "write", request.ids, {"officer_approver_id": self.user_officer.id})
        with self.assertRaisesRegex(Fault, "starts as a draft"):
            self.execute(self.user_staff, "create", {"title": "Pintas", "jp_hours": 40, "state": "done"})
        with self.assertRaises(Fault):
            self.execute(self.user_staff, "_transition", request.ids, "done")  # private
        with self.assertRaises(Fault):
            self.execute(self.user_staff2, "read", request.ids, ["name"])
        self.assertEqual(request.state, "draft")
