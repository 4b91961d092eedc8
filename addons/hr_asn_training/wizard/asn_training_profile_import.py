"""Import of competency profiles and of talent-box potentials from a file (docs/rules.md §25): one row per
NIP. Every row is checked first; one bad row and nothing is written, with the errors of every row."""

import base64
from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.hr_asn_kinerja.tools.nip import normalize_nip
from odoo.addons.hr_asn_kinerja.tools.siasn_master import is_xlsx, parse_date, read_csv, read_employee_xlsx

from ..models.asn_talent_box_line import POTENTIAL_SOURCES, POTENTIALS
from ..models.asn_training_competency import LEVEL_MAX, LEVEL_MIN

# the columns of each kind of file (a header row names them, in any order)
COLUMNS = {
    "competency": ("nip", "competency", "level", "date"),
    "potential": ("nip", "potential", "source", "date"),
}
# the Indonesian words HR writes beside the keys
POTENTIAL_WORDS = {"tinggi": "high", "menengah": "medium", "sedang": "medium", "rendah": "low"}
SOURCE_WORDS = {"assessment centre": "assessment", "assessment center": "assessment", "komite": "committee"}
MAX_ERRORS_SHOWN = 20


def read_rows(data):
    """The rows of a CSV (comma or semicolon) or XLSX file as dicts of lower-case column -> value."""
    if is_xlsx(data):
        return read_employee_xlsx(data)
    first = data.decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    return read_csv(data, ";" if first.count(";") > first.count(",") else ",")


