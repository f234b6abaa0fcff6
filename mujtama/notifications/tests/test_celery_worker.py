"""Delivery through a real Celery worker consuming from the real Redis broker.

Run with a broker, e.g.::

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m pytest mujtama/notifications

The worker is embedded (celery.contrib.testing.worker): it runs in a thread of the
test process, takes tasks from Redis, and opens its own database connection, which
reaches the test database because pytest-django changed the database settings
in-process (PostgreSQL: the test database's name; SQLite: a shared-cache in-memory
database). The data therefore has to be committed (``transactional_db``) for the
worker to see it. Email goes to the locmem backend, whose outbox the worker thread
shares with the test.

The test reads the database only once the worker says its task has finished: on
SQLite's shared-cache in-memory database a read in one connection while another
writes fails at once ("database table is locked") instead of waiting, and the
worker's write is the one that would fail.
"""

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from celery import signals
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connections, transaction

from config.celery import app
from mujtama.accounts.tests.factories import UserFactory
from mujtama.notifications import sms
from mujtama.notifications.models import Channel, DeliveryStatus, Notification
from mujtama.notifications.services import notify
from mujtama.notifications.sms import BaseSmsBackend
from mujtama.notifications.tasks import RETRY_DELAYS, deliver_notification, sweep_outbox

pytestmark = pytest.mark.celery_worker

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="needs a real Redis broker: set REDIS_URL (e.g. redis://127.0.0.1:6379/0)",
)

KIND = "accounts_role_granted"
PHONE = "+963944123456"
WAIT_SECONDS = 20


class GatedSmsBackend(BaseSmsBackend):
    """An SMS gateway that answers only when the test lets it."""

    entered = threading.Event()
    release = threading.Event()

    def send(self, *, to: str, text: str) -> None:
        type(self).entered.set()
        if not type(self).release.wait(WAIT_SECONDS):
            raise TimeoutError("the test never released the gateway")
        sms.outbox.append({"to": to, "text": text})


@contextmanager
def _kept_root_logging() -> Iterator[None]:
    """The embedded worker sets up Celery logging on the root logger; put it back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def _queue_size(queue: str) -> int:
    """Messages waiting in the queue (declaring it first is harmless: the worker
    declares it too)."""
    with app.connection_for_write() as conn:
        return conn.default_channel.queue_declare(queue=queue).message_count


def _wait_for(predicate: Any, seconds: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _status(pk: int) -> str | None:
    return Notification.objects.filter(pk=pk).values_list("status", flat=True).first()


@pytest.fixture
def broker(transactional_db: Any, django_db_serialized_rollback: Any) -> Iterator[str]:
    """Tasks really go to Redis (not eager) and the default queue starts empty.
    Yields the queue's name."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    queue = app.conf.task_default_queue
    app.control.purge()
    assert _queue_size(queue) == 0
    yield queue
    app.control.purge()
    app.conf.task_always_eager = eager


class WorkerLog:
    def __init__(self) -> None:
        self.runs: list[dict[str, Any]] = []
        self.finished = threading.Event()

    def wait(self) -> None:
        assert self.finished.wait(WAIT_SECONDS), f"no task finished within {WAIT_SECONDS}s"


@pytest.fixture
def worker_log() -> Iterator[WorkerLog]:
    """What the worker ran, and where; ``finished`` is set once a task is done,
    its transaction committed. After each task the worker's thread closes its own
    database connections (the embedded worker has no Django fix-up to manage them),
    so that PostgreSQL can flush and drop the test database."""
    log = WorkerLog()

    def before(task: Any = None, args: Any = None, **kwargs: Any) -> None:
        log.runs.append(
            {
                "task": task.name,
                "args": list(args or ()),
                "thread": threading.current_thread().name,
                "eager": bool(task.request.is_eager),
                "queue": (task.request.delivery_info or {}).get("routing_key"),
            }
        )

    def after(**kwargs: Any) -> None:
        if threading.current_thread() is not threading.main_thread():
            connections.close_all()
        log.finished.set()

    signals.task_prerun.connect(before, weak=False)
    signals.task_postrun.connect(after, weak=False)
    yield log
    signals.task_prerun.disconnect(before)
    signals.task_postrun.disconnect(after)


@contextmanager
def _worker() -> Iterator[Any]:
    with (
        _kept_root_logging(),
        start_worker(
            app,
            pool="solo",
            concurrency=1,
            perform_ping_check=False,
            loglevel="WARNING",
            shutdown_timeout=WAIT_SECONDS,
        ) as worker,
    ):
        yield worker


