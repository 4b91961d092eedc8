# Kinerja ASN: every target sets up what it needs first (scripts/setup.sh is idempotent).
# Odoo comes from ODOO_SRC (remembered after the first run) or a clone of odoo/odoo 19.0.
.PHONY: setup run cluster test test-odoo compat lint bench load i18n screenshots

setup:
	@scripts/setup.sh >/dev/null

run:
	@scripts/run.sh

cluster:
	@scripts/cluster.sh

test:
	@scripts/test.sh

test-odoo:
	@scripts/test-odoo.sh

compat:
	@scripts/compat.sh

lint:
	@scripts/lint.sh

bench:
	@scripts/bench.sh

load:
	@scripts/load.sh

i18n:
	@scripts/i18n.sh

screenshots:
	@scripts/screenshots.sh
