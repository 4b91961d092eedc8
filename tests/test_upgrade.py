"""Upgrades keep data: a year of SKPs made through the workflow survives `odoo-bin -u` of both addons.

The test installs the addons on a scratch database, lets the people of a unit work through a year in an
`odoo-bin shell` (SKPs in every state, finished ones with their predikat, training requests, feedback, an
objection, HR's own edits of the catalogues), snapshots the rows, puts the training requests back in the shape of
release 1.2 (one state for both approvals), updates both modules as from their first release (so every script in
addons/*/migrations runs) and compares. The database is dropped afterwards.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest

from odoo import release
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
ODOO_BIN = Path(release.__file__).resolve().parent.parent / "odoo-bin"
MODULES = ("hr_asn_kinerja", "hr_asn_training")
FIRST_RELEASE = "19.0.1.0.0"
# how Odoo's log names a migration script's stage (odoo/modules/migration.py)
MIGRATION_STAGES = {"pre": "[>%s]", "post": "[%s>]", "end": "[$%s]"}
# written by Odoo on every update of a record, whatever its data
VOLATILE = {"write_date", "write_uid"}
SNAPSHOT_TABLES = ("hr_employee", "hr_course", "res_company", "res_users", "res_groups_users_rel")
YEAR_OF_WORK = r"""
from odoo import Command
from odoo.addons.hr_asn_kinerja.tests.common import RATINGS_FOR, walk_skp

env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
group = env.ref
company = env.company
company.training_jp_target = 24
unit = env["hr.department"].create({"name": "Dinas Pemutakhiran"})


def person(login, seq, groups=("base.group_user",), manager=None, position="pelaksana"):
    user = env["res.users"].create(
        {
            "name": login.replace(".", " ").title(),
            "login": login,
            "email": f"{login}@example.com",
            "group_ids": [Command.set([group(g).id for g in groups])],
        }
    )
    return env["hr.employee"].create(
        {
            "name": user.name,
            "user_id": user.id,
            "department_id": unit.id,
            "parent_id": manager.id if manager else False,
            "nip": f"19800101200501{1 + seq % 2}{seq:03d}",
            "asn_type": "pns",
            "asn_rank": "III/b",
            "asn_position_type": position,
        }
    )


appraiser = ("base.group_user", "hr_asn_kinerja.group_kinerja_appraiser")
head = person("kepala.dinas", 1, appraiser, position="jpt")
chief = person("kepala.bidang", 2, appraiser, head, "administrator")
officer = person("pengelola", 3, ("base.group_user", "hr_asn_kinerja.group_kinerja_officer"), head)
staff = [person(f"staf.{i}", 10 + i, manager=chief) for i in range(6)]
period = env["asn.kinerja.period"].create({"name": "Tahun 2025", "date_start": "2025-01-01", "date_end": "2025-12-31"})
period.with_user(officer.user_id).action_open()
skp_of = {skp.employee_id: skp for skp in period.appraisal_ids}


def walk(employee, to_state, predicate="good"):
    return walk_skp(skp_of[employee], to_state, officer.user_id, *RATINGS_FOR[predicate])


walk(staff[0], "done", "very_good").with_user(staff[0].user_id).action_acknowledge()
low = walk(staff[1], "done", "needs_improvement")
walk(staff[2], "done", "very_poor")
walk(staff[3], "scored", "good")
talk = walk(staff[4], "approved")
skp_of[staff[5]].with_user(officer.user_id).action_cancel()
walk(chief, "submitted")
Feedback = env["asn.kinerja.feedback"]
Feedback.with_user(chief.user_id).create({"appraisal_id": talk.id, "body": "Percepat laporan triwulan."})
Feedback.with_user(staff[4].user_id).create({"appraisal_id": talk.id, "body": "Siap, minggu ini selesai."})
env["asn.kinerja.objection"].with_user(staff[1].user_id).create(
    {"appraisal_id": low.id, "reason": "Realisasi terlambat karena pergantian bendahara."}
)
course = env["hr.course"].search([("jp_hours", ">", 0)], limit=1)
course.jp_hours += 2
request = env["asn.training.request"].with_user(staff[0].user_id).create(
    {"course_id": course.id, "reason": "Kesenjangan kompetensi analisis data"}
)
request.with_user(staff[0].user_id).action_submit()
approved = env["asn.training.request"].with_user(staff[2].user_id).create(
    {"course_id": course.id, "reason": "Kesenjangan kompetensi pelaporan"}
)
approved.with_user(staff[2].user_id).action_submit()
approved.with_user(chief.user_id).action_approve()
statement = env["asn.training.coaching.statement"].search([], limit=1)
statement.name = statement.name + " (disesuaikan BKPSDM)"
env.cr.commit()
print("YEAR OF WORK DONE", len(period.appraisal_ids))
"""

pytestmark = pytest.mark.skipif(not config.get("db_user"), reason="run through make test (pytest-odoo's config)")


def odoo_bin(command, *args, stdin=None):
    """Run ``odoo-bin command`` with the suite's configuration; its log, once it succeeded."""
    argv = [sys.executable, str(ODOO_BIN), command, "-c", config["config"], *args, "--log-level=warn"]
    result = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def connect(db):
    return psycopg2.connect(
        dbname=db,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"],
        password=config["db_password"] or None,
    )


