"""The nine cells of the PermenPAN-RB 6/2022 matrix, as a function and on the SKP."""

import re
from pathlib import Path

from lxml import etree

from odoo.tests import BaseCase, tagged

from ..tools.predicate import PREDICATE_COLOURS, PREDICATE_DECORATIONS, PREDICATES, compute_predicate
from .common import KinerjaCase

# (work results, work behaviour) -> predikat, read off docs/rules.md §5
MATRIX = {
    ("above", "below"): "poor",
    ("above", "as_expected"): "good",
    ("above", "above"): "very_good",
    ("as_expected", "below"): "poor",
    ("as_expected", "as_expected"): "good",
    ("as_expected", "above"): "good",
    ("below", "below"): "very_poor",
    ("below", "as_expected"): "needs_improvement",
    ("below", "above"): "needs_improvement",
}


@tagged("post_install", "-at_install")
class TestPredicateMatrix(BaseCase):
    """The matrix as a plain function, without the ORM."""

    def test_matrix_function_has_all_nine_cells(self):
        for (result, behavior), predicate in MATRIX.items():
            with self.subTest(result=result, behavior=behavior):
                self.assertEqual(compute_predicate(result, behavior), predicate)

    def test_no_predicate_until_both_ratings(self):
        self.assertIs(compute_predicate("above", False), False)
        self.assertIs(compute_predicate(False, "below"), False)


@tagged("post_install", "-at_install")
class TestPredicateVocabulary(BaseCase):
    """The colours of the views and the graph, which cannot import Python, are those of tools/predicate.py."""

    addon = Path(__file__).parents[1]

    def test_the_views_decorate_a_predikat_as_tools_predicate_says(self):
        seen = 0
        for path in (self.addon / "views").glob("*.xml"):
            for node in etree.parse(str(path)).iter():
                for name, value in node.attrib.items():
                    if name.startswith("decoration-") and re.match(r"predicate\b", value):
                        seen += 1
                        tone = name.removeprefix("decoration-")
                        with self.subTest(view=path.name, decoration=name):
                            self.assertEqual(tuple(re.findall(r"'(\w+)'", value)), PREDICATE_DECORATIONS[tone])
        self.assertTrue(seen)
        self.assertEqual(sorted(sum(PREDICATE_DECORATIONS.values(), ())), sorted(PREDICATES))

    def test_the_graph_colours_a_predikat_as_tools_predicate_says(self):
        script = (self.addon / "static/src/views/predicate_graph.js").read_text()
        colours = dict(re.findall(r'^\s+(\w+): "(#[0-9a-f]{6})",$', script, re.MULTILINE))
        self.assertEqual(colours, {key: background for key, (background, _text) in PREDICATE_COLOURS.items()})


@tagged("post_install", "-at_install")
class TestPredicateOnSkp(KinerjaCase):
    def test_each_cell_on_a_scored_skp(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        appraiser = skp.with_user(self.user_supervisor)
        for (result, behavior), predicate in MATRIX.items():
            with self.subTest(result=result, behavior=behavior):
                appraiser.write({"result_rating": result, "behavior_rating": behavior})
                self.assertEqual(skp.predicate, predicate)
        appraiser.write(
            {"result_rating": "below", "behavior_rating": "as_expected", "appraiser_feedback": "Perlu bimbingan."}
        )
        appraiser.action_score()
        self.assertEqual(skp.predicate, "needs_improvement")
