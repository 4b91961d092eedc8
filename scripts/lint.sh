#!/usr/bin/env bash
# make lint: ruff on the addons and the suites, then pylint-odoo on the addons.
source "$(dirname "$0")/lib.sh"
cd "$repo"
"$VENV/bin/ruff" check addons tests
"$VENV/bin/ruff" format --check addons tests
# readme/*.md is the source (OCA layout); README.rst would be generated from it
"$VENV/bin/pylint" --rcfile=.pylintrc --disable=missing-readme addons/hr_asn_kinerja addons/hr_asn_training
