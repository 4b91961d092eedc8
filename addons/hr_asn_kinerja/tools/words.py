"""Small helpers for the sentences people read (docs/rules.md §26)."""


def one_stop(text):
    """A sentence ends with one full stop, also when the name before it ends with one (a degree: "S.Pd.")."""
    text = str(text)
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text
