"""Personas shared by every test: the people DESIGN.md describes, one fixture each."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache

from mujtama.accounts.tests.factories import UserFactory, staff_user
from mujtama.notifications import sms

PERSONA_NAMES = [
    "anonymous",
    "citizen",
    "org_owner",
    "platform_admin",
    "moct_officer",
    "mosal_officer",
    "program_manager",
    "reviewer",
    "analyst",
    "staff_without_second_factor",
]


def pytest_collection_modifyitems(config: Any, items: list[pytest.Item]) -> None:
    """Transactional tests must restore the reference data of the data migrations
    (roles, governorates, criteria) when they flush the database: without
    serialized_rollback the next test would find them gone."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def _isolated(settings: Any, tmp_path: Any) -> Iterator[None]:
    """Each test starts in the default language with an empty cache (rate limits), SMS
    outbox and eager tasks, and keeps its uploads in a folder of its own."""
    from django.utils import translation

    from config.celery import app

    # A request in English leaves English active in the thread; each test starts in
    # the default language.
    translation.activate(settings.LANGUAGE_CODE)
    settings.SMS_BACKEND = "mujtama.notifications.sms.LocmemSmsBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    sms.outbox.clear()
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory: Any) -> Any:
    """Where ``demo_seeded`` keeps the files the demo uploads."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def demo_seeded(django_db_setup: Any, django_db_blocker: Any, demo_media: Any) -> Iterator[str]:
    """The output of ``seed_demo``, run once for all the tests of a module that ask for
    it (it takes about 20 seconds) inside a transaction rolled back after the module's
    last test; each test still runs in a savepoint of its own. Seeds with what
    ``_isolated`` gives a single test: eager tasks, the SMS outbox, its own uploads."""
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from config.celery import app

    out = io.StringIO()
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    cache.clear()
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(
                MEDIA_ROOT=demo_media, SMS_BACKEND="mujtama.notifications.sms.LocmemSmsBackend"
            ),
            transaction.atomic(),
        ):
            call_command("seed_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)
    finally:
        app.conf.task_always_eager = eager
        sms.outbox.clear()


@pytest.fixture
def citizen(db: Any) -> Any:
    return UserFactory(full_name="أحمد المصري", email="citizen@example.sy")


@pytest.fixture
def org_owner(db: Any) -> Any:
    # Becomes an organization owner once organizations exist (issue 3).
    return UserFactory(full_name="نور الدين قاسم", email="owner@example.sy")


@pytest.fixture
def platform_admin(db: Any) -> Any:
    return staff_user("platform_admin", email="admin@example.sy", full_name="رنا الحلبي")


@pytest.fixture
def moct_officer(db: Any) -> Any:
    return staff_user("moct_officer", email="moct@example.sy")


@pytest.fixture
def mosal_officer(db: Any) -> Any:
    return staff_user("mosal_officer", email="mosal@example.sy")


@pytest.fixture
def program_manager(db: Any) -> Any:
    return staff_user("program_manager", email="programs@example.sy")


@pytest.fixture
def reviewer(db: Any) -> Any:
    return staff_user("reviewer", email="reviewer@example.sy")


@pytest.fixture
def analyst(db: Any) -> Any:
    return staff_user("analyst", email="analyst@example.sy")


@pytest.fixture
def staff_without_second_factor(db: Any) -> Any:
    return staff_user("moct_officer", email="new.officer@example.sy", second_factor=False)


@pytest.fixture
def persona(request: pytest.FixtureRequest) -> Callable[[str], Any]:
    """persona("reviewer") → that user (None for anonymous)."""

    def get(name: str) -> Any:
        return None if name == "anonymous" else request.getfixturevalue(name)

    return get
