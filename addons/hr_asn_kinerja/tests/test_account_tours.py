"""Accounts for everyone, as HR sees it in the browser (docs/rules.md §23): on a desktop HR selects the people
without a user in Data Quality, creates their accounts and reads the summary; on a desktop and on a phone HR
downloads a unit's account letters (one PDF). In the demo, the SIASN import loads the sample files in one click.
The tours are in static/src/tours/kinerja_account_tours.js."""

import json
from pathlib import Path

from odoo.tests import tagged

from .common import make_nip, perform_stored_jobs
from .tour_case import KinerjaTourCase

SAMPLES = Path(__file__).parents[1] / "data" / "siasn"


class AccountTours:
    """Run at both sizes by the classes below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a unit just imported from SIASN: two people without an account, one with an e-mail
        cls.unit = cls.env["hr.department"].create({"name": "Bidang Pindahan"})
        cls.newcomers = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "nip": make_nip(700 + index, sex=str(index + 1)),
                    "department_id": cls.unit.id,
                    "asn_type": "pns",
                    "work_email": email,
                }
                for index, (name, email) in enumerate(
                    [("Rina Pindahan", False), ("Yusuf Pindahan", "yusuf.pindahan@example.com")]
                )
            ]
        )

    def open_unit_letters(self):
        self.start_tour(
            f"/odoo/action-hr.hr_department_kanban_action/{self.unit.id}",
            "hr_asn_kinerja_unit_letters",
            login="kin_officer",
        )
        self.env.invalidate_all()
        # the letter is for the person without an e-mail, whose signup link the print made ready
        without_email = self.newcomers.filtered(lambda employee: not employee.work_email)
        self.assertEqual(without_email.user_id.partner_id.sudo().signup_type, "signup")


@tagged("post_install", "-at_install")
class TestAccountToursDesktop(AccountTours, KinerjaTourCase):
    browser_size = "1366x900"

    def test_create_accounts_and_download_the_letters_of_a_unit(self):
        self.run_tour("hr_asn_kinerja_create_accounts", "kin_officer")
        rina, yusuf = self.newcomers
        self.assertEqual((rina.user_id.login, yusuf.user_id.login), (rina.nip, yusuf.nip))
        # the invitation is a queue_job job's (res_users_invitation): sent once it ran
        perform_stored_jobs(self.env)
        self.assertTrue(self.env["mail.mail"].sudo().search_count([("email_to", "=", yusuf.work_email)]))
        self.open_unit_letters()

    def test_demo_import_loads_the_samples(self):
        self.env["ir.module.module"].search([("name", "=", "hr_asn_kinerja")]).demo = True
        self.run_tour("hr_asn_kinerja_import_samples", "kin_officer")
        wizard = self.env["asn.kinerja.siasn.import"].search([], order="id desc", limit=1)
        people = len((SAMPLES / "export_data_asn.csv").read_text().splitlines()) - 1
        units = len(json.loads((SAMPLES / "ref_unor.json").read_text())["data"])
        self.assertRecordValues(wizard, [{"state": "preview", "count_create": people + units, "count_problem": 0}])
        self.assertFalse(self.env["hr.employee"].search_count([("siasn_id", "!=", False)]), "a preview writes nothing")


@tagged("post_install", "-at_install")
class TestAccountToursPhone(AccountTours, KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_download_the_letters_of_a_unit_on_phone(self):
        # the accounts were made from a desktop
        self.newcomers.with_user(self.user_officer).action_create_users()
        self.open_unit_letters()
