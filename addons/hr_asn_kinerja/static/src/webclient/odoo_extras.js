/**
 * What a civil servant meets in the web client when the company hides Odoo's extras
 * (res.company.kinerja_hide_odoo_extras, sent in the session by ir.http.session_info):
 * no Odoo.com account entry and no keyboard shortcuts in the user menu; Help opens the
 * Kinerja ASN guide (the session's support_url).
 */
import { registry } from "@web/core/registry";
import { session } from "@web/session";
import "@web/webclient/user_menu/user_menu_items";

if (session.kinerja_hide_odoo_extras) {
    const items = registry.category("user_menuitems");
    for (const name of ["odoo_account", "shortcuts"]) {
        if (items.contains(name)) {
            items.remove(name);
        }
    }
}
