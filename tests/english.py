"""Finding English in a text meant for a reader in Bahasa Indonesia (tests of the demo and of i18n)."""

import re

from lxml import html

# the models whose chatter, activities and generated fields the addons write
KINERJA_MODELS = (
    "asn.kinerja.appraisal",
    "asn.kinerja.period",
    "asn.kinerja.unit.rating",
    "asn.kinerja.peer.input",
    "asn.kinerja.objection",
    "asn.training.request",
    "asn.training.coaching",
)
# English words an Indonesian text of these addons never needs (whole words, any case)
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|for|from|was|were|has|have|been|your|you|created|submitted|approved|returned|scored|"
    r"cancelled|waiting|turn|finished|reason|plan|hold|ended|enrolled|training|request|session|appraiser)\b",
    re.IGNORECASE,
)


def english_in(text):
    """The English words of ``text`` (plain or HTML), or an empty list."""
    plain = html.fromstring(f"<div>{text}</div>").text_content() if text else ""
    return ENGLISH_WORDS.findall(plain)
