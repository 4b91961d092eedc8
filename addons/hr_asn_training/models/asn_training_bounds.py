"""Which training field takes which bound (docs/rules.md §22), from hr_asn_kinerja's ``tools/limits.py``;
and a course with training requests, or an employee with some, is archived rather than deleted."""

from odoo import models
from odoo.tools.translate import LazyTranslate

from odoo.addons.hr_asn_kinerja.tools.limits import COST_MAX, JP_MAX, NAME_MAX, TEXT_MAX

_lt = LazyTranslate(__name__)
BOUNDED = ["asn.input.limits.mixin"]


class AsnTrainingRequest(models.Model):
    _name = "asn.training.request"
    _inherit = ["asn.training.request", *BOUNDED]

    _text_limits = {
        **dict.fromkeys(("title", "provider"), NAME_MAX),
        **dict.fromkeys(("reason", "reject_reason", "cancel_reason"), TEXT_MAX),
    }
    _number_limits = {"jp_hours": (0, JP_MAX), "cost": (0, COST_MAX)}
    _year_fields = ("date_start", "date_end")


class HrCourse(models.Model):
    _name = "hr.course"
    _inherit = ["hr.course", "asn.referenced.mixin", *BOUNDED]

    _text_limits = {"name": NAME_MAX}
    _number_limits = {"jp_hours": (0, JP_MAX)}

    def _asn_references(self):
        return [*super()._asn_references(), ("asn.training.request", "course_id", _lt("training requests"))]


class HrCourseSchedule(models.Model):
    _name = "hr.course.schedule"
    _inherit = ["hr.course.schedule", *BOUNDED]

    _text_limits = {**dict.fromkeys(("name", "place"), NAME_MAX), **dict.fromkeys(("comment", "note"), TEXT_MAX)}
    _number_limits = {"cost": (0, COST_MAX)}
    _year_fields = ("start_date", "end_date")


class AsnTrainingCoaching(models.Model):
    _name = "asn.training.coaching"
    _inherit = ["asn.training.coaching", *BOUNDED]

    _text_limits = {"place": NAME_MAX, **dict.fromkeys(("employee_comment", "employee_comment_text"), TEXT_MAX)}
    _year_fields = ("date",)


class AsnTrainingCoachingCompetency(models.Model):
    _name = "asn.training.coaching.competency"
    _inherit = ["asn.training.coaching.competency", *BOUNDED]

    _text_limits = {"name": NAME_MAX, "reason": TEXT_MAX}
