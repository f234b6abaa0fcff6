import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("MUJTAMA_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def pytest_collection_modifyitems(config: Any, items: list[pytest.Item]) -> None:
    required = os.environ.get("MUJTAMA_REQUIRE_BROWSER") == "1"
    available = shutil.which(CHROMIUM) is not None
    for item in items:
        if "browser" in item.keywords and not available:
            if required:
                raise pytest.UsageError(f"Browser tests required but {CHROMIUM} is missing")
            item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} not installed"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    # Playwright's sync API runs an event loop in this thread; the live server and
    # the test's own database work happen in plain threads, so Django's guard
    # against database calls from async code does not apply here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright marks an event loop as running in this thread, after which
    # Django keeps this thread's connections in a separate (empty) store: the test
    # database's connection, which carries the data serialized_rollback restores
    # (the staff groups of the data migrations), would be lost. Hand it back.
    opened = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, wrapper in opened.items():
            connections[alias] = wrapper
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def shot() -> Any:
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    return take


def current_totp_code() -> str:
    """The demo second-factor code of the current 30-second window. The server accepts
    only the current window, so a code computed in the last seconds of one would reach
    it in the next and be refused: wait for a fresh window instead."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from mujtama.accounts.tests.factories import TOTP_SECRET

    if time.time() % 30 > 24:
        time.sleep(30 - time.time() % 30 + 0.2)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def sign_in(page: Any, base: str, email: str, *, second_factor: bool = False) -> None:
    """Sign in through the Arabic form (with the demo second factor for staff)."""
    from mujtama.accounts.tests.factories import PASSWORD

    page.goto(base + "/ar/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    if second_factor:
        page.wait_for_url("**/2fa/authenticate/")
        page.fill("input[name=code]", current_totp_code())
        page.click("main form button[type=submit]")
    page.wait_for_url(base + "/ar/")
