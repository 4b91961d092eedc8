from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.sql import escape_psql

# the three groups of the Kamus Kompetensi (docs/rules.md §25)
COMPETENCY_KINDS = [("technical", "Technical"), ("managerial", "Managerial"), ("socio_cultural", "Socio-cultural")]
LEVEL_MIN, LEVEL_MAX = 1, 5


def check_level(records, field_name="level"):
    """Raise unless every level of ``records`` is a whole number from 1 to 5 (docs/rules.md §25)."""
    for record in records:
        if not LEVEL_MIN <= record[field_name] <= LEVEL_MAX:
            raise ValidationError(records.env._("A competency level is a whole number from 1 to 5."))


class AsnTrainingCompetency(models.Model):
    """One competency of the Kamus Kompetensi: managerial and socio-cultural ones are seeded, technical
    ones are added by HR per job (docs/rules.md §25)."""

    _name = "asn.training.competency"
    _description = "Competency (Kamus Kompetensi)"
    _order = "kind, sequence, name"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(COMPETENCY_KINDS, required=True, default="technical", index=True)
    sequence = fields.Integer(default=10)
    description = fields.Text()
    active = fields.Boolean(default=True)
    # empty: shared by every agency (the seeded dictionary); set: an agency's own technical competency
    company_id = fields.Many2one("res.company", index=True)

    _name_kind_company_unique = models.UniqueIndex(
        "(lower(name->>'en_US'), kind, COALESCE(company_id, 0))", "This competency exists already."
    )

    @api.model
    def _match_names(self, names):
        """{lower-case name: competency} of the active competencies named ``names`` (one query), to link
        free-text competencies (e.g. the B.1.9 rows of a coaching) to the dictionary."""
        wanted = {(name or "").strip().lower() for name in names} - {""}
        if not wanted:
            return {}
        # whatever the case the file or the coaching wrote
        found = self.search(Domain.OR(Domain("name", "=ilike", escape_psql(name)) for name in wanted))
        return {competency.name.lower(): competency for competency in found if competency.name.lower() in wanted}
