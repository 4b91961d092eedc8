from odoo import fields, models

# Odoo's own apps every internal user sees, that are no business of their own
GENERIC_APPS = ("mail.menu_root_discuss", "hr.menu_hr_root", "base.menu_management")


class ResUsers(models.Model):
    _inherit = "res.users"

    # shown on the user's own profile; deliberately not self-writeable
    nip = fields.Char(related="employee_id.nip", string="NIP")

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["nip"]

    def _kinerja_hides_odoo_extras(self):
        """Whether Odoo's own extras (OdooBot onboarding, Apps, Odoo.com links) are hidden from this user."""
        self.ensure_one()
        return self.company_id.sudo().kinerja_hide_odoo_extras and not self._is_system()

    def _kinerja_home_action(self):
        """The home screen of a user whose only business here is Kinerja ASN (no other app than Odoo's
        generic ones), unless an administrator gave them another: ``None`` for everyone else."""
        self.ensure_one()
        if self.action_id or self._is_system() or not self.has_group("hr_asn_kinerja.group_kinerja_employee"):
            return None
        apps = {menu["xmlid"] for menu in self.env["ir.ui.menu"].with_user(self).load_menus_root()["children"]}
        if apps - set(GENERIC_APPS) - {"hr_asn_kinerja.menu_kinerja_root"}:
            return None
        return self.env.ref("hr_asn_kinerja.action_kinerja_home", raise_if_not_found=False)

    def _on_webclient_bootstrap(self):
        # no OdooBot onboarding chat (mail_bot) for people the company spares Odoo's extras
        if "odoobot_state" in self._fields and self.odoobot_state in (False, "not_initialized"):
            if self._kinerja_hides_odoo_extras():
                self.sudo().odoobot_state = "disabled"
        return super()._on_webclient_bootstrap()
