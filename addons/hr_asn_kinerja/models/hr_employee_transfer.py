from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    def action_open_transfer_wizard(self):
        """Pengelola Kinerja: Mutasi / Promosi of this employee (docs/rules.md §17)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_transfer_wizard")
        action["context"] = {"default_employee_id": self.id}
        return action
