"""A new plan may start from the last one (docs/rules.md §26): a draft SKP copies the work results of the
employee's previous SKP of the same kind of period, their plan only (no realisation, no rating, no feedback,
no link to a superior's result of another year)."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..tools.words import one_stop


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    copyable_plan_appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal",
        "Plan to Copy",
        compute="_compute_copyable_plan_appraisal_id",
        help="The employee's latest earlier SKP of the same kind of period with work results: its plan can be copied.",
    )

    @api.depends("employee_id", "period_id")
    def _compute_copyable_plan_appraisal_id(self):
        for skp in self:
            skp.copyable_plan_appraisal_id = skp._previous_plan()

    def _previous_plan(self):
        """The employee's latest SKP before this one's period, of the same period type, with work results."""
        self.ensure_one()
        if not (self.employee_id and self.period_id.date_start):
            return self.browse()
        return (
            self.sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("id", "!=", self.id or 0),
                    ("period_id.period_type", "=", self.period_id.period_type),
                    ("period_id.date_start", "<", self.period_id.date_start),
                    ("state", "!=", "cancel"),
                    ("line_ids", "!=", False),
                ],
                order="period_id desc",
                limit=1,
            )
            .with_env(self.env)
        )

    def action_copy_previous_plan(self):
        """Employee or HR, on a draft SKP: add the work results of the previous SKP (those not there already)."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("A plan is copied into a draft SKP only."))
        previous = self._previous_plan()
        if not previous:
            raise UserError(
                self.env._("%(employee)s has no earlier SKP with work results to copy.", employee=self.employee_id.name)
            )
        have = {(line.kind, (line.name or "").strip()) for line in self.line_ids}
        rows = previous.sudo().line_ids.filtered(lambda line: (line.kind, (line.name or "").strip()) not in have)
        # written as the caller: adding rows follows the SKP's rules (draft; the employee or HR)
        self.write({"line_ids": [Command.create(line._copy_plan_vals()) for line in rows]})
        lang = self.with_context(lang=self._document_lang()).env
        self.sudo()._message_log(
            body=Markup("<p>%s</p>")
            % one_stop(
                lang._(
                    "%(count)s work results copied from %(previous)s by %(user)s.",
                    count=len(rows),
                    previous=previous.sudo().name,
                    user=self.env.user.name,
                )
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Plan copied"),
                "message": self.env._(
                    "%(count)s work results copied from %(previous)s; check their targets for this period.",
                    count=len(rows),
                    previous=previous.sudo().name,
                ),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "copied_count": len(rows),
            },
        }
