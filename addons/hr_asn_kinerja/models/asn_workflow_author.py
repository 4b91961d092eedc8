"""Who signs what the system writes by itself (docs/rules.md §26): a chatter line or e-mail written by a
scheduled action or at installation names the record's agency, never Odoo's own "OdooBot"; whatever a person
does stays theirs."""

from odoo import models


class AsnWorkflowMixin(models.AbstractModel):
    _inherit = "asn.workflow.mixin"

    def _message_compute_author(self, author_id=None, email_from=None):
        if author_id is None and not email_from and self.env.user._is_superuser():
            company = self[:1].sudo().company_id or self.env.company
            author_id = company.partner_id.id
        return super()._message_compute_author(author_id=author_id, email_from=email_from)
