"""The reads BKPSDM opens in the peak weeks are marked ``@api.readonly``: Odoo 19 serves them on a read-only
cursor, the replica's when ``db_replica_host`` names one (docs/deploy.md, "Scaling out"). Called over JSON-RPC as the
web client calls them, they run on a read-only cursor and work there (a write would fail on it)."""

import json
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import KinerjaCase

# (model, method, whether the method takes record ids): the read-only entry points of the addon
READS = [
    ("asn.kinerja.period", "action_view_appraisals", True),
    ("asn.kinerja.period", "action_view_jobs", True),
    ("asn.kinerja.unit.rating", "action_view_appraisals", True),
    ("asn.kinerja.monitoring.report", "action_open_appraisal", True),
    ("hr.employee", "action_view_kinerja_appraisals", True),
    ("web_tour.tour", "get_current_tour", False),
    # Odoo's own, which the monitoring list, the unit distribution and the pivots call
    ("asn.kinerja.monitoring.report", "web_search_read", False),
    ("asn.kinerja.distribution.report", "web_read_group", False),
]


@tagged("post_install", "-at_install")
class TestReadonlyRpc(KinerjaCase, HttpCase):
    def call_kw(self, model, method, args, kwargs=None, route="/web/dataset/call_kw"):
        response = self.url_open(
            route,
            data=json.dumps({"params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertNotIn("error", body, body.get("error"))
        return body["result"]

    def test_the_reads_are_marked_readonly(self):
        for model, method, _with_ids in READS:
            with self.subTest(model=model, method=method):
                self.assertTrue(getattr(getattr(type(self.env[model]), method), "_readonly", False))
        # and the steps are not: they write
        self.assertFalse(getattr(type(self.env["asn.kinerja.appraisal"]).action_submit, "_readonly", False))
        self.assertFalse(getattr(type(self.env["asn.kinerja.period"]).action_open, "_readonly", False))

    def test_the_reads_run_on_a_read_only_cursor_over_json_rpc(self):
        def cursor_mode(records, *args, **kwargs):
            return ["ok", records.env.cr.readonly]

        self.authenticate(self.user_officer.login, self.user_officer.login)
        for model, method, with_ids in READS:
            with self.subTest(model=model, method=method), patch.object(type(self.env[model]), method, cursor_mode):
                # the stand-in is not an @api.model method: it takes ids, none for the model's methods
                args = [[self.period.id]] if with_ids else [[]]
                self.assertEqual(self.call_kw(model, method, args), ["ok", True])
        # a step runs on the primary's read/write cursor
        with patch.object(type(self.env["asn.kinerja.period"]), "action_open", cursor_mode):
            self.assertEqual(self.call_kw("asn.kinerja.period", "action_open", [[self.period.id]]), ["ok", False])

    def test_the_reads_work_on_a_read_only_cursor(self):
        """The real methods, on the test server's read-only cursor (it refuses writes, as a standby does)."""
        self.authenticate(self.user_officer.login, self.user_officer.login)
        action = self.call_kw(
            "asn.kinerja.period", "action_view_appraisals", [[self.period.id]], route="/web/dataset/call_button"
        )
        self.assertEqual(action["domain"], [["period_id", "=", self.period.id]])
        employee = self.call_kw(
            "hr.employee", "action_view_kinerja_appraisals", [[self.staff.id]], route="/web/dataset/call_button"
        )
        self.assertEqual(employee["res_model"], "asn.kinerja.appraisal")
        rows = self.call_kw(
            "asn.kinerja.monitoring.report",
            "web_search_read",
            [],
            {"domain": [], "specification": {"employee_id": {}, "state": {}}},
        )
        self.assertGreaterEqual(rows["length"], 1)
        self.call_kw("web_tour.tour", "get_current_tour", [])
