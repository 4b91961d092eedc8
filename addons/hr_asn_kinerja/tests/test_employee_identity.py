"""Appraiser (Pejabat Penilai) defaults, overrides, and who reads or writes ASN identity."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import KinerjaCase, make_nip


@tagged("post_install", "-at_install")
class TestAppraiser(KinerjaCase):
    def test_appraiser_defaults_to_the_manager(self):
        self.assertEqual(self.staff.appraiser_id, self.supervisor)
        self.assertFalse(self.staff.appraiser_is_override)

    def test_appraiser_follows_a_new_manager(self):
        self.staff.parent_id = self.outsider
        self.assertEqual(self.staff.appraiser_id, self.outsider)

    def test_appraiser_follows_a_department_manager_change(self):
        department = self.env["hr.department"].create({"name": "Bidang", "manager_id": self.supervisor.id})
        self.staff.department_id = department
        department.manager_id = self.outsider
        self.assertEqual(self.staff.parent_id, self.outsider)
        self.assertEqual(self.staff.appraiser_id, self.outsider)

    def test_officer_override_stays_until_cleared(self):
        staff = self.staff.with_user(self.user_officer)
        staff.appraiser_id = self.head
        self.assertTrue(staff.appraiser_is_override)
        staff.parent_id = self.outsider
        self.assertEqual(staff.appraiser_id, self.head, "an HR override survives a manager change")
        staff.appraiser_id = False
        self.assertFalse(staff.appraiser_is_override)
        self.assertEqual(staff.appraiser_id, self.outsider, "cleared, it follows the manager again")

    def test_choosing_the_manager_is_not_an_override(self):
        self.staff.with_user(self.user_officer).write({"parent_id": self.head.id, "appraiser_id": self.head.id})
        self.assertFalse(self.staff.appraiser_is_override)
        self.staff.parent_id = self.outsider
        self.assertEqual(self.staff.appraiser_id, self.outsider)

    def test_override_is_tracked_in_the_chatter(self):
        Employee = self.env["hr.employee"].with_context(tracking_disable=False)
        employee = Employee.create({"name": "Dilacak", "parent_id": self.supervisor.id})
        self.env.cr.flush()
        employee.with_user(self.user_officer).appraiser_id = self.head
        self.env.cr.flush()  # runs the tracking hooks
        tracked = employee.message_ids.sudo().tracking_value_ids.filtered(lambda t: t.field_id.name == "appraiser_id")
        self.assertEqual((tracked.old_value_char, tracked.new_value_char), (self.supervisor.name, self.head.name))

    def test_archived_appraiser_hands_over_to_the_manager(self):
        self.staff.with_user(self.user_officer).appraiser_id = self.outsider
        self.outsider.action_archive()
        self.assertEqual(self.staff.appraiser_id, self.supervisor)
        self.assertFalse(self.staff.appraiser_is_override)

    def test_own_manager_has_no_appraiser(self):
        self.head.parent_id = self.head  # Odoo allows it (its own demo does it)
        self.assertFalse(self.head.appraiser_id)

    def test_employee_cannot_be_own_appraiser(self):
        with self.assertRaisesRegex(Exception, "own appraiser"):
            self.staff.with_user(self.user_officer).appraiser_id = self.staff


@tagged("post_install", "-at_install")
class TestIdentityAccess(KinerjaCase):
    def test_employee_reads_own_identity_through_public_profile(self):
        me = self.env["hr.employee.public"].with_user(self.user_staff).browse(self.staff.id)
        self.assertEqual(me.nip, self.staff.nip)
        self.assertEqual(me.asn_rank, "III/a")
        self.assertEqual(me.appraiser_id.id, self.supervisor.id)
        # the private model answers from the public profile too
        self.assertEqual(self.staff.with_user(self.user_staff).nip, self.staff.nip)

    def test_supervisor_reads_subordinate_identity(self):
        subordinate = self.env["hr.employee.public"].with_user(self.user_supervisor).browse(self.staff.id)
        self.assertEqual(subordinate.nip, self.staff.nip)
        self.assertEqual(subordinate.asn_type, "pns")

    def test_employee_cannot_change_own_nip_or_appraiser(self):
        mine = self.staff.with_user(self.user_staff)
        for vals in ({"nip": make_nip(77)}, {"appraiser_id": self.head.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                mine.write(vals)
        self.assertEqual(self.staff.appraiser_id, self.supervisor)

    def test_employee_cannot_change_own_nip_through_the_user(self):
        self.assertEqual(self.user_staff.with_user(self.user_staff).nip, self.staff.nip)
        with self.assertRaises(AccessError):
            self.user_staff.with_user(self.user_staff).write({"nip": make_nip(78)})
        with self.assertRaises(AccessError):
            self.user_staff.with_user(self.user_staff).write(
                {"employee_ids": [(1, self.staff.id, {"nip": make_nip(79)})]}
            )
        self.assertEqual(self.staff.nip, make_nip(3))

    def test_supervisor_cannot_change_subordinate_identity(self):
        with self.assertRaises(AccessError):
            self.staff.with_user(self.user_supervisor).write({"nip": make_nip(80)})

    def test_officer_and_administrator_maintain_identity(self):
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                nip = make_nip(81 + user.id % 10)
                self.staff.with_user(user).write({"nip": nip, "asn_rank": "III/b", "appraiser_id": self.head.id})
                self.assertEqual(self.staff.nip, nip)
                self.assertEqual(self.staff.appraiser_id, self.head)

    def test_plain_hr_officer_cannot_set_identity(self):
        hr_user = new_test_user(self.env, "plain_hr", groups="hr.group_hr_user")
        self.assertFalse(hr_user.has_group("hr_asn_kinerja.group_kinerja_officer"))
        with self.assertRaisesRegex(AccessError, "Pengelola Kinerja"):
            self.staff.with_user(hr_user).write({"nip": make_nip(90)})
        with self.assertRaisesRegex(AccessError, "Pengelola Kinerja"):
            self.staff.with_user(hr_user).write({"appraiser_id": self.head.id})
        # changing the manager is ordinary HR work: the appraiser follows
        self.staff.with_user(hr_user).write({"parent_id": self.head.id, "appraiser_id": self.head.id})
        self.assertEqual(self.staff.appraiser_id, self.head)

    def test_plain_hr_officer_keeps_odoo_employees_app(self):
        """Odoo's form sends every field on save, ours empty: that is no change of identity (Odoo's own hr
        tests create employees so, as an HR officer)."""
        hr_user = new_test_user(self.env, "plain_hr2", groups="hr.group_hr_user")
        with Form(self.env["hr.employee"].with_user(hr_user)) as form:
            form.name = "Pegawai Baru"
            form.parent_id = self.supervisor
        employee = form.record
        self.assertEqual(employee.appraiser_id, self.supervisor)
        self.assertFalse(employee.nip)
        with Form(employee) as form:
            form.job_title = "Pranata Komputer"
        # the current value again is no change, an empty one clears nothing
        self.staff.with_user(hr_user).write({"nip": self.staff.nip, "asn_type": "pns", "asn_rank": False})
        self.assertEqual(self.staff.asn_rank, "III/a")
        # archiving an appraiser HR chose empties the override with it
        self.staff.with_user(self.user_officer).appraiser_id = self.outsider
        self.outsider.with_user(hr_user).action_archive()
        self.assertEqual(self.staff.appraiser_id, self.supervisor)
        self.assertFalse(self.staff.appraiser_is_override)
        self.outsider.with_user(hr_user).action_unarchive()

    def test_groups_chain_and_defaults(self):
        self.assertTrue(self.user_staff.has_group("hr_asn_kinerja.group_kinerja_employee"))
        self.assertFalse(self.user_staff.has_group("hr_asn_kinerja.group_kinerja_appraiser"))
        self.assertTrue(self.user_officer.has_group("hr.group_hr_user"))
        self.assertTrue(self.user_manager.has_group("hr_asn_kinerja.group_kinerja_appraiser"))
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("hr_asn_kinerja.group_kinerja_manager"))
        portal = new_test_user(self.env, "kin_portal", groups="base.group_portal")
        self.assertFalse(portal.has_group("hr_asn_kinerja.group_kinerja_employee"))
