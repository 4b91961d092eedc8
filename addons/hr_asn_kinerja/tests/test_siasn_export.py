"""SIASN-ready export (docs/rules.md §10, §15): finished SKPs in SIASN's skp22 and kinerjaperiodik shapes,
codes from one editable table, the ones left out with the reason, as JSON, CSV and the e-Kinerja Excel."""

import base64
import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..tools.nip import format_nip
from .common import OFFICER
from .siasn_case import EXPORT, FINAL_FIELDS, SiasnCase


@tagged("post_install", "-at_install")
class TestSiasnExport(SiasnCase):
    def test_a_finished_annual_skp_is_one_skp22_record(self):
        self.walk(self.skp_of(self.staff), "done", result_rating="above", behavior_rating="as_expected")
        wizard = self.export()
        self.assertEqual(wizard.export_filename, "siasn_Tahun_2026.json")
        self.assertEqual(wizard.record_count, 1)
        data = self.content(wizard)
        self.assertEqual(
            data["skp22"],
            [
                {
                    "tahun": 2026,
                    "nipBaru": self.staff.nip,
                    "hasilKinerjaNilai": 1,
                    "perilakuKerjaNilai": 2,
                    "kuadranKinerjaNilai": 2,
                    "penilaiNama": "Kepala Bidang",
                    "penilaiNipNrp": self.supervisor.nip,
                    "penilaiGolongan": "34",
                    "penilaiUnorNama": "Dinas Uji",
                    "statusPenilai": "ASN",
                    "penilaiJabatan": "Kepala Bidang Kinerja",
                }
            ],
        )
        self.assertEqual((data["periode"], data["kinerjaperiodik"]), ("Tahun 2026", []))

    def test_a_finished_quarter_is_one_kinerjaperiodik_record(self):
        quarter = self.sub_period("Triwulan I 2026", "quarter", "2026-01-01", "2026-03-31")
        quarter.with_user(self.user_officer).action_open()
        self.walk_to_predicate(self.skp_of(self.staff, quarter), "very_poor")
        for period in (quarter, self.period):
            with self.subTest(exported=period.name):
                records = self.content(self.export(period=period))["kinerjaperiodik"]
                self.assertEqual(len(records), 1)
                self.assertEqual(
                    {key: records[0][key] for key in records[0] if not key.startswith("penilai")},
                    {
                        "tahun": 2026,
                        "tahunMulaiPenilaian": 2026,
                        "bulanMulaiPenilaian": 1,
                        "tahunSelesaiPenilaian": 2026,
                        "bulanSelesaiPenilaian": 3,
                        "periodikId": "2",
                        "koefisienId": None,
                        "nipBaru": self.staff.nip,
                        "hasilKinerjaNilai": 3,
                        "perilakuKerjaNilai": 3,
                        "kuadranKinerjaNilai": 5,
                        "statusPenilai": "ASN",
                    },
                )
                self.assertEqual(records[0]["penilaiJabatanNama"], "Kepala Bidang Kinerja")

    def test_the_kuadran_is_the_code_of_the_predikat_never_arithmetic(self):
        # results above (1) and behaviour below (3) give Kurang/Misconduct: kuadran 4, not max(1, 3)
        self.walk(self.skp_of(self.staff), "done", result_rating="above", behavior_rating="below")
        record = self.content(self.export())["skp22"][0]
        self.assertEqual((record["hasilKinerjaNilai"], record["perilakuKerjaNilai"]), (1, 3))
        self.assertEqual(record["kuadranKinerjaNilai"], 4)

    def test_the_administrator_changes_a_code_without_code(self):
        self.walk(self.skp_of(self.staff), "done")
        code = self.env.ref("hr_asn_kinerja.siasn_predicate_good")
        with self.assertRaises(AccessError):
            code.with_user(self.user_officer).code = "9"
        code.with_user(self.user_manager).code = "9"
        self.assertEqual(self.content(self.export())["skp22"][0]["kuadranKinerjaNilai"], 9)

    def test_the_records_left_out_and_why(self):
        done = {employee: self.walk(self.skp_of(employee), "done") for employee in (self.staff, self.staff2)}
        done[self.staff].employee_id.sudo().nip = False
        self.staff2.sudo().write({"asn_type": "pppk", "asn_rank": "IX", "nip": False})
        no_appraiser = self.walk(self.skp_of(self.supervisor), "done")
        no_appraiser.sudo().appraiser_id = False
        self.walk(self.skp_of(self.officer), "done", result_rating="below", behavior_rating="below")
        self.env.ref("hr_asn_kinerja.siasn_predicate_very_poor").sudo().unlink()
        wizard = self.export()
        self.assertEqual(wizard.record_count, 0)
        self.assertEqual(
            {(line.employee_name, line.section, line.reason) for line in wizard.line_ids},
            {
                ("Staf Satu", "skp22", "No NIP."),
                ("Staf Dua", "skp22", "PPPK without an NI PPPK number."),
                ("Kepala Bidang", "skp22", "No appraiser (Pejabat Penilai)."),
                ("Pengelola BKPSDM", "skp22", "No SIASN code for Sangat Kurang (see SIASN Codes)."),
                ("Kepala Dinas", "skp22", "Not finished (Draft)."),
                ("Pegawai Lain", "skp22", "Not finished (Draft)."),
            },
        )
        self.assertEqual(wizard.left_out_count, 6)

    def test_a_period_with_nothing_finished_gives_empty_files_with_the_reasons(self):
        wizard = self.export()
        data = self.content(wizard)
        self.assertEqual((data["skp22"], data["kinerjaperiodik"]), ([], []))
        self.assertEqual(len(data["tidakDiekspor"]), 6)
        self.assertEqual(data["tidakDiekspor"][0].keys(), {"jenis", "nipBaru", "nama", "alasan"}, "who, and why")
        self.assertEqual(self.content(self.export("csv")), [])
        self.assertEqual(base64.b64decode(self.export("csv").export_file), b"jenis\n")
        sheets = self.content(self.export("xlsx"))
        # other addons add their sheets in between (hr_asn_training: Diklat, Kursus)
        self.assertEqual((*list(sheets)[:2], list(sheets)[-1]), ("SKP Tahunan", "Kinerja Periodik", "Tidak Diekspor"))
        self.assertEqual(len(sheets["SKP Tahunan"]), 4, "title, agency and period, blank, headers")
        self.assertEqual(len(sheets["Tidak Diekspor"]), 4 + 6)

    def test_csv_and_excel_carry_the_same_records(self):
        self.walk(self.skp_of(self.staff), "done")
        rows = self.content(self.export("csv"))
        self.assertEqual(len(rows), 1)
        self.assertEqual(
            (rows[0]["jenis"], rows[0]["nipBaru"], rows[0]["kuadranKinerjaNilai"]), ("skp22", self.staff.nip, "2")
        )
        wizard = self.export("xlsx")
        self.assertEqual(wizard.export_filename, "siasn_Tahun_2026.xlsx")
        sheet = self.content(wizard)["SKP Tahunan"]
        self.assertEqual(sheet[3][:3], ["No", "NIP", "Nama"])
        self.assertEqual(
            sheet[4][1:],
            [format_nip(self.staff.nip), "Staf Satu", "III/a", "", "Dinas Uji", "AKHIR"]
            + ["Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik", "Kepala Bidang", format_nip(self.supervisor.nip)],
        )

    def test_only_hr_of_the_agency_exports(self):
        for user in (self.user_staff, self.user_supervisor, self.user_head):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.export(user=user)
        other = self.env["res.company"].create({"name": "Kabupaten Tetangga"})
        foreign_officer = new_test_user(
            self.env, "kin_officer_other", groups=OFFICER, company_id=other.id, company_ids=other.ids
        )
        with self.assertRaises(AccessError):
            self.env[EXPORT].with_user(foreign_officer).create({"period_id": self.period.id}).action_export()
        self.assertTrue(self.export(user=self.user_manager).export_file)


