"""The SIASN export carries the period's finished trainings (docs/rules.md §10): diklat and kursus records."""

import base64
import json

from odoo.tests import tagged

from .common import TrainingCase

CERTIFICATE = base64.b64encode(b"%PDF-1.4 sertifikat")


@tagged("post_install", "-at_install")
class TestSiasnTraining(TrainingCase):
    def finish(self, **vals):
        request = self.approved_request(**vals)
        request.with_user(self.user_staff).write({"certificate": CERTIFICATE, "certificate_filename": "s.pdf"})
        request.with_user(self.user_officer).action_done()
        return request

    def export(self):
        wizard = self.env["asn.kinerja.siasn.export"].with_user(self.user_officer).create({"period_id": self.period.id})
        wizard.action_export()
        return wizard, json.loads(base64.b64decode(wizard.export_file))

    def test_a_finished_course_is_a_kursus_record(self):
        request = self.finish(provider="BPSDM Provinsi Jambi", course_schedule_id=self.open_session.id)
        _wizard, data = self.export()
        self.assertEqual(
            data["kursus"],
            [
                {
                    "nipBaru": self.staff.nip,
                    "jenisDiklatId": None,
                    "jenisKursus": "Technical Guidance (Bimtek)",
                    "namaKursus": "Bimtek Uji",
                    "institusiPenyelenggara": "BPSDM Provinsi Jambi",
                    "jumlahJam": 16,
                    "nomorSertipikat": None,
                    "instansiId": None,
                    "lokasiId": None,
                    "tahunKursus": 2026,
                    "tanggalKursus": "02-03-2026",
                    "tanggalSelesaiKursus": "04-03-2026",
                }
            ],
        )
        self.assertEqual(data["diklat"], [])
        # the Administrator adds SIASN's code of the training type: the export writes it
        self.env["asn.kinerja.siasn.code"].with_user(self.user_manager).create(
            {"kind": "training_type", "key": request.training_type, "name": "Bimbingan Teknis", "code": "7"}
        )
        self.assertEqual(self.export()[1]["kursus"][0]["jenisDiklatId"], 7)

    def test_a_leadership_training_is_a_diklat_record(self):
        self.finish(
            training_type="managerial",
            competency_area="managerial",
            course_id=False,
            title="PKP Angkatan I",
            jp_hours=24,
            date_start="2026-05-04",
            date_end="2026-05-08",
        )
        _wizard, data = self.export()
        self.assertEqual(data["kursus"], [])
        self.assertEqual(len(data["diklat"]), 1)
        record = data["diklat"][0]
        self.assertEqual(
            (record["nipBaru"], record["jenisKompetensi"], record["tahun"], record["latihanStrukturalId"]),
            (self.staff.nip, "Managerial", 2026, None),
        )

    def test_unfinished_trainings_stay_out_and_an_unknown_person_is_listed(self):
        self.approved_request()
        self.assertFalse(self.export()[1]["kursus"], "an approved request is not a record yet")
        self.finish(course_schedule_id=self.open_session.id)
        self.staff.sudo().nip = False
        wizard, data = self.export()
        self.assertFalse(data["kursus"])
        left_out = [(line.section, line.employee_name, line.reason) for line in wizard.line_ids]
        self.assertIn(("kursus", "Staf Satu", "No NIP."), left_out)
