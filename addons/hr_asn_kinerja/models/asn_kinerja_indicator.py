from odoo import api, fields, models

ASPECTS = [("quantity", "Quantity"), ("quality", "Quality"), ("time", "Time"), ("cost", "Cost")]


class AsnKinerjaIndicator(models.Model):
    _name = "asn.kinerja.indicator"
    _description = "Performance Indicator"
    _order = "sequence, name, id"

    name = fields.Char("Indicator", required=True, help="Indikator Kinerja Individu.")
    sequence = fields.Integer(default=10)
    result_name = fields.Char(
        "Work Result", help="The Rencana Hasil Kerja this indicator measures; prefilled on new SKPs."
    )
    aspect = fields.Selection(ASPECTS, required=True, default="quantity")
    unit = fields.Char("Unit of Measure", help="e.g. laporan, dokumen, %, hari.")
    default_target = fields.Float(digits=(16, 2))
    job_ids = fields.Many2many(
        "hr.job", "asn_kinerja_indicator_job_rel", "indicator_id", "job_id", "Jobs", help="Jobs this indicator fits."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)

    def _target_text(self):
        """The target as SKP rows print it: '12 laporan'."""
        self.ensure_one()
        amount = f"{self.default_target:g}" if self.default_target else ""
        return " ".join(part for part in (amount, self.unit or "") if part)

    @api.depends("name", "aspect")
    def _compute_display_name(self):
        aspects = dict(self._fields["aspect"]._description_selection(self.env))
        for indicator in self:
            indicator.display_name = f"{indicator.name} ({aspects.get(indicator.aspect, '')})"
