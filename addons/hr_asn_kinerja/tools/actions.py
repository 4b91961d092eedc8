"""The client actions a button returns, in one shape: a record's form, a stored file's download."""


def form_action(record, target=None):
    """The form of ``record`` (in ``target`` when given: ``new`` for a dialog, ``current`` for the page)."""
    action = {
        "type": "ir.actions.act_window",
        "res_model": record._name,
        "res_id": record.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }
    if target:
        action["target"] = target
    return action


def download_action(record, field, filename):
    """The download of the file stored in ``record``'s binary ``field``, under ``filename``."""
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{record._name}/{record.id}/{field}/{filename}?download=true",
        "target": "download",
    }
