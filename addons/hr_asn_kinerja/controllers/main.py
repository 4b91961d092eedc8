"""The Panduan (guide) page: the yearly cycle, the predikat matrix with the reader's own cell, short
answers to the questions staff ask, the guided tours of the reader's roles, and the usage pages of the
installed Kinerja ASN addons. Behind the user menu's Help and the Kinerja ASN > Panduan menu."""

import re
from pathlib import Path

from markupsafe import Markup, escape
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.modules.module import get_module_path

GUIDE_MODULES = ("hr_asn_kinerja", "hr_asn_training")
GUIDE_PAGES = ("USAGE.md",)
# where an SKP in each state stands in the yearly cycle (docs/rules.md §2)
CYCLE_STAGE = {
    "draft": "planning",
    "submitted": "planning",
    "approved": "execution",
    "self_assessed": "evaluation",
    "scored": "evaluation",
    "done": "follow_up",
}
_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"\*(.+?)\*"), r"<em>\1</em>"),
    (re.compile(r"`(.+?)`"), r"<code>\1</code>"),
)


def markdown_to_html(text):
    """The small part of Markdown the readme pages use: paragraphs, bullet lists, bold, italics, code."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines()]
        items = []
        for line in lines:
            if line.startswith(("- ", "* ")) or not items:
                items.append(line)
            else:
                items[-1] += " " + line
        if all(item.startswith(("- ", "* ")) for item in items):
            body = "".join(f"<li>{_inline(item[2:])}</li>" for item in items)
            blocks.append(f"<ul>{body}</ul>")
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    return Markup("\n".join(blocks))


def _inline(text):
    html = str(escape(text))
    for pattern, replacement in _INLINE:
        html = pattern.sub(replacement, html)
    return html


class KinerjaGuide(http.Controller):
    @http.route("/kinerja/panduan", type="http", auth="user", readonly=True)
    def guide(self, skp=None, **_kwargs):
        """The guide; ``skp``: the id of an SKP the reader may read, whose cell of the matrix and
        stage of the cycle are highlighted (a link from the SKP form)."""
        env = request.env
        appraisal = self._appraisal(skp)
        me = env.user.employee_id.sudo()
        values = {
            "appraisal": appraisal,
            "own": appraisal.is_own if appraisal else False,
            "stage": CYCLE_STAGE.get(appraisal.state) if appraisal else None,
            "matrix": self._matrix(appraisal),
            "me": me,
            "my_appraiser": me.appraiser_id,
            "tours": env["web_tour.tour"]._kinerja_guide_tours(),
            "sections": self._usage_sections(),
        }
        return request.render("hr_asn_kinerja.guide_page", values)

    def _appraisal(self, skp):
        """The SKP of the link, read with the reader's rights: 404 when it does not exist, 403 when the
        reader may not see it."""
        Appraisal = request.env["asn.kinerja.appraisal"]
        if not skp:
            return Appraisal
        if not str(skp).isdigit():
            raise NotFound()
        appraisal = Appraisal.browse(int(skp)).exists()
        if not appraisal:
            raise NotFound()
        try:
            appraisal.check_access("read")
        except AccessError:
            raise Forbidden() from None
        return appraisal

    def _matrix(self, appraisal):
        """The predikat matrix in the reader's language, the cell of ``appraisal`` marked."""
        mine = (appraisal.result_rating, appraisal.behavior_rating) if appraisal else None
        return request.env["asn.kinerja.appraisal"]._predicate_matrix_values(mine)

    def _usage_sections(self):
        sections = []
        for module in GUIDE_MODULES:
            path = get_module_path(module, display_warning=False)
            if not path or not request.env["ir.module.module"].sudo().search_count(
                [("name", "=", module), ("state", "=", "installed")]
            ):
                continue
            # the page in the reader's language when the addon has one (readme/id/USAGE.md), else English
            lang = (request.env.lang or "en_US").split("_")[0]
            pages = [
                next((p for p in (Path(path, "readme", lang, name), Path(path, "readme", name)) if p.exists()), None)
                for name in GUIDE_PAGES
            ]
            html = Markup("").join(markdown_to_html(page.read_text()) for page in pages if page)
            name = request.env["ir.module.module"].sudo().search([("name", "=", module)]).shortdesc
            sections.append({"title": name, "html": html})
        return sections
