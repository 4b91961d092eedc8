/**
 * Dialog titles in the reader's words (docs/rules.md §24): when the company hides Odoo's extras, a dialog
 * without a title of its own (a confirmation, a warning) is not titled "Odoo" or "Odoo Warning" but says
 * what it is, in the user's language.
 */
import { _t } from "@web/core/l10n/translation";
import { Dialog } from "@web/core/dialog/dialog";
import { WarningDialog } from "@web/core/errors/error_dialogs";
import { patch } from "@web/core/utils/patch";
import { session } from "@web/session";

if (session.kinerja_hide_odoo_extras) {
    Dialog.defaultProps = { ...Dialog.defaultProps, title: _t("Kinerja ASN") };
    patch(WarningDialog.prototype, {
        inferTitle() {
            const title = super.inferTitle();
            return title === _t("Odoo Warning").toString() ? _t("Attention").toString() : title;
        },
    });
}
