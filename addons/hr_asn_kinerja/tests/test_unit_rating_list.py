"""The list of organisation ratings reads each unit's spread from the distribution view, in one grouped query
for all its rows: reading it costs as many queries for 1 unit as for 50 (docs/rules.md §5)."""

from odoo.tests import tagged

from ..models.asn_edit_rules_mixin import WORKFLOW_CONTEXT
from ..models.asn_kinerja_unit_rating import SPREAD_READERS
from ..tools.predicate import PREDICATE_SELECTION
from .common import RATINGS_FOR, KinerjaCase, make_nip

# the ratings; the spread of every row from the distribution view (one grouped query); the unfinished SKPs of every
# row (one query) and their names; the reader, their company and its partner; the periods' and units' names. A
# ceiling that guards an N+1: the same at 1 and at 50 units, no headroom
LIST_QUERIES = 9


@tagged("post_install", "-at_install")
class TestUnitRatingList(KinerjaCase):
    def add_units(self, count, start):
        """``count`` rated units, each with one Sangat Baik and one Baik finished SKP and one SKP in draft."""
        units = self.env["hr.department"].create([{"name": f"Bidang {i}"} for i in range(start, start + count)])
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Staf {i}-{n}",
                    "nip": make_nip(i * 3 + n),
                    "asn_type": "pns",
                    "parent_id": self.supervisor.id,
                    "department_id": unit.id,
                }
                for i, unit in enumerate(units, start)
                for n in range(3)
            ]
        )
        self.period.action_open()
        skps = self.period.appraisal_ids.filtered(lambda s: s.employee_id in employees).sorted("employee_name")
        for skp, predicate in zip(skps, ["very_good", "good", None] * count, strict=True):
            if predicate:
                result, behavior = RATINGS_FOR[predicate]
                skp.sudo().with_context(**{WORKFLOW_CONTEXT: True}).write(
                    {"state": "done", "result_rating": result, "behavior_rating": behavior}
                )
        self.env["asn.kinerja.unit.rating"].create(
            [{"department_id": unit.id, "period_id": self.period.id, "rating": "good"} for unit in units]
        )
        return units

    def test_list_queries_do_not_grow_with_units(self):
        UnitRating = self.env["asn.kinerja.unit.rating"].with_user(self.user_officer)
        view = self.env.ref("hr_asn_kinerja.asn_kinerja_unit_rating_view_list")
        arch, _view = UnitRating._get_view(view.id, "list")
        spec = {
            node.get("name"): {"fields": {"display_name": {}}}
            if UnitRating._fields[node.get("name")].type == "many2one"
            else {}
            for node in arch.iter("field")
        }
        for added, start, total in ((1, 100, 1), (49, 200, 50)):
            with self.subTest(units=total):
                self.add_units(added, start)
                UnitRating.web_search_read([], spec, limit=80)  # warm-up
                self.env.flush_all()
                self.env.invalidate_all()
                with self.assertQueryCount(LIST_QUERIES):
                    result = UnitRating.web_search_read([], spec, limit=80)
                self.assertEqual(result["length"], total)
                for row in result["records"]:
                    self.assertEqual(
                        (row["skp_count"], row["very_good_percent"], row["good_percent"], row["distribution_ok"]),
                        (2, 50.0, 50.0, False),
                        "one of two Sangat Baik, one Baik, none Butuh Perbaikan or Kurang, one SKP unfinished",
                    )
                    self.assertIn("1 SKPs not finished", row["distribution_issues"])

    def test_every_predikat_has_its_count_and_share_labelled_as_the_predikat(self):
        fields = self.env["asn.kinerja.unit.rating"]._fields
        for key, label in PREDICATE_SELECTION:
            with self.subTest(predicate=key):
                count, share = fields[f"{key}_count"], fields[f"{key}_percent"]
                self.assertEqual((count.type, count.string), ("integer", label))
                self.assertEqual((share.type, share.string), ("float", f"{label} (%)"))
                self.assertEqual({count.compute, share.compute}, {"_compute_distribution"})
                self.assertEqual({count.groups, share.groups}, {SPREAD_READERS})
