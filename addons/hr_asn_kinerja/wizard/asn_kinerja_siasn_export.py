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

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from ..tools.actions import form_action

FORMATS = [("json", "JSON (SIASN API)"), ("csv", "CSV"), ("xlsx", "Excel (e-Kinerja recap)")]


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
        return form_action(self, target="new")

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
