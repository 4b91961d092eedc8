"""The yearly JP target per ASN type (docs/rules.md §8): PNS, and every kind of PPPK."""

from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestJpTargetPerType(TrainingCase):
    def test_pns_and_pppk_have_their_own_target(self):
        self.company.write({"training_jp_target_pns": 20, "training_jp_target_pppk": 24})
        pppk = self.env["hr.employee"].create(
            {"name": "Guru PPPK", "department_id": self.department.id, "nip": "198808182023212017", "asn_type": "pppk"}
        )
        self.env.invalidate_all()
        self.assertEqual((self.staff.training_jp_target, self.staff.training_jp_gap), (20, 20))
        self.assertEqual((pppk.training_jp_target, pppk.training_jp_gap), (24, 24))
        rows = self.env["asn.training.jp.report"].search_read(
            [("employee_id", "in", (self.staff | pppk).ids), ("year", "=", self.env.cr.now().year)],
            ["employee_id", "jp_target", "jp_gap"],
        )
        self.assertEqual(
            {(row["employee_id"][0], row["jp_target"], row["jp_gap"]) for row in rows},
            {(self.staff.id, 20, 20), (pppk.id, 24, 24)},
        )

    def test_a_part_time_pppk_type_has_the_pppk_target(self):
        self.company.write({"training_jp_target_pns": 20, "training_jp_target_pppk": 12})
        self.assertEqual(self.company._training_jp_target_for("pppk_part_time"), 12)
        self.assertEqual(self.company._training_jp_target_for("pns"), 20)
        self.assertEqual(self.company._training_jp_target_for(False), 20)

    def test_the_single_target_of_before_still_reads_and_sets(self):
        self.company.training_jp_target = 30
        self.assertEqual((self.company.training_jp_target_pns, self.company.training_jp_target_pppk), (30, 30))
        self.company.training_jp_target_pns = 25
        self.assertEqual(self.company.training_jp_target, 25)
        settings = self.env["res.config.settings"].create({"training_jp_target_pppk": 18})
        settings.execute()
        self.assertEqual(self.company.training_jp_target_pppk, 18)
