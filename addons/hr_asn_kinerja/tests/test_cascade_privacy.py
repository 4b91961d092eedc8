"""A subordinate supports her appraiser's work results without reading his evaluation (issue 18).

To cascade (docs/rules.md §2) Staf Satu picks, of her appraiser Kepala Bidang's work results of the same period,
the one her result supports: she reads its name and its indicator, nothing else, through any API: not his
realisation, not the feedback his own superior wrote on it, not his evidence files (read, /web/content), not his
results of other periods. Everything is tried over JSON-RPC and HTTP as she would, logged in.
"""

import base64

from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import KinerjaCase

EVIDENCE = b"%PDF-1.4 laporan capaian literasi"
FEEDBACK = "Capaian literasi naik dibanding tahun lalu."
SUPPORTABLE_FIELDS = {"id", "display_name", "name", "indicator_name", "sequence", "employee_id", "period_id"}


@tagged("post_install", "-at_install")
class TestCascadePrivacy(KinerjaCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Line = cls.env["asn.kinerja.appraisal.line"]
        # the appraiser's SKP: a result with its realisation, an evidence file and his superior's feedback
        walk = cls.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", cls.supervisor.id), ("period_id", "=", cls.period.id)]
        )
        cls.boss_line = Line.create(
            {
                "appraisal_id": walk.id,
                "name": "Meningkatnya literasi pegawai",
                "indicator_name": "Persentase pegawai terlatih",
                "target": "80 persen",
            }
        )
        walk.with_user(cls.user_supervisor).action_submit()
        walk.with_user(cls.user_head).action_approve()
        cls.evidence = (
            cls.env["ir.attachment"]
            .with_user(cls.user_supervisor)
            .create(
                {
                    "name": "capaian.pdf",
                    "datas": base64.b64encode(EVIDENCE),
                    "res_model": Line._name,
                    "res_id": cls.boss_line.id,
                }
            )
        )
        cls.boss_line.with_user(cls.user_supervisor).write(
            {"realization": "85 persen", "evidence_ids": [(4, cls.evidence.id)]}
        )
        walk.with_user(cls.user_supervisor).action_submit_realization()
        cls.boss_line.with_user(cls.user_head).feedback = FEEDBACK
        # his result of another period, where she has no SKP
        cls.period_2025 = cls.env["asn.kinerja.period"].create(
            {"name": "Tahun 2025", "date_start": "2025-01-01", "date_end": "2025-12-31", "period_type": "annual"}
        )
        skp_2025 = cls.env["asn.kinerja.appraisal"].create(
            {"employee_id": cls.supervisor.id, "period_id": cls.period_2025.id, "appraiser_id": cls.head.id}
        )
        cls.old_line = Line.create({"appraisal_id": skp_2025.id, "name": "Hasil 2025", "realization": "rahasia"})
        cls.own_skp = cls.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", cls.staff.id), ("period_id", "=", cls.period.id)]
        )
        cls.own_line = Line.create({"appraisal_id": cls.own_skp.id, "name": "Pelatihan literasi", "target": "4 kali"})
        cls.env.flush_all()

    def call(self, user, model, method, *args, **kwargs):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertRefused(self, user, model, method, *args, **kwargs):
        with self.assertRaisesRegex(JsonRpcException, r"AccessError|UserError"):
            self.call(user, model, method, *args, **kwargs)

    # ------------------------------------------------------------------
    # item 5: the work results
    # ------------------------------------------------------------------
    def test_subordinate_reads_nothing_of_the_appraisers_work_results(self):
        staff, line, result = self.user_staff, "asn.kinerja.appraisal.line", self.boss_line
        self.assertEqual(self.own_skp.appraiser_id, self.supervisor, "she supports her appraiser's results")
        self.assertRefused(staff, line, "read", result.ids, ["realization", "feedback"])
        self.assertRefused(staff, line, "read", result.ids, ["name"])
        self.assertRefused(staff, line, "web_read", result.ids, {"feedback": {}})
        self.assertFalse(
            self.call(staff, line, "search_read", [("employee_id", "=", self.supervisor.id)], ["feedback"])
        )
        self.assertFalse(self.call(staff, line, "search_count", [("feedback", "ilike", "literasi")]))
        groups = self.call(
            staff,
            line,
            "formatted_read_group",
            [("employee_id", "=", self.supervisor.id)],
            ["realization"],
            ["__count"],
        )
        self.assertFalse(groups)
        self.assertRefused(staff, line, "export_data", result.ids, ["feedback"])
        # through the link of her own result: its name, never its fields
        self.own_line.parent_line_id = result
        self.assertRefused(staff, line, "web_read", self.own_line.ids, {"parent_line_id": {"fields": {"feedback": {}}}})
        self.assertFalse(
            self.call(staff, "asn.kinerja.feedback", "search_read", [("line_id", "=", result.id)], ["body"])
        )
        self.assertFalse(
            self.call(staff, "mail.message", "search_read", [("model", "=", line), ("res_id", "=", result.id)], [])
        )

    def test_subordinate_reads_the_name_and_indicator_of_the_same_periods_results(self):
        staff, view = self.user_staff, "asn.kinerja.superior.result"
        rows = self.call(staff, view, "search_read", [("employee_id", "=", self.supervisor.id)], [])
        self.assertEqual([row["id"] for row in rows], self.boss_line.ids, "not his 2025 results")
        self.assertLessEqual(set(rows[0]), SUPPORTABLE_FIELDS | {"company_id", "supportable"})
        self.assertEqual(
            (rows[0]["name"], rows[0]["indicator_name"]),
            ("Meningkatnya literasi pegawai", "Persentase pegawai terlatih"),
        )
        self.assertFalse(set(self.env[view]._fields) & {"realization", "feedback", "evidence_ids", "target"})
        self.assertFalse(self.call(staff, view, "search", [("id", "=", self.old_line.id)]))
        self.assertRefused(staff, view, "read", self.old_line.ids, ["name"])
        # a colleague with another appraiser reads none of them
        self.assertFalse(self.call(self.user_outsider, view, "search", [("employee_id", "=", self.supervisor.id)]))

    def test_the_cascade_link_still_works_over_rpc(self):
        staff, line = self.user_staff, "asn.kinerja.appraisal.line"
        choices = self.call(
            staff,
            "asn.kinerja.superior.result",
            "name_search",
            "",
            domain=[("employee_id", "=", self.supervisor.id), ("period_id", "=", self.period.id)],
        )
        self.assertEqual([choice[0] for choice in choices], self.boss_line.ids)
        self.call(staff, line, "write", self.own_line.ids, {"parent_result_id": self.boss_line.id})
        self.assertEqual(self.own_line.parent_line_id, self.boss_line)
        self.assertEqual(self.boss_line.child_line_ids, self.own_line)
        shown = self.call(
            staff, line, "web_read", self.own_line.ids, {"parent_result_id": {"fields": {"display_name": {}}}}
        )
        self.assertEqual(shown[0]["parent_result_id"]["display_name"], "Meningkatnya literasi pegawai")
        with self.assertRaisesRegex(JsonRpcException, "ValidationError"):
            self.call(staff, line, "write", self.own_line.ids, {"parent_result_id": self.old_line.id})

    # ------------------------------------------------------------------
    # item 8: the evidence files
    # ------------------------------------------------------------------
    def test_subordinate_reads_no_evidence_file_of_the_appraiser(self):
        staff, attachment = self.user_staff, "ir.attachment"
        self.assertRefused(staff, attachment, "read", self.evidence.ids, ["datas"])
        self.assertFalse(self.call(staff, attachment, "search_read", [("id", "=", self.evidence.id)], ["datas"]))
        self.authenticate(staff.login, staff.login)
        for url in (f"/web/content/{self.evidence.id}", f"/web/content/{self.evidence.id}?download=true"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(EVIDENCE, response.content)
        # its owner does
        self.authenticate(self.user_supervisor.login, self.user_supervisor.login)
        response = self.url_open(f"/web/content/{self.evidence.id}")
        self.assertEqual((response.status_code, response.content), (200, EVIDENCE))

    def test_subordinate_cannot_link_the_appraisers_evidence_into_her_skp(self):
        staff, line = self.user_staff, "asn.kinerja.appraisal.line"
        self.assertRefused(
            staff,
            line,
            "create",
            {"appraisal_id": self.own_skp.id, "name": "x", "evidence_ids": [(4, self.evidence.id)]},
        )
        self.walk(self.own_skp, "approved")
        for command in ([(4, self.evidence.id)], [(6, 0, self.evidence.ids)]):
            with self.subTest(command=command):
                self.assertRefused(staff, line, "write", self.own_line.ids, {"evidence_ids": command})
        self.assertFalse(self.own_line.evidence_ids)
        # her own file she links
        own = self.env["ir.attachment"].with_user(staff).create({"name": "bukti.pdf", "datas": base64.b64encode(b"x")})
        self.call(staff, line, "write", self.own_line.ids, {"evidence_ids": [(4, own.id)]})
        self.assertEqual(self.own_line.evidence_ids, own)
