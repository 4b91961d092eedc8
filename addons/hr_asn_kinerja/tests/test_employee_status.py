"""Leave and exits (docs/rules.md §24): HR records the ASN status with its date; the open SKP is closed at
that date and evaluated for the months served, or cancelled with the reason under the minimum; nobody is
reminded for someone who left; a period opening skips people not active on its first day."""

import base64
from pathlib import Path

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models.hr_employee_status import months_served
from ..tools import siasn_master as sm
from .common import KinerjaCase

DATA = Path(__file__).parent / "data"
CSV_TEXT = (DATA / "siasn_export_data_asn.csv").read_text()
UNOR_TEXT = (DATA / "siasn_ref_unor.json").read_text()


@tagged("post_install", "-at_install")
class TestEmployeeStatus(KinerjaCase):
    def test_months_served_counts_full_months(self):
        date = self.period.date_start.__class__
        self.assertEqual(months_served(date(2026, 1, 1), date(2026, 6, 30)), 6)
        self.assertEqual(months_served(date(2026, 1, 1), date(2026, 1, 30)), 0)
        self.assertEqual(months_served(date(2026, 1, 1), date(2026, 1, 31)), 1)
        self.assertEqual(months_served(date(2026, 1, 1), date(2025, 12, 31)), 0)

    def test_retirement_mid_year_closes_the_skp_for_the_months_served(self):
        skp = self.walk(self.skp_of(self.staff), "approved")
        self.assertTrue(skp.activity_ids)
        self.staff.with_user(self.user_officer).write({"asn_status": "retired", "asn_status_date": "2026-07-01"})
        self.assertEqual(str(skp.exit_date), "2026-06-30")
        self.assertEqual(skp.exit_months, 6)
        self.assertEqual(skp.state, "approved", "evaluated for the months served")
        self.assertFalse(skp.activity_ids, "nobody is reminded for someone who left")
        self.assertIn("6 full month(s) served", skp.message_ids[0].body)
        self.assertIn("the employee left", skp.with_user(self.user_supervisor).next_step)
        # the daily reminders do not bring them back; the realisation is handed in by HR, the appraiser scores
        self.env["asn.kinerja.appraisal"]._cron_remind_deadlines()
        self.assertFalse(skp.activity_ids)
        skp.line_ids.with_user(self.user_officer).write({"realization": "6 laporan"})
        skp.with_user(self.user_officer).action_submit_realization()
        self.assertFalse(skp.activity_ids)
        self.walk(skp, "done")
        # running the daily job again changes nothing
        self.env["hr.employee"]._cron_kinerja_status()
        self.assertEqual(skp.state, "done")

    def test_leaving_under_the_minimum_cancels_with_the_reason(self):
        skp = self.skp_of(self.staff2)
        self.staff2.with_user(self.user_officer).write({"asn_status": "leave", "asn_status_date": "2026-01-20"})
        self.assertEqual(skp.state, "cancel")
        self.assertEqual(skp.exit_months, 0)
        self.assertIn("fewer than the 1 needed", skp.message_ids[0].body)

    def test_a_future_status_waits_for_its_day_in_the_daily_run(self):
        skp = self.skp_of(self.staff)
        self.staff.with_user(self.user_officer).write({"asn_status": "deceased", "asn_status_date": "2027-02-01"})
        self.assertFalse(skp.exit_date, "the year 2026 was served in full")
        self.env["hr.employee"]._cron_kinerja_status()
        self.assertEqual(skp.state, "draft")

    def test_period_opening_skips_people_not_active_on_its_first_day(self):
        self.staff.with_user(self.user_officer).write({"asn_status": "retired", "asn_status_date": "2026-12-01"})
        self.staff2.with_user(self.user_officer).write({"asn_status": "leave", "asn_status_date": "2027-03-01"})
        year = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31", "period_type": "annual"}
        )
        year.with_user(self.user_officer).action_open()
        self.assertFalse(self.skp_of(self.staff, year), "retired before the year")
        self.assertTrue(self.skp_of(self.staff2, year), "still active on 1 January")
        self.assertTrue(self.skp_of(self.supervisor, year))

    def test_only_kinerja_hr_sets_the_status(self):
        hr_officer = new_test_user(self.env, "odoo_hr", groups="base.group_user,hr.group_hr_user")
        for user in (hr_officer, self.user_supervisor):
            with self.assertRaises(AccessError):
                self.staff.with_user(user).write({"asn_status": "dismissed", "asn_status_date": "2026-05-01"})
        # Odoo's HR officer still creates employees as before (active by default)
        new = self.env["hr.employee"].with_user(hr_officer).create({"name": "Pegawai Baru"})
        self.assertEqual(new.asn_status, "active")
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(hr_officer).create({"name": "Lain", "asn_status": "retired"})
        # a status without a date takes today's; a date is required
        self.staff.with_user(self.user_officer).write({"asn_status": "dismissed"})
        self.assertTrue(self.staff.asn_status_date)
        with self.assertRaises(ValidationError):
            self.staff.with_user(self.user_officer).write({"asn_status_date": False})

    def test_an_appraiser_who_leaves_hands_over_to_the_head_of_the_unit_above(self):
        """Kepala Bidang heads Bidang Uji and retires: what they still had to approve or score moves to the head
        of the unit above (the unit rule), logged; what they scored stays signed by them (docs/rules.md §3, §24)."""
        self.make_units("Bidang Uji")
        self.sub_unit.manager_id = self.supervisor
        self.staff.department_id = self.sub_unit
        waiting = self.walk(self.skp_of(self.staff), "submitted")
        # Staf Dua moved on 1 April: the part of January to March stays with Kepala Bidang, self-assessed
        earlier = self.walk(self.skp_of(self.staff2), "self_assessed")
        self.env["asn.kinerja.transfer.wizard"].with_user(self.user_officer).create(
            {
                "employee_id": self.staff2.id,
                "date": "2026-04-01",
                "department_id": self.other_unit.id,
                "job_id": self.env["hr.job"].create({"name": "Analis"}).id,
                "appraiser_id": self.outsider.id,
                "reason": "SK 800/1/2026",
            }
        ).action_apply()
        self.officer.parent_id = self.supervisor
        signed = self.walk(self.skp_of(self.officer), "scored")
        self.assertEqual((waiting | earlier | signed).appraiser_id, self.supervisor)

        self.supervisor.with_user(self.user_officer).write({"asn_status": "retired", "asn_status_date": "2026-10-01"})
        self.assertRecordValues(
            waiting | earlier | signed,
            [
                {"appraiser_id": self.head.id, "state": "submitted"},
                {"appraiser_id": self.head.id, "state": "self_assessed"},
                {"appraiser_id": self.supervisor.id, "state": "scored"},
            ],
        )
        self.assertEqual(waiting.activity_ids.user_id, self.user_head, "the waiting step moves to the new appraiser")
        for skp in waiting | earlier:
            log = skp.message_ids.filtered(lambda m: "the next appraiser by the unit rule takes over" in str(m.body))
            self.assertEqual(len(log), 1, skp.name)
            self.assertIn(f"Appraiser: {self.supervisor.name} → {self.head.name}", str(log.body))
        # the employee is appraised by the head meanwhile (HR's choice, with its trace); the manager stays
        self.assertRecordValues(
            self.staff, [{"appraiser_id": self.head.id, "appraiser_is_override": True, "parent_id": self.supervisor.id}]
        )
        # the daily run again changes nothing
        count = len(waiting.message_ids)
        self.env["hr.employee"]._cron_kinerja_status()
        self.assertEqual((len(waiting.message_ids), waiting.appraiser_id), (count, self.head))

    def test_siasn_kedudukan_hukum_maps_to_the_status_where_clear(self):
        cases = {
            ("01", "Aktif"): "active",
            ("71", "PPPK Aktif"): "active",
            ("101", "PPPK Paruh Waktu"): "active",
            ("02", "CLTN"): "leave",
            ("03", "Tugas Belajar"): "leave",
            ("99", "Pensiun"): "retired",
            ("98", "Meninggal"): "deceased",
            ("66", "Diberhentikan Tidak Dengan Hormat"): "dismissed",
            ("20", "Masa Persiapan Pensiun"): "",
            ("04", "Pemberhentian Sementara"): "",
            ("88", ""): "",
        }
        for (code, name), status in cases.items():
            row = {"kedudukan_hukum_id": code, "kedudukan_hukum_nama": name}
            self.assertEqual(sm.asn_status_of(row), status, name)


