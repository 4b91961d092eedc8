from odoo import api, models

from ..tools.actions import form_action


class AsnKinerjaAppraisalLinkMixin(models.AbstractModel):
    """A record about one SKP (a report row, an objection, a training request): its button opens that SKP."""

    _name = "asn.kinerja.appraisal.link.mixin"
    _description = "Link to an SKP"

    # the Many2one to asn.kinerja.appraisal the button follows
    _appraisal_field = "appraisal_id"

    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
    def action_open_appraisal(self):
        """The SKP behind the record, for whoever may read it."""
        self.ensure_one()
        appraisal = self[self._appraisal_field]
        appraisal.check_access("read")
        return form_action(appraisal)
