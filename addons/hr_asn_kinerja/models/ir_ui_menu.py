from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """No Apps menu (module install requests) for people the company spares Odoo's extras."""
        blacklist = super()._load_menus_blacklist()
        if self.env.user._kinerja_hides_odoo_extras():
            apps = self.env.ref("base.menu_management", raise_if_not_found=False)
            blacklist += apps.ids if apps else []
        return blacklist
