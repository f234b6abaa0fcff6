"""notify(), delivery, the outbox sweep and the SMS gateways.

Rendering in the recipient's language is checked with a context value that Django's
own Arabic catalogue translates (gettext_lazy("Monday") → "الاثنين"), so the tests
do not depend on the project's Arabic catalogue being filled in yet."""

import http.client
import io
import json
import logging
import urllib.error
import urllib.request
import urllib.response
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from kombu.exceptions import OperationalError as BrokerError

from mujtama.accounts.tests.factories import UserFactory
from mujtama.notifications import services, sms, tasks
from mujtama.notifications.models import Channel, DeliveryStatus, Notification
from mujtama.notifications.services import (
    MAX_ATTEMPTS,
    inbox_mark_read,
    notification_deliver,
    notify,
    outbox_stale,
    queue_delivery,
)
from mujtama.notifications.sms import BaseSmsBackend, HttpJsonSmsBackend, SmsError
from mujtama.notifications.tasks import deliver_notification, sweep_outbox

KIND = "accounts_role_granted"
ALL_CHANNELS = (Channel.INBOX, Channel.EMAIL, Channel.SMS)
PHONE = "+963944123456"
# Django's own catalogue translates it, whatever state the project's catalogue is in.
ROLE = gettext_lazy("Monday")
ROLE_AR = "الاثنين"


class ExplodingSmsBackend(BaseSmsBackend):
    """An SMS gateway that is down."""

    calls = 0

    def send(self, *, to: str, text: str) -> None:
        type(self).calls += 1
        raise SmsError("gateway down: 503")


@pytest.fixture
def exploding_sms(settings):
    ExplodingSmsBackend.calls = 0
    settings.SMS_BACKEND = f"{__name__}.ExplodingSmsBackend"
    return ExplodingSmsBackend


@pytest.fixture
def english_user(db):
    return UserFactory(full_name="Sam Taylor", email="sam@example.sy", language="en")


def _with_phone(user, phone=PHONE):
    user.profile.phone = phone
    user.profile.save()
    return user


def _notify(user, channels=ALL_CHANNELS, **kwargs):
    return notify(recipient=user, kind=KIND, context={"role": ROLE}, channels=channels, **kwargs)


def _make(user, channel=Channel.EMAIL, status=DeliveryStatus.QUEUED, age_minutes=0, **kw):
    address = {Channel.EMAIL: user.email, Channel.SMS: PHONE}.get(channel, "")
    notification = Notification.objects.create(
        recipient=user,
        channel=channel,
        address=address,
        kind=KIND,
        subject=kw.pop("subject", "Subject"),
        body=kw.pop("body", "Body"),
        status=status,
        **kw,
    )
    if age_minutes:
        past = timezone.now() - timedelta(minutes=age_minutes)
        Notification.objects.filter(pk=notification.pk).update(
            created_at=past, next_attempt_at=past
        )
    return notification


# --- notify(): rows ---------------------------------------------------------------


def test_notify_creates_one_row_per_channel(citizen):
    _with_phone(citizen)
    created = _notify(citizen)

    assert [n.channel for n in created] == [Channel.INBOX, Channel.EMAIL, Channel.SMS]
    rows = {n.channel: n for n in Notification.objects.filter(recipient=citizen)}
    assert set(rows) == {Channel.INBOX, Channel.EMAIL, Channel.SMS}

    inbox, email, text = rows[Channel.INBOX], rows[Channel.EMAIL], rows[Channel.SMS]
    assert inbox.status == DeliveryStatus.SENT and inbox.sent_at is not None
    assert inbox.address == "" and inbox.read_at is None
    assert email.status == DeliveryStatus.QUEUED and email.sent_at is None
    assert email.address == "citizen@example.sy"
    assert text.status == DeliveryStatus.QUEUED and text.sent_at is None
    assert text.address == PHONE
    for row in rows.values():
        assert row.kind == KIND and row.attempts == 0 and row.dedupe_key is None
    # Inbox and email carry the full message; the SMS its own short text.
    assert inbox.body == email.body
    assert text.body != email.body and len(text.body) < len(email.body)
    # Nothing left the building: delivery waits for the commit.
    assert mail.outbox == [] and sms.outbox == []