@tagged("post_install", "-at_install")
class TestSiasnAsSiasnTakesIt(SiasnCase):
    """The bodies of skp22/save and kinerjaperiodik/save as SIASN declares them: types, koefisienId, the
    appraiser as at finalisation, and no result still under objection (docs/rules.md §10, §15)."""

    # the types of the bodies of SIASN's skp22/save and kinerjaperiodik/save (besides nipBaru, for the uploader)
    SKP22_TYPES = dict.fromkeys(("tahun", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai"), int)
    PERIODIK_TYPES = {
        **SKP22_TYPES,
        **dict.fromkeys(("tahunMulaiPenilaian", "bulanMulaiPenilaian", "tahunSelesaiPenilaian"), int),
        "bulanSelesaiPenilaian": int,
    }
    STRINGS = ("penilaiNama", "penilaiNipNrp", "penilaiGolongan", "penilaiUnorNama", "statusPenilai")

    def test_each_value_has_the_type_siasn_declares(self):
        quarter = self.sub_period("Triwulan I 2026", "quarter", "2026-01-01", "2026-03-31")
        quarter.with_user(self.user_officer).action_open()
        self.walk(self.skp_of(self.staff, quarter), "done")
        self.walk(self.skp_of(self.staff), "done")
        job = self.env["hr.job"].create({"name": "Pranata Komputer Ahli Pertama"})
        self.skp_of(self.staff, quarter).sudo().job_id = job
        self.env["asn.kinerja.siasn.code"].with_user(self.user_manager).create(
            {"kind": "koefisien", "key": job.name, "name": "Ahli Pertama", "code": "12"}
        )
        data = self.content(self.export())
        (annual,), (periodic,) = data["skp22"], data["kinerjaperiodik"]
        for record, types, strings in (
            (annual, self.SKP22_TYPES, (*self.STRINGS, "penilaiJabatan")),
            (periodic, self.PERIODIK_TYPES, (*self.STRINGS, "penilaiJabatanNama", "periodikId", "koefisienId")),
        ):
            for key, kind in types.items():
                self.assertIs(type(record[key]), kind, key)
            for key in strings:
                self.assertIs(type(record[key]), str, key)
        self.assertEqual((periodic["periodikId"], periodic["koefisienId"]), ("2", "12"))
        self.assertEqual((annual["penilaiGolongan"], annual["kuadranKinerjaNilai"]), ("34", 2))

    def test_the_appraiser_as_when_the_skp_was_finalised(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        self.assertRecordValues(
            skp,
            [
                {
                    "final_appraiser_name": "Kepala Bidang",
                    "final_appraiser_nip": self.supervisor.nip,
                    "final_appraiser_rank": "III/d",
                    "final_appraiser_job": "Kepala Bidang Kinerja",
                    "final_appraiser_unit": "Dinas Uji",
                }
            ],
        )
        # promoted and moved after signing: SIASN keeps who signed, as they were
        elsewhere = self.env["hr.department"].create({"name": "Dinas Kesehatan"})
        self.supervisor.sudo().write(
            {"asn_rank": "IV/a", "job_title": "Sekretaris Dinas", "department_id": elsewhere.id}
        )
        record = self.content(self.export())["skp22"][0]
        self.assertEqual(
            {key: record[key] for key in record if key.startswith("penilai")},
            {
                "penilaiNama": "Kepala Bidang",
                "penilaiNipNrp": self.supervisor.nip,
                "penilaiGolongan": "34",
                "penilaiUnorNama": "Dinas Uji",
                "penilaiJabatan": "Kepala Bidang Kinerja",
            },
        )
        sheet = self.content(self.export("xlsx"))["SKP Tahunan"]
        self.assertEqual(sheet[4][-2:], ["Kepala Bidang", format_nip(self.supervisor.nip)])

    def test_skps_finished_before_take_their_appraiser_at_the_upgrade(self):
        skp = self.walk(self.skp_of(self.staff), "done")
        skp.sudo().write(dict.fromkeys(FINAL_FIELDS, False))
        spec = importlib.util.spec_from_file_location(
            "post_migrate_1_4", Path(__file__).parent.parent / "migrations/19.0.1.4.0/post-migrate.py"
        )
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "19.0.1.3.0")
        skp.invalidate_recordset()
        self.assertEqual(
            (skp.final_appraiser_name, skp.final_appraiser_job), ("Kepala Bidang", "Kepala Bidang Kinerja")
        )
        self.supervisor.sudo().job_title = "Sekretaris Dinas"
        self.assertEqual(self.content(self.export())["skp22"][0]["penilaiJabatan"], "Kepala Bidang Kinerja")

    def test_a_result_under_objection_is_held_back_and_listed(self):
        skp = self.walk(self.skp_of(self.staff), "done", result_rating="below")
        objection = (
            self.env["asn.kinerja.objection"]
            .with_user(self.user_staff)
            .create({"appraisal_id": skp.id, "reason": "Bukti dukung triwulan IV belum dinilai."})
        )
        wizard = self.export()
        self.assertEqual(self.content(wizard)["skp22"], [])
        self.assertIn(
            ("Staf Satu", "Objection not decided yet: the result may still change."),
            {(line.employee_name, line.reason) for line in wizard.line_ids},
        )
        objection.with_user(self.user_head).write(
            {"appraiser_explanation": "Sudah dinilai.", "employee_explanation": "Belum."}
        )
        objection.with_user(self.user_head).action_reject("Bukti dukung sudah dinilai.")
        self.assertEqual([record["nipBaru"] for record in self.content(self.export())["skp22"]], [self.staff.nip])
