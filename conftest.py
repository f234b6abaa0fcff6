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
    """Each test starts with an empty cache (rate limits), SMS outbox and eager tasks,
    and keeps its uploads in a folder of its own."""
    from config.celery import app

    settings.SMS_BACKEND = "mujtama.notifications.sms.LocmemSmsBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    sms.outbox.clear()
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


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
