"""The RKA annex of competency needs plans as a spreadsheet (OCA report_xlsx, docs/rules.md §25): per plan
the courses or paths with people, JP and cost and the plan's totals, then every need."""

from odoo import models


class ReportTrainingNeedsXlsx(models.AbstractModel):
    _name = "report.hr_asn_training.report_training_needs_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Competency Needs Plan: RKA Annex (XLSX)"

    def generate_xlsx_report(self, workbook, data, plans):
        plans.check_access("read")
        bold = workbook.add_format({"bold": True, "font_size": 13})
        header = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1})
        total = workbook.add_format({"border": 1, "bold": True})
        summary = workbook.add_worksheet("Rekap RKA")
        summary.write(0, 0, "LAMPIRAN RKA: RENCANA KEBUTUHAN PENGEMBANGAN KOMPETENSI (AKPK)", bold)
        summary.write_row(2, 0, ("Unit", "Tahun", "Pelatihan / Jalur", "Jenis", "Orang", "JP", "Biaya"), header)
        summary.set_column(0, 0, 30)
        summary.set_column(2, 2, 40)
        summary.set_column(3, 6, 14)
        row = 3
        for plan in plans:
            for line in plan._rka_rows():
                values = (plan.department_id.name, plan.year, line["label"], line["path"], line["people"])
                summary.write_row(row, 0, (*values, line["jp"], line["cost"]), cell)
                row += 1
            totals = (plan.department_id.name, plan.year, "Jumlah", "", plan.people_count, plan.jp_total)
            summary.write_row(row, 0, (*totals, plan.cost_total), total)
            row += 2
        needs = workbook.add_worksheet("Kebutuhan")
        columns = ("Unit", "Tahun", "Pegawai", "NIP", "Kompetensi", "Sumber", "Pelatihan", "JP", "Biaya", "Prioritas")
        needs.write_row(0, 0, columns, header)
        needs.set_column(0, len(columns), 18)
        sources = dict(self.env["asn.training.needs.line"]._fields["need_source"]._description_selection(self.env))
        priorities = dict(self.env["asn.training.needs.line"]._fields["priority"]._description_selection(self.env))
        row = 1
        for plan in plans:
            for line in plan.sudo().line_ids:
                values = (
                    plan.department_id.name,
                    plan.year,
                    line.employee_id.name,
                    line.employee_id.nip or "",
                    line.competency_id.name or "",
                    sources.get(line.need_source, ""),
                    line.course_id.name or "",
                    line.jp_hours,
                    line.cost,
                    priorities.get(line.priority, ""),
                )
                needs.write_row(row, 0, values, cell)
                row += 1
        needs.freeze_panes(1, 0)