class AsnTrainingProfileImport(models.TransientModel):
    _name = "asn.training.profile.import"
    _description = "Import Competency Profiles or Potentials"

    kind = fields.Selection(
        [("competency", "Competency Profiles"), ("potential", "Talent Box Potentials")],
        required=True,
        default="competency",
    )
    box_id = fields.Many2one("asn.talent.box", "Talent Box", help="The box whose lines take the potentials.")
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        """HR (competency profiles) or HR and the committee (a talent box): read the file, check every row,
        then write them all, or nothing."""
        self.ensure_one()
        try:
            rows = read_rows(self._file_bytes())
        except ValueError:
            raise UserError(self.env._("The file is neither a CSV nor an XLSX workbook.")) from None
        missing = [name for name in COLUMNS[self.kind] if rows and name not in rows[0]]
        if not rows or missing:
            raise UserError(
                self.env._(
                    "The file needs a header row with the columns %(columns)s.", columns=", ".join(COLUMNS[self.kind])
                )
            )
        if self.kind == "potential" and not self.box_id:
            raise UserError(self.env._("Choose the talent box that takes the potentials."))
        if self.kind == "potential" and self.box_id.state == "set":
            raise UserError(
                self.env._("%(box)s is set: its potentials no longer change.", box=self.box_id.display_name)
            )
        errors = []
        values = getattr(self, f"_check_{self.kind}_rows")(rows, errors)
        if errors:
            shown = errors[:MAX_ERRORS_SHOWN]
            if len(errors) > MAX_ERRORS_SHOWN:
                shown.append(self.env._("... and %(count)s more.", count=len(errors) - MAX_ERRORS_SHOWN))
            raise UserError(self.env._("Nothing was imported:") + "\n" + "\n".join(shown))
        count = getattr(self, f"_write_{self.kind}")(values)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s rows imported.", count=count),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _file_bytes(self):
        return base64.b64decode(self.file or b"")

    def _employees_by_nip(self, rows):
        """{normalised NIP: employee} of the caller's agencies (one query)."""
        nips = {normalize_nip(row.get("nip")) for row in rows} - {""}
        employees = self.env["hr.employee"].search(
            [("nip", "in", list(nips)), ("company_id", "in", self.env.companies.ids)]
        )
        return {employee.nip: employee for employee in employees}

    def _row_employee(self, number, row, employees, errors):
        nip = normalize_nip(row.get("nip"))
        employee = employees.get(nip)
        if not employee:
            errors.append(self.env._("Row %(row)s: no employee with the NIP %(nip)s.", row=number, nip=row.get("nip")))
        return employee

    def _row_date(self, number, row, errors):
        if not row.get("date"):
            return fields.Date.context_today(self)
        if found := parse_date(row["date"]):
            return found
        errors.append(self.env._("Row %(row)s: %(date)s is not a date (dd-mm-yyyy).", row=number, date=row["date"]))
        return None

    # ------------------------------------------------------------------
    # competency profiles
    # ------------------------------------------------------------------
    def _check_competency_rows(self, rows, errors):
        employees = self._employees_by_nip(rows)
        competencies = self.env["asn.training.competency"]._match_names([row.get("competency") for row in rows])
        values = {}
        for number, row in enumerate(rows, start=2):
            employee = self._row_employee(number, row, employees, errors)
            competency = competencies.get((row.get("competency") or "").strip().lower())
            if not competency:
                errors.append(
                    self.env._(
                        "Row %(row)s: no competency named %(name)s.", row=number, name=row.get("competency") or "-"
                    )
                )
            level = row.get("level", "")
            if not (level.isdigit() and LEVEL_MIN <= int(level) <= LEVEL_MAX):
                errors.append(self.env._("Row %(row)s: the level is a whole number from 1 to 5.", row=number))
            date = self._row_date(number, row, errors)
            if employee and competency and date and level.isdigit():
                # a later row of the same person and competency wins
                values[employee.id, competency.id] = {"level": int(level), "date": date, "source": "imported"}
        return values

    def _write_competency(self, values):
        Profile = self.env["asn.training.employee.competency"]
        existing = Profile.search(
            [
                ("employee_id", "in", list({key[0] for key in values})),
                ("competency_id", "in", list({key[1] for key in values})),
            ]
        )
        by_key = {(row.employee_id.id, row.competency_id.id): row for row in existing}
        to_create, to_write = [], defaultdict(Profile.browse)
        for key, vals in values.items():
            if row := by_key.get(key):
                to_write[vals["level"], vals["date"]] |= row
            else:
                to_create.append({"employee_id": key[0], "competency_id": key[1], **vals})
        for (level, date), rows in to_write.items():
            rows.write({"level": level, "date": date, "source": "imported", "course_id": False})
        Profile.create(to_create)
        return len(values)

    # ------------------------------------------------------------------
    # talent box potentials
    # ------------------------------------------------------------------
    def _check_potential_rows(self, rows, errors):
        employees = self._employees_by_nip(rows)
        lines = {line.employee_id.id: line for line in self.box_id.line_ids}
        potentials = {key: key for key, _label in POTENTIALS} | POTENTIAL_WORDS
        potentials |= {str(label).lower(): key for key, label in self._selection_labels("potential")}
        sources = {key: key for key, _label in POTENTIAL_SOURCES} | SOURCE_WORDS
        sources |= {str(label).lower(): key for key, label in self._selection_labels("potential_source")}
        values = {}
        for number, row in enumerate(rows, start=2):
            employee = self._row_employee(number, row, employees, errors)
            line = employee and lines.get(employee.id)
            if employee and not line:
                errors.append(
                    self.env._(
                        "Row %(row)s: %(employee)s is not in %(box)s.",
                        row=number,
                        employee=employee.name,
                        box=self.box_id.display_name,
                    )
                )
            potential = potentials.get((row.get("potential") or "").strip().lower())
            if not potential:
                errors.append(
                    self.env._(
                        "Row %(row)s: the potential is high, medium or low (tinggi, menengah, rendah).", row=number
                    )
                )
            source = sources.get((row.get("source") or "").strip().lower()) if row.get("source") else "other"
            if not source:
                errors.append(
                    self.env._(
                        "Row %(row)s: the source is one of %(sources)s.",
                        row=number,
                        sources=", ".join(key for key, _label in POTENTIAL_SOURCES),
                    )
                )
            date = self._row_date(number, row, errors)
            if line and potential and source and date:
                values[line] = {"potential": potential, "potential_source": source, "potential_date": date}
        return values

    def _selection_labels(self, field_name):
        field = self.env["asn.talent.box.line"]._fields[field_name]
        return field._description_selection(self.env)

    def _write_potential(self, values):
        # the lines' edit rules decide: HR or the committee, while the box is not set
        groups = defaultdict(self.env["asn.talent.box.line"].browse)
        for line, vals in values.items():
            groups[tuple(vals.items())] |= line
        for vals, lines in groups.items():
            lines.write(dict(vals))
        return len(values)
