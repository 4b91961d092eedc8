"""The rules live in the repository: the README links docs/rules.md and code cites its sections."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "rules.md"
CITATION = re.compile(r"docs/rules\.md §(\d+)")
SOURCES = ("*.py", "*.xml", "*.js")


def _sources():
    for pattern in SOURCES:
        for folder in (ROOT / "addons", ROOT / "tests"):
            yield from folder.rglob(pattern)


def test_readme_points_into_the_repository_only():
    readme = (ROOT / "README.md").read_text()
    assert "(docs/rules.md)" in readme
    for outside in ("asn-kinerja-rules.md", "steering repository", "../shared"):
        assert outside not in readme


def test_every_citation_names_an_existing_section():
    sections = set(re.findall(r"^## §(\d+)", RULES.read_text(), re.M))
    assert len(sections) >= 20
    cited, unknown, bare = 0, [], []
    for path in _sources():
        text = path.read_text(errors="ignore")
        for number in CITATION.findall(text):
            cited += 1
            if number not in sections:
                unknown.append(f"{path.relative_to(ROOT)}: §{number}")
        bare += [str(path.relative_to(ROOT)) for _ in re.findall(r"(?<!docs/)\brules §\d", text)]
    assert cited >= 15, "the code cites the rules it implements"
    assert not unknown, unknown
    assert not bare, f"cite docs/rules.md, not an outside document: {bare}"
