"""Uninstalling both addons from a database with a year of work leaves Odoo's Employees app working, and installing
them again works.

Like test_upgrade.py: a scratch database with both addons (and the Odoo apps of ``KINERJA_COMPAT_APPS``), the same
year of work, then an uninstall of both; Odoo's Employees app must still open every view, load its menus, apply
its record rules and run its scheduled actions, for an administrator and for an Odoo HR officer who creates,
edits and archives an employee. Then both addons are installed again. A few minutes: `make compat` runs it
(KINERJA_UNINSTALL_TEST=1), not `make test`.
"""

import os

import pytest

from .test_upgrade import MODULES, YEAR_OF_WORK, installed_versions, odoo_bin, scratch_db  # noqa: F401 (fixture)

pytestmark = pytest.mark.skipif(not os.environ.get("KINERJA_UNINSTALL_TEST"), reason="make compat runs it")

UNINSTALL = f"""
modules = env["ir.module.module"].search([("name", "in", {MODULES!r})])
modules.button_immediate_uninstall()
env.invalidate_all()
assert set(modules.mapped("state")) == {{"uninstalled"}}, modules.mapped("state")
print("UNINSTALLED")
"""

# what an Employees user meets after the uninstall: every view of the HR models and of the models we extended,
# the menus, the record rules and every scheduled action
EMPLOYEES_APP_WORKS = r"""
from odoo import Command

leftovers = env["ir.model.data"].search([("module", "in", MODULES)])
assert not leftovers, leftovers.mapped("name")[:10]
hr_officer = env["res.users"].create(
    {
        "name": "Odoo HR",
        "login": "odoo.hr",
        "group_ids": [Command.set([env.ref("base.group_user").id, env.ref("hr.group_hr_user").id])],
    }
)
models = ["hr.employee", "hr.employee.public", "hr.department", "hr.job", "res.users", "res.company",
          "res.config.settings", "hr.course", "ir.actions.report", "web_tour.tour"]
for user in (env.ref("base.user_admin"), hr_officer):
    uenv = env(user=user)
    for model in models:
        if model not in uenv or (user == hr_officer and not uenv[model].has_access("read")):
            continue
        views = [(False, kind) for kind in ("form", "list", "search", "kanban") if kind != "kanban" or
                 env["ir.ui.view"].search_count([("model", "=", model), ("type", "=", "kanban")])]
        uenv[model].get_views(views)
    menus = uenv["ir.ui.menu"].load_menus(False)
    for menu in uenv["ir.ui.menu"].browse([key for key in menus if isinstance(key, int)]):
        if menu.action and menu.action._name == "ir.actions.act_window":
            assert menu.action.res_model in env, (menu.complete_name, menu.action.res_model)
    uenv["hr.employee"].search_read([], ["name", "parent_id", "coach_id", "department_id"])
# every view of those models still validates, every rule and cron points at a model that exists
env["ir.ui.view"].search([("model", "in", models)])._check_xml()
for rule in env["ir.rule"].search([]):
    assert rule.model_id.model in env, rule.name
    Model = env[rule.model_id.model].with_user(hr_officer)
    if not Model._abstract and Model.has_access("read"):
        Model.search([], limit=1)
for cron in env["ir.cron"].search([]):
    assert cron.model_id.model in env, cron.name
    assert "kinerja" not in (cron.code or ""), cron.name
# Odoo's HR officer at work
Employee = env["hr.employee"].with_user(hr_officer)
manager = Employee.create({"name": "Kepala Baru"})
employee = Employee.create({"name": "Pegawai Baru", "parent_id": manager.id})
employee.write({"job_title": "Analis"})
manager.action_archive()
assert not employee.parent_id
env.cr.rollback()
print("EMPLOYEES APP WORKS")
""".replace("MODULES", repr(MODULES))

REINSTALLED = """
env["hr.employee"].get_views([(False, "form"), (False, "list")])
period = env["asn.kinerja.period"].create({"name": "Tahun 2026", "date_start": "2026-01-01", "date_end": "2026-12-31"})
print("REINSTALLED", period.name)
env.cr.rollback()
"""


def test_uninstall_leaves_employees_working_and_reinstall_works(scratch_db):  # noqa: F811 (the fixture)
    db = scratch_db
    apps = os.environ.get("KINERJA_COMPAT_APPS", "hr")
    odoo_bin("server", "-d", db, "-i", f"{apps},{','.join(MODULES)}", "--without-demo", "--stop-after-init")
    output = odoo_bin("shell", "-d", db, "--no-http", stdin=YEAR_OF_WORK)
    assert "YEAR OF WORK DONE" in output, output[-3000:]

    output = odoo_bin("shell", "-d", db, "--no-http", stdin=UNINSTALL)
    assert "UNINSTALLED" in output, output[-3000:]
    output = odoo_bin("shell", "-d", db, "--no-http", stdin=EMPLOYEES_APP_WORKS)
    assert "EMPLOYEES APP WORKS" in output, output[-3000:]

    odoo_bin("server", "-d", db, "-i", ",".join(MODULES), "--without-demo", "--stop-after-init")
    output = odoo_bin("shell", "-d", db, "--no-http", stdin=REINSTALLED)
    assert "REINSTALLED" in output, output[-3000:]
    assert set(installed_versions(db)) == set(MODULES)
