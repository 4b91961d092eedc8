from odoo import api, fields, models

from .asn_training_competency import check_level

SOURCES = [("entered", "Entered by HR"), ("imported", "Imported"), ("course", "Passed Course")]


class AsnTrainingEmployeeCompetency(models.Model):
    """An employee's level in one competency, from the last assessment: entered by HR, imported from a
    file, or raised by a passed course that teaches it (docs/rules.md §25). One row per competency."""

    _name = "asn.training.employee.competency"
    _description = "Employee Competency Profile"
    _order = "employee_id, competency_id"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade", check_company=True)
    competency_id = fields.Many2one("asn.training.competency", required=True, index=True, ondelete="restrict")
    competency_kind = fields.Selection(related="competency_id.kind", string="Kind")
    level = fields.Integer("Level (1-5)", required=True, default=1)
    source = fields.Selection(SOURCES, required=True, default="entered")
    date = fields.Date("Assessed on", required=True, default=fields.Date.context_today)
    course_id = fields.Many2one("hr.course", ondelete="set null", help="The passed course that set the level.")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Unit")

    _employee_competency_unique = models.Constraint(
        "UNIQUE(employee_id, competency_id)", "An employee has one level per competency: update it."
    )

    @api.constrains("level")
    def _check_level(self):
        check_level(self)

    @api.model
    def _raise_from_courses(self, attendees):
        """Raise the profile of the attendees who passed: each competency their course teaches reaches at
        least the course's level (a higher assessed level stays). Batched: three queries whatever the number."""
        attendees = attendees.sudo().filtered(lambda a: a.result == "passed" and a.employee_id)
        if not attendees:
            return self.browse()
        Profile = self.sudo()
        taught = (
            self.env["asn.training.course.competency"]
            .sudo()
            .search([("course_id", "in", attendees.course_schedule_id.course_id.ids)])
        )
        by_course = {}
        for row in taught:
            by_course.setdefault(row.course_id, []).append(row)
        existing = Profile.search(
            [("employee_id", "in", attendees.employee_id.ids), ("competency_id", "in", taught.competency_id.ids)]
        )
        profile = {(row.employee_id.id, row.competency_id.id): row for row in existing}
        to_create = {}
        changed = Profile.browse()
        for attendee in attendees:
            course = attendee.course_schedule_id.course_id
            date = attendee.course_schedule_id.end_date or fields.Date.context_today(self)
            for row in by_course.get(course, []):
                key = (attendee.employee_id.id, row.competency_id.id)
                vals = {"level": row.level, "source": "course", "date": date, "course_id": course.id}
                if current := profile.get(key):
                    if current.level < row.level:
                        current.write(vals)
                        changed |= current
                elif row.level > to_create.get(key, {}).get("level", 0):
                    to_create[key] = {"employee_id": key[0], "competency_id": key[1], **vals}
        return changed | Profile.create(list(to_create.values()))
