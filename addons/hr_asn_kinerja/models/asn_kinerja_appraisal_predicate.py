"""The predikat of an SKP: the matrix of ``tools/predicate.py`` applied to its two ratings, said in a
sentence, and groups of predikat in the order of the scale."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.predicate import PREDICATES, compute_predicate


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = compute_predicate(appraisal.result_rating, appraisal.behavior_rating)

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate_reason(self):
        for appraisal in self:
            appraisal.predicate_reason = self._predicate_sentence(appraisal.result_rating, appraisal.behavior_rating)

    @api.model
    def _predicate_sentence(self, result_rating, behavior_rating):
        """How the matrix (``tools/predicate.py``) turns two ratings into a predikat, in one sentence of the
        reader's language; False while a rating is missing."""
        predicate = compute_predicate(result_rating, behavior_rating)
        if not predicate:
            return False
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in ("result_rating", "predicate")
        }
        return self.env._(
            "Work results %(result)s and work behaviour %(behavior)s give %(predicate)s (PermenPAN-RB 6/2022 matrix).",
            result=labels["result_rating"][result_rating],
            behavior=labels["result_rating"][behavior_rating],
            predicate=labels["predicate"][predicate],
        )

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        """Groups of predikat (pivot, graph, grouped lists) follow the scale, Sangat Baik first, not the
        alphabet of the keys; empty last. Other terms keep Odoo's order."""
        if "predicate" not in groupby_terms:
            return super()._read_group_orderby(order, groupby_terms, query)
        parts = []
        for part in (order or ",".join(groupby_terms)).split(","):
            term, *direction = part.split()
            if term != "predicate":
                parts.append(super()._read_group_orderby(part, groupby_terms, query))
                continue
            rank = SQL(
                "CASE %s %s END",
                groupby_terms[term],
                SQL(" ").join(SQL("WHEN %s THEN %s", key, rank) for rank, key in enumerate(PREDICATES)),
            )
            descending = bool(direction) and direction[0].upper() == "DESC"
            parts.append(SQL("%s %s NULLS LAST", rank, SQL("DESC" if descending else "ASC")))
        return SQL(", ").join(part for part in parts if part)
