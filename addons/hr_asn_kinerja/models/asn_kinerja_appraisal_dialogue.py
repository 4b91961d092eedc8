"""Two-way and transparent (docs/rules.md §13, §21): the feedback thread of an SKP, the employee
receiving and acknowledging the final result, the objection against it, and what the employee sees of
how the result came about (the steps taken, the matrix cell, the unit's confirmed spread)."""

import logging
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date, format_datetime
from odoo.tools.translate import LazyTranslate

from ..tools.jobs import CHANNEL, PRIORITY, job_key, period_batches
from ..tools.predicate import PREDICATES, RATINGS, compute_predicate
from ..tools.words import one_stop
from .asn_edit_rules_mixin import WORKFLOW_CONTEXT
from .asn_kinerja_feedback import CLOSED_STATES, POSTERS
from .asn_kinerja_objection import STATES as OBJECTION_STATES

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)

ACKNOWLEDGE_ACTIVITY = "hr_asn_kinerja.mail_act_skp_acknowledge"
RESULT_TEMPLATE = "hr_asn_kinerja.mail_template_skp_result"
RESULT_CRON = "hr_asn_kinerja.ir_cron_skp_result_mail"
RESULT_MAIL_BATCH = 200  # result e-mails per job (no PDF in them: a few seconds)
DOCUMENT_REPORT = "hr_asn_kinerja.action_report_evaluation_document"
# the matrix as the rules print it (docs/rules.md §5): work results from the best down, behaviour from the worst up
MATRIX_ROWS = RATINGS
MATRIX_COLUMNS = tuple(reversed(RATINGS))


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    # the continuous feedback thread
    feedback_ids = fields.One2many("asn.kinerja.feedback", "appraisal_id", "Feedback and Dialogue")
    feedback_count = fields.Integer(compute="_compute_feedback_count")

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

    # the objection (keberatan, PP 30/2019)
    objection_ids = fields.One2many("asn.kinerja.objection", "appraisal_id", "Objections")
    objection_id = fields.Many2one("asn.kinerja.objection", compute="_compute_objection_id")
    objection_state = fields.Selection(
        OBJECTION_STATES,
        "Objection Status",
        compute="_compute_objection_id",
    )
    objection_deadline = fields.Date(
        compute="_compute_objection_deadline",
        help="The last day the employee may object to the final result (docs/rules.md §13).",
    )
    can_object = fields.Boolean(compute="_compute_can_object", help="The reader may object to this result now.")

    # how the result came about, as the employee reads it
    history_html = fields.Html("History", compute="_compute_history_html", sanitize=False)
    predicate_matrix_html = fields.Html("Predikat Matrix", compute="_compute_predicate_matrix_html", sanitize=False)
    unit_rating_id = fields.Many2one(
        "asn.kinerja.unit.rating",
        "Penetapan Predikat Kinerja",
        compute="_compute_unit_rating_id",
        help="The confirmed Penetapan of the unit (or a parent unit) that counts this SKP.",
    )
    unit_spread_html = fields.Html("Spread of the Unit", compute="_compute_unit_spread_html", sanitize=False)

    # ------------------------------------------------------------------
    # the feedback thread
    # ------------------------------------------------------------------
    @api.depends("feedback_ids")
    def _compute_feedback_count(self):
        for appraisal in self:
            appraisal.feedback_count = len(appraisal.feedback_ids)

    def _check_thread_open(self):
        """Raise when nobody may write in the thread of this SKP any more: final, cancelled, or frozen."""
        self.ensure_one()
        self._check_period_open()
        if self.state in CLOSED_STATES:
            raise UserError(
                self.env._(
                    "The SKP of %(employee)s is %(state)s: its feedback thread is closed.",
                    employee=self.sudo().employee_id.name,
                    state=self._state_label(),
                )
            )

    def _check_can_post(self, author):
        """The role in which ``author`` writes in the thread (employee, appraiser or superior), or raise."""
        self.ensure_one()
        roles = self.with_user(author)._get_roles()
        role = next((role for role in POSTERS if role in roles), None)
        if not role:
            raise AccessError(
                self.env._(
                    "Only %(employee)s, their appraiser and the appraiser's superior write in the feedback thread "
                    "of this SKP.",
                    employee=self.sudo().employee_id.name,
                )
            )
        self._check_thread_open()
        return role

    # ------------------------------------------------------------------
    # the final result: received, acknowledged
    # ------------------------------------------------------------------
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
        for period, batch in period_batches(pending, RESULT_MAIL_BATCH):
            batch.with_delay(
                channel=CHANNEL,
                priority=PRIORITY,
                identity_key=job_key(period.id, "result", batch),
                description=self.env._(
                    "%(period)s: result e-mails of %(count)s SKPs", period=period.name, count=len(batch)
                ),
            )._job_send_results()

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

    # ------------------------------------------------------------------
    # the objection
    # ------------------------------------------------------------------
    @api.depends("objection_ids.state")
    def _compute_objection_id(self):
        for appraisal in self:
            objection = appraisal.sudo().objection_ids[:1]
            appraisal.objection_id = objection
            appraisal.objection_state = objection.state

    @api.depends("result_received_date", "date_done", "company_id.kinerja_objection_days")
    def _compute_objection_deadline(self):
        """14 days (the company's setting) from the day the employee received the result; a result that
        reached nobody through this application (no user, no e-mail) counts from its finalisation."""
        for appraisal in self:
            days = appraisal.company_id.kinerja_objection_days
            start = appraisal.result_received_date or appraisal.date_done
            appraisal.objection_deadline = start and start + timedelta(days=days)

    @api.depends_context("uid")
    def _compute_can_object(self):
        today = fields.Date.context_today(self)
        for appraisal in self:
            appraisal.can_object = bool(
                appraisal.state == "done"
                and appraisal.is_own
                and not appraisal.sudo().objection_ids
                and appraisal.objection_deadline
                and today <= appraisal.objection_deadline
                and appraisal.period_id.state != "closed"
            )

    def _check_can_object(self):
        """Raise unless the caller may object to this result now: its employee, a final result, the first
        objection, within the deadline (docs/rules.md §13)."""
        self.ensure_one()
        skp = self.sudo()
        if not self.env.su and "employee" not in self._get_roles():
            raise AccessError(
                self.env._(
                    "Only %(employee)s may object to the result of their own SKP.", employee=skp.employee_id.name
                )
            )
        if self.state != "done":
            raise UserError(
                self.env._(
                    "An objection is made against a final result: the SKP of %(employee)s is %(state)s.",
                    employee=skp.employee_id.name,
                    state=self._state_label(),
                )
            )
        if earlier := skp.objection_ids[:1]:
            raise UserError(
                self.env._(
                    "%(employee)s already objected to this result on %(date)s (%(state)s): the decision is final, "
                    "no second objection is possible.",
                    employee=skp.employee_id.name,
                    date=format_date(self.env, earlier.date_submitted),
                    state=dict(earlier._fields["state"]._description_selection(self.env))[earlier.state],
                )
            )
        if fields.Date.context_today(self) > self.objection_deadline:
            raise UserError(
                self.env._(
                    "The time to object ended on %(date)s: an objection is filed within %(days)s days of receiving the "
                    "result.",
                    date=format_date(self.env, self.objection_deadline),
                    days=skp.company_id.kinerja_objection_days,
                )
            )
        self._check_period_open()

    def action_open_objection(self):
        """The objection to this result: its form, or, for the employee who may still object, the form to file it."""
        self.ensure_one()
        if objection := self.objection_id:
            return {
                "type": "ir.actions.act_window",
                "res_model": objection._name,
                "res_id": objection.id,
                "view_mode": "form",
            }
        self._check_can_object()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File an Objection"),
            "res_model": "asn.kinerja.objection",
            "view_mode": "form",
            "views": [(self.env.ref("hr_asn_kinerja.asn_kinerja_objection_view_form_file").id, "form")],
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def _change_result_by_objection(self, objection):
        """The one way a final result changes without being reopened: the accepted objection ``objection``
        gives new ratings. They are written inside the workflow engine's context, the predikat follows from
        the matrix, the chatter keeps old and new, a confirmed Penetapan of the unit is told, and the follow-up
        of a final result (``_on_done``: coaching, training) runs again on the new predikat."""
        self.ensure_one()
        fields_changed = ("result_rating", "behavior_rating", "predicate")
        old = {name: self[name] for name in fields_changed}
        self.sudo().with_context(**{WORKFLOW_CONTEXT: True, "tracking_disable": True}).write(
            {"result_rating": objection.result_rating, "behavior_rating": objection.behavior_rating}
        )
        skp = self.sudo().with_context(lang=self._document_lang())
        changes = [
            skp.env._(
                "%(field)s: %(old)s → %(new)s",
                field=skp._fields[name]._description_string(skp.env),
                old=skp._fields[name].convert_to_export(old[name], skp) or "-",
                new=skp._fields[name].convert_to_export(skp[name], skp),
            )
            for name in fields_changed
        ]
        skp._message_log(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                skp.env._(
                    "Result changed by the decision on the objection of %(employee)s (decided by %(decider)s; "
                    "PP 30/2019: final).",
                    employee=skp.employee_id.name,
                    decider=self.env.user.name,
                ),
                Markup().join(Markup("<li>%s</li>") % change for change in changes),
            )
        )
        self.env["asn.kinerja.unit.rating"]._log_objection_change(self, old["predicate"])
        self._on_done()

    # ------------------------------------------------------------------
    # how the result came about
    # ------------------------------------------------------------------
    @api.depends("message_ids")
    @api.depends_context("lang", "tz")
    def _compute_history_html(self):
        """Riwayat: every step of the SKP as its chatter logged it, oldest first: when, who, what (with the
        reasons the steps asked for)."""
        for appraisal in self:
            messages = appraisal.sudo().message_ids.filtered(
                lambda m: m.message_type in ("comment", "notification") and m.body
            )
            rows = Markup().join(
                Markup('<tr><td class="text-nowrap">%s</td><td>%s</td><td>%s</td></tr>')
                % (
                    format_datetime(self.env, message.date, dt_format="short"),
                    message.author_id.name or "",
                    message.body,
                )
                for message in messages.sorted(lambda m: (m.date, m.id))
            )
            appraisal.history_html = rows and (
                Markup(
                    '<table class="table table-sm o_asn_history mb-0"><thead><tr><th>%s</th><th>%s</th><th>%s</th>'
                    "</tr></thead><tbody>%s</tbody></table>"
                )
                % (self.env._("When"), self.env._("Who"), self.env._("What"), rows)
            )

    @api.depends("result_rating", "behavior_rating")
    @api.depends_context("lang")
    def _compute_predicate_matrix_html(self):
        """The matrix of PermenPAN-RB 6/2022 (``tools/predicate.py``) with the cell of this SKP marked."""
        ratings = dict(self._fields["result_rating"]._description_selection(self.env))
        predicates = dict(self._fields["predicate"]._description_selection(self.env))
        head = Markup("").join(Markup('<th class="text-center">%s</th>') % ratings[column] for column in MATRIX_COLUMNS)
        for appraisal in self:
            mine = (appraisal.result_rating, appraisal.behavior_rating)
            body = Markup()
            for row in MATRIX_ROWS:
                cells = Markup()
                for column in MATRIX_COLUMNS:
                    label = predicates[compute_predicate(row, column)]
                    if (row, column) == mine:
                        cells += (
                            Markup('<td class="text-center fw-bold text-bg-primary o_asn_matrix_mine">%s</td>') % label
                        )
                    else:
                        cells += Markup('<td class="text-center text-muted">%s</td>') % label
                body += Markup("<tr><th>%s</th>%s</tr>") % (ratings[row], cells)
            appraisal.predicate_matrix_html = Markup(
                '<table class="table table-sm table-bordered small mb-0 o_asn_matrix" '
                'style="table-layout: fixed; overflow-wrap: anywhere;"><thead><tr>'
                '<th class="small">%s</th>%s</tr></thead><tbody>%s</tbody></table>'
            ) % (self.env._("Work results ↓ / behaviour →"), head, body)

    def _compute_unit_rating_id(self):
        confirmed = self.env["asn.kinerja.unit.rating"].sudo()._confirmed_covering(self)
        for appraisal in self:
            appraisal.unit_rating_id = confirmed.get(appraisal.id, False)

    @api.depends_context("lang")
    def _compute_unit_spread_html(self):
        """The unit's confirmed spread of predikat (counts and shares, no names), read by everyone on the SKP
        once the Penetapan is confirmed (docs/rules.md §20)."""
        labels = dict(self._fields["predicate"]._description_selection(self.env))
        for appraisal in self:
            unit_rating = appraisal.sudo().unit_rating_id
            if not unit_rating:
                appraisal.unit_spread_html = False
                continue
            counts = unit_rating._predicate_counts()
            total = sum(counts.values()) or 1
            rows = Markup().join(
                Markup('<tr class="%s"><td>%s</td><td class="text-end">%s</td><td class="text-end">%s%%</td></tr>')
                % (
                    "fw-bold" if key == appraisal.predicate else "",
                    labels[key],
                    counts.get(key, 0),
                    unit_rating._format_percent(counts.get(key, 0) * 100 / total),
                )
                for key in PREDICATES
            )
            appraisal.unit_spread_html = Markup(
                '<p class="mb-1">%s</p><table class="table table-sm mb-1 o_asn_unit_spread"><tbody>%s</tbody></table>'
                '<p class="small text-muted mb-0">%s %s</p>'
            ) % (
                self.env._(
                    "Penetapan Predikat Kinerja of %(unit)s, confirmed on %(date)s: %(count)s SKPs.",
                    unit=unit_rating.department_id.name,
                    date=format_date(self.env, unit_rating.date_confirmed),
                    count=sum(counts.values()),
                ),
                rows,
                self.env._("Allowed spread:"),
                escape(unit_rating.allowed_spread or ""),
            )
