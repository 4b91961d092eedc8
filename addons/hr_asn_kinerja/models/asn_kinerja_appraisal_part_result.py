"""The result of a year of several parts (docs/rules.md §17): the earlier parts and a proposal that
weighs each part by its months (``tools/predicate.weighted_rating``), shown to the appraiser of the last
part, who scores the period with it or says why not."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.predicate import compute_predicate, weighted_rating


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def _part_ratings(self):
        """(result rating, behaviour rating) of this part alone: an earlier part's result, the last part's
        ratings of its own post."""
        if self.next_appraisal_ids or not self.previous_appraisal_id:
            return self.result_rating, self.behavior_rating
        return self.part_result_rating, self.part_behavior_rating

    def _proposal(self):
        """(result rating, behaviour rating) proposed for the period: each part's own ratings weigh by its
        months (``tools/predicate.weighted_rating``). False for a rating some part still lacks."""
        parts = self._earlier_parts() | self.sudo()
        return tuple(
            weighted_rating([(part.part_months, part._part_ratings()[index]) for part in parts]) for index in (0, 1)
        )

    @api.depends(
        "previous_appraisal_id",
        "result_rating",
        "behavior_rating",
        "part_result_rating",
        "part_behavior_rating",
        "date_start",
        "date_end",
        "appraiser_id",
    )
    @api.depends_context("lang")
    def _compute_parts(self):
        for appraisal in self:
            earlier = appraisal._earlier_parts() if appraisal.previous_appraisal_id else self.browse()
            appraisal.part_count = len(earlier) + 1
            if not earlier:
                appraisal.update(
                    {
                        "parts_html": False,
                        "proposed_result_rating": False,
                        "proposed_behavior_rating": False,
                        "proposed_predicate": False,
                    }
                )
                continue
            result, behavior = appraisal._proposal()
            appraisal.update(
                {
                    "parts_html": appraisal._parts_table(earlier | appraisal.sudo()),
                    "proposed_result_rating": result,
                    "proposed_behavior_rating": behavior,
                    "proposed_predicate": compute_predicate(result, behavior),
                }
            )

    def _parts_table(self, parts):
        """The parts side by side: post, months, evaluator, ratings, predikat and state."""
        labels = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in ("result_rating", "predicate", "state")
        }
        headers = (
            self.env._("Post"),
            self.env._("From"),
            self.env._("Until"),
            self.env._("Months"),
            self.env._("Appraiser"),
            self.env._("Work Results"),
            self.env._("Work Behaviour"),
            self.env._("Predikat"),
            self.env._("State"),
        )
        rows = Markup("").join(
            Markup("<tr>%s</tr>")
            % Markup("").join(
                Markup("<td>%s</td>") % value
                for value in (
                    " / ".join(filter(None, (part.job_id.name, part.department_id.name))) or "-",
                    fields.Date.to_string(part.date_start) or "",
                    fields.Date.to_string(part.date_end) or "",
                    f"{part.part_months:.1f}",
                    part.appraiser_id.name or "-",
                    labels["result_rating"].get(part._part_ratings()[0], "-"),
                    labels["result_rating"].get(part._part_ratings()[1], "-"),
                    labels["predicate"].get(compute_predicate(*part._part_ratings()), "-"),
                    labels["state"].get(part.state, ""),
                )
            )
            for part in parts
        )
        head = Markup("").join(Markup("<th>%s</th>") % header for header in headers)
        return Markup(
            '<table class="table table-sm o_asn_table o_asn_parts"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>'
        ) % (
            head,
            rows,
        )

    def _parts_message(self):
        """The chatter line of a period's result set over several parts: the parts, the proposal, the choice."""
        self.ensure_one()
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in ("result_rating", "predicate")
        }
        result, behavior = self._proposal()
        proposal = compute_predicate(result, behavior)
        chosen = (self.result_rating, self.behavior_rating)
        if (result, behavior) == chosen:
            verdict = self.env._("The result follows the proposal that weighs each part by its months.")
        else:
            verdict = self.env._(
                "The appraiser chose otherwise than the proposal that weighs each part by its months "
                "(%(result)s / %(behavior)s, %(predicate)s); the reason is in the appraiser's notes.",
                result=labels["result_rating"].get(result, "-"),
                behavior=labels["result_rating"].get(behavior, "-"),
                predicate=labels["predicate"].get(proposal, "-"),
            )
        intro = self.env._(
            "Result of the period over %(count)s parts (posts): %(result)s / %(behavior)s, %(predicate)s.",
            count=self.part_count,
            result=labels["result_rating"].get(self.result_rating, "-"),
            behavior=labels["result_rating"].get(self.behavior_rating, "-"),
            predicate=labels["predicate"].get(self.predicate, "-"),
        )
        return Markup("<p>%s</p><p>%s</p>%s") % (intro, verdict, self.parts_html or "")

    def action_use_proposal(self):
        """The appraiser of the last part: take the proposal that weighs each part by its months."""
        self.ensure_one()
        result, behavior = self._proposal()
        if not (result and behavior):
            raise ValidationError(self.env._("Every part needs both ratings before a proposal can be made."))
        self.write({"result_rating": result, "behavior_rating": behavior})
        return True

    def action_score(self):
        several = self.filtered("previous_appraisal_id")
        for skp in several.sudo():
            if not (skp.part_result_rating and skp.part_behavior_rating):
                raise ValidationError(
                    self.env._(
                        "Rate the part of %(employee)s in this post first (both ratings of this post): the result "
                        "of the period weighs it with the earlier parts.",
                        employee=skp.employee_id.name,
                    )
                )
            proposal = skp._proposal()
            chosen = (skp.result_rating, skp.behavior_rating)
            if all(proposal) and proposal != chosen and not (skp.appraiser_feedback or "").strip():
                raise ValidationError(
                    self.env._(
                        "The ratings of %(employee)s differ from the proposal that weighs each part of the period by "
                        'its months: say why in "%(field)s" (tab Evaluation) first.',
                        employee=skp.employee_id.name,
                        field=skp._fields["appraiser_feedback"]._description_string(self.env),
                    )
                )
        result = super().action_score()
        for skp in several.sudo():
            skp.with_context(lang=skp._document_lang())._message_log(body=skp._parts_message())
        return result
