"""The final result reaches the employee (docs/rules.md §13, §21): the activity to read it, the result
e-mail written by a job, its Dokumen rendered at the first click, and "I have read this result"."""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from ..tools.jobs import enqueue_batches
from ..tools.words import one_stop

_logger = logging.getLogger(__name__)

ACKNOWLEDGE_ACTIVITY = "hr_asn_kinerja.mail_act_skp_acknowledge"
RESULT_TEMPLATE = "hr_asn_kinerja.mail_template_skp_result"
RESULT_CRON = "hr_asn_kinerja.ir_cron_skp_result_mail"
RESULT_MAIL_BATCH = 200  # result e-mails per job (no PDF in them: a few seconds)
DOCUMENT_REPORT = "hr_asn_kinerja.action_report_evaluation_document"


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    # the final result received and acknowledged
    result_mail_pending = fields.Boolean(
        copy=False, readonly=True, help="The final result is set and its e-mail to the employee not yet written."
    )
    result_received_date = fields.Date(
        "Result Received On",
        readonly=True,
        copy=False,
        help="The day the employee received the final result: its activity, or else its e-mail. The time to "
        "object counts from it (PP 30/2019, docs/rules.md §13).",
    )
    # "I have read this result": read, not agreed (docs/rules.md §21)
    acknowledged_date = fields.Date("Result Read On", readonly=True, copy=False)
    employee_comment = fields.Text(
        "Employee's Response",
        copy=False,
        help="What the employee answers to the final result when acknowledging it; printed on the Dokumen "
        "Evaluasi Kinerja Pegawai.",
    )

    def _send_result(self):
        """The employee receives the final result: an activity to read and acknowledge it, at once, and an
        e-mail with the result, how the matrix reached it and a link to the PDF, both in the employee's
        language. The e-mail is written by a job that the scheduled action, triggered here, enqueues right
        after (the step marks the SKP ``result_mail_pending``), so that a finalisation costs the one who takes
        it no mail rendering."""
        self.env.ref(RESULT_CRON).sudo()._trigger()
        self._schedule_read_result()

    def _schedule_read_result(self):
        """The employee's activity to read the final result: "I have read this result" or an objection, two
        equal choices. Reading is not agreeing (docs/rules.md §21); while an objection waits for its decision
        nothing asks the employee to read the result (it may still change)."""
        today = fields.Date.context_today(self)
        for skp in self.sudo():
            user = skp.employee_id.user_id
            if (
                not user
                or skp.state != "done"
                or skp.acknowledged_date
                or skp.objection_state == "submitted"
                or skp.activity_search([ACKNOWLEDGE_ACTIVITY])
            ):
                continue
            skp._mark_result_received(user)
            words = skp.with_context(lang=user.lang or self.env.lang)
            predicate = words._fields["predicate"].convert_to_export(words.predicate, words)
            if skp._can_object_until(today):
                note = words.env._(
                    "Your result is %(predicate)s. %(reason)s On the SKP, say that you have read it (reading is not "
                    "agreeing; you may add a response), or file an objection until %(deadline)s.",
                    predicate=predicate,
                    reason=words.predicate_reason,
                    deadline=format_date(words.env, skp.objection_deadline),
                )
            else:
                note = words.env._(
                    "Your result is %(predicate)s. %(reason)s On the SKP, say that you have read it (reading is not "
                    "agreeing; you may add a response).",
                    predicate=predicate,
                    reason=words.predicate_reason,
                )
            deadline = max(skp.objection_deadline or today, today)
            skp._schedule_user_activity(ACKNOWLEDGE_ACTIVITY, user, note, date_deadline=deadline)

    def _can_object_until(self, day):
        """The objection is still open on ``day`` (no objection yet, within the deadline)."""
        self.ensure_one()
        return bool(not self.sudo().objection_ids and self.objection_deadline and day <= self.objection_deadline)

    def _mark_result_received(self, user):
        """The employee received the final result today (in their time zone, ``user`` may be empty): the day
        the time to object counts from (PP 30/2019: "sejak diterimanya", docs/rules.md §13)."""
        tz = user.tz or self.env.context.get("tz")
        today = fields.Date.context_today(self.with_context(tz=tz))
        self.sudo().write({"result_received_date": today})

    @api.model
    def _cron_send_results(self):
        """E-mail their final result to the employees of the SKPs finalised since the last run (a result
        reopened in between is not sent). The run only enqueues the jobs (channel root.kinerja,
        docs/performance.md, "Jobs"): one per period and batch of e-mails, each with the link to the Dokumen
        (see :meth:`_job_send_results` for when the Dokumen is rendered)."""
        pending = self.sudo().search([("result_mail_pending", "=", True)], order="id")
        description = self.env._("%(period)s: result e-mails of %(count)s SKPs")
        enqueue_batches(pending, RESULT_MAIL_BATCH, "_job_send_results", "result", description)

    def _job_send_results(self):
        """Job: the result e-mails of those of these SKPs still pending, the flag cleared in the same
        transaction; the rows are locked first, so a job run twice, or two at once, e-mails each result once.
        No PDF: the Dokumen behind the e-mail's link is rendered when its employee first opens it, or in
        advance by jobs of its own if switched on (:meth:`_enqueue_documents`); an e-mail never waits for one."""
        if not self:
            return "nothing"
        self.flush_model(["result_mail_pending"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM asn_kinerja_appraisal WHERE id IN %s AND result_mail_pending "
                "FOR NO KEY UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        batch = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        batch.invalidate_recordset(["result_mail_pending"])
        template = self.env.ref(RESULT_TEMPLATE, raise_if_not_found=False)
        final = batch.filtered(lambda skp: skp.state == "done")
        to_mail = final.filtered(
            lambda skp: (skp.employee_id.user_id.partner_id or skp.employee_id.work_contact_id).email
        )
        if template and to_mail:
            # signed by the agency, not by the job's "OdooBot" (docs/rules.md §26)
            for company in to_mail.company_id:
                template.sudo().send_mail_batch(
                    to_mail.filtered(lambda skp, c=company: skp.company_id == c).ids,
                    email_values={"author_id": company.partner_id.id},
                )
            # an employee without a user receives the result with this e-mail: the time to object starts
            for skp in to_mail.filtered(lambda skp: not skp.result_received_date):
                skp._mark_result_received(skp.employee_id.user_id)
        batch.result_mail_pending = False
        final.filtered(lambda skp: skp.employee_id.user_id)._enqueue_documents()
        return f"{len(to_mail)} e-mails"

    @api.model
    def _job_prepare_context_before_enqueue_keys(self):
        # a PDF rendered in a job renders as the run that enqueued it asked (the tests force the rendering)
        return (*super()._job_prepare_context_before_enqueue_keys(), "force_report_rendering")

    def _prepare_document(self):
        """Job (low priority, after the e-mails, if switched on): render the Dokumen Evaluasi Kinerja Pegawai of
        these SKPs as their employees will print it (their rights, language and time zone), so that the e-mail's link serves a
        kept file (``asn.kinerja.pdf``) instead of making the employee wait for wkhtmltopdf in the January peak.
        A failure only costs that wait: the e-mail went out before."""
        Report = self.env["ir.actions.report"]
        for skp in self:
            user = skp.employee_id.user_id
            if not user:
                continue
            try:
                Report.with_user(user).with_context(lang=user.lang, tz=user.tz)._render_qweb_pdf(
                    DOCUMENT_REPORT, skp.ids
                )
            except (UserError, AccessError, OSError) as error:
                _logger.warning("The Dokumen of %s was not prepared: %s", skp.name, error)

    def action_acknowledge(self):
        """Employee: "I have read this result" (read, not agreed: docs/rules.md §21); the response written in
        ``employee_comment`` (optional) is kept with it, in the chatter and on the Dokumen Evaluasi Kinerja
        Pegawai. Not while an objection waits for its decision."""

        def check(appraisal):
            if appraisal.acknowledged_date:
                raise UserError(
                    one_stop(
                        self.env._(
                            "%(employee)s already said on %(date)s that they have read the result of %(skp)s.",
                            employee=appraisal.employee_id.name,
                            skp=appraisal.name,
                            date=format_date(self.env, appraisal.acknowledged_date),
                        )
                    )
                )
            if appraisal.objection_state == "submitted":
                # the result may still change: it is read once the objection is decided
                raise UserError(
                    self.env._(
                        "The objection to %(skp)s waits for its decision: the result may still change. You say "
                        "that you have read it once the objection is decided.",
                        skp=appraisal.name,
                    )
                )

        self._transition("acknowledge", vals={"acknowledged_date": fields.Date.context_today(self)}, check=check)
        self.sudo().activity_unlink([ACKNOWLEDGE_ACTIVITY])
        return self._transition_result("acknowledge")

    def _transition_details(self, action):
        if action == "acknowledge" and self.employee_comment:
            return self.env._("Response: %(comment)s", comment=self.employee_comment)
        return super()._transition_details(action)

    def _next_step_text(self, xmlid, user, is_reader, deadline):
        # a finished SKP is not late: once the time to object is over, its date is not shown
        if xmlid == ACKNOWLEDGE_ACTIVITY and deadline and deadline < fields.Date.context_today(self):
            deadline = None
        return super()._next_step_text(xmlid, user, is_reader, deadline)

    def _next_step_entries(self):
        entries = super()._next_step_entries()
        skp = self.sudo()
        if self.state == "done" and not self.acknowledged_date and (user := skp.employee_id.user_id):
            if skp.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(ACKNOWLEDGE_ACTIVITY)):
                entries.append((ACKNOWLEDGE_ACTIVITY, user))
        return entries
