"""Small words that erode trust (docs/rules.md §26): one full stop after a degree-holder's name, the agency (not
"OdooBot") signs what the system writes by itself, the SIASN export explains itself without SIASN's field names."""

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..tools.words import one_stop
from .common import KinerjaCase, make_nip, run_jobs


@tagged("post_install", "-at_install")
class TestWords(KinerjaCase):
    def test_one_full_stop(self):
        self.assertEqual(one_stop("Tidak boleh pada SKP Dewi, S.Pd.."), "Tidak boleh pada SKP Dewi, S.Pd.")
        self.assertEqual(one_stop("Menunggu..."), "Menunggu...")
        self.assertEqual(one_stop("Selesai."), "Selesai.")

    def test_a_refusal_after_a_degree_ends_once(self):
        self.staff2.name = "Dewi Kartika, S.Pd."
        skp = self.walk(self.skp_of(self.staff2), "submitted")
        with self.assertRaises(AccessError) as caught:
            skp.with_user(self.user_head).action_approve()  # the supervisor approves it, not the head
        self.assertTrue(str(caught.exception).endswith("S.Pd."), str(caught.exception))
        params = skp.with_user(self.user_head).action_bulk_approve()["params"]
        self.assertNotIn("..", params["message"])

    def test_the_agency_signs_what_the_system_writes(self):
        self.company.partner_id.email = "bkpsdm@bungokab.go.id"
        self.user_staff.partner_id.email = "staf.satu@bungokab.go.id"
        skp = self.walk(self.skp_of(self.staff), "done")
        Appraisal = self.env["asn.kinerja.appraisal"].with_user(SUPERUSER_ID)  # the scheduled action
        run_jobs(Appraisal._cron_send_results)  # the e-mails are queue_job jobs
        mail = self.env["mail.mail"].search([("model", "=", skp._name), ("res_id", "=", skp.id)], limit=1)
        self.assertTrue(mail)
        self.assertEqual(mail.author_id, self.company.partner_id)
        # a line the system writes on its own (e.g. an SKP created at installation) is the agency's
        fresh = self.env["hr.employee"].create({"name": "Pegawai Baru", "nip": make_nip(99), "asn_type": "pns"})
        created = Appraisal.with_context(mail_create_nolog=False, tracking_disable=False).create(
            {"employee_id": fresh.id, "period_id": self.period.id}
        )
        self.assertEqual(created.message_ids[-1:].author_id, self.company.partner_id)
        # what a person does stays theirs
        skp.with_user(self.user_officer).message_post(body="Catatan BKPSDM")
        self.assertEqual(skp.message_ids[0].author_id, self.user_officer.partner_id)

    def test_the_siasn_export_speaks_plainly(self):
        view = self.env.ref("hr_asn_kinerja.asn_kinerja_siasn_export_view_form", raise_if_not_found=False)
        arch = (view or self.env["ir.ui.view"].search([("model", "=", "asn.kinerja.siasn.export")], limit=1)).arch_db
        for word in ("skp22", "nipBaru", "kuadran"):
            self.assertNotIn(word, arch)
        help_text = self.env["asn.kinerja.siasn.export.line"]._fields["section"].help
        self.assertNotIn("skp22", help_text)
