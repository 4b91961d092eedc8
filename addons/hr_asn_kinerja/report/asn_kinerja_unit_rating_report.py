"""Penetapan Predikat Kinerja Pegawai (docs/rules.md §5): per unit and period, the unit's rating, its
allowed spread against the actual one, every employee's predikat, and the head of the unit who signs.

HR and the heads of the unit (or of a parent unit) print it; the SKPs and people are then read with
sudo, since a head may not read every SKP of the unit."""

from odoo import api, models
from odoo.exceptions import AccessError

from ..tools.distribution import PREDICATE_NAMES_ID, check_distribution, rule_text
from ..tools.nip import format_nip
from ..tools.periods import format_date_id, period_range_id
from ..tools.predicate import PREDICATES


class ReportUnitRating(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_unit_rating"
    _description = "Penetapan Predikat Kinerja Pegawai"

    @api.model
    def _get_report_values(self, docids, data=None):
        unit_ratings = self.env["asn.kinerja.unit.rating"].browse(docids)
        unit_ratings.check_access("read")
        for unit_rating in unit_ratings:
            self._check_reader(unit_rating)
        return {
            "doc_ids": docids,
            "doc_model": "asn.kinerja.unit.rating",
            "docs": unit_ratings.sudo(),
            "report_lang": self._report_lang,
            "rows_of": self._rows_of,
            "checks_of": self._checks_of,
            "spread_of": self._spread_of,
            "head_of": self._head_of,
            "format_date_id": format_date_id,
            "period_range_id": period_range_id,
            "format_nip": format_nip,
        }

    def _check_reader(self, unit_rating):
        """HR, or the head of the unit or of one of its parent units."""
        if self.env.su or "officer" in unit_rating._get_roles():
            return
        heads = self.env["hr.department"].sudo().search([("id", "parent_of", unit_rating.sudo().department_id.id)])
        if self.env.user not in heads.manager_id.user_id:
            raise AccessError(
                self.env._(
                    "Only Pengelola Kinerja and the head of %(unit)s may print its Penetapan Predikat Kinerja.",
                    unit=unit_rating.sudo().department_id.name,
                )
            )

    def _report_lang(self, unit_rating):
        return unit_rating.department_id.manager_id.work_contact_id.lang or self.env.lang or "en_US"

    def _rows_of(self, unit_rating):
        """The scored and finished SKPs of the unit and its sub-units, by unit and name."""
        return (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(unit_rating._appraisal_domain(), order="department_id, employee_name, id")
        )

    def _spread_of(self, unit_rating):
        """[(predikat name, count, percent)] in the predikat order."""
        counts = unit_rating._predicate_counts()
        total = sum(counts.values())
        return [
            (PREDICATE_NAMES_ID[key], counts.get(key, 0), counts.get(key, 0) * 100 / total if total else 0)
            for key in PREDICATES
        ]

    def _checks_of(self, unit_rating):
        """[(rule in the forms' words, actual count, actual percent, met)] of the unit's pattern."""
        return [
            (rule_text(check.kind, check.predicates, check.limit), check.count, check.percent, check.ok)
            for check in check_distribution(unit_rating._predicate_counts(), unit_rating.rating)
        ]

    def _head_of(self, unit_rating):
        head = unit_rating.department_id.manager_id
        return {
            "name": head.name or "",
            "nip": format_nip(head.nip) if head.nip else "",
            "job": head.job_title or head.job_id.name or "",
        }
