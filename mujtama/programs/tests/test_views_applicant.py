"""The organization's side of programs, through its pages: the calls an organization
can apply to, applying, answering every kind of question (with the values typed kept
when some are wrong), a submission refused with every reason (in Arabic and in
English), the consortium (inviting, confirming from "My applications"), submitting
against the clock, withdrawing; and who may see or change what."""

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from mujtama.accounts.tests.factories import UserFactory
from mujtama.organizations.models import DocumentKind, MemberRole, OrganizationKind
from mujtama.organizations.tests.factories import (
    PDF_BYTES,
    OrganizationFactory,
    add_document,
    add_member,
    make_member,
)
from mujtama.programs.models import (
    Answer,
    Application,
    ApplicationPartner,
    Call,
    PartnerStatus,
    QuestionKind,
)
from mujtama.programs.services import applications as application_services
from mujtama.programs.services.calls import call_publish, call_save_draft, calls_tick, program_save

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06ff]")

QUESTIONS = [
    {
        "kind": QuestionKind.TEXT,
        "label_ar": "الاسم المختصر للمشروع",
        "label_en": "Short name of the project",
        "required": True,
        "max_length": 60,
    },
    {
        "kind": QuestionKind.LONG_TEXT,
        "label_ar": "وصف المشروع",
        "label_en": "Project description",
        "help_ar": "ما الذي ستفعله الجهة ولمن؟",
        "help_en": "What will the organization do, and for whom?",
        "required": False,
    },
    {
        "kind": QuestionKind.NUMBER,
        "label_ar": "عدد المستفيدين",
        "label_en": "Number of beneficiaries",
        "required": True,
        "min_value": Decimal(1),
        "max_value": Decimal(100000),
    },
    {
        "kind": QuestionKind.CHOICE,
        "label_ar": "المحافظة الرئيسية",
        "label_en": "Main governorate",
        "required": True,
        "choices": [
            {"value": "damascus", "label_ar": "دمشق", "label_en": "Damascus"},
            {"value": "aleppo", "label_ar": "حلب", "label_en": "Aleppo"},
        ],
    },
    {
        "kind": QuestionKind.FILE,
        "label_ar": "خطة العمل",
        "label_en": "Work plan",
        "required": True,
    },
]
RUBRIC = [
    {"name_ar": "الأثر", "name_en": "Impact", "weight": 2},
    {"name_ar": "الجدوى", "name_en": "Feasibility", "weight": 1},
]
MEMBERS_ONLY = [{"type": "membership_current"}]
# A member, with its statutes uploaded, in a consortium that includes a university.
CONSORTIUM_RULES = [
    {"type": "membership_current"},
    {"type": "documents", "kinds": [DocumentKind.STATUTES]},
    {"type": "consortium_includes_kind", "value": OrganizationKind.UNIVERSITY},
]


# --- helpers (also used by the reviewers' tests) ----------------------------------------------


def make_call(
    manager: Any,
    *,
    rules: list[dict[str, Any]] | None = None,
    opens_at: Any = None,
    closes_at: Any = None,
    title_en: str = "Call for digital skills projects",
) -> Call:
    """A published, open call made through the services, as a program manager would."""
    program = program_save(
        actor=manager,
        kind="partnership",
        ministry="moct",
        name_ar="برنامج الشراكات الرقمية",
        name_en="Digital partnerships program",
        description_ar="برنامج يدعم مشاريع المهارات الرقمية.",
        description_en="A program supporting digital skills projects.",
        is_published=True,
    )
    now = timezone.now()
    call = call_save_draft(
        actor=manager,
        program=program,
        eligibility_rules=MEMBERS_ONLY if rules is None else rules,
        questions=QUESTIONS,
        rubric=RUBRIC,
        title_ar="دعوة لمشاريع المهارات الرقمية",
        title_en=title_en,
        text_ar="تدعو الوزارة الجهات إلى تقديم مشاريع.",
        text_en="The ministry invites organizations to propose projects.",
        opens_at=opens_at or now - timedelta(days=1),
        closes_at=closes_at or now + timedelta(days=20),
        budget=Decimal(100_000_000),
        max_award=Decimal(5_000_000),
        reviewers_per_application=2,
    )
    call_publish(actor=manager, call=call)
    calls_tick()
    call.refresh_from_db()
    return call