@pytest.fixture
def scratch_db():
    """A new database name; the database and its filestore are dropped afterwards."""
    db = f"kinerja_upgrade_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"
    yield db
    conn = connect("postgres")
    conn.autocommit = True
    try:
        conn.cursor().execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    finally:
        conn.close()
    shutil.rmtree(config.filestore(db), ignore_errors=True)


def snapshot(db):
    """{table: [row without Odoo's write stamp]} of the addons' tables and of what they add to others."""
    with connect(db) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' AND table_name LIKE 'asn\\_%%' ORDER BY 1"
        )
        tables = [name for (name,) in cr.fetchall()] + list(SNAPSHOT_TABLES)
        rows = {table: select(cr, f'SELECT * FROM "{table}"') for table in tables}
        rows["mail_message"] = select(
            cr, "SELECT id, model, res_id, body, message_type, author_id FROM mail_message WHERE model LIKE 'asn.%%'"
        )
        rows["mail_activity"] = select(cr, "SELECT * FROM mail_activity WHERE res_model LIKE 'asn.%%'")
    return rows


def select(cr, query):
    cr.execute(query)
    names = [column.name for column in cr.description]
    return sorted(
        (tuple((name, value) for name, value in zip(names, row, strict=True) if name not in VOLATILE) for row in cr),
        key=repr,
    )


def installed_versions(db):
    with connect(db) as conn, conn.cursor() as cr:
        cr.execute("SELECT name, latest_version FROM ir_module_module WHERE name IN %s", [MODULES])
        return dict(cr.fetchall())


def test_update_of_both_addons_keeps_a_year_of_data(scratch_db):
    db = scratch_db
    odoo_bin("server", "-d", db, "-i", ",".join(MODULES), "--without-demo", "--stop-after-init")
    output = odoo_bin("shell", "-d", db, "--no-http", stdin=YEAR_OF_WORK)
    assert "YEAR OF WORK DONE" in output, output[-3000:]
    before = snapshot(db)
    skps = [dict(row) for row in before["asn_kinerja_appraisal"]]
    assert {skp["state"] for skp in skps} == {"draft", "submitted", "approved", "scored", "done", "cancel"}
    assert {skp["predicate"] for skp in skps if skp["state"] == "done"} == {
        "very_good",
        "needs_improvement",
        "very_poor",
    }
    requests = [dict(row) for row in before["asn_training_request"]]
    assert len(requests) == 4  # two after a low predikat, two asked for
    assert {"submitted", "final_approval"} <= {request["state"] for request in requests}
    assert before["asn_kinerja_feedback"] and before["asn_kinerja_objection"]

    versions = installed_versions(db)
    with connect(db) as conn, conn.cursor() as cr:
        cr.execute("UPDATE ir_module_module SET latest_version = %s WHERE name IN %s", [FIRST_RELEASE, MODULES])
        _back_to_one_approval_state(cr)
    log = odoo_bin(
        "server",
        "-d",
        db,
        "-u",
        ",".join(MODULES),
        "--stop-after-init",
        "--log-handler=odoo.modules.migration:INFO",
    )

    for script in sorted(ROOT.glob("addons/*/migrations/*/*.py")):
        module, version, stage = script.parts[-4], script.parts[-2], script.stem.split("-")[0]
        label = MIGRATION_STAGES[stage] % version
        assert f"module {module}: Running migration {label} {script.stem}" in log, f"{script} did not run"
    assert installed_versions(db) == versions
    after = snapshot(db)
    changed = [table for table in before if before[table] != after.get(table)]
    assert not changed, {table: _diff(before[table], after.get(table, [])) for table in changed}


def _back_to_one_approval_state(cr):
    """The training requests as release 1.2 stored them: both approvals within ``submitted``, the one awaited
    in ``waiting_for``; its migration must give back the states of the snapshot."""
    cr.execute("ALTER TABLE asn_training_request ADD COLUMN waiting_for varchar")
    cr.execute("UPDATE asn_training_request SET waiting_for = 'appraiser' WHERE state = 'submitted'")
    cr.execute(
        "UPDATE asn_training_request SET state = 'submitted', waiting_for = 'officer' WHERE state = 'final_approval'"
    )


def _diff(before, after):
    return {
        "gone": sorted(set(before) - set(after), key=repr)[:3],
        "new": sorted(set(after) - set(before), key=repr)[:3],
    }
