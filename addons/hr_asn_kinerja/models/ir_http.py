from odoo import models

GUIDE_URL = "/kinerja/panduan"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        user = self.env.user
        if not info.get("uid") or not user._is_internal():
            return info
        if not info.get("home_action_id") and (home := user._kinerja_home_action()):
            info["home_action_id"] = home.id
        if user._kinerja_hides_odoo_extras():
            info["support_url"] = GUIDE_URL  # the user menu's Help
            info["kinerja_hide_odoo_extras"] = True
        return info
