/**
 * What a civil servant meets in the web client when the company hides Odoo's extras
 * (res.company.kinerja_hide_odoo_extras, sent in the session by ir.http.session_info).
 * OCA disable_odoo_online, a dependency, already removes for everyone the Odoo.com account,
 * documentation and Help entries of the user menu; this adds what it lacks: no keyboard
 * shortcuts entry, and a Help entry that opens the Kinerja ASN guide (the session's support_url).
 */
import { _t } from "@web/core/l10n/translation";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { session } from "@web/session";
import "@web/webclient/user_menu/user_menu_items";

if (session.kinerja_hide_odoo_extras) {
    const items = registry.category("user_menuitems");
    if (items.contains("shortcuts")) {
        items.remove("shortcuts");
    }
    items.add(
        "support",
        () => ({
            type: "item",
            id: "support",
            description: _t("Help"),
            href: session.support_url,
            callback: () => browser.open(session.support_url, "_blank"),
            sequence: 20,
        }),
        { force: true }
    );
}
