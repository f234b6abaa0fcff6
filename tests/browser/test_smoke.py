"""The platform as a person sees it, in headless Chromium against a live server."""

import pytest

from mujtama.accounts.tests.factories import PASSWORD
from mujtama.core.models import AuditEvent
from mujtama.geo.models import Locality
from tests.browser.conftest import current_totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _page(browser, *, javascript=True, mobile=False):
    context = browser.new_context(
        java_script_enabled=javascript,
        viewport={"width": 375, "height": 740} if mobile else {"width": 1280, "height": 900},
        locale="en-US",
    )
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda msg: (
            page.csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    return page


def test_home_in_arabic_then_english_keeping_the_page(browser, live_server, shot):
    page = _page(browser)
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/ar/"
    assert page.get_attribute("html", "dir") == "rtl"
    assert "مجتمع ذكاء" in page.inner_text("h1")
    shot(page, "home-ar-desktop")
    page.click("button[name=language][value=en]")
    page.wait_for_url(live_server.url + "/en/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert "Mujtama Thakaa" in page.inner_text("h1")
    shot(page, "home-en-desktop")
    # The choice is remembered: the bare address now opens English.
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/en/"
    assert page.csp_errors == []


def test_home_and_switcher_work_without_javascript_on_a_phone(browser, live_server, shot):
    page = _page(browser, javascript=False, mobile=True)
    page.goto(live_server.url + "/ar/accounts/login/")
    assert page.get_attribute("html", "dir") == "rtl"
    shot(page, "login-ar-mobile-nojs")
    page.click("button[name=language][value=en]")
    page.wait_for_url(live_server.url + "/en/accounts/login/")
    assert page.get_attribute("html", "lang") == "en"
    # Nothing overflows the narrow screen sideways.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_bad_signup_is_explained_in_arabic_and_keeps_the_name(browser, live_server, shot):
    page = _page(browser, javascript=False)
    page.goto(live_server.url + "/ar/accounts/signup/")
    page.fill("input[name=full_name]", "سلمى يوسف")
    page.fill("input[name=email]", "salma@example")  # the browser accepts it; the server does not
    page.fill("input[name=password1]", "short")
    page.fill("input[name=password2]", "short")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".error-summary")
    summary = page.inner_text(".error-summary")
    assert any("\u0600" <= ch <= "\u06ff" for ch in summary)
    assert page.input_value("input[name=full_name]") == "سلمى يوسف"
    shot(page, "signup-errors-ar")


def test_staff_sign_in_with_second_factor_and_flag_a_remote_locality(
    browser, live_server, shot, moct_officer
):
    from mujtama.geo.demo import seed as seed_geography

    seed_geography(open("/dev/null", "w"))  # noqa: SIM115
    page = _page(browser)
    page.goto(live_server.url + "/ar/accounts/login/")
    page.fill("input[name=login]", moct_officer.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/2fa/authenticate/")
    code = current_totp_code()
    page.fill("input[name=code]", code)
    page.click("main form button[type=submit]")
    page.wait_for_url(live_server.url + "/ar/")
    page.goto(live_server.url + "/ar/staff/geo/SY09/")
    shot(page, "staff-geo-ar")
    locality = Locality.objects.get(pcode="DEMO-L09010101")
    assert not locality.remote
    row_form = page.locator("form.remote-toggle", has_text="الميادين").last
    url_before = page.url
    with page.expect_response(lambda r: "/remote/" in r.url):
        row_form.locator("button").click()
    # htmx swapped the row in place: no page load, the flag is set and audited.
    assert page.url == url_before
    locality.refresh_from_db()
    assert locality.remote
    assert AuditEvent.objects.filter(verb="geo.remote_flag_set").count() == 1
    assert page.csp_errors == []
