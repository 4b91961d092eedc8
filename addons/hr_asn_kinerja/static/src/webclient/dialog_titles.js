/**
 * Dialog titles in the reader's words (docs/rules.md §26): when the company hides Odoo's extras, a dialog
 * without a title of its own (a confirmation, a warning) is not titled "Odoo" or "Odoo Warning" but says
 * what it is, in the user's language.
 */
import { _t } from "@web/core/l10n/translation";
import { Dialog } from "@web/core/dialog/dialog";
import { odooExceptionTitleMap, WarningDialog } from "@web/core/errors/error_dialogs";
import { patch } from "@web/core/utils/patch";
import { session } from "@web/session";

if (session.kinerja_hide_odoo_extras) {
    Dialog.defaultProps = { ...Dialog.defaultProps, title: _t("Kinerja ASN") };
    patch(WarningDialog.prototype, {
        inferTitle() {
            const { exceptionName, title } = this.props;
            if (!title && !(exceptionName && odooExceptionTitleMap.has(exceptionName))) {
                return _t("Attention");
            }
            return super.inferTitle();
        },
    });
}
