"""The bases of the SIASN tests: the sample files of tests/data, the import wizard and the export wizard."""

import base64
import csv
import io
import json
from pathlib import Path

import xlrd

from odoo.tests import TransactionCase, new_test_user

from .common import OFFICER, KinerjaCase

DATA = Path(__file__).parent / "data"
CSV_TEXT = (DATA / "siasn_export_data_asn.csv").read_text()
UNOR = json.loads((DATA / "siasn_ref_unor.json").read_text())
HEADER = CSV_TEXT.splitlines()[0].split("|")
ROWS = [dict(zip(HEADER, line.split("|"), strict=True)) for line in CSV_TEXT.splitlines()[1:]]
UNIT_TOP, UNIT_MUTASI, UNIT_UMUM = (unit["Id"] for unit in UNOR["data"])
NIP = {row["nama"]: row["nip_baru"].lstrip("'") for row in ROWS}


def csv_of(rows, header=HEADER):
    return "\n".join(["|".join(header)] + ["|".join(row.get(name, "") for name in header) for row in rows]) + "\n"


def changed(name, **values):
    """The sample row of ``name`` with ``values`` instead."""
    return dict(next(row for row in ROWS if row["nama"] == name), **values)


def b64(text):
    return base64.b64encode(text.encode()).decode()


class SiasnImportCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(cls.env, "siasn_officer", groups=OFFICER, name="Pengelola SIASN")

    def wizard(self, rows=ROWS, units=UNOR, **vals):
        if rows is not None:
            vals["employee_file"] = b64(rows if isinstance(rows, str) else csv_of(rows))
        if units is not None:
            vals["unor_file"] = b64(json.dumps(units))
        return self.env["asn.kinerja.siasn.import"].with_user(self.user_officer).create(vals)

    def imported(self, rows=ROWS, units=UNOR, **vals):
        wizard = self.wizard(rows, units, **vals)
        wizard.action_import()
        return wizard

    def person(self, name):
        return self.env["hr.employee"].search([("nip", "=", NIP[name])])

    def unit(self, uid):
        return self.env["hr.department"].search([("siasn_unor_id", "=", uid)])


EXPORT = "asn.kinerja.siasn.export"
FINAL_FIELDS = [f"final_appraiser_{key}" for key in ("name", "nip", "asn_type", "rank", "job", "unit")]


class SiasnCase(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor.job_title = "Kepala Bidang Kinerja"

    def export(self, file_format="json", period=None, user=None):
        wizard = (
            self.env[EXPORT]
            .with_user(user or self.user_officer)
            .create({"period_id": (period or self.period).id, "file_format": file_format})
        )
        wizard.action_export()
        return wizard

    def content(self, wizard):
        raw = base64.b64decode(wizard.export_file)
        if wizard.file_format == "json":
            return json.loads(raw)
        if wizard.file_format == "csv":
            return list(csv.DictReader(io.StringIO(raw.decode())))
        book = xlrd.open_workbook(file_contents=raw)
        return {sheet.name: [sheet.row_values(row) for row in range(sheet.nrows)] for sheet in book.sheets()}
