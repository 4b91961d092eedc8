"""Plans that live (docs/rules.md §26): additional work results (B. Tambahan) arise during the year, so the
employee (or HR) may add them while the SKP is approved; each is logged on the SKP and flagged as new for the
appraiser. The main work results stay as agreed."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .asn_kinerja_appraisal_line import PLAN_FIELDS

LIVE_STATE = "approved"
LIVE_ROLES = ("employee", "officer")
# what a row added after approval may carry: its plan and, already, its realisation
LIVE_FIELDS = {*PLAN_FIELDS, "appraisal_id", "indicator_name", "realization", "evidence_ids", "evidence_url"}


class AsnKinerjaAppraisalLine(models.Model):
    _inherit = "asn.kinerja.appraisal.line"

    is_added_later = fields.Boolean(
        "New",
        readonly=True,
        copy=False,
        help="An additional work result added after the plan was approved: the appraiser has not agreed to it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["asn.kinerja.appraisal"]
        later = [
            index
            for index, vals in enumerate(vals_list)
            if vals.get("kind") == "additional" and Appraisal.browse(vals.get("appraisal_id"))._takes_later_results()
        ]
        if self.env.su:
            return super().create(vals_list)
        for vals in vals_list:
            vals.pop("is_added_later", None)  # set here only, never by the caller
        if not later:
            return super().create(vals_list)
        added = self._create_added_later([vals_list[index] for index in later])
        others = super().create([vals for index, vals in enumerate(vals_list) if index not in later])
        by_index = dict(zip(later, added.ids, strict=True))
        other_ids = iter(others.ids)
        return self.browse(
            [by_index[index] if index in by_index else next(other_ids) for index in range(len(vals_list))]
        )

    def _create_added_later(self, vals_list):
        """Rows added to approved SKPs: by their employee or HR, with their plan only; logged on the SKP."""
        skps = self.env["asn.kinerja.appraisal"].browse({vals["appraisal_id"] for vals in vals_list})
        for skp in skps:
            skp._check_edit_open([])
            if not skp._get_roles() & set(LIVE_ROLES):
                raise UserError(
                    self.env._(
                        "Only %(employee)s or Pengelola Kinerja may add an additional work result to this SKP.",
                        employee=skp.sudo().employee_id.name,
                    )
                )
        for vals in vals_list:
            if extra := {name for name in set(vals) - LIVE_FIELDS if vals[name]}:
                raise UserError(
                    self.env._(
                        "An additional work result added after approval takes its plan only (not: %(fields)s).",
                        fields=", ".join(sorted(extra)),
                    )
                )
        # the roles are checked above: the row is written as the workflow writes
        clean = [{name: value for name, value in vals.items() if name in LIVE_FIELDS} for vals in vals_list]
        rows = self.sudo().create([{**vals, "is_added_later": True} for vals in clean]).with_env(self.env)
        rows._log_added_later()
        return rows

    def _log_added_later(self):
        for skp in self.appraisal_id:
            lang_skp = skp.with_context(lang=skp._document_lang())
            names = self.filtered(lambda row, s=skp: row.appraisal_id == s).mapped("name")
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                lang_skp.env._(
                    "Additional work result added after the plan was approved, by %(user)s:", user=self.env.user.name
                ),
                Markup().join(Markup("<li>%s</li>") % name for name in names),
            )
            skp.sudo()._message_log(body=body)

    def unlink(self):
        """A row added after approval may be taken back by whoever may add one, while the SKP is approved."""
        later = self.filtered(lambda row: row.is_added_later and row.appraisal_id.state == LIVE_STATE)
        if later and not self.env.su:
            later._check_take_back()
            super(AsnKinerjaAppraisalLine, later.sudo()).unlink()
        return super(AsnKinerjaAppraisalLine, self - later).unlink() if self - later else True

    def _check_take_back(self):
        for skp in self.appraisal_id:
            skp._check_edit_open([])
            if not skp._get_roles() & set(LIVE_ROLES):
                raise UserError(self.env._("You may not remove this additional work result."))


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def _takes_later_results(self):
        """An SKP whose plan was approved (not a periodic SKP created approved on the annual plan: its rows come
        with it) takes additional results now."""
        return self.state == LIVE_STATE and bool(self.date_approved)
