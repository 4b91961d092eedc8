"""The SIASN import applies a transfer (docs/rules.md §17, §23): a new unit or job of someone with an SKP in a
period not closed splits it as HR's Mutasi / Promosi does, from SIASN's TMT jabatan; a refused transfer is a
line of the result and the employee is updated all the same."""

import base64
import json
from datetime import date
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

from .common import OFFICER

DATA = Path(__file__).parent / "data"
CSV_TEXT = (DATA / "siasn_export_data_asn.csv").read_text()
UNOR = json.loads((DATA / "siasn_ref_unor.json").read_text())
HEADER = CSV_TEXT.splitlines()[0].split("|")
ROWS = [dict(zip(HEADER, line.split("|"), strict=True)) for line in CSV_TEXT.splitlines()[1:]]
UNIT_UMUM = UNOR["data"][2]["Id"]
UNIT_MUTASI = UNOR["data"][1]["Id"]
NIP = {row["nama"]: row["nip_baru"].lstrip("'") for row in ROWS}


def csv_of(rows):
    return "\n".join(["|".join(HEADER)] + ["|".join(row.get(name, "") for name in HEADER) for row in rows]) + "\n"


def moved(name, **values):
    """The sample rows with ``name``'s row changed by ``values``."""
    return [dict(row, **values) if row["nama"] == name else row for row in ROWS]


