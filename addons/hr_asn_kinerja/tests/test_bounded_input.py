"""Bounded, plausible input (docs/rules.md §22): texts sized for real use, dates inside their SKP's or
period's range, a NIP of the digits 0-9; and nothing that others point to can be deleted."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools.limits import TEXT_MAX
from .common import KinerjaCase, make_nip

A_FEW_PARAGRAPHS = ("Laporan kegiatan disusun tepat waktu dan diverifikasi atasan. " * 50)[:3000]
A_BOOK = "x" * 100_000
FULL_WIDTH_OFFSET = 0xFEE0  # "0" + this: the full-width zero (U+FF10) of an East Asian input method
ARABIC_INDIC_ZERO = 0x0660


@tagged("post_install", "-at_install")
class TestBoundedInput(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # walked once for the class (each test rolls back to it), not before every test
        case = cls(methodName="run")  # the walk helpers are instance methods
        cls.skp = case.walk(case.skp_of(cls.staff), "approved")

    def test_a_realisation_of_a_few_paragraphs_not_a_book(self):
        line = self.skp.line_ids.with_user(self.user_staff)
        line.write({"realization": A_FEW_PARAGRAPHS})
        self.assertEqual(len(line.realization), 3000)
        with self.assertRaisesRegex(ValidationError, rf"100000 characters.*at most {TEXT_MAX}"):
            line.write({"realization": A_BOOK})
        # the same for a feedback body, whoever writes it
        Feedback = self.env["asn.kinerja.feedback"].with_user(self.user_supervisor)
        with self.assertRaisesRegex(ValidationError, "too long"):
            Feedback.create({"appraisal_id": self.skp.id, "body": A_BOOK})
        # and for the reason of a step, taken over RPC without the wizard
        self.walk(self.skp, "self_assessed")
        with self.assertRaisesRegex(ValidationError, "too long"), self.env.cr.savepoint():
            self.skp.with_user(self.user_supervisor).action_return(A_BOOK)
        self.assertEqual(self.skp.state, "self_assessed")

    def test_the_limit_is_told_in_indonesian(self):
        self.load_indonesian()
        line = self.skp.line_ids.with_user(self.user_staff).with_context(lang="id_ID")
        with self.assertRaisesRegex(ValidationError, "terlalu panjang"):
            line.write({"realization": A_BOOK})

    def test_a_performance_dialogue_takes_place_within_the_skps_period(self):
        Feedback = self.env["asn.kinerja.feedback"].with_user(self.user_supervisor)
        vals = {"appraisal_id": self.skp.id, "body": "Dialog kinerja triwulan.", "kind": "dialogue"}
        for date in ("1900-01-01", "9999-12-31", "2025-12-31", "2027-01-01"):
            with self.subTest(date=date), self.assertRaisesRegex(ValidationError, "01/01/2026 to 12/31/2026"):
                Feedback.create({**vals, "date": date})
        entry = Feedback.create({**vals, "date": "2026-06-15"})
        with self.assertRaisesRegex(ValidationError, "12/31/2026"):
            entry.write({"date": "9999-12-31"})

    def test_a_period_has_a_name_and_plausible_dates(self):
        Period = self.env["asn.kinerja.period"].with_user(self.user_officer)
        for vals, message in (
            ({"name": "  ", "date_start": "2030-01-01", "date_end": "2030-12-31"}, "name"),
            ({"name": "Tahun 1", "date_start": "0001-01-01", "date_end": "0001-12-31"}, "2000"),
            ({"name": "Tahun 9999", "date_start": "9999-01-01", "date_end": "9999-12-31"}, "2100"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
                Period.create({**vals, "period_type": "annual"})
        with self.assertRaisesRegex(ValidationError, "too long"):
            Period.create({"name": "T" * 1000, "date_start": "2030-01-01", "date_end": "2030-12-31"})

    def test_a_nip_of_full_width_digits_is_taken_as_the_digits_it_shows(self):
        nip = make_nip(77)
        full_width = "".join(chr(ord(digit) + FULL_WIDTH_OFFSET) for digit in nip)
        employee = self.env["hr.employee"].create({"name": "Pegawai Lebar", "nip": full_width, "asn_type": "pns"})
        self.assertEqual(employee.nip, nip)
        self.assertEqual(employee.nip_sex, "male")
        # other scripts' digits are not NIP digits: the message says which are
        arabic = "".join(chr(ARABIC_INDIC_ZERO + int(digit)) for digit in nip)
        with self.assertRaisesRegex(ValidationError, "only contain the digits 0-9"):
            self.env["hr.employee"].create({"name": "Pegawai Arab", "nip": arabic, "asn_type": "pns"})


@tagged("post_install", "-at_install")
class TestNothingPointedToIsDeleted(KinerjaCase):
    def test_a_unit_with_skps_is_archived_not_deleted(self):
        skp = self.skp_of(self.staff)
        self.assertEqual(skp.department_id, self.department)
        with self.assertRaisesRegex(UserError, r"Dinas Uji cannot be deleted: .*SKP.*Archive it instead"):
            self.department.unlink()
        self.assertEqual(skp.department_id.name, "Dinas Uji")

    def test_an_employee_with_skps_is_archived_not_deleted(self):
        self.load_indonesian()
        Employee = self.staff.with_context(lang="id_ID")
        with self.assertRaises(UserError) as caught:
            Employee.sudo().unlink()
        message = str(caught.exception)
        self.assertIn("Staf Satu", message)
        self.assertNotIn("troublemaker", message)
        self.assertIn("arsipkan", message.lower())
        self.assertTrue(self.skp_of(self.staff).employee_id)
