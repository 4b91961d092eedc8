from odoo import api, fields, models

from .asn_training_competency import check_level


class AsnTrainingCourseCompetency(models.Model):
    """A competency a catalogue course teaches, and the level a participant who passes reaches
    (docs/rules.md §25): the AKPK suggests the course for that competency, a pass updates the profile."""

    _name = "asn.training.course.competency"
    _description = "Competency Taught by a Course"
    _order = "course_id, competency_id"

    course_id = fields.Many2one("hr.course", required=True, index=True, ondelete="cascade")
    competency_id = fields.Many2one("asn.training.competency", required=True, index=True, ondelete="restrict")
    level = fields.Integer("Level Reached (1-5)", required=True, default=3)

    _course_competency_unique = models.Constraint(
        "UNIQUE(course_id, competency_id)", "A course names each competency it teaches once."
    )

    @api.constrains("level")
    def _check_level(self):
        check_level(self)


class HrCourse(models.Model):
    _inherit = "hr.course"  # pylint: disable=consider-merging-classes-inherited

    competency_taught_ids = fields.One2many("asn.training.course.competency", "course_id", "Competencies Taught")
    estimated_cost = fields.Float(
        "Estimated Cost per Person", help="Planning figure for the competency needs plan (AKPK) and the RKA."
    )

    _estimated_cost_positive = models.Constraint("CHECK(estimated_cost >= 0)", "The cost cannot be negative.")


class HrCourseAttendee(models.Model):
    _inherit = "hr.course.attendee"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        attendees = super().create(vals_list)
        self.env["asn.training.employee.competency"]._raise_from_courses(attendees)
        return attendees

    def write(self, vals):
        result = super().write(vals)
        if vals.get("result") == "passed":
            self.env["asn.training.employee.competency"]._raise_from_courses(self)
        return result
