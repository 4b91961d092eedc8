"""Nothing that others point to can be deleted (docs/rules.md §22): a unit with SKPs, an employee with SKPs,
a course with training requests is archived instead. The database refuses too (``ondelete="restrict"``);
this says so first, in the reader's language, naming what still points to the record."""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
NAMED = 3  # records named in the message, of each kind


class AsnReferencedMixin(models.AbstractModel):
    _name = "asn.referenced.mixin"
    _description = "Kept While Referenced"

    def _asn_references(self):
        """[(model, field, _lt(what they are, plural))] of the records that point to these."""
        return []

    @api.ondelete(at_uninstall=False)
    def _unlink_except_referenced(self):
        references = [(model, field, label) for model, field, label in self._asn_references() if model in self.env]
        for record in self:
            found = []
            for model, field, label in references:
                Referrer = self.env[model].sudo().with_context(active_test=False)
                if referrers := Referrer.search([(field, "=", record.id)], limit=NAMED + 1):
                    names = ", ".join(referrers[:NAMED].mapped("display_name"))
                    more = ", …" if len(referrers) > NAMED else ""
                    found.append(f"{self.env._(label)} ({names}{more})")
            if found:
                raise UserError(
                    self.env._(
                        "%(record)s cannot be deleted: %(what)s still refer to it. Archive it instead.",
                        record=record.sudo().display_name,
                        what="; ".join(found),
                    )
                )


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = ["hr.department", "asn.referenced.mixin"]

    def _asn_references(self):
        return [
            *super()._asn_references(),
            ("asn.kinerja.appraisal", "department_id", _lt("SKPs")),
            ("asn.kinerja.unit.rating", "department_id", _lt("Penetapan Predikat Kinerja")),
        ]


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "asn.referenced.mixin"]

    def _asn_references(self):
        return [
            *super()._asn_references(),
            ("asn.kinerja.appraisal", "employee_id", _lt("SKPs")),
            ("asn.kinerja.appraisal", "appraiser_id", _lt("SKPs they appraise")),
            ("asn.kinerja.appraisal", "appraiser_superior_id", _lt("SKPs they finalise")),
        ]
