"""The SKP's side of the 360 input on behaviour (docs/rules.md §20.16): asking colleagues, the summary
of their answers, and closing the requests left open when the SKP moves on. The requests themselves are
``asn.kinerja.peer.input``."""

from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.predicate import RATINGS
from .asn_kinerja_peer_input import ASKING_STATES

# The employee reads the summary once this many colleagues have answered: with a single answer the
# summary would be that colleague's answer, and the employee may guess who gave it.
SUMMARY_MIN_ANSWERS = 2


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    peer_input_enabled = fields.Boolean(related="company_id.kinerja_peer_input", string="360 Input Enabled")
    peer_input_ids = fields.One2many(
        "asn.kinerja.peer.input",
        "appraisal_id",
        "360 Input",
        help="The colleagues the appraiser asked, and their answers: read by the appraiser and Pengelola Kinerja.",
    )
    peer_answer_count = fields.Integer("Answers", compute="_compute_peer_summary")
    peer_summary = fields.Html(
        "360 Input Summary",
        compute="_compute_peer_summary",
        sanitize=False,
        help="How many colleagues rated each BerAKHLAK value above, as or below expectations; never who said what.",
    )
    peer_summary_visible = fields.Boolean(compute="_compute_peer_summary")

    @api.depends_context("uid", "lang")
    def _compute_peer_summary(self):
        """Counts per value and rating of the answered requests, read as superuser: the employee sees
        the numbers (once there are enough of them), never a name or a comment."""
        answered = (
            self.env["asn.kinerja.peer.input"]
            .sudo()
            .search(
                [
                    ("appraisal_id", "in", [skp_id for skp_id in self.ids if isinstance(skp_id, int)]),
                    ("state", "=", "answered"),
                ]
            )
        )
        ratings = dict(self.env["asn.kinerja.peer.input.line"]._fields["rating"]._description_selection(self.env))
        for appraisal in self:
            inputs = answered.filtered(lambda i, skp=appraisal: i.appraisal_id.id == skp.id)
            appraisal.peer_answer_count = len(inputs)
            roles = appraisal._get_roles() if appraisal.id else set()
            reader_sees_all = bool(roles - {"employee"})
            appraisal.peer_summary_visible = bool(inputs) and (reader_sees_all or len(inputs) >= SUMMARY_MIN_ANSWERS)
            if not appraisal.peer_summary_visible:
                appraisal.peer_summary = False
                continue
            counts = Counter((line.behavior_id.id, line.rating) for line in inputs.line_ids)
            rows = [
                {
                    "value": behavior.name,
                    "counts": [counts[behavior.id, key] for key in RATINGS],
                }
                for behavior in appraisal.sudo().behavior_line_ids.behavior_id
            ]
            appraisal.peer_summary = self.env["ir.qweb"]._render(
                "hr_asn_kinerja.peer_input_summary",
                {"rows": rows, "headers": [ratings[key] for key in RATINGS], "answers": len(inputs)},
            )

    def _check_may_ask_peer_input(self):
        """Raise unless the caller may ask colleagues for input on this SKP now."""
        self.ensure_one()
        if not self.company_id.sudo().kinerja_peer_input:
            raise UserError(
                self.env._(
                    "360 input on behaviour is switched off for %(company)s (Settings > Kinerja ASN).",
                    company=self.company_id.sudo().name,
                )
            )
        if "appraiser" not in self._get_roles():
            raise AccessError(
                self.env._("Only the appraiser of %(record)s asks colleagues for input.", record=self._workflow_name())
            )
        self._check_period_open()
        if self.state not in ASKING_STATES:
            raise UserError(
                self.env._(
                    "Colleagues are asked for input while the SKP is approved or self-assessed; %(record)s is "
                    "%(state)s.",
                    record=self._workflow_name(),
                    state=self._state_label(),
                )
            )

    def action_open_peer_input_wizard(self):
        """Appraiser: choose the colleagues to ask."""
        self.ensure_one()
        self._check_may_ask_peer_input()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask Colleagues for Input"),
            "res_model": "asn.kinerja.peer.input.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def _after_transition(self, action, states_before):
        result = super()._after_transition(action, states_before)
        # requests still open when the SKP leaves the asking states (scored, cancelled) close unanswered;
        # searched, not read through peer_input_ids, which would cache every answer on the reader's SKP
        left = self.sudo().filtered(
            lambda skp: states_before.get(skp.id) in ASKING_STATES and skp.state not in ASKING_STATES
        )
        if left:
            Input = self.env["asn.kinerja.peer.input"].sudo()
            if still_open := Input.search([("appraisal_id", "in", left.ids), ("state", "=", "asked")]):
                still_open._transition("expire")
        return result
