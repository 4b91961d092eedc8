"""The file of a SIASN export (docs/rules.md §10, §15): the records as JSON (the API bodies), CSV, or the
e-Kinerja Excel recap."""

import csv
import io
import json

from odoo import models

# the sheets of the Excel recap: section -> (title, column headers of the display rows)
SKP_HEADERS = (
    "NIP",
    "Nama",
    "Pangkat/Gol. Ruang",
    "Jabatan",
    "Unit Kerja",
    "Periode",
    "Rating Hasil Kerja",
    "Rating Perilaku Kerja",
    "Predikat Kinerja",
    "Pejabat Penilai",
    "NIP Pejabat Penilai",
)
SHEETS = {
    "skp22": ("SKP Tahunan", SKP_HEADERS),
    "kinerjaperiodik": ("Kinerja Periodik", SKP_HEADERS),
}


class AsnKinerjaSiasnExport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.export"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # the file
    # ------------------------------------------------------------------
    def _sheets(self):
        """{section: (sheet title, headers)} of the Excel recap, in sheet order (extended by other addons)."""
        return dict(SHEETS)

    def _render(self, sections, left_out):
        if self.file_format == "json":
            return self._render_json(sections, left_out), "json"
        if self.file_format == "csv":
            return self._render_csv(sections), "csv"
        report = self.env.ref("hr_asn_kinerja.action_report_siasn_xlsx")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_context(active_model=self._name)
            ._render_xlsx(report, self.ids, {"sections": sections, "left_out": left_out})
        )
        return content, "xlsx"

    def _render_json(self, sections, left_out):
        """One object per record, in SIASN's shape, per section; then the records left out and why."""
        document = {
            "periode": self.period_id.name,
            "instansi": self.period_id.company_id.name,
            **{section: [payload for payload, _row in entries] for section, entries in sections.items()},
            "tidakDiekspor": [
                {
                    "jenis": vals["section"],
                    "nipBaru": vals["nip"],
                    "nama": vals["employee_name"],
                    "alasan": vals["reason"],
                }
                for vals in left_out
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode()

    def _render_csv(self, sections):
        """One row per record, the section in column ``jenis``, then every SIASN field of any section."""
        columns = ["jenis"]
        for entries in sections.values():
            for payload, _row in entries[:1]:
                columns += [key for key in payload if key not in columns]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, columns, restval="", lineterminator="\n")
        writer.writeheader()
        for section, entries in sections.items():
            writer.writerows({"jenis": section, **payload} for payload, _row in entries)
        return buffer.getvalue().encode()
