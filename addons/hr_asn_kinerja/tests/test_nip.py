"""NIP parsing as a plain function (no ORM) and as the hr.employee constraint."""

import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from ..tools.nip import NipError, format_nip, parse_nip
from .common import KinerjaCase

VALID = [
    ("198503152010011002", datetime.date(1985, 3, 15), datetime.date(2010, 1, 1), "male"),
    ("199912312022122001", datetime.date(1999, 12, 31), datetime.date(2022, 12, 1), "female"),
    ("197002282000031010", datetime.date(1970, 2, 28), datetime.date(2000, 3, 1), "male"),
    ("198802292015082003", datetime.date(1988, 2, 29), datetime.date(2015, 8, 1), "female"),  # leap day
    ("19850315 201001 1 002", datetime.date(1985, 3, 15), datetime.date(2010, 1, 1), "male"),  # printed form
]
INVALID = {
    "1985031520100110021": "19 digits",  # too long: refused, never truncated
    "19850315201001100": "17 digits",
    "19850315201001100A": "digits",
    "198513152010011002": "birth date",  # month 13
    "198502302010011002": "birth date",  # 30 February
    "198702292010011002": "birth date",  # 29 February of a common year
    "198503152010131002": "appointment year and month",  # month 13
    "198503152010001002": "appointment year and month",  # month 00
    "198503151984011002": "must come after",  # appointed before birth
    "198503151985031002": "must come after",  # appointed in the birth month
    "198503152010013002": "digit 15",  # sex digit 3
    "198503152010010002": "digit 15",  # sex digit 0
    "289903152010011002": "not plausible",  # birth in the future
}


@tagged("post_install", "-at_install")
class TestNipParsing(BaseCase):
    """The NIP as a plain function, without the ORM."""

    def test_parse_valid_nips(self):
        for value, birth, appointment, sex in VALID:
            info = parse_nip(value)
            self.assertEqual((info.birth_date, info.appointment_month, info.sex), (birth, appointment, sex), value)

    def test_parse_invalid_nips_say_what_is_wrong(self):
        for value, reason in INVALID.items():
            with self.subTest(nip=value), self.assertRaisesRegex(NipError, reason):
                parse_nip(value)

    def test_ni_pppk_code_21_only_for_pppk(self):
        info = parse_nip("198808182023212017", asn_type="pppk")
        self.assertEqual(
            (info.birth_date, info.appointment_month, info.sex), (datetime.date(1988, 8, 18), None, "female")
        )
        for asn_type in (None, "pns"):
            with self.subTest(asn_type=asn_type), self.assertRaisesRegex(NipError, "appointment year and month"):
                parse_nip("198808182023212017", asn_type=asn_type)

    def test_format_nip(self):
        self.assertEqual(format_nip("198503152010011002"), "19850315 201001 1 002")


@tagged("post_install", "-at_install")
class TestEmployeeNip(KinerjaCase):
    def test_valid_nip_is_stored_normalised_with_derived_fields(self):
        employee = self.env["hr.employee"].create({"name": "Rina", "nip": "19880229 201508 2 003"})
        self.assertEqual(employee.nip, "198802292015082003")
        self.assertEqual(employee.nip_birth_date, datetime.date(1988, 2, 29))
        self.assertEqual(employee.nip_appointment_month, datetime.date(2015, 8, 1))
        self.assertEqual(employee.nip_sex, "female")

    def test_ni_pppk_with_code_21(self):
        employee = self.env["hr.employee"].create(
            {"name": "Guru PPPK", "nip": "198808182023212017", "asn_type": "pppk"}
        )
        self.assertEqual(employee.nip_birth_date, datetime.date(1988, 8, 18))
        self.assertFalse(employee.nip_appointment_month)
        with self.assertRaisesRegex(ValidationError, "appointment year and month"):
            employee.asn_type = "pns"

    def test_invalid_nips_are_refused_with_their_reason(self):
        for value, reason in INVALID.items():
            with self.subTest(nip=value), self.assertRaisesRegex(ValidationError, reason):
                self.env["hr.employee"].create({"name": "Salah", "nip": value})

    def test_long_nip_is_not_truncated_on_write(self):
        original = self.staff.nip
        with self.assertRaisesRegex(ValidationError, "19 digits"), self.env.cr.savepoint():
            self.staff.write({"nip": original + "9"})
        self.staff.invalidate_recordset(["nip"])
        self.assertEqual(self.staff.nip, original)

    def test_error_is_translated_to_indonesian(self):
        self.load_indonesian()
        Employee = self.env["hr.employee"].with_context(lang="id_ID")
        with self.assertRaisesRegex(ValidationError, "tepat 18 digit"):
            Employee.create({"name": "Salah", "nip": "19850315201001100"})

    def test_nip_unique_among_active_employees_of_a_company(self):
        with self.assertRaises(IntegrityError) as caught, mute_logger("odoo.sql_db"):
            self.env["hr.employee"].create({"name": "Kembar", "nip": self.staff.nip})
        # what an RPC caller is shown
        message = self.env["hr.employee"]._sql_error_to_message(caught.exception)
        self.assertIn("already has this NIP", message)

    def test_archived_duplicate_is_allowed(self):
        self.staff.active = False
        self.env.flush_all()
        twin = self.env["hr.employee"].create({"name": "Pengganti", "nip": self.staff.nip})
        self.assertEqual(twin.nip, self.staff.nip)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.staff.active = True
            self.env.flush_all()

    def test_same_nip_in_another_company_is_allowed(self):
        other = self.env["res.company"].create({"name": "Kabupaten Tetangga"})
        twin = self.env["hr.employee"].create({"name": "Kembar", "nip": self.staff.nip, "company_id": other.id})
        self.assertEqual(twin.company_id, other)
