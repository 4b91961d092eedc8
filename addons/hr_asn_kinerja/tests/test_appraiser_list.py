"""The appraiser's list ('Subordinates') costs the same number of queries for 2 or 20 subordinates.

`make bench` prints the same list at 10, 50 and 200 subordinates.
"""

from odoo.tests import tagged

from .common import KinerjaCase, make_nip

# the action's domain with its default filters, Open Periods and Awaiting Me
DOMAIN = [
    "&",
    "&",
    "|",
    ("is_appraiser", "=", True),
    ("is_superior", "=", True),
    ("period_id.state", "=", "open"),
    ("is_my_turn", "=", True),
]


def list_specification(env):
    """What the web client asks for: the fields of the list view (many2one: their name); `make bench` too."""
    Appraisal = env["asn.kinerja.appraisal"]
    view = env.ref("hr_asn_kinerja.asn_kinerja_appraisal_view_list_subordinates")
    arch, _view = Appraisal._get_view(view.id, "list")
    return {
        node.get("name"): {"fields": {"display_name": {}}}
        if Appraisal._fields[node.get("name")].type == "many2one"
        else {}
        for node in arch.iter("field")
    }


# the same at 2 and 20 rows: the roles of all rows are fetched in one query (asn.workflow.mixin). A ceiling that
# guards an N+1 (independent of the number of subordinates), no headroom
LIST_QUERIES = 10


@tagged("post_install", "-at_install")
class TestAppraiserList(KinerjaCase):
    def add_subordinates(self, count, start):
        employees = self.env["hr.employee"].create(
            [
                {"name": f"Staf {i}", "nip": make_nip(i), "asn_type": "pns", "parent_id": self.supervisor.id}
                for i in range(start, start + count)
            ]
        )
        self.period.action_open()
        skps = self.period.appraisal_ids.filtered(lambda s: s.employee_id in employees)
        self.env["asn.kinerja.appraisal.line"].create(
            [{"appraisal_id": s.id, "name": "Laporan", "target": "4 laporan"} for s in skps]
        )
        skps.action_submit()

    def test_list_queries_do_not_grow_with_subordinates(self):
        spec = list_specification(self.env)
        Appraisal = self.env["asn.kinerja.appraisal"].with_user(self.user_supervisor)
        for added, start, total in ((2, 100, 2), (18, 200, 20)):
            with self.subTest(subordinates=total):
                self.add_subordinates(added, start)
                Appraisal.web_search_read(DOMAIN, spec, limit=80)  # warm-up
                self.env.flush_all()
                self.env.invalidate_all()
                with self.assertQueryCount(LIST_QUERIES):
                    result = Appraisal.web_search_read(DOMAIN, spec, limit=80)
                self.assertEqual(result["length"], total)
