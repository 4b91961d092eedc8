from odoo import api, fields, models, modules

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
        # Employees is every user's directory, but an HR officer's own business (when not Kinerja's officer)
        if self.has_group("hr.group_hr_user") and not self.has_group("hr_asn_kinerja.group_kinerja_officer"):
            return None
        apps = {menu["xmlid"] for menu in self.env["ir.ui.menu"].with_user(self).load_menus_root()["children"]}
        if apps - set(GENERIC_APPS) - {"hr_asn_kinerja.menu_kinerja_root"}:
            return None
        return self.env.ref("hr_asn_kinerja.action_kinerja_home", raise_if_not_found=False)

    # tours switched on by Kinerja ASN, not by Odoo nor by the user: Kinerja's are offered, not Odoo's own
    kinerja_tours_only = fields.Boolean(copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        """A new Kinerja ASN user starts with the guided tours of their role switched on (offered once
        each, see web_tour.tour); Odoo switches them on for a new administrator only, and offers its own
        tours to nobody else. Not while tests run, as Odoo does, so that the tests' own tours are not
        interrupted."""
        users = super().create(vals_list)
        if not modules.module.current_test:
            ours = users.filtered(
                lambda user: (
                    not user.tour_enabled
                    and user._is_internal()
                    and user.has_group("hr_asn_kinerja.group_kinerja_employee")
                )
            )
            ours.sudo().write({"tour_enabled": True, "kinerja_tours_only": True})
        return users

    def write(self, vals):
        # accounts made in bulk (hr.employee.action_create_users) keep no copy of the initials avatar Odoo
        # stores for a new internal user: avatar.mixin draws the same picture on the fly
        if (
            self.env.context.get("kinerja_avatar_on_the_fly")
            and len(self) == 1
            and set(vals) == {"image_1920"}
            and self.partner_id.name
            and vals["image_1920"] == self.partner_id._avatar_generate_svg()
        ):
            return True
        return super().write(vals)

    @api.model
    def switch_tour_enabled(self, val):
        # onboarding the user switches on themselves is Odoo's, all of it
        self.env.user.sudo().kinerja_tours_only = False
        return super().switch_tour_enabled(val)

    def _on_webclient_bootstrap(self):
        # no OdooBot onboarding chat (mail_bot) for people the company spares Odoo's extras
        if "odoobot_state" in self._fields and self.odoobot_state in (False, "not_initialized"):
            if self._kinerja_hides_odoo_extras():
                self.sudo().odoobot_state = "disabled"
        return super()._on_webclient_bootstrap()
