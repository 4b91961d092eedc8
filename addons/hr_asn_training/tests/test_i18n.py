"""Bahasa Indonesia: messages, screens, configuration data and printed forms come out translated."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestIndonesian(TrainingCase):
    def setUp(self):
        super().setUp()
        self.load_indonesian()
        (self.user_staff | self.user_supervisor).write({"lang": "id_ID"})

    def test_error_message_in_indonesian(self):
        request = self.draft_request()
        request.with_user(self.user_staff).action_submit()
        with self.assertRaisesRegex(AccessError, "Anda tidak diizinkan melakukan langkah ini pada usulan pelatihan"):
            request.with_user(self.user_staff).with_context(lang=self.user_staff.lang).action_approve()

    def test_labels_and_statements_in_indonesian(self):
        Request = self.env["asn.training.request"].with_context(lang="id_ID")
        self.assertEqual(Request._description, "Training Request")  # the source stays English
        self.assertEqual(Request._fields["jp_hours"]._description_string(Request.env), "JP (jam pelajaran)")
        states = dict(Request._fields["state"]._description_selection(Request.env))
        self.assertEqual((states["submitted"], states["approved"]), ("Diajukan", "Disetujui"))
        menu = self.env.ref("hr_asn_training.menu_training_root").with_context(lang="id_ID")
        self.assertEqual(menu.name, "Pengembangan Kompetensi")
        statement = self.env.ref("hr_asn_training.coaching_statement_1").with_context(lang="id_ID")
        self.assertEqual(statement.name, "Saya merasa diperhatikan dan dipahami")

    def test_printed_forms_in_indonesian(self):
        coaching = (
            self.env["asn.training.coaching"].with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        )
        # printed by the employee, who reads both forms (the appraiser's print leaves B.1.8 out)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(lang=self.user_staff.lang)  # as the web client sends it
            ._render_qweb_html("hr_asn_training.action_report_coaching", coaching.ids)[0]
            .decode()
        )
        for text in (
            "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "Pangkat/Gol. Ruang",
            "Saya merasa dapat dengan bebas mengemukakan pendapat/pemikiran saya",
            "EVALUASI KOMPETENSI PEGAWAI SEBAGAI TINDAK LANJUT BIMBINGAN KINERJA",
        ):
            self.assertIn(text, html, text)
