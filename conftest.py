"""pytest settings of the whole suite (make test)."""

import os
import shutil
from unittest import mock

import freezegun
import pytest

from odoo.tools import config

# pytest's own clock stays real under the tests' freezegun dates: its --durations report time spent
freezegun.configure(extend_ignore_list=["_pytest"])


@pytest.fixture(scope="session", autouse=True)
def own_filestore(request):
    """Under pytest-xdist each worker tests its own copy of the database (pytest-odoo); it gets its own copy of
    the filestore too. A shared one loses files: a worker that drops an asset bundle deletes the file the other
    worker's copy still names."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not request.config.pluginmanager.hasplugin("odoo"):  # pytest -p no:odoo: no database
        yield
        return
    request.getfixturevalue("load_registry")  # pytest-odoo's: the worker's copy of the database exists
    db = config["db_name"]
    db = db[0] if isinstance(db, list | tuple) else db
    root = os.path.join(config["data_dir"], "filestore")
    own = os.path.join(root, db)
    shutil.copytree(os.path.join(root, db.removesuffix(f"-{worker}")), own, dirs_exist_ok=True)
    with mock.patch.object(config, "filestore", lambda dbname: os.path.join(root, dbname)):
        yield
    shutil.rmtree(own, ignore_errors=True)
