from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.hr_asn_kinerja.models.asn_kinerja_appraisal_workflow import NEXT_STEP_PHRASES

_lt = LazyTranslate(__name__)

COACHING_ACTIVITY = "hr_asn_training.mail_act_training_coaching"
OPEN_REQUEST_STATES = ("draft", "submitted", "final_approval", "approved")


class AsnKinerjaAppraisal(models.Model):
    """The link from a final SKP to coaching and training (docs/rules.md §7-§8)."""

    _inherit = "asn.kinerja.appraisal"

    _next_step_phrases = {
        **NEXT_STEP_PHRASES,
        COACHING_ACTIVITY: (
            _lt("Your turn: hold a coaching session"),
            _lt("Waiting for %(person)s to hold a coaching session"),
        ),
    }

    training_request_ids = fields.One2many("asn.training.request", "appraisal_id", "Training Requests")
    training_request_count = fields.Integer(compute="_compute_training_counts")
    coaching_ids = fields.One2many("asn.training.coaching", "appraisal_id", "Coaching Sessions")
    coaching_count = fields.Integer(compute="_compute_training_counts")

    @api.depends("training_request_ids", "coaching_ids")
    def _compute_training_counts(self):
        for appraisal in self:
            appraisal.training_request_count = len(appraisal.training_request_ids)
            appraisal.coaching_count = len(appraisal.coaching_ids)

    def _on_done(self):
        result = super()._on_done()
        self._sync_training()
        return result

    def _sync_training(self):
        """A predikat in the company's trigger set gives one request with source ``appraisal`` (revived
        if a changed predikat cancelled it) and a coaching activity for the appraiser; any other predikat
        cancels such a request that is still a draft. Periodic SKPs take part only where the company
        says so, and an employee never has two open requests of this kind for one year."""
        Request = self.env["asn.training.request"].sudo().with_context(mail_create_nosubscribe=True)
        # an earlier part of a year of several posts is a periodic part: the year's result is the last one's
        linked = self.sudo().filtered(
            lambda a: (a.period_type == "annual" and a.is_last_part) or a.company_id.training_include_periodic
        )
        existing = Request.search([("appraisal_id", "in", linked.ids), ("source", "=", "appraisal")])
        by_appraisal = {request.appraisal_id: request for request in existing}
        created = Request.browse()
        for skp in linked:
            request = by_appraisal.get(skp, Request.browse())
            low = skp.predicate in skp.company_id._training_trigger_set()
            if not low:
                skp.activity_unlink([COACHING_ACTIVITY])
                if request.state != "draft":
                    continue
            # what this writes is read by the employee and the appraiser: in the document's language
            appraisal = skp.with_context(lang=skp._document_lang())
            predicate = appraisal._fields["predicate"].convert_to_export(appraisal.predicate, appraisal)
            if not low:
                note = appraisal.env._(
                    "Cancelled automatically: %(skp)s now ends with the predikat %(predicate)s (after a "
                    "reopening or an objection), which does not call for training.",
                    skp=appraisal.name,
                    predicate=predicate or appraisal.env._("none"),
                )
                request._transition("cancel", note, {"link_cancelled": True, "cancel_reason": note})
            elif request.state == "cancel" and request.link_cancelled and not appraisal._open_request_of_year():
                note = appraisal.env._(
                    "%(skp)s ended again with the predikat %(predicate)s.", skp=appraisal.name, predicate=predicate
                )
                request._transition("reset", note, {"link_cancelled": False, "cancel_reason": False})
            elif not request and appraisal.company_id.training_auto_request and not appraisal._open_request_of_year():
                created |= appraisal._create_training_request(predicate)
            if low:
                appraisal._schedule_coaching_activity()
        return created

    def _open_request_of_year(self):
        """The employee's open request that follows an SKP of the same year, if any."""
        self.ensure_one()
        year = self.period_id.date_start.year
        requests = (
            self.env["asn.training.request"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("source", "=", "appraisal"),
                    ("state", "in", OPEN_REQUEST_STATES),
                    ("appraisal_id.period_id.date_start", ">=", f"{year}-01-01"),
                    ("appraisal_id.period_id.date_start", "<=", f"{year}-12-31"),
                ],
                limit=1,
            )
        )
        return requests

    def _create_training_request(self, predicate):
        self.ensure_one()
        course = self.company_id._training_coaching_course()
        vals = {
            "employee_id": self.employee_id.id,
            "company_id": self.company_id.id,
            "source": "appraisal",
            "appraisal_id": self.id,
            "reason": self.env._(  # self speaks the document's language (see _sync_training)
                "%(skp)s ended with the predikat %(predicate)s: coaching (bimbingan kinerja) and competency "
                "development close the performance gap.",
                skp=self.name,
                predicate=predicate,
            ),
        }
        if course:
            vals["course_id"] = course.id
        else:
            vals.update(title=self.env._("Coaching after the SKP result"), training_type="coaching")
        Request = self.env["asn.training.request"].sudo().with_context(lang=self.env.lang)
        request = Request.with_context(mail_create_nolog=True, mail_create_nosubscribe=True).create(vals)
        request._message_log(
            body=self.env._("Created from %(skp)s (predikat %(predicate)s).", skp=self.name, predicate=predicate)
        )
        return request

    def _schedule_coaching_activity(self):
        """Ask the appraiser (once) to hold a coaching session after this final SKP, in the appraiser's
        language; like the workflow's activities, the activity itself is the notice (no assignment mail)."""
        record = self.sudo()
        user = record.appraiser_id.user_id
        if not user or record.coaching_ids or record.activity_search([COACHING_ACTIVITY]):
            return
        words = record.with_context(lang=user.lang or self.env.lang)
        note = words.env._(
            "%(employee)s ended the period with the predikat %(predicate)s: hold a coaching session "
            "(bimbingan kinerja) and record it with forms B.1.8 and B.1.9.",
            employee=record.employee_id.name,
            predicate=record._fields["predicate"].convert_to_export(record.predicate, words),
        )
        record._schedule_user_activity(COACHING_ACTIVITY, user, note)

    def _next_step_entries(self):
        entries = super()._next_step_entries()
        if self.state == "done" and (user := self.sudo().appraiser_id.user_id):
            if self.sudo().activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(COACHING_ACTIVITY)):
                entries.append((COACHING_ACTIVITY, user))
        return entries

    def action_view_training_requests(self):
        self.ensure_one()
        name = self.env._("Training Requests")  # on its own line: babel misreads it inside the dict
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "asn.training.request",
            "view_mode": "list,form",
            "domain": [("appraisal_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_new_coaching(self):
        """Appraiser or HR: record the coaching session that follows this SKP."""
        self.ensure_one()
        existing = self.coaching_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "res_model": "asn.training.coaching",
            "view_mode": "form",
            "res_id": existing.id,
            "context": {"default_employee_id": self.employee_id.id, "default_appraisal_id": self.id},
        }
