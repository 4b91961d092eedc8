"""Import of competency profiles and talent-box potentials from a file (docs/rules.md §25): rows found by
NIP, every row checked before anything is written."""

import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .talent_case import TalentCase


def csv_file(text):
    return base64.b64encode(text.encode())


def xlsx_file(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return base64.b64encode(out.getvalue())


@tagged("post_install", "-at_install")
class TestProfileImport(TalentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Wizard = cls.env["asn.training.profile.import"]
        cls.Profile = cls.env["asn.training.employee.competency"]
        cls.integritas = cls.env.ref("hr_asn_training.competency_integritas")
        cls.laporan = cls.env["asn.training.competency"].create({"name": "Penyusunan Laporan", "kind": "technical"})
        cls.Profile.create({"employee_id": cls.staff.id, "competency_id": cls.integritas.id, "level": 2})

    def level_of(self, employee, competency):
        row = self.Profile.search([("employee_id", "=", employee.id), ("competency_id", "=", competency.id)])
        return (row.level, row.source, row.date) if row else None

    def spaced(self, employee):
        nip = employee.nip
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"

    def test_a_csv_with_nips_updates_and_adds_profile_rows(self):
        text = (
            "nip;competency;level;date\n"
            f"{self.spaced(self.staff)};integritas;4;01-10-2026\n"
            f"{self.staff2.nip};Penyusunan Laporan;3;2026-10-02\n"
        )
        wizard = self.Wizard.with_user(self.user_officer).create({"file": csv_file(text), "filename": "profil.csv"})
        wizard.action_import()
        self.assertEqual(self.level_of(self.staff, self.integritas), (4, "imported", date(2026, 10, 1)))
        self.assertEqual(self.level_of(self.staff2, self.laporan), (3, "imported", date(2026, 10, 2)))

    def test_one_wrong_row_and_nothing_is_written_every_error_said(self):
        text = (
            "nip,competency,level,date\n"
            f"{self.staff.nip},Integritas,4,01-10-2026\n"
            "199001012020011999,Integritas,3,01-10-2026\n"
            f"{self.staff2.nip},Menyanyi,7,32-13-2026\n"
        )
        wizard = self.Wizard.with_user(self.user_officer).create({"file": csv_file(text)})
        with self.assertRaises(UserError) as raised:
            wizard.action_import()
        message = str(raised.exception)
        for expected in ("Row 3: no employee with the NIP 199001012020011999", "Row 4: no competency named Menyanyi"):
            self.assertIn(expected, message)
        self.assertIn("Row 4: the level is a whole number from 1 to 5", message)
        self.assertIn("Row 4: 32-13-2026 is not a date", message)
        self.assertEqual(self.level_of(self.staff, self.integritas)[0], 2)
        # a file without the columns is refused as such
        wizard.file = csv_file("nama,nilai\nBudi,3\n")
        with self.assertRaisesRegex(UserError, "nip, competency, level, date"):
            wizard.action_import()

    def test_the_committee_imports_potentials_into_the_box_an_employee_cannot(self):
        box = self.finished_box()
        rows = [
            ["NIP", "Potential", "Source", "Date"],
            [self.staff.nip, "Tinggi", "assessment", date(2026, 11, 1)],
            [self.staff2.nip, "rendah", "SIASN", "02-11-2026"],
        ]
        wizard = self.Wizard.with_user(self.user_committee).create(
            {"kind": "potential", "box_id": box.id, "file": xlsx_file(rows), "filename": "potensi.xlsx"}
        )
        wizard.action_import()
        staff, staff2 = self.line_of(box, self.staff), self.line_of(box, self.staff2)
        self.assertEqual(
            (staff.potential, staff.potential_source, staff.potential_date), ("high", "assessment", date(2026, 11, 1))
        )
        self.assertEqual((staff.box, staff2.box), (9, 1))
        self.assertEqual(staff2.potential_source, "siasn")
        with self.assertRaises(AccessError):
            self.Wizard.with_user(self.user_staff).create(
                {"kind": "potential", "box_id": box.id, "file": xlsx_file(rows)}
            )
        # a set box takes no more potentials
        self.set_box(box)
        rows[1][1] = "menengah"
        wizard = self.Wizard.with_user(self.user_committee).create(
            {"kind": "potential", "box_id": box.id, "file": xlsx_file(rows)}
        )
        with self.assertRaisesRegex(UserError, "is set"):
            wizard.action_import()
        self.assertEqual(staff.potential, "high")
