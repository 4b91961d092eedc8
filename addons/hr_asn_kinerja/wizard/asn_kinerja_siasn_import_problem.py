"""A problem or a note of a SIASN import (docs/rules.md §23): a line of the wizard's preview and result."""

from odoo import fields, models

PROBLEM_KINDS = [
    ("nip_invalid", "NIP invalid"),
    ("nip_mismatch", "NIP does not match"),
    ("duplicate_nip", "Duplicate NIP"),
    ("unknown_golongan", "Unknown golongan code"),
    ("unknown_jabatan", "Unknown jabatan code"),
    ("unknown_unit", "Unit not in the reference"),
    ("head_missing", "Head not found"),
    ("cycle", "Appraiser chain with a cycle"),
    ("no_unit", "Employee without a unit"),
    ("duplicate_email", "E-mail used twice"),
    # notes: listed, never blocking
    ("absent", "Absent from the file"),
    ("override", "Appraiser set by HR kept"),
    ("transfer", "Transfer not applied"),
]


class AsnKinerjaSiasnImportProblem(models.TransientModel):
    _name = "asn.kinerja.siasn.import.problem"
    _description = "SIASN Import Problem"
    _order = "blocking desc, line, id"

    wizard_id = fields.Many2one("asn.kinerja.siasn.import", required=True, ondelete="cascade")
    line = fields.Integer(help="Line of the employee file; 0 for a unit or an employee not in the file.")
    reference = fields.Char("NIP / Unit Id")
    name = fields.Char()
    kind = fields.Selection(PROBLEM_KINDS, required=True)
    message = fields.Char("Problem")
    blocking = fields.Boolean("Blocks the Import")
