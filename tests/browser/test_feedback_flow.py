"""In Arabic, in the browser: a citizen sends feedback on a service without signing
in and gets a tracking code; the ministry's feedback officer finds it in the triage
queue and replies; the citizen opens the tracking page and reads the reply, on a
phone-sized screen too."""

import re
import time

import pytest

from mujtama.accounts.tests.factories import PASSWORD
from mujtama.feedback import codes
from mujtama.feedback.models import Feedback, Reply
from mujtama.feedback.tests.conftest import classifier_in_service, classifier_payload
from mujtama.feedback.tests.factories import ministry, officer, service
from tests.browser.conftest import current_totp_code

# The classifier in service is stored before the citizen arrives (as `make run`'s demo
# does), rather than trained during their request on the first use.
__all__ = ["classifier_in_service", "classifier_payload"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = "تطبيق حجز دور الجواز يطلب رمز التحقق، لكن الرمز لا يصل إلى هاتفي منذ ثلاثة أيام."
REPLY = "شكراً لك. أصلحنا خللاً في بوابة الرسائل القصيرة؛ يرجى المحاولة مرة أخرى الآن."


def test_a_citizen_sends_feedback_in_arabic_and_reads_the_officers_reply(
    browser, live_server, shot, settings, classifier_in_service
):
    settings.FEEDBACK_MIN_FILL_SECONDS = 1
    base = live_server.url
    interior = ministry("interior", name_ar="وزارة الداخلية", name_en="Ministry of Interior")
    passports = service(
        interior, code=12, name_ar="حجز موعد جواز السفر", name_en="Passport appointments"
    )
    desk_officer = officer(interior, email="feedback@interior.sy", full_name="مي الأتاسي")

    # --- 1. The citizen, not signed in, sends feedback ---------------------------------------
    citizen = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    citizen.goto(f"{base}/ar/feedback/")
    assert citizen.get_attribute("html", "dir") == "rtl"
    citizen.select_option("select[name=service]", str(passports.pk))
    citizen.fill("textarea[name=text]", TEXT)
    citizen.select_option("select[name=rating]", "2")
    citizen.select_option("select[name=governorate]", "SY04")
    shot(citizen, "feedback-form-ar-phone")
    time.sleep(1.2)  # a person takes longer than the minimum fill time
    with citizen.expect_navigation():
        citizen.click("main form button[type=submit]")
    assert re.search(r"/ar/feedback/track/[2-9A-Z]{9}/$", citizen.url)
    shown = citizen.inner_text(".code")
    feedback = Feedback.objects.get()
    assert shown == codes.display(feedback.tracking_code)
    assert "شكراً، وصلت ملاحظتك" in citizen.inner_text("main")
    shot(citizen, "feedback-code-ar-phone")
    assert feedback.service == passports and feedback.kind  # classified on arrival

    # --- 2. The officer replies from the triage queue ----------------------------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desk.goto(base + "/ar/accounts/login/")
    desk.fill("input[name=login]", desk_officer.email)
    desk.fill("input[name=password]", PASSWORD)
    desk.click("main form button[type=submit]")
    desk.wait_for_url("**/2fa/authenticate/")
    desk.fill("input[name=code]", current_totp_code())
    desk.click("main form button[type=submit]")
    desk.wait_for_url(base + "/ar/")
    desk.goto(base + "/ar/staff/feedback/")
    with desk.expect_navigation():
        desk.click(f"text={feedback.tracking_code}")
    assert TEXT in desk.inner_text("main")
    desk.fill("form[action$='/reply/'] textarea[name=text]", REPLY)
    with desk.expect_navigation():
        desk.click("form[action$='/reply/'] button[type=submit]")
    assert desk.locator(".messages .message.error").count() == 0
    shot(desk, "feedback-item-ar")
    assert Reply.objects.get(feedback=feedback).author == desk_officer

    # --- 3. The citizen reads the reply on the tracking page ---------------------------------
    citizen.goto(f"{base}/ar/feedback/track/{codes.display(feedback.tracking_code)}/")
    citizen.wait_for_url(f"{base}/ar/feedback/track/{feedback.tracking_code}/")
    main = citizen.inner_text("main")
    assert REPLY in main and TEXT in main
    assert "feedback@interior.sy" not in citizen.content()
    shot(citizen, "feedback-reply-ar-phone")
    width = citizen.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing spills sideways on a phone
