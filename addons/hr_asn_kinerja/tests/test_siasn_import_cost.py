"""What moving in from SIASN costs per person (docs/rules.md §23): the import of twice as many people costs no
more queries per added person than Odoo's own batch create of plain employees, and the accounts no more than
Odoo's own batch create of users (with its invitations by e-mail) and the link to their employee. A search, a write or a chatter post per row
would show here as soon as it came back. `make bench` prints the same paths in seconds (8,000 people).
"""

from odoo.tests import TransactionCase, new_test_user, tagged

from . import siasn_sample
from .common import OFFICER

SMALL, LARGE = 20, 40
UNITS = 3
SLACK = 10  # constant: caches warming with more records (prefetch of a second batch)
# accounts: a ceiling per added person (41 before the batch and the avatar drawn on the fly, 10 after, 1 since
# the invitations are jobs, what Odoo's user create and employee write read per record is read once for all
# and the channels a new user joins send no bus notice): the one left is Odoo's search of the department
# channels in each employee's write
ACCOUNT_QUERIES_PER_PERSON = 2
# the import: a ceiling per added person, all of it Odoo's employee create (its version written twice per
# employee); 14 until the competency profile's recompute read the profiles of a batch at once (hr_asn_training's
# hr.employee.training_competency_ids) instead of searching them 5 times per employee, 9 since
IMPORT_QUERIES_PER_PERSON = 10


