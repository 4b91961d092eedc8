from odoo import api, fields, models

METHODS = [("classical", "Classical"), ("non_classical", "Non-classical")]
# the paths of competency development (docs/rules.md §8), each with its method
TRAINING_TYPES = [
    ("technical", "Technical Training"),
    ("functional", "Functional Training"),
    ("managerial", "Managerial / Leadership Training"),
    ("sociocultural", "Sociocultural Training"),
    ("seminar", "Seminar / Conference"),
    ("workshop", "Workshop"),
    ("course", "Course"),
    ("upgrading", "Upgrading (Penataran)"),
    ("bimtek", "Technical Guidance (Bimtek)"),
    ("socialization", "Socialisation"),
    ("coaching", "Coaching"),
    ("mentoring", "Mentoring"),
    ("e_learning", "E-learning"),
    ("distance_learning", "Distance Learning"),
    ("secondment", "Secondment (Detasering)"),
    ("outdoor_learning", "Outdoor Learning"),
    ("benchmarking", "Benchmarking"),
    ("exchange", "Employee Exchange"),
    ("self_study", "Self-study"),
    ("learning_community", "Learning Community"),
    ("internship", "Internship / Work Practice"),
]
NON_CLASSICAL_TYPES = (
    "coaching",
    "mentoring",
    "e_learning",
    "distance_learning",
    "secondment",
    "outdoor_learning",
    "benchmarking",
    "exchange",
    "self_study",
    "learning_community",
    "internship",
)
COMPETENCY_AREAS = [("technical", "Technical"), ("managerial", "Managerial"), ("sociocultural", "Sociocultural")]


def method_of(training_type):
    """Classical or non-classical path of a training type (docs/rules.md §8)."""
    if not training_type:
        return False
    return "non_classical" if training_type in NON_CLASSICAL_TYPES else "classical"


class HrCourse(models.Model):
    _inherit = "hr.course"

    jp_hours = fields.Float("Learning Hours (JP)", tracking=True, help="Jam pelajaran credited for completing it.")
    training_type = fields.Selection(TRAINING_TYPES, tracking=True)
    method = fields.Selection(
        METHODS, compute="_compute_method", store=True, readonly=False, help="Klasikal or non-klasikal path."
    )
    competency_area = fields.Selection(COMPETENCY_AREAS, tracking=True)
    training_request_ids = fields.One2many("asn.training.request", "course_id", "Training Requests")

    _jp_hours_positive = models.Constraint("CHECK(jp_hours >= 0)", "Learning hours (JP) cannot be negative.")

    @api.depends("training_type")
    def _compute_method(self):
        for course in self:
            course.method = method_of(course.training_type) or course.method
