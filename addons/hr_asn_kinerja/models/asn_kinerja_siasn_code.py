from odoo import api, fields, models

KINDS = [
    ("rating", "Rating (hasilKinerjaNilai, perilakuKerjaNilai)"),
    ("predicate", "Predikat (kuadranKinerjaNilai)"),
    ("period_type", "Periodic Evaluation (periodikId)"),
    ("golongan", "Rank (penilaiGolongan)"),
    ("koefisien", "Coefficient of the Job (koefisienId)"),
]


class AsnKinerjaSiasnCode(models.Model):
    """The codes SIASN takes for our values (docs/rules.md §15), from its reference tables: one table,
    editable by the Administrator without code, since BKN has not published them officially.

    ``key`` is this application's value (a rating, a predikat, a period type, a rank, a job position's name for
    the koefisien of kinerjaperiodik); ``code`` is what the export writes. The kuadran is the code of the SKP's predikat, which comes from the matrix."""

    _name = "asn.kinerja.siasn.code"
    _description = "SIASN Reference Code"
    _order = "kind, sequence, id"

    kind = fields.Selection(KINDS, required=True, index=True)
    key = fields.Char(
        required=True,
        help="The value in this application, e.g. above, very_good, month, III/a, or a job position (koefisien).",
    )
    name = fields.Char("Meaning", required=True, help="The value as SIASN names it.")
    code = fields.Char(required=True, help="What the SIASN export writes for the value.")
    sequence = fields.Integer(default=10)

    _kind_key_unique = models.UniqueIndex("(kind, key)", "A value has one SIASN code.")

    @api.model
    def _code_table(self):
        """{kind: {key: code}}, codes of digits as numbers (SIASN takes integers), in one query."""
        table = {kind: {} for kind, _label in self._fields["kind"].selection}
        for row in self.sudo().search_fetch([], ["kind", "key", "code"]):
            code = row.code.strip()
            table.setdefault(row.kind, {})[row.key] = int(code) if code.isdigit() else code
        return table