@tagged("post_install", "-at_install")
class TestSiasnImportCost(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "siasn_cost_officer", groups=OFFICER)
        # the first import and accounts warm Odoo's caches (views, groups, templates): not what is measured
        rows, units = siasn_sample.regency(4, 2)
        cls.env.cr.execute("SAVEPOINT warm")
        cls.import_files(cls.env, rows, units, cls.officer)
        cls.env["hr.employee"].search([("siasn_id", "!=", False)]).with_user(cls.officer).action_create_users()
        cls.env.flush_all()
        cls.env.cr.execute("ROLLBACK TO SAVEPOINT warm")
        cls.env.invalidate_all()

    @staticmethod
    def import_files(env, rows, units, officer):
        wizard = siasn_sample.import_wizard(env, rows, units, officer)
        wizard.action_import()
        return wizard

    def queries(self, func):
        """Queries of func, from a cold cache, undone afterwards; its result is read before the undo."""
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.cr.execute("SAVEPOINT cost")
        before = self.env.cr.sql_log_count
        result = func()
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        self.env.cr.execute("ROLLBACK TO SAVEPOINT cost")
        self.env.invalidate_all()
        return count, result

    def import_of(self, people):
        rows, units = siasn_sample.regency(people, UNITS)
        return self.queries(lambda: self.import_files(self.env, rows, units, self.officer).count_create)

    def plain_create_of(self, people):
        rows, _units = siasn_sample.regency(people, UNITS)
        Employee = self.env["hr.employee"].with_user(self.officer).with_context(tracking_disable=True)
        return self.queries(
            lambda: len(
                Employee.create(
                    [{"name": row["nama"], "work_email": row["email"].replace("null", "") or False} for row in rows]
                )
            )
        )

    def test_import_adds_no_query_per_person_beyond_odoos_create(self):
        small, created = self.import_of(SMALL)
        self.assertEqual(created, SMALL + UNITS)
        large, created = self.import_of(LARGE)
        self.assertEqual(created, LARGE + UNITS)
        per_person = (large - small) / (LARGE - SMALL)
        self.assertLessEqual(
            per_person,
            IMPORT_QUERIES_PER_PERSON,
            f"import: {small} queries for {SMALL} people, {large} for {LARGE}: {per_person:.1f} per person",
        )
        plain_small, _count = self.plain_create_of(SMALL)
        plain_large, _count = self.plain_create_of(LARGE)
        self.assertLessEqual(
            large - small,
            plain_large - plain_small + SLACK,
            f"import: {small} queries for {SMALL} people, {large} for {LARGE}; "
            f"Odoo's create: {plain_small} and {plain_large}",
        )

    def accounts_of(self, people):
        rows, units = siasn_sample.regency(people, UNITS)

        def run():
            self.import_files(self.env, rows, units, self.officer)
            employees = self.env["hr.employee"].search([("siasn_id", "!=", False)])
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            employees.with_user(self.officer).action_create_users()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, len(employees.user_id)

        return self.queries(run)[1]

    def plain_users_of(self, people):
        rows, units = siasn_sample.regency(people, UNITS)

        def run():
            self.import_files(self.env, rows, units, self.officer)
            employees = self.env["hr.employee"].search([("siasn_id", "!=", False)])
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            # Odoo's own: a user per employee, and its invitation to those with an e-mail (auth_signup)
            users = self.env["res.users"].create(
                [{"name": employee.name, "login": employee.nip, "email": employee.work_email} for employee in employees]
            )
            for employee, user in zip(employees, users, strict=True):
                employee.user_id = user
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        return self.queries(run)[1]

    def test_accounts_add_no_query_per_person_beyond_odoos_create(self):
        small, users = self.accounts_of(SMALL)
        self.assertEqual(users, SMALL)
        large, users = self.accounts_of(LARGE)
        self.assertEqual(users, LARGE)
        per_person = (large - small) / (LARGE - SMALL)
        self.assertLessEqual(
            per_person,
            ACCOUNT_QUERIES_PER_PERSON,
            f"accounts: {small} queries for {SMALL} people, {large} for {LARGE}: {per_person:.1f} per person",
        )
        plain_small, plain_large = self.plain_users_of(SMALL), self.plain_users_of(LARGE)
        self.assertLessEqual(
            large - small,
            plain_large - plain_small + SLACK,
            f"accounts: {small} queries for {SMALL} people, {large} for {LARGE}; "
            f"Odoo's create and link: {plain_small} and {plain_large}",
        )

    def next_month_of(self, changes):
        """Queries of next month's import where ``changes`` people have a new phone number (a chatter line each)."""
        rows, units = siasn_sample.regency(LARGE, UNITS)
        changed = [
            dict(row, nomor_hp=f"'0899{index:08d}") if index < changes else row for index, row in enumerate(rows)
        ]

        def run():
            self.import_files(self.env, rows, units, self.officer)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard = self.import_files(self.env, changed, units, self.officer)
            self.env.flush_all()
            logged = self.env["mail.message"].search_count([("model", "=", "hr.employee"), ("body", "ilike", "0899")])
            return self.env.cr.sql_log_count - before, (wizard.count_update, logged)

        return self.queries(run)[1]

    def plain_writes_of(self, changes):
        rows, units = siasn_sample.regency(LARGE, UNITS)

        def run():
            self.import_files(self.env, rows, units, self.officer)
            employees = self.env["hr.employee"].search([("siasn_id", "!=", False)], order="siasn_id", limit=changes)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            for index, employee in enumerate(employees.with_user(self.officer)):
                employee.mobile_phone = f"0899{index:08d}"
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        return self.queries(run)[1]

    def test_next_month_adds_no_query_per_change_beyond_odoos_write(self):
        few, (updated, logged) = self.next_month_of(SMALL // 2)
        self.assertEqual((updated, logged), (SMALL // 2, SMALL // 2))
        many, (updated, logged) = self.next_month_of(SMALL)
        self.assertEqual((updated, logged), (SMALL, SMALL))
        plain_few, plain_many = self.plain_writes_of(SMALL // 2), self.plain_writes_of(SMALL)
        self.assertLessEqual(
            many - few,
            plain_many - plain_few + SLACK,
            f"next month: {few} queries for {SMALL // 2} changes, {many} for {SMALL}; "
            f"Odoo's writes: {plain_few} and {plain_many}",
        )
