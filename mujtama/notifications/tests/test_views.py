"""The inbox pages: whose messages, the unread badge, marking read, languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mujtama.notifications.models import Channel, DeliveryStatus, Notification
from mujtama.notifications.views import PAGE_SIZE

INBOX = "/ar/inbox/"
BADGE = re.compile(r'<span class="visually-hidden">[^<]*</span>(\d+)</span>')


def _message(user, subject, channel=Channel.INBOX, read=False, link=""):
    return Notification.objects.create(
        recipient=user,
        channel=channel,
        address={Channel.EMAIL: "x@example.sy", Channel.SMS: "+963944123456"}.get(channel, ""),
        kind="accounts_role_granted",
        subject=subject,
        body=f"{subject} — body",
        link=link,
        status=DeliveryStatus.SENT,
        sent_at=timezone.now(),
        read_at=timezone.now() if read else None,
    )


def _header(html):
    return html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]


def _badge(response):
    found = BADGE.findall(_header(response.content.decode()))
    return int(found[0]) if found else None


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return client


def test_inbox_lists_only_my_inbox_messages(signed_in, citizen, org_owner):
    _message(citizen, "رسالتي الأولى", link="/ar/me/")
    _message(citizen, "My second message", read=True)
    _message(citizen, "Emailed copy of mine", channel=Channel.EMAIL)
    _message(citizen, "Texted copy of mine", channel=Channel.SMS)
    _message(org_owner, "Someone else's secret")
    _message(None, "Nobody's message")

    response = signed_in.get(INBOX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "رسالتي الأولى" in html and "My second message" in html
    assert 'href="/ar/me/"' in html
    for absent in ("Emailed copy", "Texted copy", "Someone else", "Nobody"):
        assert absent not in html
    assert [m.subject for m in response.context["page"]] == [
        "My second message",
        "رسالتي الأولى",
    ]
    assert html.count('class="card unread"') == 1


def test_empty_inbox(signed_in, org_owner):
    _message(org_owner, "Someone else's secret")
    response = signed_in.get(INBOX)
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert "Someone else" not in response.content.decode()
    assert _badge(response) is None


def test_header_badge_shows_my_unread_count(signed_in, citizen, org_owner):
    for n in range(3):
        _message(citizen, f"unread {n}")
    _message(citizen, "already read", read=True)
    _message(citizen, "unread email", channel=Channel.EMAIL)
    _message(org_owner, "their unread")

    assert _badge(signed_in.get(INBOX)) == 3
    # On any page, not just the inbox.
    assert _badge(signed_in.get("/ar/")) == 3

    Notification.objects.filter(recipient=citizen).update(read_at=timezone.now())
    assert _badge(signed_in.get("/ar/")) is None


def test_mark_one_read(signed_in, citizen):
    first = _message(citizen, "first")
    second = _message(citizen, "second")

    response = signed_in.post(f"/ar/inbox/{first.pk}/read/")

    assert response.status_code == 302
    assert response["Location"] == INBOX
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    assert _badge(signed_in.get(INBOX)) == 1


def test_marking_read_again_keeps_the_first_time(signed_in, citizen):
    message = _message(citizen, "read twice", read=True)
    read_at = message.read_at
    assert signed_in.post(f"/ar/inbox/{message.pk}/read/").status_code == 302
    message.refresh_from_db()
    assert message.read_at == read_at


def test_someone_elses_message_id_marks_nothing(signed_in, citizen, org_owner):
    theirs = _message(org_owner, "their message")
    mine = _message(citizen, "my message")

    response = signed_in.post(f"/ar/inbox/{theirs.pk}/read/")
    assert response.status_code == 302
    assert response["Location"] == INBOX

    missing = signed_in.post("/ar/inbox/999999/read/")
    assert missing.status_code == 302

    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.read_at is None and mine.read_at is None


def test_my_email_row_cannot_be_marked_through_the_inbox(signed_in, citizen):
    email = _message(citizen, "email", channel=Channel.EMAIL)
    assert signed_in.post(f"/ar/inbox/{email.pk}/read/").status_code == 302
    email.refresh_from_db()
    assert email.read_at is None


def test_mark_all_read(signed_in, citizen, org_owner):
    mine = [_message(citizen, f"mine {n}") for n in range(4)]
    theirs = _message(org_owner, "theirs")
    before = signed_in.get(INBOX).content.decode()
    assert 'action="/ar/inbox/read/"' in before

    response = signed_in.post("/ar/inbox/read/")

    assert response.status_code == 302
    assert response["Location"] == INBOX
    assert Notification.objects.filter(pk__in=[m.pk for m in mine], read_at=None).count() == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None
    after = signed_in.get(INBOX)
    assert _badge(after) is None
    # Nothing left to mark: the button goes.
    assert 'action="/ar/inbox/read/"' not in after.content.decode()


def test_mark_read_in_english_stays_in_english(client, citizen):
    client.force_login(citizen)
    message = _message(citizen, "english")
    response = client.post(f"/en/inbox/{message.pk}/read/")
    assert response["Location"] == "/en/inbox/"


@pytest.mark.parametrize("url", ["/ar/inbox/read/", "/ar/inbox/1/read/"])
def test_get_on_the_post_routes_is_refused(signed_in, citizen, url):
    message = _message(citizen, "stays unread")
    url = url.replace("/1/", f"/{message.pk}/")
    response = signed_in.get(url)
    assert response.status_code == 405
    message.refresh_from_db()
    assert message.read_at is None


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/ar/inbox/"), ("post", "/ar/inbox/read/"), ("post", "/ar/inbox/1/read/")],
)
def test_anonymous_is_sent_to_sign_in(client, citizen, method, url):
    message = _message(citizen, "private")
    url = url.replace("/1/", f"/{message.pk}/")
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/accounts/login/?next=")
    assert url in response["Location"].replace("%2F", "/")
    message.refresh_from_db()
    assert message.read_at is None


def test_inbox_query_count_does_not_grow_with_messages(signed_in, citizen):
    signed_in.get(INBOX)  # warm up anything cached per process

    for n in range(3):
        _message(citizen, f"message {n}", link=f"/ar/{n}/")
    with CaptureQueriesContext(connection) as few:
        response = signed_in.get(INBOX)
    assert response.status_code == 200
    assert len(response.context["page"]) == 3

    for n in range(3, 40):
        _message(citizen, f"message {n}", read=n % 2 == 0, link=f"/ar/{n}/")
    with CaptureQueriesContext(connection) as many:
        response = signed_in.get(INBOX)
    assert response.status_code == 200
    assert len(response.context["page"]) == PAGE_SIZE
    assert response.context["page"].paginator.count == 40
    assert _badge(response) == 3 + 37 - len(range(4, 40, 2))

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]

    second_page = signed_in.get(INBOX + "?page=2")
    assert len(second_page.context["page"]) == 40 - PAGE_SIZE


@pytest.mark.parametrize(
    ("prefix", "direction"),
    [("ar", "rtl"), ("en", "ltr")],
)
def test_inbox_renders_in_both_languages(client, citizen, prefix, direction):
    client.force_login(citizen)
    _message(citizen, "رسالة تجريبية")
    response = client.get(f"/{prefix}/inbox/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{prefix}" dir="{direction}">' in html
    assert "رسالة تجريبية" in html
    assert f'action="/{prefix}/inbox/read/"' in html
    assert _badge(response) == 1
