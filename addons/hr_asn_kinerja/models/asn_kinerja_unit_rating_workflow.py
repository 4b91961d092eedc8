"""The Penetapan Predikat Kinerja of a unit rating (docs/rules.md §5): HR prepares it, whoever sets it confirms
it, and what a confirmed one locks."""

from markupsafe import Markup

from odoo import Command, api, models
from odoo.exceptions import UserError


class AsnKinerjaUnitRatingWorkflow(models.Model):
    _inherit = "asn.kinerja.unit.rating"  # pylint: disable=consider-merging-classes-inherited

    def _check_justified(self):
        """A spread that breaks a rule of the pattern, or leaves SKPs unfinished, needs HR's written
        justification, which the chatter keeps."""
        unit_rating = self.sudo()
        if not unit_rating.distribution_ok and not (unit_rating.justification or "").strip():
            raise UserError(
                self.env._(
                    "The spread of %(unit)s breaks its pattern (%(issues)s): write a justification to confirm it.",
                    unit=unit_rating.display_name,
                    issues="; ".join(unit_rating.distribution_issues.splitlines()),
                )
            )

    def action_prepare(self):
        """HR: hand the unit's rating and spread to whoever sets it (``setter_id``)."""
        return self._transition(
            "prepare", vals={"prepared_by_id": self.env.user.id}, check=lambda r: r._check_justified()
        )

    def action_confirm(self):
        """The appraiser of the unit's head (or whom HR names; HR at the top of the chain): set the unit's
        rating and confirm its spread of predikat (Penetapan Predikat Kinerja). It counts the unit's finished
        SKPs as they are now; the Penetapan freezes them (docs/rules.md §5)."""

        def vals(unit_rating):
            setter = unit_rating.setter_id if unit_rating.setter_id.user_id else self.env.user.employee_id
            return {
                "set_by_id": setter.id,
                "counted_appraisal_ids": [
                    Command.set(self.env["asn.kinerja.appraisal"].sudo().search(unit_rating._appraisal_domain()).ids)
                ],
            }

        return self._transition("confirm", vals=vals, check=lambda r: r._check_justified())

    def action_return(self, reason):
        """The setter (or HR): send the prepared Penetapan back to HR, with the reason."""
        self._check_reason(reason, self.env._("Say why the Penetapan Predikat Kinerja goes back."))
        return self._transition("return", reason, {"prepared_by_id": False, "date_prepared": False})

    def action_open_return_wizard(self):
        return self._reason_wizard("return", self.env._("Return the Penetapan Predikat Kinerja"))

    def action_reset(self, reason):
        """HR: reopen the Penetapan, with the reason; the SKPs it counted may then change again."""
        self._check_reason(reason, self.env._("Say why the Penetapan Predikat Kinerja is reset."))
        vals = {
            "date_confirmed": False,
            "date_prepared": False,
            "prepared_by_id": False,
            "set_by_id": False,
            "counted_appraisal_ids": [Command.clear()],
        }
        return self._transition("reset", reason, vals)

    def action_open_reset_wizard(self):
        return self._reason_wizard("reset", self.env._("Reset the Penetapan Predikat Kinerja"))

    def _transition_details(self, action):
        unit_rating = self.sudo()
        if action not in ("prepare", "confirm") or unit_rating.distribution_ok:
            return ""
        return Markup("%s<br/>%s %s") % (
            self.env._(
                "Although the spread breaks its pattern: %(issues)s.",
                issues="; ".join(unit_rating.distribution_issues.splitlines()),
            ),
            self.env._("Justification:"),
            unit_rating.justification,
        )

    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
    def action_view_appraisals(self):
        """The SKPs behind the spread."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action.update({"domain": self._appraisal_domain(), "context": {"search_default_group_predicate": 1}})
        return action

    # ------------------------------------------------------------------
    # what the unit's rating locks
    # ------------------------------------------------------------------
    @api.model
    def _confirmed_covering(self, appraisals):
        """{appraisal id: the confirmed Penetapan that counted it} (docs/rules.md §5, §20.14)."""
        confirmed = self.sudo().search([("state", "=", "confirmed"), ("counted_appraisal_ids", "in", appraisals.ids)])
        return {
            appraisal.id: unit_rating for unit_rating in confirmed for appraisal in unit_rating.counted_appraisal_ids
        }

    @api.model
    def _check_not_confirmed(self, appraisals):
        """Raise when a confirmed Penetapan counted one of ``appraisals``: its SKPs stay as they were signed
        until HR resets it (docs/rules.md §5)."""
        covering = self._confirmed_covering(appraisals)
        for appraisal in appraisals.sudo():
            if unit_rating := covering.get(appraisal.id):
                raise UserError(
                    self.env._(
                        "The Penetapan Predikat Kinerja of %(unit)s is confirmed and counts the SKP of "
                        "%(employee)s: reset it before changing that SKP.",
                        unit=unit_rating.display_name,
                        employee=appraisal.employee_id.name,
                    )
                )

    @api.model
    def _log_objection_change(self, appraisal, old_predicate):
        """A decision on an objection is final (PP 30/2019) and changes a predikat even under a confirmed
        Penetapan: its chatter keeps the change and what the spread is now (docs/rules.md §13)."""
        unit_rating = self._confirmed_covering(appraisal).get(appraisal.id)
        if not unit_rating:
            return
        record = unit_rating.with_context(lang=unit_rating._document_lang())
        labels = dict(appraisal._fields["predicate"]._description_selection(record.env))
        body = Markup("<p>%s</p>") % record.env._(
            "The predikat of %(employee)s changed from %(old)s to %(new)s by the decision on an objection, which is "
            "final; the spread of the unit follows.",
            employee=appraisal.sudo().employee_id.name,
            old=labels.get(old_predicate, "-"),
            new=labels.get(appraisal.predicate, "-"),
        )
        if not record.distribution_ok:
            body += Markup("<p>%s</p>") % record.env._(
                "The spread now breaks its pattern: %(issues)s.",
                issues="; ".join(record.distribution_issues.splitlines()),
            )
        record._message_log(body=body)