def test_notify_defaults_to_inbox_and_email(citizen):
    _with_phone(citizen)
    created = notify(recipient=citizen, kind=KIND, context={"role": ROLE})
    assert sorted(n.channel for n in created) == [Channel.EMAIL, Channel.INBOX]


def test_a_channel_named_twice_makes_one_row(citizen):
    _notify(citizen, channels=(Channel.INBOX, Channel.INBOX, Channel.EMAIL))
    assert Notification.objects.filter(recipient=citizen, channel=Channel.INBOX).count() == 1


def test_english_recipient_gets_english_text(english_user):
    _with_phone(english_user)
    with translation.override("ar"):  # whatever language the request happens to be in
        _notify(english_user, link="/en/inbox/")
        assert translation.get_language() == "ar"

    rows = {n.channel: n for n in Notification.objects.filter(recipient=english_user)}
    for row in rows.values():
        assert row.language == "en"
        assert row.subject == "You now hold the role “Monday”"
        assert row.link == "/en/inbox/"
    assert rows[Channel.EMAIL].body.startswith("Hello Sam,")
    assert "gave you the role “Monday”" in rows[Channel.EMAIL].body
    assert rows[Channel.SMS].body == "Mujtama Thakaa: you now hold the role “Monday”."


def test_arabic_recipient_gets_text_rendered_in_arabic(citizen, monkeypatch):
    _with_phone(citizen)
    languages_seen = []
    real_render = services._render

    def spy(kind, part, context):
        languages_seen.append((part, translation.get_language()))
        return real_render(kind, part, context)

    monkeypatch.setattr(services, "_render", spy)
    with translation.override("en"):
        _notify(citizen)
        assert translation.get_language() == "en"  # restored afterwards

    assert languages_seen == [("subject", "ar"), ("body", "ar"), ("sms", "ar")]
    rows = list(Notification.objects.filter(recipient=citizen))
    assert len(rows) == 3
    for row in rows:
        assert row.language == "ar"
        assert ROLE_AR in row.subject and "Monday" not in row.subject
    email = next(r for r in rows if r.channel == Channel.EMAIL)
    assert ROLE_AR in email.body and "Monday" not in email.body
    # The greeting uses the recipient's first name: the template really rendered.
    assert "أحمد" in email.body


def test_recipient_without_a_language_gets_the_site_language(citizen, settings):
    type(citizen).objects.filter(pk=citizen.pk).update(language="")
    citizen.refresh_from_db()
    (row,) = _notify(citizen, channels=(Channel.INBOX,))
    assert row.language == settings.LANGUAGE_CODE == "ar"
    assert ROLE_AR in row.subject


def test_sms_is_skipped_without_a_phone(citizen):
    assert citizen.profile.phone == ""
    created = _notify(citizen)
    assert sorted(n.channel for n in created) == [Channel.EMAIL, Channel.INBOX]
    assert not Notification.objects.filter(channel=Channel.SMS).exists()


def test_sms_is_used_once_a_phone_is_set(citizen):
    _with_phone(citizen, "0944123456")
    citizen.refresh_from_db()
    created = _notify(citizen, channels=(Channel.SMS,))
    assert len(created) == 1
    assert created[0].channel == Channel.SMS and created[0].address == "0944123456"


def test_unknown_channel_is_refused(citizen):
    with pytest.raises(ValueError, match="unknown channel"):
        _notify(citizen, channels=(Channel.INBOX, "pigeon"))
    assert not Notification.objects.exists()  # the inbox row rolled back with it


# --- notify(): delivery after commit ------------------------------------------------


def _notify_in_a_failing_change(user, expected_rows):
    """notify() inside the transaction of a change that then fails."""
    with transaction.atomic():
        _notify(user)
        assert Notification.objects.count() == expected_rows  # written, for now
        raise RuntimeError("the change failed")


