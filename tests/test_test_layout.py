"""Odoo's own runner (`make test-odoo`) sees every addon test that pytest (`make test`) sees.

Odoo loads the test modules that an addon's tests/__init__.py imports and, from them, the
methods of the test classes defined there; it never sees a module-level test function, nor a
module tests/__init__.py forgets. pytest finds both, so the two runners would disagree.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_FOLDERS = sorted(path.parent for path in (ROOT / "addons").glob("*/tests/__init__.py"))


def imported_modules(init):
    """The names `from . import ...` brings into tests/__init__.py."""
    names = set()
    for node in ast.parse(init.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module:
            names.update(alias.name for alias in node.names)
    return names


def test_every_addon_has_tests():
    assert {folder.parent.name for folder in TEST_FOLDERS} == {"hr_asn_kinerja", "hr_asn_training"}


@pytest.mark.parametrize("folder", TEST_FOLDERS, ids=lambda folder: folder.parent.name)
def test_tests_init_imports_every_test_module(folder):
    modules = {path.stem for path in folder.glob("test_*.py")}
    imported = imported_modules(folder / "__init__.py")
    assert not modules - imported, f"not imported, so Odoo never runs them: {sorted(modules - imported)}"
    assert not imported - modules, f"imported but missing: {sorted(imported - modules)}"


@pytest.mark.parametrize("folder", TEST_FOLDERS, ids=lambda folder: folder.parent.name)
def test_addon_tests_are_methods_of_test_classes(folder):
    functions = [
        f"{path.name}::{node.name}"
        for path in sorted(folder.glob("*.py"))
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    ]
    assert not functions, f"Odoo's runner never runs module-level test functions: {functions}"


@pytest.mark.parametrize("folder", TEST_FOLDERS, ids=lambda folder: folder.parent.name)
def test_test_classes_are_not_imported_into_test_modules(folder):
    # pytest collects a Test* class wherever it is imported; Odoo runs it only where it is defined
    imports = [
        f"{path.name}: from {'.' * node.level}{node.module or ''} import {alias.name}"
        for path in sorted(folder.glob("test_*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("Test") or (node.module or "").split(".")[-1].startswith("test_")
    ]
    assert not imports, imports
