/**
 * A notification about a Kinerja ASN record (an SKP, a training request, a coaching) opens
 * that record, not the Inbox.
 */
import { MessagingMenu } from "@mail/core/public_web/messaging_menu";
import { patch } from "@web/core/utils/patch";

const KINERJA_MODELS = ["asn.kinerja.appraisal", "asn.training.request", "asn.training.coaching"];

patch(MessagingMenu.prototype, {
    onClickThread(isMarkAsRead, thread, message) {
        if (!isMarkAsRead && message?.needaction && KINERJA_MODELS.includes(thread?.model) && thread.id) {
            message.setDone?.();
            this.dropdown.close();
            this.env.services.action.doAction({
                type: "ir.actions.act_window",
                res_model: thread.model,
                res_id: thread.id,
                views: [[false, "form"]],
            });
            return;
        }
        return super.onClickThread(...arguments);
    },
});
