"""The set talent box as an Excel sheet (OCA report_xlsx): one row per employee with both axes and the box
(docs/rules.md §18)."""

from odoo import models
from odoo.exceptions import UserError

HEADERS = (
    "NIP",
    "Nama",
    "Unit Kerja",
    "Jabatan",
    "Jenis ASN",
    "Jenis Jabatan",
    "Predikat Kinerja",
    "Kinerja",
    "Potensial",
    "Sumber Potensial",
    "Tanggal Potensial",
    "Kotak",
    "Dikecualikan",
)


class ReportTalentBoxXlsx(models.AbstractModel):
    _name = "report.hr_asn_training.report_talent_box_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Talent Box: Excel Export"

    def generate_xlsx_report(self, workbook, data, boxes):
        boxes.check_access("read")
        if unset := boxes.filtered(lambda box: box.state != "set"):
            raise UserError(
                self.env._("Only a set talent box is exported; %(box)s is not set.", box=unset[0].display_name)
            )
        header = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1})
        title = workbook.add_format({"bold": True, "font_size": 13})
        for box in boxes:
            sheet = workbook.add_worksheet(box.period_id.name[:31])
            sheet.write(0, 0, "KOTAK TALENTA (9-BOX)", title)
            sheet.write(1, 0, f"{box.company_id.name} - {box.period_id.name}")
            sheet.write(2, 0, f"Ditetapkan {box.set_date:%d-%m-%Y} oleh {box.set_by_id.name}")
            sheet.write_row(4, 0, ("No", *HEADERS), header)
            sheet.set_column(0, 0, 5)
            sheet.set_column(1, len(HEADERS), 20)
            for index, line in enumerate(box.line_ids.sorted(lambda r: (-r.box, r.employee_name or "")), start=1):
                sheet.write_row(5 + index - 1, 0, (index, *self._row(line)), cell)
            sheet.freeze_panes(5, 0)

    def _row(self, line):
        def label(field):
            return dict(line._fields[field]._description_selection(self.env)).get(line[field], "")

        employee = line.sudo().employee_id
        return (
            employee.nip or "",
            line.employee_name or "",
            line.department_id.name or "",
            line.job_id.name or "",
            label("asn_type"),
            label("asn_position_type"),
            label("predicate"),
            label("performance_status"),
            label("potential"),
            label("potential_source"),
            line.potential_date.strftime("%d-%m-%Y") if line.potential_date else "",
            line.box or "",
            line.exclusion_reason if line.excluded else "",
        )
