"""How the result came about, as the employee reads it on the SKP (docs/rules.md §21): the steps taken,
the cell of the predikat matrix, the unit's confirmed spread, and the Panduan page that explains them. Rendered by QWeb templates
(views/asn_kinerja_transparency_templates.xml), which escape what they show."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools.misc import format_date, format_datetime

from ..tools.predicate import MATRIX_COLUMNS, PREDICATE_COLOURS, PREDICATES, matrix_rows


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    history_html = fields.Html("History", compute="_compute_history_html", sanitize=False)
    predicate_matrix_html = fields.Html("Predikat Matrix", compute="_compute_predicate_matrix_html", sanitize=False)
    unit_rating_id = fields.Many2one(
        "asn.kinerja.unit.rating",
        "Penetapan Predikat Kinerja",
        compute="_compute_unit_rating_id",
        help="The confirmed Penetapan of the unit (or a parent unit) that counts this SKP.",
    )
    unit_spread_html = fields.Html("Spread of the Unit", compute="_compute_unit_spread_html", sanitize=False)

    @api.depends("message_ids")
    @api.depends_context("lang", "tz")
    def _compute_history_html(self):
        """Riwayat: every step of the SKP as its chatter logged it, oldest first: when, who, what (with the
        reasons the steps asked for)."""
        for appraisal in self:
            messages = appraisal.sudo().message_ids.filtered(
                lambda m: m.message_type in ("comment", "notification") and m.body
            )
            steps = [
                {
                    "when": format_datetime(self.env, message.date, dt_format="short"),
                    "who": message.author_id.name or "",
                    "what": message.body,
                }
                for message in messages.sorted(lambda m: (m.date, m.id))
            ]
            appraisal.history_html = (
                self.env["ir.qweb"]._render("hr_asn_kinerja.appraisal_history", {"steps": steps}) if steps else Markup()
            )

    @api.model
    def _predicate_matrix_values(self, mine=None):
        """What the matrix template ``hr_asn_kinerja.predicate_matrix`` shows, in the reader's language;
        ``mine``: the (work result, work behaviour) ratings whose cell is marked."""
        return {
            "rows": matrix_rows(),
            "columns": MATRIX_COLUMNS,
            "ratings": dict(self._fields["result_rating"]._description_selection(self.env)),
            "predicates": dict(self._fields["predicate"]._description_selection(self.env)),
            "colours": PREDICATE_COLOURS,
            "mine": mine,
        }

    @api.depends("result_rating", "behavior_rating")
    @api.depends_context("lang")
    def _compute_predicate_matrix_html(self):
        """The matrix of PermenPAN-RB 6/2022 (``tools/predicate.py``) with the cell of this SKP marked."""
        for appraisal in self:
            matrix = self._predicate_matrix_values((appraisal.result_rating, appraisal.behavior_rating))
            appraisal.predicate_matrix_html = self.env["ir.qweb"]._render(
                "hr_asn_kinerja.predicate_matrix", {"matrix": matrix, "guide": False}
            )

    def _compute_unit_rating_id(self):
        confirmed = self.env["asn.kinerja.unit.rating"].sudo()._confirmed_covering(self)
        for appraisal in self:
            appraisal.unit_rating_id = confirmed.get(appraisal.id, False)

    @api.depends_context("lang")
    def _compute_unit_spread_html(self):
        """The unit's confirmed spread of predikat (counts and shares, no names), read by everyone on the SKP
        once the Penetapan is confirmed (docs/rules.md §20)."""
        labels = dict(self._fields["predicate"]._description_selection(self.env))
        for appraisal in self:
            unit_rating = appraisal.sudo().unit_rating_id
            if not unit_rating:
                appraisal.unit_spread_html = False
                continue
            counts = unit_rating._predicate_counts()
            total = sum(counts.values()) or 1
            rows = [
                {
                    "mine": key == appraisal.predicate,
                    "label": labels[key],
                    "count": counts.get(key, 0),
                    "share": unit_rating._format_percent(counts.get(key, 0) * 100 / total),
                }
                for key in PREDICATES
            ]
            title = self.env._(
                "Penetapan Predikat Kinerja of %(unit)s, confirmed on %(date)s: %(count)s SKPs.",
                unit=unit_rating.department_id.name,
                date=format_date(self.env, unit_rating.date_confirmed),
                count=sum(counts.values()),
            )
            appraisal.unit_spread_html = self.env["ir.qweb"]._render(
                "hr_asn_kinerja.appraisal_unit_spread",
                {"title": title, "rows": rows, "allowed_spread": unit_rating.allowed_spread or ""},
            )

    def action_open_guide(self):
        """The Panduan page with this SKP's stage of the cycle and cell of the matrix highlighted."""
        self.ensure_one()
        self.check_access("read")
        return {"type": "ir.actions.act_url", "url": f"/kinerja/panduan?skp={self.id}#matrix", "target": "self"}
