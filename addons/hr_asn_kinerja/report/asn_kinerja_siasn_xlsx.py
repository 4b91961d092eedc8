"""The SIASN export as the e-Kinerja Excel recap (OCA report_xlsx): one sheet per SIASN section with the
people and values as e-Kinerja prints them, then the records left out and why."""

from odoo import models

from ..tools.periods import period_label


class ReportSiasnXlsx(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_siasn_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "SIASN Export: e-Kinerja Recap"

    def generate_xlsx_report(self, workbook, data, exports):
        """``data``: the sections and left-out lines the wizard collected (``_collect``); without them
        (printed from the menu) the wizard collects them here."""
        export = exports[:1]
        export._check_officer()
        if not data or "sections" not in data:
            sections, left_out = export._collect()
        else:
            sections, left_out = data["sections"], data["left_out"]
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "header": workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True}),
            "cell": workbook.add_format({"border": 1}),
        }
        period = export.period_id
        subtitle = f"{period.company_id.name} - {period.name} ({period_label(period.period_type, period.date_start, period.date_end)})"
        for section, (title, headers) in export._sheets().items():
            rows = [row for _payload, row in sections.get(section, [])]
            self._write_sheet(workbook, formats, title, subtitle, headers, rows)
        self._write_sheet(
            workbook,
            formats,
            "Tidak Diekspor",
            subtitle,
            ("Jenis", "NIP", "Nama", "Alasan"),
            [(vals["section"], vals["nip"], vals["employee_name"], vals["reason"]) for vals in left_out],
        )

    def _write_sheet(self, workbook, formats, title, subtitle, headers, rows):
        sheet = workbook.add_worksheet(title)
        sheet.write(0, 0, f"REKAPITULASI {title.upper()}", formats["title"])
        sheet.write(1, 0, subtitle)
        sheet.write_row(3, 0, ("No", *headers), formats["header"])
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, len(headers), 22)
        for index, row in enumerate(rows, start=1):
            sheet.write_row(3 + index, 0, (index, *row), formats["cell"])
        sheet.freeze_panes(4, 0)