@needs_redis
def test_a_real_worker_delivers_what_notify_queued_on_commit(broker, worker_log):
    user = UserFactory(email="worker@example.sy", language="en", full_name="Rami Haddad")

    with transaction.atomic():
        created = notify(
            recipient=user,
            kind=KIND,
            context={"role": "Reviewer"},
            channels=(Channel.INBOX, Channel.EMAIL),
            link="/en/inbox/",
        )
        email = next(n for n in created if n.channel == Channel.EMAIL)
        assert _queue_size(broker) == 0  # nothing handed over before the commit

    # Committed: the task waits in Redis; nothing ran in-process.
    assert _queue_size(broker) == 1
    assert _status(email.pk) == DeliveryStatus.QUEUED
    assert mail.outbox == [] and worker_log.runs == []

    with _worker():
        worker_log.wait()
        delivered = _wait_for(lambda: _status(email.pk) == DeliveryStatus.SENT)
        assert delivered, f"not delivered within {WAIT_SECONDS}s: {_status(email.pk)}"

    assert _queue_size(broker) == 0
    row = Notification.objects.get(pk=email.pk)
    assert row.sent_at is not None and row.attempts == 1 and row.last_error == ""

    # It was the worker, fed from the broker, that sent it.
    assert worker_log.runs == [
        {
            "task": deliver_notification.name,
            "args": [email.pk],
            "thread": worker_log.runs[0]["thread"],
            "eager": False,
            "queue": broker,
        }
    ]
    assert worker_log.runs[0]["thread"] != threading.current_thread().name

    # The worker thread shares this process's locmem email outbox.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["worker@example.sy"]
    assert message.subject == row.subject == "You now hold the role “Reviewer”"
    assert message.body.endswith("/en/inbox/")


@needs_redis
def test_a_real_worker_acknowledges_only_after_delivery(broker, worker_log, settings):
    """acks_late in practice: while delivery runs, Redis still holds the message as
    unacknowledged (a worker lost now would have it redelivered); once delivery is
    done, it is acknowledged and gone."""
    settings.SMS_BACKEND = f"{__name__}.GatedSmsBackend"
    GatedSmsBackend.entered.clear()
    GatedSmsBackend.release.clear()
    user = UserFactory(email="gated@example.sy", language="ar")
    user.profile.phone = PHONE
    user.profile.save()

    with transaction.atomic():
        (text,) = notify(recipient=user, kind=KIND, context={"role": "x"}, channels=["sms"])
    assert _queue_size(broker) == 1

    with app.connection_for_write() as conn:
        channel = conn.default_channel
        unacked_before = channel.client.hlen(channel.unacked_key)
        try:
            with _worker():
                assert GatedSmsBackend.entered.wait(WAIT_SECONDS), "the worker never ran it"
                # Taken off the queue, but not yet acknowledged.
                assert _queue_size(broker) == 0
                assert channel.client.hlen(channel.unacked_key) == unacked_before + 1
                GatedSmsBackend.release.set()
                worker_log.wait()
                assert _wait_for(lambda: _status(text.pk) == DeliveryStatus.SENT)
                assert _wait_for(
                    lambda: channel.client.hlen(channel.unacked_key) == unacked_before
                ), "delivered but never acknowledged"
        finally:
            GatedSmsBackend.release.set()

    assert sms.outbox == [{"to": PHONE, "text": text.body}]
    assert [run["eager"] for run in worker_log.runs] == [False]


def test_delivery_is_acknowledged_late_and_redelivered_if_the_worker_dies():
    """The settings behind "a lost worker loses no message"."""
    assert deliver_notification.acks_late is True
    assert deliver_notification.reject_on_worker_lost is True
    assert sweep_outbox.acks_late is True
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    # One message in hand per worker process: the rest stay on the broker for others.
    assert app.conf.worker_prefetch_multiplier == 1
    # Redis hands an unacknowledged message out again after this long. A retry
    # waiting for its countdown is such a message, so the timeout must not be
    # shorter than the longest retry delay, or every long retry would run twice.
    assert app.conf.broker_transport_options["visibility_timeout"] >= max(RETRY_DELAYS)
    # The sweep that re-queues what the broker lost is scheduled, under its real name.
    sweep = app.conf.beat_schedule["notifications-outbox-sweep"]
    assert sweep["task"] == sweep_outbox.name
    assert sweep["task"] in app.tasks
