"""Moving in from SIASN, beyond the CSV (docs/rules.md §23): the same columns in an XLSX with its downloadable
template, the account letters with a QR code of a 14-day signup link for the people without an e-mail, and the
sample files of the repository that the wizard loads as they are."""

import base64
import datetime
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from . import siasn_sample
from .common import APPRAISER, OFFICER

SAMPLES = Path(__file__).parents[1] / "data" / "siasn"


def xlsx_of(rows, header=siasn_sample.HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(name, "") for name in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@tagged("post_install", "-at_install")
class TestSiasnMovingIn(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "siasn_moving_officer", groups=OFFICER, name="Pengelola Pindah")
        cls.rows, cls.units = siasn_sample.regency(8, 2)

    def wizard(self, employee_file=None, unor_file=None):
        vals = {}
        if employee_file is not None:
            vals["employee_file"] = base64.b64encode(employee_file)
        if unor_file is not None:
            vals["unor_file"] = base64.b64encode(unor_file)
        return self.env["asn.kinerja.siasn.import"].with_user(self.officer).create(vals)

    def unor(self):
        return siasn_sample.unor_json(self.units).encode()

    def people(self):
        return self.env["hr.employee"].search([("siasn_id", "!=", False)], order="siasn_id")

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------
    def test_xlsx_imports_as_the_csv_does(self):
        # a spreadsheet keeps dates as dates and may drop the ' guard; the columns are reordered
        rows = [
            dict(row, tanggal_lahir=datetime.datetime.strptime(row["tanggal_lahir"], "%d-%m-%Y")) for row in self.rows
        ]
        wizard = self.wizard(xlsx_of(rows, list(reversed(siasn_sample.HEADER))), self.unor())
        wizard.action_preview()
        self.assertEqual((wizard.count_create, wizard.count_problem), (8 + 2, 0))
        wizard.action_import()
        people = self.people()
        self.assertEqual(len(people), 8)
        head, staff = people[0], people[2]
        self.assertEqual(head.nip, self.rows[0]["nip_baru"].lstrip("'"))
        self.assertEqual(staff.department_id.siasn_unor_id, siasn_sample.unit_id(0))
        self.assertEqual(staff.parent_id, head)
        # the CSV of the same people afterwards changes nothing
        again = self.wizard(siasn_sample.employee_csv(self.rows).encode(), self.unor())
        again.action_preview()
        self.assertEqual((again.count_create, again.count_update), (0, 0))

    def test_xlsx_problems_are_named_per_line(self):
        rows = [dict(self.rows[2], nip_baru="1234")] + self.rows
        wizard = self.wizard(xlsx_of(rows), self.unor())
        with self.assertRaisesRegex(UserError, "line 2"):
            wizard.action_import()
        self.assertFalse(self.people())

    def test_unreadable_xlsx_is_refused(self):
        with self.assertRaisesRegex(UserError, "XLSX"):
            self.wizard(b"PK\x03\x04not a workbook").action_preview()

    def test_template_download(self):
        wizard = self.wizard()
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/{wizard.id}/template_file/", action["url"])
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.template_file))).active
        header = [cell.value for cell in sheet[1]]
        for column in ("nip_baru", "nama", "gol_akhir_id", "jenis_jabatan_id", "unor_id", "kedudukan_hukum_id"):
            self.assertIn(column, header)
        # its example row reads as a row: its unit is the one thing the reference does not have
        template = self.wizard(base64.b64decode(wizard.template_file))
        template.action_preview()
        self.assertEqual(template.problem_ids.mapped("kind"), ["unknown_unit"])
        with self.assertRaises(AccessError):
            wizard.with_user(new_test_user(self.env, "siasn_moving_head", groups=APPRAISER)).action_download_template()

    # ------------------------------------------------------------------
    # account letters
    # ------------------------------------------------------------------
    def accounts(self):
        self.wizard(siasn_sample.employee_csv(self.rows).encode(), self.unor()).action_import()
        people = self.people()
        people.with_user(self.officer).action_create_users()
        return people

    def test_letters_for_the_people_without_email_only(self):
        people = self.accounts()
        without_email = people.filtered(lambda employee: not employee.work_email)
        self.assertEqual(len(without_email), 4)
        action = people.with_user(self.officer).action_print_account_letters()
        self.assertEqual(action["report_name"], "hr_asn_kinerja.report_account_letter")
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(without_email.ids))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_html("hr_asn_kinerja.report_account_letter", without_email.ids)[0]
            .decode()
        )
        self.assertEqual(html.count('class="page"'), 4, "a page per person")
        for employee in without_email:
            self.assertIn(employee.name, html)
            self.assertIn(employee.user_id.login, html)
        self.assertIn("data:image/png;base64,", html)
        self.assertNotIn("password=", html.lower())
        # printing twice creates nobody; the accounts stay as they were, still without a password
        people.with_user(self.officer).action_create_users()
        people.with_user(self.officer).action_print_account_letters()
        self.assertEqual(len(people.user_id), 8)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM res_users WHERE id IN %s AND password IS NOT NULL", [tuple(people.user_id.ids)]
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_the_link_is_personal_and_valid_14_days(self):
        people = self.accounts()
        employee = people.filtered(lambda employee: not employee.work_email)[0]
        people.with_user(self.officer).action_print_account_letters()
        values = (
            self.env["report.hr_asn_kinerja.report_account_letter"]
            .with_user(self.officer)
            ._get_report_values(employee.ids)
        )
        url = values["letters"][0]["url"]
        self.assertEqual(urlparse(url).path, "/web/signup")
        token = parse_qs(urlparse(url).query)["token"][0]
        Partner = self.env["res.partner"].sudo()
        self.assertEqual(Partner._get_partner_from_token(token), employee.user_id.partner_id)
        info = Partner._signup_retrieve_info(token)
        self.assertEqual(info["login"], employee.nip)
        now = datetime.datetime.now()
        with freeze_time(now + datetime.timedelta(days=13)):
            self.assertTrue(Partner._get_partner_from_token(token))
        with freeze_time(now + datetime.timedelta(days=15)):
            self.assertFalse(Partner._get_partner_from_token(token))

    def test_one_pdf_per_unit(self):
        people = self.accounts()
        unit = people[1].department_id
        action = unit.with_user(self.officer).action_print_account_letters()
        expected = people.filtered(lambda employee: employee.department_id == unit and not employee.work_email)
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(expected.ids))
        self.assertTrue(expected)

    def test_letters_are_for_hr_only(self):
        people = self.accounts()
        head = new_test_user(self.env, "siasn_moving_reader", groups=APPRAISER)
        with self.assertRaises(AccessError):
            people.with_user(head).action_print_account_letters()
        with self.assertRaises(AccessError):
            self.env["report.hr_asn_kinerja.report_account_letter"].with_user(head)._get_report_values(people.ids)
        with self.assertRaisesRegex(UserError, "No letter"):
            people.filtered("work_email").with_user(self.officer).action_print_account_letters()

    # ------------------------------------------------------------------
    # the sample files of the repository
    # ------------------------------------------------------------------
    def test_demo_loads_the_sample_files_in_one_click(self):
        wizard = self.wizard()
        self.assertFalse(wizard.samples_offered, "outside the demo, HR chooses their own files")
        with self.assertRaisesRegex(UserError, "demo only"):
            wizard.action_load_samples()
        self.env["ir.module.module"].search([("name", "=", "hr_asn_kinerja")]).demo = True
        wizard.invalidate_recordset(["samples_offered"])
        self.assertTrue(wizard.samples_offered)
        with self.assertRaises(AccessError):
            wizard.with_user(new_test_user(self.env, "siasn_moving_demo_head", groups=APPRAISER)).action_load_samples()
        action = wizard.action_load_samples()
        self.assertEqual((action["res_id"], action["target"]), (wizard.id, "new"))
        csv, unor = (SAMPLES / "export_data_asn.csv").read_bytes(), (SAMPLES / "ref_unor.json").read_bytes()
        self.assertEqual((base64.b64decode(wizard.employee_file), base64.b64decode(wizard.unor_file)), (csv, unor))
        self.assertEqual((wizard.employee_filename, wizard.unor_filename), ("export_data_asn.csv", "ref_unor.json"))
        wizard.action_preview()
        people, units = len(csv.decode().splitlines()) - 1, len(json.loads(unor)["data"])
        self.assertEqual((wizard.count_create, wizard.count_problem), (people + units, 0))
        self.assertFalse(self.people(), "a preview writes nothing")

    def test_sample_files_load_as_they_are(self):
        wizard = self.wizard((SAMPLES / "export_data_asn.csv").read_bytes(), (SAMPLES / "ref_unor.json").read_bytes())
        wizard.action_preview()
        self.assertFalse(wizard.problem_ids, wizard.problem_ids.mapped("message"))
        self.assertGreater(wizard.count_create, 20)
        wizard.action_import()
        self.assertTrue(all(re.fullmatch(r"\d{18}", nip) for nip in self.people().mapped("nip")))
        xlsx = self.wizard((SAMPLES / "export_data_asn.xlsx").read_bytes())
        xlsx.action_preview()
        self.assertEqual((xlsx.count_create, xlsx.count_update, xlsx.count_problem), (0, 0, 0))