@tagged("post_install", "-at_install")
class TestSiasnTransfer(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "siasn_transfer_officer", groups=OFFICER, name="Pengelola Mutasi")
        cls.imported(ROWS)
        cls.period = cls.env["asn.kinerja.period"].create(
            {"name": "Tahun 2026", "date_start": "2026-01-01", "date_end": "2026-12-31", "period_type": "annual"}
        )
        cls.period.with_user(cls.officer).action_open()

    @classmethod
    def imported(cls, rows, preview=False):
        wizard = (
            cls.env["asn.kinerja.siasn.import"]
            .with_user(cls.officer)
            .create(
                {
                    "employee_file": base64.b64encode(csv_of(rows).encode()),
                    "unor_file": base64.b64encode(json.dumps(UNOR).encode()),
                }
            )
        )
        if preview:
            wizard.action_preview()
        else:
            wizard.action_import()
        return wizard

    def person(self, name):
        return self.env["hr.employee"].search([("nip", "=", NIP[name])])

    def parts(self, employee):
        return (
            self.env["asn.kinerja.appraisal"]
            .search([("employee_id", "=", employee.id), ("period_id", "=", self.period.id)])
            .sorted("date_start")
        )

    def notes(self, wizard):
        return (wizard.problem_ids | wizard.note_ids).filtered(lambda line: line.kind == "transfer")

    def test_new_unit_in_next_months_file_splits_the_skp(self):
        clerk = self.person("Siti Aminah")
        skp = self.parts(clerk)
        self.assertEqual(len(skp), 1)
        skp.sudo().with_context(asn_workflow_step=True).write({"state": "approved"})
        old_appraiser = skp.appraiser_id
        self.assertTrue(old_appraiser)
        wizard = self.imported(moved("Siti Aminah", unor_id=UNIT_UMUM, tmt_jabatan="01-07-2026"))
        self.assertFalse(self.notes(wizard))
        old_part, new_part = self.parts(clerk)
        self.assertEqual(old_part, skp)
        self.assertEqual((old_part.date_start, old_part.date_end), (date(2026, 1, 1), date(2026, 6, 30)))
        self.assertEqual((old_part.state, old_part.appraiser_id), ("approved", old_appraiser))
        self.assertEqual((new_part.date_start, new_part.date_end), (date(2026, 7, 1), date(2026, 12, 31)))
        self.assertEqual(new_part.previous_appraisal_id, old_part)
        self.assertEqual(new_part.department_id.siasn_unor_id, UNIT_UMUM)
        self.assertEqual(new_part.appraiser_id, self.person("Agus Salim"), "the unit rule's appraiser")
        self.assertEqual(clerk.appraiser_id, self.person("Agus Salim"))
        self.assertIn("SIASN", old_part.message_ids[0].body)
        # a TMT before the current part's start is refused, listed, and the employee still updated
        wizard = self.imported(moved("Siti Aminah", unor_id=UNIT_MUTASI, tmt_jabatan="01-03-2026"))
        self.assertIn("Transfer not applied", self.notes(wizard).message)
        self.assertEqual(len(self.parts(clerk)), 2)
        self.assertEqual(clerk.department_id.siasn_unor_id, UNIT_MUTASI)

    def test_done_skp_is_listed_and_the_employee_updated(self):
        analyst = self.person("Dedi Kurniawan")
        skp = self.parts(analyst)
        skp.sudo().with_context(asn_workflow_step=True).write({"state": "done"})
        wizard = self.imported(moved("Dedi Kurniawan", unor_id=UNIT_UMUM, tmt_jabatan="01-09-2026"))
        note = self.notes(wizard)
        self.assertEqual(len(note), 1)
        self.assertIn("Transfer not applied", note.message)
        self.assertIn(skp.name, note.message)
        self.assertEqual(analyst.department_id.siasn_unor_id, UNIT_UMUM)
        self.assertEqual(self.parts(analyst), skp)
        self.assertEqual((skp.state, skp.date_end), ("done", date(2026, 12, 31)))

    def test_no_change_no_transfer(self):
        before = self.env["asn.kinerja.appraisal"].search([("period_id", "=", self.period.id)])
        self.assertTrue(before)
        # the same file, and a new rank only: nobody changes post
        self.imported(ROWS)
        wizard = self.imported(moved("Dedi Kurniawan", gol_akhir_id="32", gol_akhir_nama="III/b"))
        self.assertEqual(wizard.count_update, 1)
        self.assertFalse(self.notes(wizard))
        after = self.env["asn.kinerja.appraisal"].search([("period_id", "=", self.period.id)])
        self.assertEqual(after, before)
        self.assertFalse(after.filtered("previous_appraisal_id"))

    def test_preview_lists_the_transfers_it_will_refuse_before_writing(self):
        """The preview names the transfers the apply path would refuse, by the same rule (a finished SKP, a date
        before the current part), and writes nothing."""
        analyst = self.person("Dedi Kurniawan")
        done = self.parts(analyst)
        done.sudo().with_context(asn_workflow_step=True).write({"state": "done"})
        clerk = self.person("Siti Aminah")
        self.imported(moved("Siti Aminah", unor_id=UNIT_UMUM, tmt_jabatan="01-07-2026"))
        self.assertEqual(len(self.parts(clerk)), 2)
        rows = [
            dict(row, unor_id=UNIT_UMUM, tmt_jabatan="01-09-2026")
            if row["nama"] == "Dedi Kurniawan"
            else dict(row, unor_id=UNIT_MUTASI, tmt_jabatan="01-03-2026")
            if row["nama"] == "Siti Aminah"
            else row
            for row in ROWS
        ]
        analyst_unit, clerk_unit = analyst.department_id, clerk.department_id
        wizard = self.imported(rows, preview=True)
        notes = self.notes(wizard)
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(sorted(notes.mapped("reference")), sorted([NIP["Dedi Kurniawan"], NIP["Siti Aminah"]]))
        self.assertFalse(notes.filtered("blocking"), "a refused transfer is a note: the rest imports")
        message = {note.reference: note.message for note in notes}
        self.assertIn(f"{done.name} is finished: reopen it first", message[NIP["Dedi Kurniawan"]])
        self.assertIn("is before the start of", message[NIP["Siti Aminah"]])
        self.assertIn("2026-07-01", message[NIP["Siti Aminah"]])
        # nothing written: the people keep their units, the SKPs their parts
        self.assertEqual((analyst.department_id, clerk.department_id), (analyst_unit, clerk_unit))
        self.assertEqual(self.parts(analyst), done)
        self.assertEqual(len(self.parts(clerk)), 2)
        # the import lists the same notes once, and updates the people all the same
        wizard = self.imported(rows)
        self.assertEqual(sorted(self.notes(wizard).mapped("message")), sorted(message.values()))
        self.assertEqual(analyst.department_id.siasn_unor_id, UNIT_UMUM)
        self.assertEqual(len(self.parts(clerk)), 2)
