from odoo import api, fields, models

COACHING_ACTIVITY = "hr_asn_training.mail_act_training_coaching"


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"

    training_request_ids = fields.One2many("asn.training.request", "appraisal_id", "Training Requests")
    training_request_count = fields.Integer(compute="_compute_training_counts")
    coaching_ids = fields.One2many("asn.training.coaching", "appraisal_id", "Coaching Sessions")
    coaching_count = fields.Integer(compute="_compute_training_counts")

    @api.depends("training_request_ids", "coaching_ids")
    def _compute_training_counts(self):
        for appraisal in self:
            appraisal.training_request_count = len(appraisal.training_request_ids)
            appraisal.coaching_count = len(appraisal.coaching_ids)

    def _on_done(self):
        result = super()._on_done()
        self.env["asn.training.request"]._sync_from_appraisals(self)
        return result

    def _schedule_coaching_activity(self, predicate):
        """Ask the appraiser (once) to hold a coaching session after this final SKP."""
        record = self.sudo()
        user = record.appraiser_id.user_id
        if not user or record.coaching_ids or record.activity_search([COACHING_ACTIVITY]):
            return
        record.activity_schedule(
            COACHING_ACTIVITY,
            user_id=user.id,
            note=self.env._(
                "%(employee)s ended the period with the predikat %(predicate)s: hold a coaching session "
                "(bimbingan kinerja) and record it with forms B.1.8 and B.1.9.",
                employee=record.employee_id.name,
                predicate=predicate,
            ),
        )

    def action_view_training_requests(self):
        self.ensure_one()
        name = self.env._("Training Requests")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "asn.training.request",
            "view_mode": "list,form",
            "domain": [("appraisal_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_new_coaching(self):
        """Appraiser or HR: record the coaching session that follows this SKP."""
        self.ensure_one()
        existing = self.coaching_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "res_model": "asn.training.coaching",
            "view_mode": "form",
            "res_id": existing.id,
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_appraisal_id": self.id,
                "default_appraiser_id": self.appraiser_id.id,
            },
        }