@tagged("post_install", "-at_install")
class TestStatusFromSiasn(KinerjaCase):
    """The SIASN import (docs/rules.md §23) sets the status where the kedudukan hukum is clear, and a part-time
    PPPK's type from code 101."""

    def import_rows(self, rows):
        header = CSV_TEXT.splitlines()[0]
        text = "\n".join([header, *rows]) + "\n"
        wizard = (
            self.env["asn.kinerja.siasn.import"]
            .with_user(self.user_officer)
            .create(
                {
                    "employee_file": base64.b64encode(text.encode()).decode(),
                    "unor_file": base64.b64encode(UNOR_TEXT.encode()).decode(),
                }
            )
        )
        wizard.action_import()
        return wizard

    def test_import_sets_part_time_type_and_exit_status(self):
        lines = CSV_TEXT.splitlines()[1:]
        self.import_rows(lines)
        rudi = self.env["hr.employee"].search([("name", "ilike", "Rudi Hartono")])
        aisyah = self.env["hr.employee"].search([("name", "ilike", "Nur Aisyah")])
        self.assertEqual((rudi.asn_type, rudi.asn_status), ("pppk", "active"))
        changed = [
            line.replace("|71|PPPK Aktif|", "|101|PPPK Paruh Waktu|").replace("|01|Aktif|", "|99|Pensiun|")
            if ("Rudi Hartono" in line or "Nur Aisyah" in line)
            else line
            for line in lines
        ]
        self.import_rows(changed)
        self.assertEqual(rudi.asn_type, "pppk_part_time")
        self.assertEqual(aisyah.asn_status, "retired")
        self.assertTrue(aisyah.asn_status_date, "the import's day")
        self.assertEqual(rudi.asn_status, "active")