def test_email_is_sent_only_after_commit(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _notify(citizen, channels=(Channel.INBOX, Channel.EMAIL), link="/ar/inbox/")
        # Written, but nothing sent while the transaction is open.
        assert mail.outbox == []
        assert Notification.objects.get(channel=Channel.EMAIL).status == DeliveryStatus.QUEUED

    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["citizen@example.sy"]
    email = Notification.objects.get(channel=Channel.EMAIL)
    assert message.subject == email.subject
    assert message.body.startswith(email.body)
    assert message.body.endswith("http://127.0.0.1:8000/ar/inbox/")
    assert email.status == DeliveryStatus.SENT
    assert email.sent_at is not None and email.attempts == 1 and email.last_error == ""
    assert sms.outbox == []


def test_sms_lands_in_the_sms_outbox(citizen, django_capture_on_commit_callbacks):
    _with_phone(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(citizen, channels=(Channel.SMS,))
        assert sms.outbox == []

    text = Notification.objects.get(channel=Channel.SMS)
    assert sms.outbox == [{"to": PHONE, "text": text.body}]
    assert text.status == DeliveryStatus.SENT and text.sent_at is not None
    assert mail.outbox == []


def test_notify_in_a_rolled_back_transaction_leaves_nothing(
    citizen, django_capture_on_commit_callbacks
):
    _with_phone(citizen)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError, match="the change failed"),
    ):
        _notify_in_a_failing_change(citizen, expected_rows=3)

    assert callbacks == []
    assert not Notification.objects.exists()
    assert mail.outbox == [] and sms.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_commit_and_real_rollback():
    """Without the test-case transaction around it: commit sends, rollback does not."""
    user = _with_phone(UserFactory(email="real@example.sy", language="en"))

    with pytest.raises(RuntimeError, match="the change failed"):
        _notify_in_a_failing_change(user, expected_rows=3)
    assert not Notification.objects.exists()
    assert mail.outbox == [] and sms.outbox == []

    with transaction.atomic():
        _notify(user)
        assert mail.outbox == []  # still inside the transaction
    assert [m.to for m in mail.outbox] == [["real@example.sy"]]
    assert [m["to"] for m in sms.outbox] == [PHONE]
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_dedupe_key_makes_a_second_call_create_nothing(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(citizen, channels=(Channel.INBOX, Channel.EMAIL), dedupe_key="grant:7")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = _notify(citizen, channels=(Channel.INBOX, Channel.EMAIL), dedupe_key="grant:7")

    assert len(first) == 2 and second == []
    assert callbacks == []
    assert sorted(Notification.objects.values_list("dedupe_key", flat=True)) == [
        "grant:7:email",
        "grant:7:inbox",
    ]
    assert len(mail.outbox) == 1

    # Another key is another message.
    third = _notify(citizen, channels=(Channel.INBOX,), dedupe_key="grant:8")
    assert len(third) == 1
    assert Notification.objects.count() == 3


def test_without_dedupe_key_each_call_creates_rows(citizen):
    _notify(citizen, channels=(Channel.INBOX,))
    _notify(citizen, channels=(Channel.INBOX,))
    assert Notification.objects.count() == 2


# --- notification_deliver ------------------------------------------------------------


def test_deliver_is_idempotent(citizen):
    email = _notify(citizen, channels=(Channel.EMAIL,))[0]
    assert notification_deliver(notification_id=email.pk) == DeliveryStatus.SENT
    email.refresh_from_db()
    sent_at = email.sent_at

    assert notification_deliver(notification_id=email.pk) == DeliveryStatus.SENT
    assert deliver_notification.delay(email.pk).get() == DeliveryStatus.SENT
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1 and email.sent_at == sent_at


def test_deliver_a_missing_id(db):
    assert notification_deliver(notification_id=987654) == "missing"


def test_deliver_leaves_inbox_rows_alone(citizen):
    inbox = _notify(citizen, channels=(Channel.INBOX,))[0]
    assert notification_deliver(notification_id=inbox.pk) == DeliveryStatus.SENT
    inbox.refresh_from_db()
    assert inbox.attempts == 0
    assert mail.outbox == [] and sms.outbox == []


def test_a_queued_inbox_row_is_never_sent_anywhere(citizen):
    row = _make(citizen, channel=Channel.INBOX)
    assert notification_deliver(notification_id=row.pk) == DeliveryStatus.QUEUED
    row.refresh_from_db()
    assert "not delivered by a task" in row.last_error
    assert mail.outbox == [] and sms.outbox == []


def test_failing_backend_retries_then_gives_up(citizen, exploding_sms, caplog):
    _with_phone(citizen)
    text = _notify(citizen, channels=(Channel.SMS,))[0]

    for attempt in range(1, MAX_ATTEMPTS):
        assert notification_deliver(notification_id=text.pk) == DeliveryStatus.QUEUED
        text.refresh_from_db()
        assert text.status == DeliveryStatus.QUEUED
        assert text.attempts == attempt
        assert text.last_error == "gateway down: 503"
        assert text.sent_at is None

    assert notification_deliver(notification_id=text.pk) == DeliveryStatus.FAILED
    text.refresh_from_db()
    assert text.status == DeliveryStatus.FAILED and text.attempts == MAX_ATTEMPTS
    assert exploding_sms.calls == MAX_ATTEMPTS

    # Given up: no further attempt, not even through the task.
    assert notification_deliver(notification_id=text.pk) == DeliveryStatus.FAILED
    assert deliver_notification.delay(text.pk).get() == DeliveryStatus.FAILED
    assert exploding_sms.calls == MAX_ATTEMPTS
    text.refresh_from_db()
    assert text.attempts == MAX_ATTEMPTS
    assert sms.outbox == []
    assert "gateway down" in caplog.text


def test_a_later_success_clears_the_error(citizen, exploding_sms, settings):
    _with_phone(citizen)
    text = _notify(citizen, channels=(Channel.SMS,))[0]
    notification_deliver(notification_id=text.pk)
    text.refresh_from_db()
    assert text.last_error

    settings.SMS_BACKEND = "mujtama.notifications.sms.LocmemSmsBackend"
    assert notification_deliver(notification_id=text.pk) == DeliveryStatus.SENT
    text.refresh_from_db()
    assert text.last_error == "" and text.attempts == 2
    assert len(sms.outbox) == 1


def test_a_long_error_is_cut_to_fit(citizen, monkeypatch):
    email = _notify(citizen, channels=(Channel.EMAIL,))[0]

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("x" * 2000)

    monkeypatch.setattr(services, "send_mail", refuse)
    assert notification_deliver(notification_id=email.pk) == DeliveryStatus.QUEUED
    email.refresh_from_db()
    assert len(email.last_error) == 500


def test_failed_delivery_after_commit_does_not_break_the_caller(
    citizen, exploding_sms, django_capture_on_commit_callbacks
):
    _with_phone(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        created = _notify(citizen)
    assert len(created) == 3
    statuses = dict(Notification.objects.values_list("channel", "status"))
    assert statuses == {
        Channel.INBOX: DeliveryStatus.SENT,
        Channel.EMAIL: DeliveryStatus.SENT,
        Channel.SMS: DeliveryStatus.QUEUED,
    }
    assert Notification.objects.get(channel=Channel.SMS).attempts == 1


# --- the task and its retries ----------------------------------------------------------


def test_task_retries_follow_the_delay_table(citizen, exploding_sms, monkeypatch):
    """Outside eager mode a failed attempt is retried later, with growing delays."""
    _with_phone(citizen)
    text = _notify(citizen, channels=(Channel.SMS,))[0]
    task = deliver_notification._get_current_object()
    countdowns = []

    class Retrying(Exception):
        pass

    def fake_retry(self, *args, countdown=None, **kwargs):
        countdowns.append(countdown)
        return Retrying()

    monkeypatch.setattr(type(task), "retry", fake_retry)
    for retries in range(task.max_retries):
        task.push_request(is_eager=False, retries=retries)
        try:
            with pytest.raises(Retrying):
                task.run(text.pk)
        finally:
            task.pop_request()
    assert countdowns == list(tasks.RETRY_DELAYS)

    # The last retry's attempt gives up, so no further retry is asked for.
    task.push_request(is_eager=False, retries=task.max_retries)
    try:
        assert task.run(text.pk) == DeliveryStatus.FAILED
    finally:
        task.pop_request()
    assert len(countdowns) == len(tasks.RETRY_DELAYS)


def test_retries_and_attempts_agree():
    """A task that exhausts its retries has made exactly MAX_ATTEMPTS attempts, so
    the row ends "failed" rather than stuck "queued" for the sweep forever."""
    assert deliver_notification.max_retries + 1 == MAX_ATTEMPTS


def test_eager_task_does_not_retry(citizen, exploding_sms):
    _with_phone(citizen)
    text = _notify(citizen, channels=(Channel.SMS,))[0]
    assert deliver_notification.delay(text.pk).get() == DeliveryStatus.QUEUED
    assert exploding_sms.calls == 1


# --- queue_delivery and the broker -----------------------------------------------------


@pytest.fixture
def broker_down(monkeypatch):
    calls = []

    def refuse(self, *args, **kwargs):
        calls.append(args)
        raise BrokerError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(type(deliver_notification._get_current_object()), "delay", refuse)
    return calls


def test_queue_delivery_survives_a_broker_error(citizen, broker_down, caplog):
    first = _make(citizen)
    second = _make(citizen)
    with caplog.at_level(logging.ERROR, logger="mujtama.notifications.services"):
        queue_delivery([first.pk, second.pk])  # does not raise

    assert broker_down == [(first.pk,), (second.pk,)]  # one failure does not stop the rest
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.QUEUED}
    assert f"Could not queue notification {first.pk}" in caplog.text
    assert mail.outbox == []


def test_notify_with_the_broker_down_keeps_the_rows_for_the_sweep(
    citizen, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = _notify(citizen, channels=(Channel.INBOX, Channel.EMAIL))
    assert len(created) == 2 and len(broker_down) == 1
    email = Notification.objects.get(channel=Channel.EMAIL)
    assert email.status == DeliveryStatus.QUEUED and email.attempts == 0
    assert mail.outbox == []


# --- the outbox sweep ----------------------------------------------------------------


def test_outbox_stale_returns_only_old_queued_email_and_sms(citizen):
    old_email = _make(citizen, Channel.EMAIL, age_minutes=10)
    old_sms = _make(citizen, Channel.SMS, age_minutes=6)
    _make(citizen, Channel.EMAIL, age_minutes=2)  # fresh: its task is probably on its way
    _make(citizen, Channel.EMAIL, status=DeliveryStatus.SENT, age_minutes=60)
    _make(citizen, Channel.SMS, status=DeliveryStatus.FAILED, age_minutes=60)
    _make(citizen, Channel.INBOX, age_minutes=60)  # never delivered by a task

    assert set(outbox_stale()) == {old_email, old_sms}
    assert set(outbox_stale(grace=timedelta(minutes=8))) == {old_email}
    assert set(outbox_stale(grace=timedelta(minutes=1))) == {
        old_email,
        old_sms,
        *Notification.objects.filter(channel=Channel.EMAIL, status=DeliveryStatus.QUEUED),
    }


def test_outbox_stale_follows_the_clock(citizen):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        email = _notify(citizen, channels=(Channel.INBOX, Channel.EMAIL))[1]
    with time_machine.travel(start + timedelta(minutes=4, seconds=59), tick=False):
        assert list(outbox_stale()) == []
    with time_machine.travel(start + timedelta(minutes=5, seconds=1), tick=False):
        assert list(outbox_stale()) == [email]


def test_sweep_requeues_stale_rows_and_they_get_sent(citizen):
    _with_phone(citizen)
    with time_machine.travel(timezone.now() - timedelta(minutes=30), tick=False):
        # Written in a transaction whose on-commit hook never ran: the broker lost them.
        stale = _notify(citizen)
    fresh = _make(citizen, Channel.EMAIL)
    given_up = _make(citizen, Channel.EMAIL, status=DeliveryStatus.FAILED, age_minutes=30)

    assert sweep_outbox.delay().get() == 2

    statuses = dict(
        Notification.objects.filter(pk__in=[n.pk for n in stale]).values_list("channel", "status")
    )
    assert statuses == dict.fromkeys(ALL_CHANNELS, DeliveryStatus.SENT)
    assert [m.to for m in mail.outbox] == [["citizen@example.sy"]]
    assert [m["to"] for m in sms.outbox] == [PHONE]
    fresh.refresh_from_db()
    given_up.refresh_from_db()
    assert fresh.status == DeliveryStatus.QUEUED and fresh.attempts == 0
    assert given_up.status == DeliveryStatus.FAILED and given_up.attempts == 0

    # A second sweep finds nothing and sends nothing twice.
    assert sweep_outbox.delay().get() == 0
    assert len(mail.outbox) == 1 and len(sms.outbox) == 1


# --- inbox_mark_read -------------------------------------------------------------------


def test_inbox_mark_read_one_all_and_never_someone_elses(citizen, org_owner):
    mine = [_make(citizen, Channel.INBOX, status=DeliveryStatus.SENT) for _ in range(3)]
    my_email = _make(citizen, Channel.EMAIL)
    theirs = _make(org_owner, Channel.INBOX, status=DeliveryStatus.SENT)

    assert inbox_mark_read(user=citizen, notification_id=theirs.pk) == 0
    assert inbox_mark_read(user=citizen, notification_id=my_email.pk) == 0
    assert inbox_mark_read(user=citizen, notification_id=mine[0].pk) == 1
    assert inbox_mark_read(user=citizen, notification_id=mine[0].pk) == 0  # already read
    assert inbox_mark_read(user=citizen) == 2
    assert inbox_mark_read(user=citizen) == 0

    theirs.refresh_from_db()
    my_email.refresh_from_db()
    assert theirs.read_at is None and my_email.read_at is None
    assert all(n.read_at for n in Notification.objects.filter(pk__in=[n.pk for n in mine]))


# --- SMS backends ---------------------------------------------------------------------


def test_backend_follows_the_setting(settings, capsys):
    settings.SMS_BACKEND = "mujtama.notifications.sms.ConsoleSmsBackend"
    backend = sms.get_backend()
    assert isinstance(backend, sms.ConsoleSmsBackend)
    backend.send(to=PHONE, text="مرحبا")
    assert f"SMS to {PHONE}" in capsys.readouterr().out
    assert sms.outbox == []

    settings.SMS_BACKEND = "mujtama.notifications.sms.LocmemSmsBackend"
    sms.get_backend().send(to=PHONE, text="مرحبا")
    assert sms.outbox == [{"to": PHONE, "text": "مرحبا"}]


class FakeGateway(urllib.request.HTTPSHandler, urllib.request.HTTPHandler):
    """Stands in for the network under urllib, for https:// and http:// alike, so
    urllib's own redirect and error handling still run. ``answers`` are what the
    next requests get: a status code, (status, headers) or an exception."""

    def __init__(self):
        super().__init__()
        self.requests = []
        self.answers = []

    def https_open(self, req):
        self.requests.append((req, req.timeout))
        answer = self.answers.pop(0) if self.answers else 200
        if isinstance(answer, Exception):
            raise answer
        status, headers = answer if isinstance(answer, tuple) else (answer, {})
        message = http.client.HTTPMessage()
        for name, value in headers.items():
            message[name] = value
        response = urllib.response.addinfourl(io.BytesIO(b"{}"), message, req.full_url, status)
        response.msg = http.client.responses.get(status, "")
        return response

    http_open = https_open


@pytest.fixture
def gateway(settings, monkeypatch):
    settings.SMS_GATEWAY_URL = "https://sms.example.sy/api/send"
    settings.SMS_GATEWAY_TOKEN = "secret-token"
    settings.SMS_SENDER_ID = "Mujtama"
    fake = FakeGateway()
    real_build_opener = urllib.request.build_opener
    monkeypatch.setattr(
        urllib.request, "build_opener", lambda *handlers: real_build_opener(*handlers, fake)
    )
    # urlopen() caches the opener it builds; keep that cache out of other tests.
    monkeypatch.setattr(urllib.request, "_opener", None)
    return fake


@pytest.mark.parametrize(
    "url", ["", "http://sms.example.sy/api/send", "ftp://sms.example.sy", "HTTPS-ish://x"]
)
def test_http_backend_refuses_a_non_https_gateway(gateway, settings, url):
    settings.SMS_GATEWAY_URL = url
    with pytest.raises(SmsError, match="https://"):
        HttpJsonSmsBackend().send(to=PHONE, text="hello")
    assert gateway.requests == []


def test_http_backend_posts_json_with_a_bearer_token(gateway):
    HttpJsonSmsBackend().send(to=PHONE, text="رسالة قصيرة")

    ((request, timeout),) = gateway.requests
    assert request.full_url == "https://sms.example.sy/api/send"
    assert request.get_method() == "POST"
    assert request.get_header("Authorization") == "Bearer secret-token"
    assert request.get_header("Content-type") == "application/json"
    assert json.loads(request.data) == {"to": PHONE, "text": "رسالة قصيرة", "sender": "Mujtama"}
    assert timeout == HttpJsonSmsBackend.timeout


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_http_backend_does_not_follow_a_redirect(gateway, status):
    """A gateway that redirects has not taken the message. Following the redirect
    would turn the POST into a body-less GET that "succeeds", and hand the bearer
    token to whatever the Location names, plain http:// included."""
    gateway.answers = [(status, {"Location": "http://elsewhere.example/collect"}), 200]
    with pytest.raises(SmsError, match=str(status)):
        HttpJsonSmsBackend().send(to=PHONE, text="hello")
    assert [req.full_url for req, _timeout in gateway.requests] == [
        "https://sms.example.sy/api/send"
    ]


@pytest.mark.parametrize("status", [400, 401, 500, 503])
def test_http_backend_reports_a_refusing_gateway(gateway, status):
    gateway.answers = [status]
    with pytest.raises(SmsError, match=str(status)):
        HttpJsonSmsBackend().send(to=PHONE, text="hello")


def test_http_backend_wraps_network_errors(gateway):
    gateway.answers = [urllib.error.URLError("timed out")]
    with pytest.raises(SmsError, match="timed out"):
        HttpJsonSmsBackend().send(to=PHONE, text="hello")


def test_notify_through_the_http_gateway(citizen, gateway, settings):
    settings.SMS_BACKEND = "mujtama.notifications.sms.HttpJsonSmsBackend"
    _with_phone(citizen)
    text = _notify(citizen, channels=(Channel.SMS,))[0]

    gateway.answers = [500]
    assert notification_deliver(notification_id=text.pk) == DeliveryStatus.QUEUED
    text.refresh_from_db()
    assert "500" in text.last_error

    assert notification_deliver(notification_id=text.pk) == DeliveryStatus.SENT
    assert len(gateway.requests) == 2
    request = gateway.requests[-1][0]
    assert json.loads(request.data)["text"] == text.body
    assert json.loads(request.data)["to"] == PHONE


def test_a_failed_attempt_waits_for_its_retry_and_is_not_swept_early(citizen, settings):
    settings.SMS_BACKEND = f"{__name__}.ExplodingSmsBackend"
    _with_phone(citizen)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        row = _make(citizen, Channel.SMS)
        assert notification_deliver(notification_id=row.pk) == DeliveryStatus.QUEUED
    row.refresh_from_db()
    assert row.next_attempt_at == start + timedelta(seconds=services.RETRY_DELAYS[0])
    # Six minutes after the failure the retry (due after one) is late: swept.
    # Three minutes after, it is not yet: its own task still holds it.
    with time_machine.travel(start + timedelta(minutes=3), tick=False):
        assert list(outbox_stale()) == []
    with time_machine.travel(start + timedelta(minutes=7), tick=False):
        assert list(outbox_stale()) == [row]


def test_dates_in_a_message_are_in_the_recipients_time_zone(db):
    """A deadline reads in the zone the recipient chose, whoever's request sent it."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    deadline = datetime(2026, 12, 1, 20, 59, tzinfo=UTC)
    context = {
        "action": "deadline",
        "call": SimpleNamespace(title="Call for digital training"),
        "organization": SimpleNamespace(name="Al-Amal"),
        "deadline": deadline,
        "days": 1,
    }
    abroad = UserFactory(language="en", time_zone="Europe/Berlin")
    at_home = UserFactory(language="en")
    with timezone.override("America/New_York"):  # the sender's own zone plays no part
        [berlin] = notify(
            recipient=abroad, kind="programs_call", context=context, channels=["inbox"]
        )
        [damascus] = notify(
            recipient=at_home, kind="programs_call", context=context, channels=["inbox"]
        )
    assert "1 December 2026, 21:59 (Central European time (Berlin, Paris))" in berlin.body
    assert "1 December 2026, 23:59 (Damascus time)" in damascus.body
