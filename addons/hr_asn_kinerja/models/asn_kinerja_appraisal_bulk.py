"""Steps on many SKPs at once (docs/rules.md §26): the appraiser approves or scores the selected SKPs from a
list. Each SKP still goes through the engine's ``_transition`` on its own, as its own caller: a refusal on
one (not theirs, not in that state, a low rating without its reason) leaves the others done, and the
summary names each refusal with its reason."""

from odoo import models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.predicate import RATINGS


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def action_bulk_approve(self):
        """Appraiser: approve the selected plans, each checked by the engine."""
        done, refused = self._bulk_step(lambda skp: skp.action_approve())
        return self._bulk_summary(self.env._("Plans approved"), done, refused)

    def action_bulk_score(self, result_rating, behavior_rating):
        """Appraiser: give the selected SKPs the same two ratings and score them, each checked by the engine
        (its state, the caller's role on it, a low rating's reason); a unit head's work result rating comes
        from the unit's rating (docs/rules.md §5), so only the behaviour rating is written on it."""
        keys = set(RATINGS)
        if result_rating not in keys or behavior_rating not in keys:
            raise UserError(self.env._("Choose both ratings first."))

        def score(skp):
            vals = {"behavior_rating": behavior_rating}
            if not skp.leader_unit_rating_id:
                vals["result_rating"] = result_rating
            skp.write(vals)
            skp.action_score()

        done, refused = self._bulk_step(score)
        return self._bulk_summary(self.env._("SKPs scored"), done, refused)

    def _bulk_step(self, step):
        """Run ``step`` on each SKP on its own, in a savepoint: what fails on one is undone on that one only.
        Returns (the SKPs done, [(SKP, reason)] of those refused)."""
        done, refused = self.browse(), []
        for skp in self:
            try:
                with self.env.cr.savepoint():
                    step(skp)
                done |= skp
            except (AccessError, UserError, ValidationError) as error:
                refused.append((skp, error.args[0]))
        return done, refused

    def _bulk_label(self):
        """The name of the SKP for its summary line: the employee's for a reader, its number for anyone else
        (who may not read an SKP learns nothing of it)."""
        self.ensure_one()
        if self.has_access("read"):
            return self.sudo().employee_id.name
        return self.env._("SKP #%(id)s", id=self.id)

    def _bulk_summary(self, title, done, refused):
        """The confirmation after a step on many: how many were done, which were refused and why."""
        lines = [self.env._("%(count)s of %(total)s done.", count=len(done), total=len(self))]
        if refused:
            lines.append(self.env._("Not done:"))
            lines += [f"• {skp._bulk_label()}: {reason}" for skp, reason in refused]
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": "\n".join(lines),
                "type": "warning" if refused else "success",
                "sticky": bool(refused),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "done_ids": done.ids,
                "refused_ids": [skp.id for skp, _reason in refused],
            },
        }

    def action_open_bulk_score_wizard(self):
        """The dialog that asks the two ratings for the selected SKPs."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Score the Selected SKPs"),
            "res_model": "asn.kinerja.bulk.score.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_appraisal_ids": self.ids},
        }
