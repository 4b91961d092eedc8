"""SIASN-ready export of a period (docs/rules.md §10, §15): the finished SKPs as SIASN records, the ones
left out with the reason, as JSON (the API bodies), CSV or the e-Kinerja Excel recap.

Records are SIASN's own shapes: ``skp22`` for an annual SKP, ``kinerjaperiodik`` for a semester, quarter
or month. SIASN identifies the employee by its internal id (``pnsDinilaiOrang``/``pnsDinilaiId``), which
this application does not hold: each record carries the NIP as ``nipBaru``, from which the uploader
looks the id up. Codes come from ``asn.kinerja.siasn.code``; the kuadran is the code of the SKP's
predikat (the §5 matrix), never arithmetic on the two rating codes. Each value has the type the
``skp22/save`` and ``kinerjaperiodik/save`` bodies declare: numbers for the year, the months and the three
codes, strings for the references (``periodikId``, ``koefisienId``, ``penilaiGolongan``). The appraiser is
the one kept on the SKP when it was finalised, and a result still under objection is held back.
"""

import base64
import csv
import io
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from ..tools.nip import PPPK_TYPES, format_nip
from ..tools.periods import period_label
from ..tools.predicate import PREDICATE_NAMES_ID, RATING_NAMES_ID

FORMATS = [("json", "JSON (SIASN API)"), ("csv", "CSV"), ("xlsx", "Excel (e-Kinerja recap)")]
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
# the appraiser kept on the SKP at finalisation (models/asn_kinerja_appraisal_final.py)
FINAL_APPRAISER_KEYS = ("name", "nip", "asn_type", "rank", "job", "unit")
FINAL_APPRAISER_FIELDS = tuple(f"final_appraiser_{key}" for key in FINAL_APPRAISER_KEYS)
SHEETS = {
    "skp22": ("SKP Tahunan", SKP_HEADERS),
    "kinerjaperiodik": ("Kinerja Periodik", SKP_HEADERS),
}


def _reference(code):
    """A code SIASN takes as a reference id: a string (``"2"``), or null where no code is known."""
    return None if code in (None, False, "") else str(code)


