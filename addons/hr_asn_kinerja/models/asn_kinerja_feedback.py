"""Continuous feedback and performance dialogue on an SKP (docs/rules.md §2, §21).

One entry per post, never overwritten: the employee, the appraiser and the appraiser's superior
write on the SKP (or on one of its work results) until the result is final; each post tells the
other side. Nobody else reads the thread but HR. Its author may correct an entry for 24 hours;
nobody ever deletes one: the thread is the record of the conversation, printed in the annex of
the Dokumen Evaluasi Kinerja Pegawai.
"""

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

KINDS = [("feedback", "Feedback"), ("dialogue", "Performance Dialogue")]
# who writes in the thread: the SKP's own people (HR reads it)
POSTERS = ("employee", "appraiser", "superior")
AUTHOR_ROLES = [("employee", "Employee"), ("appraiser", "Appraiser"), ("superior", "Appraiser's Superior")]
CLOSED_STATES = ("done", "cancel")
EDIT_WINDOW = timedelta(hours=24)
# what an author may correct within the window
EDITABLE_FIELDS = {"body", "kind", "date", "line_id"}


class AsnKinerjaFeedback(models.Model):
    _name = "asn.kinerja.feedback"
    _description = "SKP Feedback and Performance Dialogue"
    _order = "appraisal_id, date, id"
    _check_company_auto = True

    appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="cascade", check_company=True
    )
    line_id = fields.Many2one(
        "asn.kinerja.appraisal.line",
        "Work Result",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        domain="[('appraisal_id', '=', appraisal_id)]",
        help="The work result the entry is about; empty for the whole SKP.",
    )
    author_id = fields.Many2one(
        "res.users", required=True, readonly=True, ondelete="restrict", default=lambda self: self.env.user
    )
    author_role = fields.Selection(AUTHOR_ROLES, readonly=True, help="The author's role on the SKP when posting.")
    body = fields.Text("Text", required=True)
    kind = fields.Selection(KINDS, required=True, default="feedback")
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="For a performance dialogue: the day the conversation took place. Otherwise the day of the post.",
    )
    # the SKP's, set when posting (an SKP never changes company)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    is_editable = fields.Boolean(
        compute="_compute_is_editable", help="The reader wrote this entry less than 24 hours ago."
    )

    @api.depends("author_id", "appraisal_id.state")
    @api.depends_context("uid")
    def _compute_is_editable(self):
        now = fields.Datetime.now()
        for entry in self:
            entry.is_editable = not entry.id or (
                entry.author_id == self.env.user
                and entry.appraisal_id.state not in CLOSED_STATES
                and now - entry.create_date <= EDIT_WINDOW
            )

    @api.depends("appraisal_id", "author_id", "date")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = f"{entry.author_id.name or ''} ({entry.date or ''})"

    @api.constrains("line_id", "appraisal_id")
    def _check_line(self):
        for entry in self.filtered("line_id"):
            if entry.line_id.appraisal_id != entry.appraisal_id:
                raise ValidationError(self.env._("A feedback entry can only be about a work result of its own SKP."))

    # ------------------------------------------------------------------
    # posting, correcting, never deleting
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["asn.kinerja.appraisal"]
        for vals in vals_list:
            if vals.get("line_id") and not vals.get("appraisal_id"):
                vals["appraisal_id"] = self.env["asn.kinerja.appraisal.line"].browse(vals["line_id"]).appraisal_id.id
            # only code running as superuser may post in someone else's name (the demo, a migration)
            author = self.env["res.users"].browse(vals.get("author_id")) if self.env.su else self.env.user
            author = author or self.env.user
            vals["author_id"] = author.id
            appraisal = Appraisal.browse(vals.get("appraisal_id"))
            vals["author_role"] = appraisal._check_can_post(author)
            vals["company_id"] = appraisal.company_id.id
        entries = super().create(vals_list)
        entries._notify_other_side()
        return entries

    # not asn.edit.rules.mixin: an entry has no state; only its author corrects it, within 24 hours
    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        if not_editable := set(vals) - EDITABLE_FIELDS:
            raise AccessError(
                self.env._(
                    "%(field)s of a feedback entry is set when it is posted.",
                    field=self._fields[sorted(not_editable)[0]]._description_string(self.env),
                )
            )
        for entry in self:
            entry._check_correction()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _never_delete(self):
        # an SKP deleted by HR (a draft or a cancelled one) takes its thread along in the database
        raise UserError(
            self.env._(
                "A feedback entry is never deleted: it is the record of the conversation. Its author can correct "
                "it within 24 hours of posting."
            )
        )

    def _check_correction(self):
        self.ensure_one()
        if self.author_id != self.env.user:
            raise AccessError(self.env._("Only its author may change a feedback entry."))
        if fields.Datetime.now() - self.create_date > EDIT_WINDOW:
            raise UserError(self.env._("A feedback entry can no longer be changed 24 hours after it was posted."))
        self.appraisal_id._check_thread_open()

    # ------------------------------------------------------------------
    # telling the other side
    # ------------------------------------------------------------------
    def _notify_other_side(self):
        """A leader's post goes to the employee; the employee's to the appraiser. In the reader's language,
        in their Odoo inbox and by e-mail, with a link to the SKP."""
        for entry in self.sudo():
            skp = entry.appraisal_id
            reader = skp.appraiser_id.user_id if entry.author_role == "employee" else skp.employee_id.user_id
            if not reader or reader == entry.author_id:
                continue
            skp = skp.with_context(lang=reader.lang or self.env.lang)
            env = skp.env
            if entry.kind == "dialogue":
                subject = env._("Performance dialogue recorded on %(skp)s", skp=skp.name)
                intro = env._(
                    "%(author)s recorded the performance dialogue of %(date)s:",
                    author=entry.author_id.name,
                    date=format_date(env, entry.date),
                )
            else:
                subject = env._("New feedback on %(skp)s", skp=skp.name)
                intro = env._("%(author)s wrote:", author=entry.author_id.name)
            if entry.line_id:
                intro = env._("%(intro)s (work result: %(result)s)", intro=intro, result=entry.line_id.name)
            body = Markup("<p>%s</p><blockquote>%s</blockquote>") % (intro, entry.body)
            skp._notify_user(reader, subject, body, author=entry.author_id)
