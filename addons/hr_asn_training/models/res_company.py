from odoo import api, fields, models
from odoo.tools.sql import column_exists

from odoo.addons.hr_asn_kinerja.tools.predicate import LOW_PREDICATES, PREDICATES


class ResCompany(models.Model):
    _inherit = "res.company"

    training_trigger_predicates = fields.Char(
        "Predikat Triggering Training",
        default=",".join(LOW_PREDICATES),
        help="Comma-separated predikat keys: a final SKP with one of them leads to coaching and a training request.",
    )
    # the yearly target per ASN type (docs/rules.md §8): PNS, and PPPK full or part time
    training_jp_target_pns = fields.Float(
        "Yearly JP Target (PNS)", default=20, help="Jam pelajaran of competency development per year of a PNS."
    )
    training_jp_target_pppk = fields.Float(
        "Yearly JP Target (PPPK)",
        default=20,
        help="Jam pelajaran of competency development per year of a PPPK, full or part time.",
    )
    # the single target of earlier versions, kept for the code and the callers that read or write it: it reads
    # the PNS target and sets both
    training_jp_target = fields.Float(
        "Yearly Learning Hours Target (JP)",
        compute="_compute_training_jp_target",
        inverse="_inverse_training_jp_target",
        help="Jam pelajaran of competency development per year (the PNS target; setting it sets both).",
    )
    training_coaching_course_id = fields.Many2one(
        "hr.course",
        "Default Coaching Program",
        help="Course proposed in the training request that follows a low predikat.",
    )
    training_auto_request = fields.Boolean(
        "Training Request after a Low Predikat",
        default=True,
        help="Create a training request when an SKP ends with a predikat that triggers training.",
    )
    training_include_periodic = fields.Boolean(
        "Periodic Results Lead to Training",
        help="Also link low predikat of semester, quarter and month evaluations to coaching and training, "
        "not only the annual result. An employee still gets at most one such open request a year.",
    )
    training_require_certificate = fields.Boolean(
        "Certificate Required",
        default=True,
        help="A training request is done only with a certificate, unless the session records a passed result.",
    )
    training_officer_id = fields.Many2one(
        "res.users",
        domain=lambda self: [("all_group_ids", "in", self.env.ref("hr_asn_kinerja.group_kinerja_officer").ids)],
        help="Gives the final approval of training requests. By default, the first Pengelola Kinerja of the company.",
    )

    def _auto_init(self):
        """On the update that brings the targets per ASN type, both start from the single target of before
        (its column stays in the table), not from the default."""
        cr = self.env.cr
        fresh = not column_exists(cr, "res_company", "training_jp_target_pns")
        result = super()._auto_init()
        if fresh and column_exists(cr, "res_company", "training_jp_target"):
            cr.execute(
                "UPDATE res_company SET training_jp_target_pns = training_jp_target, "
                "training_jp_target_pppk = training_jp_target WHERE training_jp_target IS NOT NULL"
            )
        return result

    @api.depends("training_jp_target_pns")
    def _compute_training_jp_target(self):
        for company in self:
            company.training_jp_target = company.training_jp_target_pns

    def _inverse_training_jp_target(self):
        for company in self:
            company.write(
                {
                    "training_jp_target_pns": company.training_jp_target,
                    "training_jp_target_pppk": company.training_jp_target,
                }
            )

    @api.private
    def _training_jp_target_for(self, asn_type):
        """The yearly JP target of an employee of this ASN type: every PPPK kind (``pppk``,
        ``pppk_part_time``...) has the PPPK target, anyone else the PNS one (docs/rules.md §8)."""
        self.ensure_one()
        return self.training_jp_target_pppk if (asn_type or "").startswith("pppk") else self.training_jp_target_pns

    @api.private
    def _training_trigger_set(self):
        """The predikat keys that trigger coaching and training for this company."""
        self.ensure_one()
        keys = {key.strip() for key in (self.training_trigger_predicates or "").split(",")}
        return keys & set(PREDICATES)

    @api.private
    def _training_coaching_course(self):
        self.ensure_one()
        return self.training_coaching_course_id or self.env.ref(
            "hr_asn_training.course_coaching", raise_if_not_found=False
        )

    @api.private
    def _training_officer(self):
        """The user who receives the final approval activities of this company."""
        self.ensure_one()
        if self.training_officer_id.active:
            return self.training_officer_id
        officers = self.env.ref("hr_asn_kinerja.group_kinerja_officer").sudo().all_user_ids
        managers = self.env.ref("hr_asn_kinerja.group_kinerja_manager").sudo().all_user_ids
        candidates = officers.filtered(lambda u: self in u.company_ids and not u.share and u.active)
        return (candidates - managers or candidates).sorted("id")[:1]