class AsnKinerjaSiasnExport(models.TransientModel):
    _name = "asn.kinerja.siasn.export"
    _description = "SIASN Export"

    period_id = fields.Many2one(
        "asn.kinerja.period",
        required=True,
        ondelete="cascade",
        help="An annual period also exports the periodic evaluations of its semesters, quarters and months.",
    )
    file_format = fields.Selection(FORMATS, "Format", required=True, default="json")
    export_file = fields.Binary("File", readonly=True, attachment=False)
    export_filename = fields.Char("File Name", readonly=True)
    record_count = fields.Integer("Records Exported", readonly=True)
    line_ids = fields.One2many("asn.kinerja.siasn.export.line", "export_id", "Records Left Out", readonly=True)
    left_out_count = fields.Integer("Left Out", compute="_compute_left_out_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "asn.kinerja.period" and "period_id" in fields_list:
            values["period_id"] = self.env.context.get("active_id")
        return values

    @api.depends("line_ids")
    def _compute_left_out_count(self):
        for export in self:
            export.left_out_count = len(export.line_ids)

    # ------------------------------------------------------------------
    # the action
    # ------------------------------------------------------------------
    def action_export(self):
        """HR: build the file of the period's finished records and the list of those left out."""
        self.ensure_one()
        self._check_officer()
        Run = self.env["asn.kinerja.siasn.run"]
        if not self.env.context.get("siasn_run") and self._record_estimate() > Run.JOBS_FROM:
            return Run.with_context(siasn_run=True)._start_export(self)._open()
        sections, left_out = self._collect()
        content, extension = self._render(sections, left_out)
        self.write(
            {
                "export_file": base64.b64encode(content),
                "export_filename": f"siasn_{self.period_id.name}.{extension}".replace(" ", "_").replace("/", "-"),
                "record_count": sum(len(entries) for entries in sections.values()),
                "line_ids": [Command.clear()] + [Command.create(vals) for vals in left_out],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _record_estimate(self):
        """How many SKPs the export reads: above ``JOBS_FROM``, a job makes the file."""
        periods = self.period_id | self.period_id.child_ids
        return self.env["asn.kinerja.appraisal"].sudo().search_count([("period_id", "in", periods.ids)])

    def _check_officer(self):
        period = self.period_id
        if not (
            self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")
            and period.company_id in self.env.user.company_ids
        ):
            raise AccessError(
                self.env._("Only Pengelola Kinerja of the agency may export %(period)s.", period=period.name)
            )

    # ------------------------------------------------------------------
    # the records
    # ------------------------------------------------------------------
    def _collect(self):
        """The SIASN records of the period and those left out: ``({section: [(payload, display row)]},
        [left-out line values])``. Other addons add sections (hr_asn_training: diklat, kursus)."""
        sections = {"skp22": [], "kinerjaperiodik": []}
        left_out = []
        codes = self.env["asn.kinerja.siasn.code"]._code_table()
        skps = self._appraisals()
        # a result under objection may still change (PP 30/2019): it goes once decided
        pending = set(
            self.env["asn.kinerja.objection"]
            .sudo()
            .search([("appraisal_id", "in", skps.ids), ("state", "=", "submitted")])
            .appraisal_id.ids
        )
        for skp in skps:
            section = "skp22" if skp.period_id.period_type == "annual" else "kinerjaperiodik"
            if not skp.is_last_part:
                # a period of several posts goes as the result of the last one (docs/rules.md §17)
                left_out.append(self._left_out_vals(section, skp.employee_id, self._part_reason(skp), skp.period_id))
            elif reason := self._skp_left_out_reason(skp, codes, pending):
                left_out.append(self._left_out_vals(section, skp.employee_id, reason, skp.period_id))
            else:
                sections[section].append((self._skp_payload(skp, codes), self._skp_display(skp)))
        return sections, left_out

    def _appraisals(self):
        """Every SKP of the period and of its sub-periods, read in a fixed number of queries."""
        periods = self.period_id | self.period_id.child_ids
        skps = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search_fetch(
                [("period_id", "in", periods.ids)],
                ["period_id", "employee_id", "appraiser_id", "department_id", "job_id", "state"]
                + ["date_start", "date_end", "is_last_part"]
                + ["result_rating", "behavior_rating", "predicate"]
                + list(FINAL_APPRAISER_FIELDS),
                order="period_id, employee_name, id",
            )
        )
        people = skps.employee_id | skps.appraiser_id
        people.fetch(["name", "nip", "asn_type", "asn_rank", "version_id"])
        people.version_id.fetch(["department_id", "job_id", "job_title"])
        (skps.department_id | people.department_id).fetch(["name"])
        (skps.job_id | people.job_id).fetch(["name"])
        return skps

    def _part_reason(self, skp):
        """Why an earlier part of a period of several posts is not sent: SIASN takes one result per period."""
        return self.env._(
            "Earlier post (%(start)s - %(end)s) of a period with several posts: the result of the last post "
            "is exported.",
            start=skp.date_start,
            end=skp.date_end,
        )

    def _identity_left_out_reason(self, employee):
        """Why SIASN cannot tell who ``employee`` is, or '': SIASN finds a civil servant by the NIP."""
        if employee.nip:
            return ""
        if employee.asn_type in PPPK_TYPES:
            return self.env._("PPPK without an NI PPPK number.")
        return self.env._("No NIP.")

    def _skp_left_out_reason(self, skp, codes, pending=()):
        """Why ``skp`` cannot go to SIASN, or ''; ``pending``: the ids of the SKPs under objection."""
        if skp.state != "done":
            states = dict(skp._fields["state"]._description_selection(self.env))
            return self.env._("Not finished (%(state)s).", state=states[skp.state])
        if skp.id in pending:
            return self.env._("Objection not decided yet: the result may still change.")
        if reason := self._identity_left_out_reason(skp.employee_id):
            return reason
        if not skp.appraiser_id:
            return self.env._("No appraiser (Pejabat Penilai).")
        missing = [
            label
            for kind, key, label in (
                ("rating", skp.result_rating, RATING_NAMES_ID.get(skp.result_rating)),
                ("rating", skp.behavior_rating, RATING_NAMES_ID.get(skp.behavior_rating)),
                ("predicate", skp.predicate, PREDICATE_NAMES_ID.get(skp.predicate)),
            )
            if key not in codes[kind]
        ]
        period_type = skp.period_id.period_type
        if period_type != "annual" and period_type not in codes["period_type"]:
            types = dict(skp.period_id._fields["period_type"]._description_selection(self.env))
            missing.append(types[period_type])
        if missing:
            return self.env._("No SIASN code for %(values)s (see SIASN Codes).", values=", ".join(missing))
        return ""

    def _skp_payload(self, skp, codes):
        """The body SIASN takes for the SKP: skp22 (annual) or kinerjaperiodik, typed as SIASN declares it."""
        period, appraiser = skp.period_id, self._final_appraiser(skp)
        values = {
            "nipBaru": skp.employee_id.nip,
            "hasilKinerjaNilai": codes["rating"][skp.result_rating],
            "perilakuKerjaNilai": codes["rating"][skp.behavior_rating],
            "kuadranKinerjaNilai": codes["predicate"][skp.predicate],
            "penilaiNama": appraiser["name"],
            "penilaiNipNrp": appraiser["nip"],
            "penilaiGolongan": _reference(codes["golongan"].get(appraiser["rank"])),
            "penilaiUnorNama": appraiser["unit"],
            "statusPenilai": "ASN" if appraiser["asn_type"] else "NON ASN",
        }
        if period.period_type == "annual":
            return {"tahun": period.date_end.year, **values, "penilaiJabatan": appraiser["job"]}
        return {
            "tahun": period.date_start.year,
            "tahunMulaiPenilaian": period.date_start.year,
            "bulanMulaiPenilaian": period.date_start.month,
            "tahunSelesaiPenilaian": period.date_end.year,
            "bulanSelesaiPenilaian": period.date_end.month,
            "periodikId": _reference(codes["period_type"][period.period_type]),
            "koefisienId": _reference(codes.get("koefisien", {}).get(skp.job_id.name)),
            **values,
            "penilaiJabatanNama": appraiser["job"],
        }

    def _final_appraiser(self, skp):
        """The appraiser as kept on the SKP when it was finalised; for an SKP finalised before they were kept
        (and not migrated), the appraiser's data of today."""
        if skp.final_appraiser_name:
            return {name: skp[f"final_appraiser_{name}"] or "" for name in FINAL_APPRAISER_KEYS}
        appraiser = skp.appraiser_id
        return {
            "name": appraiser.name or "",
            "nip": appraiser.nip or "",
            "asn_type": appraiser.asn_type or "",
            "rank": appraiser.asn_rank or "",
            "job": appraiser.job_title or appraiser.job_id.name or "",
            "unit": appraiser.department_id.name or "",
        }

    def _skp_display(self, skp):
        """The row of the e-Kinerja recap (SKP_HEADERS)."""
        employee, appraiser, period = skp.employee_id, self._final_appraiser(skp), skp.period_id
        return (
            format_nip(employee.nip),
            employee.name,
            employee.asn_rank or "",
            employee.job_title or skp.job_id.name or "",
            skp.department_id.name or "",
            period_label(period.period_type, period.date_start, period.date_end),
            RATING_NAMES_ID[skp.result_rating],
            RATING_NAMES_ID[skp.behavior_rating],
            PREDICATE_NAMES_ID[skp.predicate],
            appraiser["name"],
            format_nip(appraiser["nip"]) if appraiser["nip"] else "",
        )

    @api.model
    def _left_out_vals(self, section, employee, reason, period=None):
        return {
            "section": section,
            "employee_id": employee.id,
            "employee_name": employee.name,
            "nip": employee.nip or "",
            "period_id": period.id if period else False,
            "reason": reason,
        }

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
