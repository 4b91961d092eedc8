"""The guide behind the user menu's Help: the usage pages of the installed Kinerja ASN addons."""

import re
from pathlib import Path

from markupsafe import Markup, escape

from odoo import http
from odoo.http import request
from odoo.modules.module import get_module_path

GUIDE_MODULES = ("hr_asn_kinerja", "hr_asn_training")
GUIDE_PAGES = ("USAGE.md",)
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
    def guide(self):
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
        return request.render("hr_asn_kinerja.guide_page", {"sections": sections})
