"""The decision on an objection (PP 30/2019, docs/rules.md §13): hearing both sides, accepting with new
ratings or rejecting with a reason, telling the people; and handing a pending objection to another decider
when the one named has left or moved."""

from markupsafe import Markup

from odoo import models
from odoo.exceptions import AccessError, UserError

from ..tools.words import one_stop


class AsnKinerjaObjection(models.Model):
    _inherit = "asn.kinerja.objection"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # deciding
    # ------------------------------------------------------------------
    def _check_heard(self):
        if not ((self.appraiser_explanation or "").strip() and (self.employee_explanation or "").strip()):
            raise UserError(
                one_stop(
                    self.env._(
                        "Record the explanations of the appraiser and of the employee before deciding the objection "
                        "of %(employee)s.",
                        employee=self.sudo().employee_id.name,
                    )
                )
            )

    def action_accept(self):
        """Decider: accept the objection with the ratings set on it; the SKP's result changes through the matrix."""

        def check(objection):
            objection._check_heard()
            if not (objection.result_rating and objection.behavior_rating):
                raise UserError(self.env._("Set the two ratings the decision gives before accepting the objection."))
            if (objection.result_rating, objection.behavior_rating) == (
                objection.old_result_rating,
                objection.old_behavior_rating,
            ):
                raise UserError(
                    self.env._(
                        "These are the ratings objected to: to keep the result, reject the objection with the reason."
                    )
                )

        self._transition("accept", check=check)
        for objection in self:
            # a decider named by HR (action_reassign_decider) may not read the SKP otherwise
            objection.sudo().appraisal_id._change_result_by_objection(objection)
        self._notify_decision()
        self.appraisal_id._schedule_read_result()
        return self._transition_result("accept")

    def action_reject(self, reason):
        """Decider: reject the objection, with the reason; the result stands."""
        self._check_reason(reason, self.env._("Say why the objection is rejected."))
        self._transition(
            "reject", reason, {"decision_reason": reason}, check=lambda objection: objection._check_heard()
        )
        self._log_on_skp("rejected")
        self._notify_decision()
        self.appraisal_id._schedule_read_result()
        return self._transition_result("reject")

    def action_open_reject_wizard(self):
        return self._reason_wizard("reject", self.env._("Reject the objection"))

    # ------------------------------------------------------------------
    # another decider, when the one named has left or moved
    # ------------------------------------------------------------------
    def _decider_gone(self):
        """Why the superior named on this objection can no longer decide it, or '': they left (archived, or
        without an active user) or moved (no longer the appraiser's own appraiser)."""
        superior = self.sudo().superior_id
        if not superior:
            return ""
        if not superior.active or not superior.user_id.active:
            return self.env._("%(decider)s has left", decider=superior.name)
        if self.sudo().appraiser_id.appraiser_id != superior:
            return self.env._("%(decider)s is no longer the appraiser's superior", decider=superior.name)
        return ""

    def action_reassign_decider(self, decider, reason):
        """HR: hand this pending objection to ``decider`` (an hr.employee or its id; empty: Pengelola Kinerja decides)
        because the superior named has left or moved, with the reason; logged on the objection and the SKP
        (docs/rules.md §13). The explanations recorded stay; the decider's activity moves."""
        self.ensure_one()
        # a record from the wizard, an id over RPC
        decider = self.env["hr.employee"].browse(getattr(decider, "id", decider) or False).sudo()
        if not self.env.su and "officer" not in self._get_roles():
            raise AccessError(self.env._("Only Pengelola Kinerja may change who decides an objection."))
        self._check_reason(reason, self.env._("Say why another person decides the objection."))
        objection = self.sudo()
        if objection.state != "submitted":
            raise UserError(self.env._("The objection is decided already: the decision is final."))
        objection._check_workflow_open()
        why = objection._decider_gone()
        if not why:
            raise UserError(
                self.env._(
                    "%(decider)s still decides the objection of %(employee)s: another decider is named only when "
                    "the one named has left or moved.",
                    decider=objection.superior_id.name or self.env._("Pengelola Kinerja (BKPSDM)"),
                    employee=objection.employee_id.name,
                )
            )
        if decider and decider in objection.employee_id | objection.appraiser_id | objection.superior_id:
            raise UserError(
                self.env._(
                    "%(person)s cannot decide the objection of %(employee)s: the employee, the appraiser and the "
                    "decider who left or moved cannot.",
                    person=decider.name,
                    employee=objection.employee_id.name,
                )
            )
        if decider and (decider.company_id != objection.company_id or not decider.user_id):
            raise UserError(
                self.env._(
                    "%(person)s has no user in %(company)s.", person=decider.name, company=objection.company_id.name
                )
            )
        old, lang = objection.superior_id, objection._document_lang()
        why = objection.with_context(lang=lang)._decider_gone()
        objection.write({"superior_id": decider.id})
        objection._schedule_next_activity()
        for record in (objection, objection.appraisal_id):
            words = record.with_context(lang=lang)
            words._message_log(
                body=Markup("<p>%s</p><p>%s %s</p>")
                % (
                    words.env._(
                        "The objection of %(employee)s is now decided by %(new)s instead of %(old)s (%(why)s); "
                        "changed by %(user)s.",
                        employee=objection.employee_id.name,
                        new=decider.name or words.env._("Pengelola Kinerja (BKPSDM)"),
                        old=old.name,
                        why=why,
                        user=self.env.user.name,
                    ),
                    words.env._("Reason:"),
                    reason,
                )
            )
        return True

    def action_open_decider_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change the Decider"),
            "res_model": "asn.kinerja.objection.decider.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_objection_id": self.id},
        }

    def _transition_details(self, action):
        if action == "accept":
            return self.env._("New result: %(sentence)s", sentence=self.new_predicate_reason or "")
        return super()._transition_details(action)

    def _notify_decision(self):
        """The employee and the appraiser learn the decision, in their language, inbox and e-mail."""
        for objection in self.sudo():
            for user in (objection.employee_id.user_id | objection.appraiser_id.user_id) - self.env.user:
                record = objection.with_context(lang=user.lang or self.env.lang)
                env = record.env
                labels = dict(record._fields["state"]._description_selection(env))
                body = Markup("<p>%s</p>") % env._(
                    "%(decider)s decided the objection of %(employee)s to %(skp)s: %(decision)s. The decision is final.",
                    decider=self.env.user.name,
                    employee=objection.employee_id.name,
                    skp=objection.appraisal_id.name,
                    decision=labels[objection.state],
                )
                if objection.state == "accepted":
                    body += Markup("<p>%s</p>") % record.new_predicate_reason
                else:
                    body += Markup("<p>%s %s</p>") % (env._("Reason:"), objection.decision_reason)
                subject = env._("Objection decided: %(skp)s", skp=objection.appraisal_id.name)
                record._notify_user(user, subject, body)
