from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_asn_kinerja.models.asn_edit_rules_mixin import rule
from odoo.addons.hr_asn_kinerja.models.hr_employee import ASN_TYPES, POSITION_TYPES

# HR and the committee complete and correct the box until it is set
EDIT_BY_COMMITTEE = rule(("draft", "reviewed"), ("officer", "committee"))

PERFORMANCE_STATUSES = [
    ("above", "Above Expectation"),
    ("as_expected", "As Expected"),
    ("below", "Below Expectation"),
]
POTENTIALS = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
POTENTIAL_SOURCES = [
    ("assessment", "Assessment Centre"),
    ("siasn", "SIASN"),
    ("committee", "Talent Committee"),
    ("other", "Other"),
]
# the one place where the final predikat becomes the kinerja axis of the talent box (docs/rules.md §18):
# Sangat Baik is above expectation, Baik as expected, anything below Baik below expectation
PERFORMANCE_STATUS_BY_PREDICATE = {
    "very_good": "above",
    "good": "as_expected",
    "needs_improvement": "below",
    "poor": "below",
    "very_poor": "below",
}
# (kinerja, potensial) -> box, numbered as in the Lampiran of PermenPAN-RB 3/2020 (docs/rules.md §18)
BOX_NUMBERS = {
    ("below", "low"): 1,
    ("as_expected", "low"): 2,
    ("below", "medium"): 3,
    ("above", "low"): 4,
    ("as_expected", "medium"): 5,
    ("below", "high"): 6,
    ("above", "medium"): 7,
    ("as_expected", "high"): 8,
    ("above", "high"): 9,
}
BOX_CELLS = [
    ("9", "9 - High potential, above expectation"),
    ("8", "8 - High potential, as expected"),
    ("7", "7 - Medium potential, above expectation"),
    ("6", "6 - High potential, below expectation"),
    ("5", "5 - Medium potential, as expected"),
    ("4", "4 - Low potential, above expectation"),
    ("3", "3 - Medium potential, below expectation"),
    ("2", "2 - Low potential, as expected"),
    ("1", "1 - Low potential, below expectation"),
    ("pending", "No Potential Yet"),
    ("excluded", "Excluded"),
]


def performance_status_of(predicate):
    """The kinerja status of the talent box for a final predikat (docs/rules.md §18), or False."""
    return PERFORMANCE_STATUS_BY_PREDICATE.get(predicate, False)


def box_of(performance_status, potential):
    """The box 1-9 of a kinerja status and a potential (docs/rules.md §18), or False while one is missing."""
    return BOX_NUMBERS.get((performance_status, potential), False)


class AsnTalentBoxLine(models.Model):
    """One employee in the talent box: kinerja from the final predikat, potential from outside (docs/rules.md §18)."""

    _name = "asn.talent.box.line"
    _description = "Talent Box Line"
    _inherit = ["asn.kinerja.row.mixin"]
    _order = "box desc, employee_name, id"

    # the lines come from the box's Generate button: nobody adds or removes one
    _row_parent = "box_id"

    _edit_rules = dict.fromkeys(
        ("potential", "potential_source", "potential_date", "excluded", "exclusion_reason", "note"),
        EDIT_BY_COMMITTEE,
    )

    box_id = fields.Many2one("asn.talent.box", "Talent Box", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="box_id.company_id", store=True, index=True)
    period_id = fields.Many2one(related="box_id.period_id", store=True)
    state = fields.Selection(related="box_id.state", store=True, string="Box Status")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict", readonly=True)
    employee_name = fields.Char(related="employee_id.name", store=True, string="Employee Name")
    # what the employee was when the box was generated
    department_id = fields.Many2one("hr.department", "Unit", readonly=True)
    job_id = fields.Many2one("hr.job", "Job Position", readonly=True)
    asn_type = fields.Selection(ASN_TYPES, "ASN Type", readonly=True)
    asn_position_type = fields.Selection(POSITION_TYPES, "Job Level", readonly=True)
    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", readonly=True, ondelete="set null")
    predicate = fields.Selection(related="appraisal_id.predicate", string="Final Predikat")
    performance_status = fields.Selection(
        PERFORMANCE_STATUSES, "Performance", readonly=True, help="Kinerja axis, from the final predikat."
    )
    potential = fields.Selection(POTENTIALS, help="Potential axis: assessment centre, competency and track record.")
    potential_source = fields.Selection(POTENTIAL_SOURCES)
    potential_date = fields.Date("Potential Assessed On")
    box = fields.Integer(compute="_compute_box", store=True, aggregator=None, help="1 to 9; empty when excluded.")
    box_cell = fields.Selection(BOX_CELLS, compute="_compute_box", store=True, group_expand="_expand_box_cells")
    excluded = fields.Boolean(help="Under a disciplinary sanction: left out of the talent pool.")
    exclusion_reason = fields.Char(help="The disciplinary sanction that excludes the employee.")
    note = fields.Text("Committee Note")

    _employee_unique = models.Constraint("UNIQUE(box_id, employee_id)", "An employee appears once in a talent box.")

    @api.depends("employee_name", "period_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.employee_name or ''} - {line.sudo().period_id.name or ''}"

    @api.depends("performance_status", "potential", "excluded")
    def _compute_box(self):
        for line in self:
            line.box = False if line.excluded else box_of(line.performance_status, line.potential)
            if line.excluded:
                line.box_cell = "excluded"
            else:
                line.box_cell = str(line.box) if line.box else "pending"

    @api.model
    def _expand_box_cells(self, values, domain):
        return [key for key, _label in BOX_CELLS]

    @api.constrains("excluded", "exclusion_reason")
    def _check_exclusion_reason(self):
        for line in self:
            if line.excluded and not (line.exclusion_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the disciplinary sanction that excludes %(employee)s.", employee=line.employee_name
                    )
                )

    def _check_edit(self, field_names):
        self.check_access("write")  # who may not change a line hears so before any rule of the box
        return super()._check_edit(field_names)
