"""Which field takes which bound (docs/rules.md §22): the texts people type, sized by ``tools/limits.py``,
and the dates that must fall inside their SKP's period or in plausible years."""

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..tools.limits import NAME_MAX, TEXT_MAX, URL_MAX

BOUNDED = ["asn.input.limits.mixin"]


class AsnKinerjaPeriod(models.Model):
    _name = "asn.kinerja.period"
    _inherit = ["asn.kinerja.period", *BOUNDED]

    _text_limits = {"name": NAME_MAX}
    _year_fields = ("date_start", "date_end")

    @api.constrains("name")
    def _check_name_given(self):
        if self.filtered(lambda period: not (period.name or "").strip()):
            raise ValidationError(self.env._("Give the period a name, e.g. Tahun 2026."))


class AsnKinerjaAppraisal(models.Model):
    _name = "asn.kinerja.appraisal"
    _inherit = ["asn.kinerja.appraisal", *BOUNDED]

    _text_limits = dict.fromkeys(
        (
            "appraiser_feedback",
            "employee_feedback",
            "employee_comment",
            "return_reason",
            "reopen_reason",
            "resource_support",
            "accountability_scheme",
            "consequence",
        ),
        TEXT_MAX,
    )


class AsnKinerjaAppraisalLine(models.Model):
    _name = "asn.kinerja.appraisal.line"
    _inherit = ["asn.kinerja.appraisal.line", *BOUNDED]

    _text_limits = {
        **dict.fromkeys(("name", "indicator_name", "realization", "feedback"), TEXT_MAX),
        "target": NAME_MAX,
        "evidence_url": URL_MAX,
    }


class AsnKinerjaBehaviorLine(models.Model):
    _name = "asn.kinerja.behavior.line"
    _inherit = ["asn.kinerja.behavior.line", *BOUNDED]

    _text_limits = dict.fromkeys(("expectation", "feedback"), TEXT_MAX)


class AsnKinerjaPeerInputLine(models.Model):
    _name = "asn.kinerja.peer.input.line"
    _inherit = ["asn.kinerja.peer.input.line", *BOUNDED]

    _text_limits = {"comment": TEXT_MAX}


class AsnKinerjaUnitRating(models.Model):
    _name = "asn.kinerja.unit.rating"
    _inherit = ["asn.kinerja.unit.rating", *BOUNDED]

    _text_limits = {"justification": TEXT_MAX}


class AsnKinerjaObjection(models.Model):
    _name = "asn.kinerja.objection"
    _inherit = ["asn.kinerja.objection", *BOUNDED]

    _text_limits = dict.fromkeys(
        ("reason", "appraiser_explanation", "employee_explanation", "decision_reason"), TEXT_MAX
    )


class AsnKinerjaFeedback(models.Model):
    _name = "asn.kinerja.feedback"
    _inherit = ["asn.kinerja.feedback", *BOUNDED]

    _text_limits = {"body": TEXT_MAX}

    @api.constrains("date", "kind", "appraisal_id")
    def _check_dialogue_in_period(self):
        """A performance dialogue is held during the SKP's period (docs/rules.md §21); a feedback, posted
        while the SKP is open, carries a plausible date."""
        for entry in self.filtered("date"):
            period = entry.appraisal_id.period_id
            if entry.kind != "dialogue":
                entry._check_year("date", entry.date)
            elif not period.date_start <= entry.date <= period.date_end:
                raise ValidationError(
                    self.env._(
                        "A performance dialogue takes place within the SKP's period, %(start)s to %(end)s "
                        "(not %(date)s).",
                        start=format_date(self.env, period.date_start),
                        end=format_date(self.env, period.date_end),
                        date=format_date(self.env, entry.date),
                    )
                )