@tagged("post_install", "-at_install")
class TestSiasnMovingInHttp(HttpCase):
    """What HR downloads over HTTP: the XLSX template and the letters of a unit."""

    def test_template_and_letters_download(self):
        officer = new_test_user(self.env, "siasn_http_officer", groups=OFFICER)
        rows, units = siasn_sample.regency(6, 2)
        wizard = siasn_sample.import_wizard(self.env, rows, units, officer)
        wizard.action_import()
        people = self.env["hr.employee"].search([("siasn_id", "!=", False)])
        people.with_user(officer).action_create_users()
        action = people.with_user(officer).action_print_account_letters()
        ids = ",".join(map(str, action["context"]["active_ids"]))
        self.authenticate(officer.login, officer.login)
        response = self.url_open(wizard.action_download_template()["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"), "an XLSX workbook")
        response = self.url_open(f"/report/html/hr_asn_kinerja.report_account_letter/{ids}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(people.filtered(lambda employee: not employee.work_email)[0].nip, response.text)
        self.assertIn("data:image/png;base64,", response.text)
        reader = new_test_user(self.env, "siasn_http_reader", groups=APPRAISER)
        self.authenticate(reader.login, reader.login)
        response = self.url_open(f"/report/html/hr_asn_kinerja.report_account_letter/{ids}")
        self.assertNotIn("data:image/png;base64,", response.text)
