"""The web form: no account, a tracking code at the end, every bad input refused
field by field in the person's language with what was typed kept, and the checks
against scripts (hidden field, fill time, rate limit) — never a raw address stored."""

import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from mujtama.feedback import codes
from mujtama.feedback.forms import STARTED_SALT
from mujtama.feedback.models import Feedback
from mujtama.feedback.tests.factories import png_bytes, service
from mujtama.notifications import sms

pytestmark = pytest.mark.django_db
FORM = "/ar/feedback/"
FORM_EN = "/en/feedback/"
TEXT = "الموقع يعطي خطأ ٥٠٠ عند تسجيل الدخول منذ يومين"


@pytest.fixture(autouse=True)
def _quick_people(settings, classifier_in_service):
    settings.FEEDBACK_MIN_FILL_SECONDS = 3


def started(seconds_ago: float = 30) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A client whose requests run what waits for commit (classification, SMS)."""

    class Committing:
        def get(self, *args, **kwargs):
            return client.get(*args, **kwargs)

        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(*args, **kwargs)

    return Committing()


def post(client, url=FORM, **fields):
    data = {
        "service": service().pk,
        "text": TEXT,
        "rating": "2",
        "governorate": "SY01",
        "contact": "",
        "started": started(),
        "website": "",
        **fields,
    }
    return client.post(url, data, REMOTE_ADDR="203.0.113.7")


def test_the_form_needs_no_account_and_is_arabic_right_to_left(client):
    service()
    response = client.get(FORM)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and "ما الذي حدث؟" in html
    assert 'enctype="multipart/form-data"' in html
    english = client.get(FORM_EN).content.decode()
    assert 'dir="ltr"' in english and "What happened?" in english


def test_a_submission_gets_a_tracking_code_and_a_status_page(client):
    response = post(client)
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert response["Location"] == f"/ar/feedback/track/{feedback.tracking_code}/"
    assert codes.normalize(feedback.tracking_code) == feedback.tracking_code
    page = client.get(response["Location"]).content.decode()
    assert codes.display(feedback.tracking_code) in page
    assert "شكراً، وصلت ملاحظتك" in page
    assert feedback.channel == "web" and feedback.rating == 2
    assert feedback.governorate.pcode == "SY01"
    # Classified on arrival (eager tasks run after commit), and put in a need.
    assert feedback.kind and feedback.sentiment and feedback.confidence is not None
    assert feedback.need is not None and feedback.need.size == 1
    assert feedback.response_due_at > feedback.received_at


def test_no_raw_address_is_stored_only_a_daily_keyed_hash(client):
    post(client)
    feedback = Feedback.objects.get()
    assert feedback.client_hash and "203.0.113.7" not in feedback.client_hash
    row = Feedback.objects.filter(pk=feedback.pk).values().get()
    assert not any("203.0.113.7" in str(value) for value in row.values())
    from mujtama.core.models import AuditEvent

    assert not AuditEvent.objects.filter(ip_hash__contains="203.0.113").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "Please say what happened."),
        ("text", "   ", "Please say what happened."),
        ("text", "x" * 2001, "Please keep it to 2000 characters; this text has 2001."),
        ("service", "999999", "There is no such service; please choose one from the list."),
        ("service", "", "Please choose the service."),
        ("rating", "0", "A rating is a whole number from 1 to 5."),
        ("rating", "6", "A rating is a whole number from 1 to 5."),
        (
            "governorate",
            "SY99",
            "There is no governorate with this code; choose one from the list.",
        ),
        ("text", "الدفع فشل \u202eابحث\u202c مرة ثانية", "hidden direction-control characters"),
        ("contact", "not a phone", "Enter a phone number of 8 to 15 digits"),
        ("contact", "someone@", "This email address does not look right."),
    ],
)
def test_each_bad_input_gets_a_field_error_in_english_and_keeps_what_was_typed(
    client, field, value, message
):
    response = post(client, FORM_EN, **{field: value})
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert 'class="error-summary"' in html
    if field != "text":
        assert TEXT in html  # the text typed is still in the form
    assert not Feedback.objects.exists()


def test_errors_are_in_arabic_on_the_arabic_form(client):
    response = post(client, text="", rating="9")
    assert response.status_code == 400
    with translation.override("ar"):
        errors = response.context["form"].errors
    assert "يرجى" in " ".join(errors["text"]) or "اكتب" in " ".join(errors["text"])
    assert "Please" not in " ".join(errors["rating"])


def test_html_and_script_are_stored_as_text_and_shown_escaped(client):
    text = '<script>alert("x")</script><b>عاجل</b> الموقع لا يعمل'
    response = post(client, text=text)
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.text == text
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;عاجل&lt;/b&gt;" in page


def test_a_non_image_renamed_png_is_refused_and_nothing_is_stored(client):
    fake = SimpleUploadedFile("screen.png", b"MZ\x90\x00 this is a program", "image/png")
    response = post(client, FORM_EN, screenshot=fake)
    assert response.status_code == 400
    assert "this file is not an image" in " ".join(response.context["form"].errors["screenshot"])
    assert TEXT in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_screenshot_is_re_encoded_without_its_metadata(client):
    photo = SimpleUploadedFile("IMG_0042.jpg", png_bytes(exif=True), "image/jpeg")
    assert post(client, screenshot=photo).status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.screenshot.name.endswith(".jpg") and "IMG_0042" not in feedback.screenshot.name
    with feedback.screenshot.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()


def test_contact_needs_consent_and_consent_needs_contact(client):
    response = post(client, FORM_EN, contact="0933 123 456")
    assert "tick that you agree" in " ".join(response.context["form"].errors["consent_contact"])
    response = post(client, FORM_EN, consent_contact="on")
    assert "Write the phone or email" in " ".join(response.context["form"].errors["contact"])
    assert not Feedback.objects.exists()


def test_with_consent_the_citizen_gets_the_code_by_sms_in_their_language(client):
    post(client, contact="٠٩٣٣ ١٢٣ ٤٥٦", consent_contact="on")
    feedback = Feedback.objects.get()
    assert feedback.contact_phone == "+963933123456" and feedback.consent_contact
    [message] = sms.outbox
    assert message["to"] == "+963933123456"
    assert codes.display(feedback.tracking_code) in message["text"]
    assert "مجتمع ذكاء" in message["text"]


def test_the_hidden_field_filled_by_a_script_stores_nothing(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_form_sent_faster_than_a_person_can_is_refused_but_keeps_the_text(client):
    response = post(client, FORM_EN, started=started(seconds_ago=0.5))
    assert response.status_code == 400
    assert "That was very quick" in response.content.decode()
    assert TEXT in response.content.decode()
    assert not Feedback.objects.exists()
    forged = post(client, FORM_EN, started="not-signed")
    assert forged.status_code == 400 and not Feedback.objects.exists()


def test_the_submission_after_the_limit_gets_429_with_a_translated_message(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    for _ in range(3):
        assert post(client).status_code == 302
    refused = post(client, FORM_EN)
    assert refused.status_code == 429
    assert "Please wait an hour" in refused.content.decode()
    assert Feedback.objects.count() == 3
    arabic = post(client)
    assert arabic.status_code == 429 and 'dir="rtl"' in arabic.content.decode()