def questions_of(call: Call) -> dict[str, Any]:
    return {question.kind: question for question in call.questions.all()}


def member_org(owner: Any = None, **fields: Any) -> Any:
    organization = OrganizationFactory(created_by=owner or UserFactory(), **fields)
    make_member(organization)
    return organization


def pdf(name: str = "plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def answers_data(call: Call, action: str = "save", **changes: Any) -> dict[str, Any]:
    """Valid answers to every question (the file aside), by field name; ``changes``
    by question kind (text, long_text, number, choice, file) or form field name."""
    questions = questions_of(call)
    data: dict[str, Any] = {
        "action": action,
        "title": "مهارات رقمية لشباب الريف",
        "requested_amount": "2000000",
        f"q_{questions['text'].pk}": "مهارات الريف",
        f"q_{questions['long_text'].pk}": "تدريب ٢٠٠ شاب وشابة على البرمجة.",
        f"q_{questions['number'].pk}": "200",
        f"q_{questions['choice'].pk}": "aleppo",
    }
    for key, value in changes.items():
        name = f"q_{questions[key].pk}" if key in questions else key
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def start(
    owner: Any, call: Call, lead: Any, title: str = "مهارات رقمية لشباب الريف"
) -> Application:
    return application_services.application_start(actor=owner, call=call, lead=lead, title=title)


def complete(owner: Any, application: Application) -> Application:
    """Answer every question of the application through the service."""
    questions = questions_of(application.call)
    errors = application_services.application_save(
        actor=owner,
        application=application,
        requested_amount=Decimal(1_500_000),
        answers={
            questions["text"].pk: "مهارات الريف",
            questions["long_text"].pk: "تدريب الشباب على البرمجة.",
            questions["number"].pk: "150",
            questions["choice"].pk: "damascus",
        },
        files={questions["file"].pk: (pdf(), "خطة العمل.pdf")},
    )
    assert errors == {}
    return application


def url(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(f"programs:{name}", args=args)


def text(response: Any) -> str:
    return response.content.decode()


def flashed(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def widget(html: str, name: str, value: str | None = None) -> str:
    """The opening tag of the input, textarea or select named ``name`` (the radio
    button of ``value``)."""
    pattern = rf'<(?:input|textarea|select)\b[^>]*\bname="{name}"'
    if value is not None:
        pattern += rf'[^>]*\bvalue="{value}"'
    found = re.search(pattern + "[^>]*>", html)
    assert found, name
    return found.group(0)


def field_error(html: str, name: str) -> str:
    """The errors shown next to the field ``name`` ("" when none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def call(program_manager: Any) -> Call:
    return make_call(program_manager, rules=CONSORTIUM_RULES)


@pytest.fixture
def lead(org_owner: Any) -> Any:
    return member_org(org_owner, name_ar="جمعية الأمل التقنية", name_en="Hope Tech Association")


@pytest.fixture
def university() -> Any:
    owner = UserFactory(email="dean@example.sy")
    return member_org(
        owner,
        kind=OrganizationKind.UNIVERSITY,
        name_ar="جامعة حلب",
        name_en="University of Aleppo",
    )


# --- the whole path ------------------------------------------------------------------------------


def test_the_whole_path_of_an_application_through_the_pages(
    client, org_owner, program_manager, call, lead, university
):
    client.force_login(org_owner)
    questions = questions_of(call)

    # "My applications" leads to the calls the organization can apply to.
    mine = client.get(url("mine"))
    assert mine.status_code == 200
    assert url("calls_for", lead.pk) in text(mine)
    listing = client.get(url("calls_for", lead.pk, lang="en"))
    assert listing.status_code == 200
    page = text(listing)
    assert "Call for digital skills projects" in page
    assert "Not eligible yet" in page
    assert escape("Documents still to upload: Statutes (bylaws).") in page
    apply_url = reverse("programs:apply", args=[call.pk])
    assert f"{apply_url}?organization={lead.pk}" in page

    # Applying: the organization is chosen, the project named.
    form = client.get(url("apply", call.pk) + f"?organization={lead.pk}")
    assert form.status_code == 200
    assert f'<option value="{lead.pk}" selected>' in text(form)
    started = client.post(url("apply", call.pk), {"lead": lead.pk, "title": "مهارات رقمية للشباب"})
    application = Application.objects.get(call=call, lead=lead)
    assert started.status_code == 302
    assert started["Location"] == url("application", application.pk)
    assert application.status == "draft"
    assert application.title == "مهارات رقمية للشباب"

    # The draft page: one multipart form with a field per question, by kind.
    page = text(client.get(url("application", application.pk)))
    assert 'enctype="multipart/form-data"' in page
    assert 'maxlength="60"' in widget(page, f"q_{questions['text'].pk}")
    assert widget(page, f"q_{questions['long_text'].pk}").startswith("<textarea")
    assert 'inputmode="decimal"' in widget(page, f"q_{questions['number'].pk}")
    assert 'type="radio"' in widget(page, f"q_{questions['choice'].pk}", "aleppo")
    assert 'type="file"' in widget(page, f"q_{questions['file'].pk}")
    assert "ما الذي ستفعله الجهة ولمن؟" in page

    # Saving with a wrong number: the page comes back with the error next to the
    # field, every value typed (the wrong one too), and the valid answers stored.
    data = answers_data(call, number="مئتان", file=pdf("خطة العمل.pdf"))
    response = client.post(url("application", application.pk), data)
    assert response.status_code == 200
    page = text(response)
    number = f"q_{questions['number'].pk}"
    assert 'value="مئتان"' in widget(page, number)
    assert 'aria-invalid="true"' in widget(page, number)
    assert f"{number}_error" in widget(page, number)  # aria-describedby
    assert field_error(page, number)
    assert not field_error(page, f"q_{questions['text'].pk}")
    assert 'class="error-summary"' in page
    assert 'value="مهارات الريف"' in page
    assert "تدريب ٢٠٠ شاب وشابة على البرمجة." in page
    assert "checked" in widget(page, f"q_{questions['choice'].pk}", "aleppo")
    stored = {a.question_id: a for a in Answer.objects.filter(application=application)}
    assert questions["number"].pk not in stored
    assert stored[questions["text"].pk].text == "مهارات الريف"
    assert stored[questions["choice"].pk].text == "aleppo"
    plan = stored[questions["file"].pk]
    assert plan.file_type == "application/pdf"
    assert plan.file_name == "خطة العمل.pdf"
    # The PDF just saved shows as the current file, with its download link.
    file_url = url("answer_file", application.pk, questions["file"].pk)
    assert file_url in page
    application.refresh_from_db()
    assert application.requested_amount == Decimal(2_000_000)

    # A file that is not a PDF, renamed .pdf, is refused and the stored one is kept.
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    response = client.post(
        url("application", application.pk, lang="en"), answers_data(call, file=fake)
    )
    assert response.status_code == 200
    error = field_error(text(response), f"q_{questions['file'].pk}")
    assert "Only PDF files and images (JPEG, PNG, WebP) are accepted" in error
    plan.refresh_from_db()
    assert plan.file_type == "application/pdf" and plan.file.read() == PDF_BYTES
    plan.file.close()

    # Arabic digits are numbers; everything valid saves and the page redirects.
    saved = client.post(url("application", application.pk), answers_data(call, number="٢٠٠"))
    assert saved.status_code == 302
    assert Answer.objects.get(application=application, question=questions["number"]).number == 200

    # Submitting now is refused with every reason: the statutes, the university.
    blocked = client.post(
        url("application", application.pk, lang="en"), answers_data(call, "submit")
    )
    assert blocked.status_code == 200
    summary = text(blocked).split('id="blocked"', 1)[1].split("</div>", 1)[0]
    assert escape("Documents still to upload: Statutes (bylaws).") in summary
    assert escape("The consortium must include: University. Invite one as a partner.") in summary
    application.refresh_from_db()
    assert application.status == "draft"

    # Inviting the university: only current members other than the lead are offered.
    page = text(client.get(url("application", application.pk)))
    invite = page.split('name="organization"', 1)[1].split("</select>", 1)[0]
    assert f'value="{university.pk}"' in invite
    assert f'value="{lead.pk}"' not in invite
    invited = client.post(
        url("partners", application.pk), {"action": "invite", "organization": university.pk}
    )
    assert invited.status_code == 302
    partner = ApplicationPartner.objects.get(application=application)
    assert partner.organization == university and partner.status == PartnerStatus.INVITED

    # Not confirmed yet: submitting says so.
    add_document(lead, DocumentKind.STATUTES)
    blocked = client.post(
        url("application", application.pk, lang="en"), answers_data(call, "submit")
    )
    summary = text(blocked).split('id="blocked"', 1)[1].split("</div>", 1)[0]
    assert "University of Aleppo has not confirmed taking part yet." in summary
    assert "Documents still to upload" not in summary

    # The university's owner confirms from "My applications".
    client.force_login(university.created_by)
    waiting = text(client.get(url("mine")))
    assert url("partner_answer", partner.pk) in waiting
    assert "مهارات رقمية لشباب الريف" in waiting  # the title as last saved
    confirmed = client.post(url("partner_answer", partner.pk), {"answer": "confirm"})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == url("application", application.pk)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.CONFIRMED
    # The partner reads the application, but cannot change it.
    page = client.get(url("application", application.pk))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' not in text(page)
    assert client.post(url("application", application.pk), answers_data(call)).status_code == 403
    assert client.get(file_url).status_code == 200

    # Back to the lead: submitted.
    client.force_login(org_owner)
    submitted = client.post(url("application", application.pk), answers_data(call, "submit"))
    assert submitted.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.call_version == call.version
    assert all(result["passed"] for result in application.eligibility_results)
    page = text(client.get(url("application", application.pk, lang="en")))
    assert "Submitted" in page
    assert 'enctype="multipart/form-data"' not in page
    assert "The consortium includes: University." in page
    assert "Aleppo" in page  # the choice, by its label

    # Withdrawing needs the box ticked.
    refused = client.post(url("application", application.pk), {"action": "withdraw"})
    assert refused.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    withdrawn = client.post(
        url("application", application.pk),
        {"action": "withdraw", "confirm": "on", "reason": "تغيّرت أولويات الجمعية."},
    )
    assert withdrawn.status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", "وثائق لم تُرفع بعد"),
        ("en", "Documents still to upload: Statutes (bylaws)."),
    ],
)
def test_a_blocked_submission_gives_its_reasons_in_the_page_language(
    client, org_owner, call, lead, lang, expected
):
    application = start(org_owner, call, lead)
    client.force_login(org_owner)
    response = client.post(
        url("application", application.pk, lang=lang),
        answers_data(call, "submit", file=pdf()),
    )
    assert response.status_code == 200
    summary = text(response).split('id="blocked"', 1)[1].split("</div>", 1)[0]
    assert escape(expected) in summary
    reasons = re.findall(r"<li>(.*?)</li>", summary)
    assert len(reasons) == 2  # the statutes and the university; every question is answered
    if lang == "ar":
        # Each reason names its subject in Arabic (the wording of the consortium rule
        # waits for its translation).
        assert all(ARABIC.search(reason) for reason in reasons)
        assert "Documents" not in summary
    else:
        assert not any(ARABIC.search(reason) for reason in reasons)
    application.refresh_from_db()
    assert application.status == "draft"


def test_an_unanswered_required_question_blocks_the_submission(client, org_owner, program_manager):
    call = make_call(program_manager)
    lead = member_org(org_owner)
    application = start(org_owner, call, lead)
    client.force_login(org_owner)
    response = client.post(
        url("application", application.pk, lang="en"), answers_data(call, "submit", number="")
    )
    summary = text(response).split('id="blocked"', 1)[1].split("</div>", 1)[0]
    assert "Answer the question: Number of beneficiaries" in summary
    assert "Answer the question: Work plan" in summary
    assert "Project description" not in summary  # optional


def test_requested_amount_above_the_maximum_is_refused_and_kept(client, org_owner, call, lead):
    application = start(org_owner, call, lead)
    client.force_login(org_owner)
    response = client.post(
        url("application", application.pk, lang="en"),
        answers_data(call, requested_amount="9000000"),
    )
    assert response.status_code == 200
    page = text(response)
    assert 'value="9000000"' in widget(page, "requested_amount")
    assert "At most 5000000 SYP can be awarded." in field_error(page, "requested_amount")
    application.refresh_from_db()
    assert application.requested_amount is None
    assert Answer.objects.filter(application=application).count() == 4


# --- the clock -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("offset", "accepted"), [(-1, True), (1, False)])
def test_submission_is_judged_by_the_clock_to_the_second(
    client, org_owner, program_manager, offset, accepted
):
    # Soon enough for the session to stay valid (it lasts 12 hours).
    closes_at = (timezone.now() + timedelta(minutes=5)).replace(microsecond=0)
    call = make_call(program_manager, closes_at=closes_at)
    lead = member_org(org_owner)
    application = complete(org_owner, start(org_owner, call, lead))
    client.force_login(org_owner)
    with time_machine.travel(closes_at + timedelta(seconds=offset), tick=False):
        response = client.post(
            url("application", application.pk, lang="en"), answers_data(call, "submit")
        )
    application.refresh_from_db()
    if accepted:
        assert response.status_code == 302
        assert application.status == "submitted"
    else:
        assert response.status_code == 200
        assert "The call is closed: applications are no longer accepted." in text(response)
        assert application.status == "draft"


def test_after_the_close_the_draft_says_it_can_no_longer_be_submitted(
    client, org_owner, program_manager
):
    closes_at = timezone.now() + timedelta(minutes=5)
    call = make_call(program_manager, closes_at=closes_at)
    application = start(org_owner, call, member_org(org_owner))
    client.force_login(org_owner)
    with time_machine.travel(closes_at + timedelta(minutes=1), tick=False):
        page = text(client.get(url("application", application.pk, lang="en")))
    assert 'value="submit"' not in page
    assert "The call is closed: applications are no longer accepted." in page


# --- applying ------------------------------------------------------------------------------------


def test_applying_twice_is_refused_with_a_link_to_the_application(client, org_owner, call, lead):
    application = start(org_owner, call, lead)
    client.force_login(org_owner)
    page = text(client.get(url("apply", call.pk, lang="en")))
    assert url("application", application.pk, lang="en") in page
    response = client.post(url("apply", call.pk, lang="en"), {"lead": lead.pk, "title": "Again"})
    assert response.status_code == 200
    assert "The organization already has an application to this call." in text(response)
    assert Application.objects.filter(call=call, lead=lead).count() == 1


def test_applying_to_a_call_not_accepting_submissions_is_refused(
    client, org_owner, program_manager
):
    soon = timezone.now() + timedelta(days=5)
    call = make_call(program_manager, opens_at=soon, closes_at=soon + timedelta(days=10))
    lead = member_org(org_owner)
    client.force_login(org_owner)
    page = client.get(url("apply", call.pk, lang="en"))
    assert page.status_code == 200
    assert "This call is not accepting applications" in text(page)
    assert 'name="title"' not in text(page)
    response = client.post(url("apply", call.pk, lang="en"), {"lead": lead.pk, "title": "Early"})
    assert response.status_code == 200
    assert "This call is not accepting applications" in text(response)
    assert not Application.objects.exists()


def test_only_owners_and_editors_may_choose_an_organization_to_apply_as(
    client, citizen, call, lead
):
    add_member(lead, citizen, MemberRole.VIEWER)
    client.force_login(citizen)
    page = text(client.get(url("apply", call.pk, lang="en")))
    assert "You are not an owner or editor of any organization." in page
    response = client.post(url("apply", call.pk), {"lead": lead.pk, "title": "X"})
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_calls_are_listed_eligible_first_with_every_reason(
    client, org_owner, program_manager, lead
):
    closed_to_it = make_call(
        program_manager,
        rules=[{"type": "kind_in", "values": [OrganizationKind.UNIVERSITY]}],
        title_en="Universities only",
    )
    open_to_it = make_call(program_manager, title_en="Members only")
    client.force_login(org_owner)
    page = text(client.get(url("calls_for", lead.pk, lang="en")))
    assert page.index("Members only") < page.index("Universities only")
    assert "A member of the national framework (Member)." in page
    assert "check-fail" in page and "check-pass" in page
    assert f"{reverse('programs:apply', args=[open_to_it.pk])}" in page
    assert closed_to_it.closes_at  # both are listed with their closing date
    assert "(" in page.split("Closes:", 1)[1][:120]  # the time zone is named


# --- who may see and change what -----------------------------------------------------------------


def test_people_of_other_organizations_get_404_everywhere(
    client, org_owner, call, lead, university
):
    application = complete(org_owner, start(org_owner, call, lead))
    question = questions_of(call)["file"]
    partner = application_services.partner_invite(
        actor=org_owner, application=application, partner=university
    )
    stranger = UserFactory()
    member_org(stranger)
    client.force_login(stranger)
    assert client.get(url("application", application.pk)).status_code == 404
    assert client.post(url("application", application.pk), answers_data(call)).status_code == 404
    assert client.get(url("answer_file", application.pk, question.pk)).status_code == 404
    assert (
        client.post(url("partners", application.pk), {"action": "remove", "partner": partner.pk})
    ).status_code == 404
    assert client.post(url("partner_answer", partner.pk), {"answer": "confirm"}).status_code == 404
    assert client.get(url("calls_for", lead.pk)).status_code == 404
    assert client.get(url("application", 999999)).status_code == 404
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.INVITED
    assert ApplicationPartner.objects.filter(pk=partner.pk).exists()


def test_a_viewer_reads_but_cannot_change(client, citizen, org_owner, call, lead, university):
    application = start(org_owner, call, lead)
    add_member(lead, citizen, MemberRole.VIEWER)
    client.force_login(citizen)
    page = client.get(url("application", application.pk))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' not in text(page)
    assert 'value="withdraw"' not in text(page)
    response = client.post(url("application", application.pk), answers_data(call, title="تغيير"))
    assert response.status_code == 403
    assert (
        client.post(
            url("application", application.pk), {"action": "withdraw", "confirm": "on"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            url("partners", application.pk), {"action": "invite", "organization": university.pk}
        ).status_code
        == 403
    )
    application.refresh_from_db()
    assert application.title == "مهارات رقمية لشباب الريف"
    assert application.status == "draft"
    assert not Answer.objects.filter(application=application).exists()
    assert not ApplicationPartner.objects.exists()
    # Nor answer an invitation for its organization.
    other = start(university.created_by, call, university)
    invitation = application_services.partner_invite(
        actor=university.created_by, application=other, partner=lead
    )
    assert (
        client.post(url("partner_answer", invitation.pk), {"answer": "confirm"}).status_code == 403
    )
    invitation.refresh_from_db()
    assert invitation.status == PartnerStatus.INVITED


def test_a_partner_declines_and_no_longer_sees_the_application(
    client, org_owner, call, lead, university
):
    application = start(org_owner, call, lead)
    partner = application_services.partner_invite(
        actor=org_owner, application=application, partner=university
    )
    client.force_login(university.created_by)
    # Invited: it reads the application, and may answer from its page as well.
    page = text(client.get(url("application", application.pk)))
    assert url("partner_answer", partner.pk) in page
    declined = client.post(url("partner_answer", partner.pk), {"answer": "decline"})
    assert declined.status_code == 302
    assert declined["Location"] == url("mine")
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.DECLINED
    assert client.get(url("application", application.pk)).status_code == 404
    # The lead sees it declined, and may remove it.
    client.force_login(org_owner)
    page = text(client.get(url("application", application.pk, lang="en")))
    assert "Partner: Declined" in page
    removed = client.post(
        url("partners", application.pk), {"action": "remove", "partner": partner.pk}
    )
    assert removed.status_code == 302
    assert not ApplicationPartner.objects.exists()


def test_a_file_answer_downloads_as_a_guarded_attachment(client, org_owner, call, lead):
    application = complete(org_owner, start(org_owner, call, lead))
    question = questions_of(call)["file"]
    client.force_login(org_owner)
    response = client.get(url("answer_file", application.pk, question.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    # A question without a file answer is simply not found.
    other = questions_of(call)["text"]
    assert client.get(url("answer_file", application.pk, other.pk)).status_code == 404


def test_a_program_manager_downloads_file_answers(client, org_owner, program_manager, call, lead):
    application = complete(org_owner, start(org_owner, call, lead))
    client.force_login(program_manager)
    response = client.get(url("answer_file", application.pk, questions_of(call)["file"].pk))
    assert response.status_code == 200


def test_the_application_cannot_be_changed_once_submitted(client, org_owner, program_manager):
    call = make_call(program_manager)
    lead = member_org(org_owner)
    application = complete(org_owner, start(org_owner, call, lead))
    application_services.application_submit(actor=org_owner, application=application)
    client.force_login(org_owner)
    response = client.post(url("application", application.pk), answers_data(call, title="آخر"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.title == "مهارات رقمية لشباب الريف"
    assert application.status == "submitted"


def test_more_information_is_sent_back_from_the_application_page(
    client, org_owner, program_manager
):
    call = make_call(program_manager)
    lead = member_org(org_owner)
    application = complete(org_owner, start(org_owner, call, lead))
    application_services.application_submit(actor=org_owner, application=application)
    for action, reason in (("start_screening", ""), ("request_info", "أرفقوا خطة عمل مفصّلة.")):
        application_services.application_decide(
            actor=program_manager, application=application, action=action, reason=reason
        )
    client.force_login(org_owner)
    page = text(client.get(url("application", application.pk)))
    assert "أرفقوا خطة عمل مفصّلة." in page
    assert 'value="provide_info"' in page
    response = client.post(
        url("application", application.pk),
        answers_data(call, "provide_info", file=pdf("خطة مفصلة.pdf")),
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "screening"
    answer = Answer.objects.get(application=application, question=questions_of(call)["file"])
    assert answer.file_name == "خطة مفصلة.pdf"


# --- my applications -----------------------------------------------------------------------------


def test_my_applications_groups_by_organization_with_public_labels(
    client, org_owner, call, lead, university
):
    application = start(org_owner, call, lead)
    application_services.partner_invite(
        actor=org_owner, application=application, partner=university
    )
    add_member(university, org_owner, MemberRole.EDITOR)
    client.force_login(org_owner)
    page = text(client.get(url("mine", lang="en")))
    assert "Hope Tech Association" in page and "University of Aleppo" in page
    assert "Lead organization" in page
    assert "Partner (Waiting for confirmation)" in page
    assert "Being prepared" in page  # the public label of a draft
    # As an editor of the university, the person is asked to answer the invitation.
    assert "Invitations to join a consortium" in page


def _mine_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("mine"))
    assert response.status_code == 200
    return len(queries)


def test_my_applications_queries_do_not_grow_with_the_applications(
    client, org_owner, program_manager
):
    def add(count: int) -> None:
        for number in range(count):
            call = make_call(program_manager, title_en=f"Call {number}")
            lead = member_org(org_owner)
            application = start(org_owner, call, lead)
            partner = member_org(UserFactory())
            add_member(partner, org_owner, MemberRole.EDITOR)
            application_services.partner_invite(
                actor=org_owner, application=application, partner=partner
            )
            stranger = member_org()  # an application that is not the person's
            start(stranger.created_by, call, stranger)

    add(1)
    client.force_login(org_owner)
    few = _mine_queries(client)
    add(4)
    many = _mine_queries(client)
    assert many == few, (few, many)


def _calls_for_queries(client: Any, organization: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("calls_for", organization.pk))
    assert response.status_code == 200
    return len(queries)


def test_calls_you_can_apply_to_queries_do_not_grow_with_the_calls(
    client, org_owner, program_manager, lead
):
    make_call(program_manager, rules=CONSORTIUM_RULES, title_en="Call 0")
    start(org_owner, make_call(program_manager, title_en="Call 1"), lead)
    client.force_login(org_owner)
    few = _calls_for_queries(client, lead)
    for number in range(2, 7):
        call = make_call(program_manager, rules=CONSORTIUM_RULES, title_en=f"Call {number}")
        if number % 2:
            start(org_owner, call, lead, title=f"مشروع {number}")
    many = _calls_for_queries(client, lead)
    assert many == few, (few, many)


def test_the_decision_and_the_award_are_shown_to_the_consortium(client, org_owner, program_manager):
    call = make_call(program_manager)
    lead = member_org(org_owner)
    application = complete(org_owner, start(org_owner, call, lead))
    application_services.application_submit(actor=org_owner, application=application)
    for action in ("start_screening", "pass_screening", "shortlist"):
        application_services.application_decide(
            actor=program_manager, application=application, action=action
        )
    application_services.application_decide(
        actor=program_manager,
        application=application,
        action="award",
        reason="Strong reach in rural areas.",
        amount=Decimal(1_200_000),
        terms_en="Report every three months.",
        terms_ar="تقرير كل ثلاثة أشهر.",
    )
    client.force_login(org_owner)
    page = text(client.get(url("application", application.pk, lang="en")))
    assert "Awarded" in page
    assert "Strong reach in rural areas." in page
    assert "1,200,000 SYP" in page
    assert "Report every three months." in page
    assert "A member of the national framework (Member)." in page  # as judged when submitted
    assert 'value="withdraw"' not in page
