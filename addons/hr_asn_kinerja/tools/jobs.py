"""The queue_job jobs of the addon (docs/performance.md, "Jobs"): their channel and their identity keys."""

import hashlib

from odoo.tools import split_every

CHANNEL = "root.kinerja"
# the Dokumen rendered in advance, when switched on (a sub-channel: its capacity counts within root.kinerja's)
DOCUMENT_CHANNEL = "root.kinerja.document"
# the invitations of the accounts made for everyone (a sub-channel as well)
INVITATION_CHANNEL = "root.kinerja.invitation"
# priorities (queue_job: lower runs first): the e-mails before the Dokumen rendered in advance
PRIORITY = 10
PRIORITY_LOW = 100
TODO_STATES = ("wait_dependencies", "pending", "enqueued", "started")


def key_prefix(period_id):
    return f"asn.kinerja.period:{period_id or 0}:"


def job_key(period_id, kind, records=None, *extra):
    """The identity key of a job of the period: the queue keeps one waiting job per key (no duplicate when a
    run is enqueued again before the first ran), and the period counts its jobs by the key's prefix."""
    ids = records.ids if records is not None else []
    digest = hashlib.sha256(repr((ids, extra)).encode()).hexdigest()[:20]
    return f"{key_prefix(period_id)}{kind}:{digest}"


def period_batches(records, size):
    """(period, batch) of ``records``, per period in batches of ``size``: what one job of a run takes."""
    for period, of_period in records.grouped("period_id").items():
        for batch in split_every(size, of_period.ids, records.browse):
            yield period, batch


def batch_jobs(records, size, kind, description, *extra, **options):
    """The queue_job delayable of each period and batch of ``size`` of ``records`` (:func:`period_batches`),
    keyed by ``kind`` and ``extra`` (:func:`job_key`: a batch enqueued again waits once), named by
    ``description``, a translated text with the placeholders ``%(period)s`` (the period's name) and
    ``%(count)s`` (the records of the batch), with queue_job's ``options`` (channel, priority)."""
    for period, batch in period_batches(records, size):
        yield batch.delayable(
            identity_key=job_key(period.id, kind, batch, *extra),
            description=description % {"period": period.name, "count": len(batch)},
            **options,
        )


def enqueue_batches(records, size, method, kind, description, channel=CHANNEL, priority=PRIORITY):
    """Enqueue the batch's ``method`` (its name) for each job of :func:`batch_jobs`, in ``channel`` at
    ``priority``."""
    for delayable in batch_jobs(records, size, kind, description, channel=channel, priority=priority):
        getattr(delayable, method)().delay()
