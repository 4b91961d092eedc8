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
# hr_course's own demo records, unrelated to civil servants (IT security courses, "Department IT")
HR_COURSE_DEMO = (
    "hr_course.hr_course_schedule_qsa_october",
    "hr_course.hr_course_schedule_qsa_november",
    "hr_course.hr_course_qsa",
    "hr_course.hr_course_isa",
    "hr_course.hr_course_category_it",
    "hr_course.hr_course_category_language",
)
COMPETENCY_AREAS = [("technical", "Technical"), ("managerial", "Managerial"), ("sociocultural", "Sociocultural")]


def method_of(training_type):
    """Classical or non-classical path of a training type (docs/rules.md §8)."""
    if not training_type:
        return False
    return "non_classical" if training_type in NON_CLASSICAL_TYPES else "classical"


class HrCourse(models.Model):
    _inherit = "hr.course"

    # OCA hr_course ships no Indonesian: its fields are restated here (some relabelled), so that this addon
    # exports and translates their labels
    name = fields.Char("Course Name")
    category_id = fields.Many2one()
    permanence = fields.Boolean("Has Permanence")
    permanence_time = fields.Char()
    content = fields.Html()
    objective = fields.Html()
    evaluation_criteria = fields.Html()
    course_schedule_ids = fields.One2many(string="Sessions")

    jp_hours = fields.Float("Learning Hours (JP)", tracking=True, help="Jam pelajaran credited for completing it.")
    training_type = fields.Selection(TRAINING_TYPES, tracking=True)
    method = fields.Selection(
        METHODS, compute="_compute_method", store=True, readonly=False, help="Klasikal or non-klasikal path."
    )
    competency_area = fields.Selection(COMPETENCY_AREAS, tracking=True)
    training_request_ids = fields.One2many("asn.training.request", "course_id", "Training Requests")

    _jp_hours_positive = models.Constraint("CHECK(jp_hours >= 0)", "Learning hours (JP) cannot be negative.")

    @api.model
    def _drop_unrelated_demo(self):
        """The demo regency shows its own catalogue only (called by this addon's demo data)."""
        for xmlid in HR_COURSE_DEMO:
            if record := self.env.ref(xmlid, raise_if_not_found=False):
                record.sudo().unlink()

    @api.depends("training_type")
    def _compute_method(self):
        for course in self:
            course.method = method_of(course.training_type) or course.method


class HrCourseCategory(models.Model):
    _inherit = "hr.course.category"

    name = fields.Char("Course Category")


class HrCourseAttendee(models.Model):
    _inherit = "hr.course.attendee"

    name = fields.Char("Session")
    employee_id = fields.Many2one()
    course_start = fields.Date("Start Date")
    course_end = fields.Date("End Date")
    state = fields.Selection(string="Session Status")
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed"), ("absent", "Absent"), ("pending", "Pending")]
    )
    active = fields.Boolean()
    # the attendee's own agency: only its officers record the result that credits the employee's JP (an agency
    # running a session for others does not mark their people passed)
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
