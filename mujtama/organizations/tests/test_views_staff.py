"""Ministry staff pages: the work queue, the decision pages for applications and
licensing files, the registry, criteria, settings and the lists staff keep."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.rules import evaluate
from mujtama.core.templatetags.audit import event_label
from mujtama.notifications.models import Notification
from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningApplication,
    JoiningCriteria,
    JoiningSettings,
    LegalStatus,
    LicensingFile,
    LicensingStep,
    MemberRole,
    Membership,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.rules import organization_snapshot
from mujtama.organizations.services import joining
from mujtama.organizations.tests.factories import (
    STANDARD_MANUAL,
    OrganizationFactory,
    add_member,
    criteria_in_force,
    make_member,
    ready_to_apply,
)

pytestmark = pytest.mark.django_db

REASON = "تبيّن أن الجهة تعمل فعلاً في تدريب الشباب على البرمجة."


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


# --- helpers -------------------------------------------------------------------------------------


def surl(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(f"organizations_staff:{name}", args=args)


def murl(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(f"organizations:{name}", args=args)


def text(response: Any) -> str:
    return response.content.decode()


def flashed(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def tr(message: str, lang: str = "ar", **params: Any) -> str:
    with translation.override(lang):
        translated = gettext(message)
    return translated % params if params else translated


def rows(html: str) -> list[str]:
    """The rows of the page's table body."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.split("<tr>")[1:]


def row_of(html: str, name: str) -> str:
    matching = [row for row in rows(html) if name in row]
    assert len(matching) == 1, (name, matching)
    return matching[0]


@pytest.fixture
def criteria(platform_admin):
    return criteria_in_force(platform_admin)


def waiting_application(
    organization: Organization,
    criteria: JoiningCriteria,
    *,
    status: str = "submitted",
    assigned_to: Any = None,
    days_ago: int = 1,
) -> JoiningApplication:
    """An application as submission leaves it (checks run, criteria recorded)."""
    results = evaluate(criteria.automatic_checks, organization_snapshot(organization))
    return JoiningApplication.objects.create(
        organization=organization,
        created_by=organization.created_by,
        status=status,
        criteria=criteria,
        check_results=[result.as_dict() for result in results],
        submitted_at=timezone.now() - timedelta(days=days_ago),
        assigned_to=assigned_to,
    )


def youth_org(**fields: Any) -> Organization:
    values = {
        "kind": OrganizationKind.YOUTH_INITIATIVE,
        "legal_status": LegalStatus.LICENSE_IN_PROGRESS,
        "registration_number": "",
    }
    values.update(fields)
    return OrganizationFactory(**values)


def submitted_file(organization: Organization, **fields: Any) -> LicensingFile:
    values = {"status": "submitted_to_ministry", "submitted_at": timezone.now() - timedelta(days=2)}
    values.update(fields)
    return LicensingFile.objects.create(organization=organization, **values)


# --- the work queue ------------------------------------------------------------------------------


@pytest.fixture
def queue_items(criteria, moct_officer, reviewer):
    """One of each: what the queue shows and what it does not."""
    ngo = OrganizationFactory(name_ar="جمعية دمشق للبرمجيات", name_en="Damascus Software")
    university = OrganizationFactory(
        name_ar="جامعة حمص الافتراضية",
        name_en="Homs Virtual University",
        kind=OrganizationKind.UNIVERSITY,
        places=["SY04"],
    )
    drafting = OrganizationFactory(name_ar="جمعية المسودة", name_en="Draft Association")
    decided = OrganizationFactory(name_ar="جمعية مقبولة سابقاً", name_en="Approved Before")
    youth = youth_org(name_ar="مبادرة شباب طرطوس", name_en="Tartus Youth")
    reviewed = OrganizationFactory(name_ar="جمعية المراجع", name_en="Reviewer's Association")
    return {
        "submitted": waiting_application(ngo, criteria, days_ago=3),
        "under_review": waiting_application(
            university, criteria, status="under_review", assigned_to=moct_officer, days_ago=2
        ),
        "draft": JoiningApplication.objects.create(
            organization=drafting, created_by=drafting.created_by
        ),
        "approved": waiting_application(decided, criteria, status="approved"),
        "licensing": submitted_file(youth),
        "for_reviewer": waiting_application(reviewed, criteria, assigned_to=reviewer, days_ago=1),
    }


def test_a_moct_officer_sees_waiting_applications_but_not_licensing_files(
    client, moct_officer, queue_items
):
    client.force_login(moct_officer)
    response = client.get(surl("queue"))
    assert response.status_code == 200
    html = text(response)
    assert "جمعية دمشق للبرمجيات" in html
    assert "جامعة حمص الافتراضية" in html
    assert "جمعية المراجع" in html  # every officer sees every waiting application
    assert "جمعية المسودة" not in html
    assert "جمعية مقبولة سابقاً" not in html
    assert "مبادرة شباب طرطوس" not in html
    assert surl("application", queue_items["submitted"].pk) in html
    assert len(rows(html)) == 3


def test_a_mosal_officer_also_sees_submitted_licensing_files(client, mosal_officer, queue_items):
    client.force_login(mosal_officer)
    html = text(client.get(surl("queue")))
    assert "مبادرة شباب طرطوس" in html
    assert surl("licensing", queue_items["licensing"].pk) in html
    assert "جمعية دمشق للبرمجيات" in html
    assert len(rows(html)) == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"kind": "application"},
            {"جمعية دمشق للبرمجيات", "جامعة حمص الافتراضية", "جمعية المراجع"},
        ),
        ({"kind": "licensing"}, {"مبادرة شباب طرطوس"}),
        ({"status": "under_review"}, {"جامعة حمص الافتراضية"}),
        ({"status": "submitted"}, {"جمعية دمشق للبرمجيات", "جمعية المراجع"}),
        ({"status": "submitted_to_ministry"}, {"مبادرة شباب طرطوس"}),
        ({"governorate": "SY04"}, {"جامعة حمص الافتراضية"}),
        ({"organization_kind": "university"}, {"جامعة حمص الافتراضية"}),
        ({"organization_kind": "youth_initiative"}, {"مبادرة شباب طرطوس"}),
        ({"kind": "application", "status": "submitted_to_ministry"}, set()),
    ],
)
def test_queue_filters(client, mosal_officer, queue_items, query, expected):
    client.force_login(mosal_officer)
    html = text(client.get(surl("queue"), query))
    everyone = {
        "جمعية دمشق للبرمجيات",
        "جامعة حمص الافتراضية",
        "جمعية المراجع",
        "مبادرة شباب طرطوس",
    }
    shown = {name for name in everyone if name in html}
    assert shown == expected, query


def test_the_mine_filter_shows_what_is_assigned_to_me(client, moct_officer, queue_items):
    client.force_login(moct_officer)
    html = text(client.get(surl("queue"), {"mine": "on"}))
    assert "جامعة حمص الافتراضية" in html
    assert "جمعية دمشق للبرمجيات" not in html
    assert "جمعية المراجع" not in html


def test_an_application_waiting_too_long_is_overdue(client, moct_officer, queue_items):
    days = JoiningSettings.current().review_service_days
    JoiningApplication.objects.filter(pk=queue_items["submitted"].pk).update(
        submitted_at=timezone.now() - timedelta(days=days + 1)
    )
    client.force_login(moct_officer)
    html = text(client.get(surl("queue", lang="en")))
    assert 'class="overdue"' in row_of(html, "Damascus Software")
    assert 'class="overdue"' not in row_of(html, "Homs Virtual University")
    assert "1 overdue" in html
    # Oldest first.
    assert "Damascus Software" in rows(html)[0]
    # Just inside the service level it is not overdue.
    JoiningApplication.objects.filter(pk=queue_items["submitted"].pk).update(
        submitted_at=timezone.now() - timedelta(days=days - 1)
    )
    html = text(client.get(surl("queue", lang="en")))
    assert 'class="overdue"' not in row_of(html, "Damascus Software")


def test_a_reviewer_sees_only_what_is_assigned_to_them(client, reviewer, queue_items):
    client.force_login(reviewer)
    response = client.get(surl("queue"))
    assert response.status_code == 200
    html = text(response)
    assert "جمعية المراجع" in html
    assert "جمعية دمشق للبرمجيات" not in html
    assert "جامعة حمص الافتراضية" not in html
    assert "مبادرة شباب طرطوس" not in html
    assert len(rows(html)) == 1


@pytest.mark.parametrize("name", ["analyst", "program_manager", "citizen", "org_owner"])
def test_people_without_a_queue_role_get_403(client, persona, name):
    client.force_login(persona(name))
    assert client.get(surl("queue")).status_code == 403
    assert client.get(surl("registry")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(surl("queue"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_staff_without_a_second_factor_are_sent_to_set_it_up(client, staff_without_second_factor):
    client.force_login(staff_without_second_factor)
    response = client.get(surl("queue"))
    assert response.status_code == 302
    with translation.override("ar"):
        assert response["Location"] == reverse("mfa_activate_totp")


def _queue_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(surl("queue"))
    assert response.status_code == 200
    return len(queries)


def test_the_queue_queries_do_not_grow_with_the_items(
    client, mosal_officer, moct_officer, criteria
):
    def add(count: int) -> None:
        for number in range(count):
            if number % 2:
                youth = youth_org()
                submitted_file(youth, assigned_to=mosal_officer if number % 3 else None)
            else:
                organization = OrganizationFactory()
                waiting_application(
                    organization,
                    criteria,
                    status="submitted" if number % 4 else "under_review",
                    assigned_to=moct_officer if number % 3 else None,
                    days_ago=number % 15,
                )

    add(5)
    client.force_login(mosal_officer)
    few = _queue_queries(client)
    add(20)
    many = _queue_queries(client)
    assert len(rows(text(client.get(surl("queue"))))) == 25
    assert many == few, (few, many)


# --- the decision page ---------------------------------------------------------------------------


@pytest.fixture
def applicant(org_owner):
    organization = OrganizationFactory(
        created_by=org_owner, name_ar="جمعية الشام الرقمية", name_en="Sham Digital"
    )
    add_member(organization, UserFactory(full_name="سلمى العلي"), MemberRole.EDITOR)
    return ready_to_apply(organization)


@pytest.fixture
def submitted(applicant, org_owner, criteria):
    """Submitted through the services, as the organization's page does."""
    application = joining.application_start(actor=org_owner, organization=applicant)
    return joining.application_submit(actor=org_owner, application=application)


def test_the_decision_page_shows_everything_the_officer_needs(client, moct_officer, submitted):
    organization = submitted.organization
    client.force_login(moct_officer)
    response = client.get(surl("application", submitted.pk, lang="en"))
    assert response.status_code == 200
    html = text(response)
    # Profile.
    assert "Sham Digital" in html
    assert "Technology association or NGO" in html
    assert "info" in html and "@org.example.sy" in html
    # Automatic check results, as recorded at submission.
    for result in submitted.check_results:
        assert escape(result["message_en"]) in html
    assert "25 members (at least 5 needed)." in html
    # Manual checks of the criteria.
    for check in STANDARD_MANUAL:
        assert check["label_en"] in html
    # Documents, each with its download link.
    for document in organization.documents.all():
        assert murl("document_download", organization.pk, document.pk, lang="en") in html
    # Timeline: what happened, by whom.
    timeline = html.split('class="timeline"', 1)[1].split("</ol>", 1)[0]
    assert timeline.count("<li>") == 2
    for verb in ("organizations.application_started", "organizations.application.submit"):
        assert escape(event_label(verb)) in timeline, verb
    assert submitted.created_by.full_name in timeline
    # Decision controls.
    assert surl("application_act", submitted.pk, lang="en") in html
    assert 'value="start_review"' in html
    assert surl("application_assign", submitted.pk, lang="en") in html


def test_manual_checks_are_shown_in_arabic_on_the_arabic_page(client, moct_officer, submitted):
    client.force_login(moct_officer)
    html = text(client.get(surl("application", submitted.pk)))
    assert 'dir="rtl"' in html
    for check in STANDARD_MANUAL:
        assert check["label_ar"] in html
        assert check["label_en"] not in html


def test_an_assigned_reviewer_reads_but_cannot_decide(client, reviewer, submitted):
    JoiningApplication.objects.filter(pk=submitted.pk).update(assigned_to=reviewer)
    client.force_login(reviewer)
    response = client.get(surl("application", submitted.pk))
    assert response.status_code == 200
    html = text(response)
    assert surl("application_act", submitted.pk) not in html
    assert surl("application_assign", submitted.pk) not in html
    assert 'value="approve"' not in html and 'value="start_review"' not in html
    document = submitted.organization.documents.first()
    assert murl("document_download", submitted.organization.pk, document.pk) in html
    # The reviewer may download the documents of the application assigned to them.
    download = client.get(murl("document_download", submitted.organization.pk, document.pk))
    assert download.status_code == 200
    before = AuditEvent.objects.count()
    for address, data in [
        (surl("application_act", submitted.pk), {"action": "start_review", "reason": ""}),
        (surl("application_act", submitted.pk), {"action": "approve", "reason": REASON}),
        (surl("application_checks", submitted.pk), {"checks": ["board_verified"]}),
        (surl("application_assign", submitted.pk), {"officer": reviewer.pk}),
    ]:
        assert client.post(address, data).status_code == 403, address
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert AuditEvent.objects.count() == before


def test_an_unassigned_reviewer_gets_404(client, reviewer, submitted):
    client.force_login(reviewer)
    assert client.get(surl("application", submitted.pk)).status_code == 404
    document = submitted.organization.documents.first()
    assert (
        client.get(murl("document_download", submitted.organization.pk, document.pk)).status_code
        == 404
    )


def test_the_full_decision_path_through_the_pages(client, moct_officer, submitted, org_owner):
    client.force_login(moct_officer)
    act = surl("application_act", submitted.pk)

    started = client.post(act, {"action": "start_review", "reason": ""})
    assert started.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "under_review"
    assert submitted.assigned_to == moct_officer

    # Approving before every manual check is ticked is refused.
    early = client.post(act, {"action": "approve", "reason": REASON})
    assert tr("Tick every manual check before approving.") in flashed(early)
    submitted.refresh_from_db()
    assert submitted.status == "under_review"

    # Rejecting or asking for changes needs a reason.
    for action in ("reject", "request_changes"):
        refused = client.post(act, {"action": action, "reason": "   "})
        assert tr("Please give a reason.") in flashed(refused), action
        submitted.refresh_from_db()
        assert submitted.status == "under_review"

    # Ticking one check is not enough.
    client.post(surl("application_checks", submitted.pk), {"checks": ["board_verified"]})
    submitted.refresh_from_db()
    assert submitted.manual_checks == {"board_verified": True, "activity_real": False}
    client.post(act, {"action": "approve", "reason": REASON})
    submitted.refresh_from_db()
    assert submitted.status == "under_review"

    ticked = client.post(
        surl("application_checks", submitted.pk), {"checks": ["board_verified", "activity_real"]}
    )
    assert ticked.status_code == 302
    page = text(client.get(surl("application", submitted.pk)))
    assert 'value="board_verified" checked' in page

    approved = client.post(act, {"action": "approve", "reason": REASON})
    assert approved.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "approved"
    assert submitted.decision_reason == REASON
    membership = Membership.objects.get(organization=submitted.organization)
    assert membership.status == "active"
    assert membership.application_id == submitted.pk
    # Every person of the organization is told, with the reason.
    people = list(submitted.organization.memberships_of_people.values_list("user_id", flat=True))
    assert len(people) == 2
    for user_id in people:
        told = Notification.objects.filter(
            recipient_id=user_id, kind="organizations_application", channel="inbox"
        ).filter(body__contains=REASON)
        assert told.exists(), user_id
    # The organization is now in the public directory.
    assert "جمعية الشام الرقمية" in text(client.get("/ar/organizations/"))


def test_asking_for_changes_sends_the_application_back(client, mosal_officer, submitted):
    client.force_login(mosal_officer)
    act = surl("application_act", submitted.pk)
    client.post(act, {"action": "start_review"})
    response = client.post(act, {"action": "request_changes", "reason": "أرفقوا محضر الاجتماع."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "changes_requested"
    assert submitted.decision_reason == "أرفقوا محضر الاجتماع."
    assert not Membership.objects.filter(organization=submitted.organization).exists()


def test_assignment_is_to_officers_or_reviewers_only(
    client, moct_officer, analyst, reviewer, submitted
):
    client.force_login(moct_officer)
    assign = surl("application_assign", submitted.pk)
    refused = client.post(assign, {"officer": analyst.pk})
    assert refused.status_code == 302
    assert tr("Choose an officer from the list.") in flashed(refused)
    submitted.refresh_from_db()
    assert submitted.assigned_to is None
    # The analyst is not offered in the list either.
    page = text(client.get(surl("application", submitted.pk)))
    assert f'value="{analyst.pk}"' not in page
    assert f'value="{reviewer.pk}"' in page
    # A reviewer can be given it, and is told.
    given = client.post(assign, {"officer": reviewer.pk})
    assert tr("The application was assigned.") in flashed(given)
    submitted.refresh_from_db()
    assert submitted.assigned_to == reviewer
    assert Notification.objects.filter(recipient=reviewer, channel="inbox").exists()


# --- licensing files -----------------------------------------------------------------------------


@pytest.fixture
def licensing_file(org_owner):
    organization = youth_org(created_by=org_owner, name_ar="مبادرة شباب حماة", name_en="Hama Youth")
    make_member(organization, status="provisional")
    return submitted_file(organization)


def test_a_moct_officer_cannot_decide_a_licensing_file(client, moct_officer, licensing_file):
    client.force_login(moct_officer)
    grant = {
        "action": "grant",
        "license_number": "HAMA-2026-1",
        "license_date": timezone.localdate().isoformat(),
        "reason": "",
    }
    assert client.post(surl("licensing_act", licensing_file.pk), grant).status_code == 403
    assert client.get(surl("licensing", licensing_file.pk)).status_code == 403
    licensing_file.refresh_from_db()
    assert licensing_file.status == "submitted_to_ministry"
    assert licensing_file.organization.legal_status == LegalStatus.LICENSE_IN_PROGRESS


def test_a_mosal_officer_grants_the_license(client, mosal_officer, licensing_file):
    client.force_login(mosal_officer)
    page = client.get(surl("licensing", licensing_file.pk))
    assert page.status_code == 200
    assert surl("licensing_act", licensing_file.pk) in text(page)
    today = timezone.localdate()
    response = client.post(
        surl("licensing_act", licensing_file.pk),
        {"action": "grant", "license_number": "HAMA-2026-1", "license_date": today.isoformat()},
    )
    assert response.status_code == 302
    licensing_file.refresh_from_db()
    assert licensing_file.status == "licensed"
    assert licensing_file.license_number == "HAMA-2026-1"
    assert licensing_file.license_date == today
    organization = Organization.objects.get(pk=licensing_file.organization_id)
    assert organization.legal_status == LegalStatus.LICENSED
    assert organization.registration_number == "HAMA-2026-1"
    # The provisional membership became a full one.
    assert Membership.objects.get(organization=organization).status == "active"


@pytest.mark.parametrize(
    ("number", "date_offset", "message"),
    [
        ("HAMA-2026-1", 3, "The license date cannot be in the future."),
        ("REG-TAKEN-7", 0, "Another organization is registered with this number."),
        ("", 0, "Write the license number."),
    ],
)
def test_a_bad_license_is_refused_with_its_reason(
    client, mosal_officer, licensing_file, number, date_offset, message
):
    OrganizationFactory(registration_number="reg taken 7")  # the same number, written otherwise
    client.force_login(mosal_officer)
    response = client.post(
        surl("licensing_act", licensing_file.pk),
        {
            "action": "grant",
            "license_number": number,
            "license_date": (timezone.localdate() + timedelta(days=date_offset)).isoformat(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert escape(tr(message)) in text(response)
    licensing_file.refresh_from_db()
    assert licensing_file.status == "submitted_to_ministry"
    assert Organization.objects.get(pk=licensing_file.organization_id).legal_status == (
        LegalStatus.LICENSE_IN_PROGRESS
    )


def test_a_licensing_file_is_assigned_only_to_mosal_officers(
    client, mosal_officer, analyst, licensing_file
):
    client.force_login(mosal_officer)
    refused = client.post(surl("licensing_assign", licensing_file.pk), {"officer": analyst.pk})
    assert tr("Choose an officer from the list.") in flashed(refused)
    licensing_file.refresh_from_db()
    assert licensing_file.assigned_to is None
    client.post(surl("licensing_assign", licensing_file.pk), {"officer": mosal_officer.pk})
    licensing_file.refresh_from_db()
    assert licensing_file.assigned_to == mosal_officer


# --- registry and the organization page ----------------------------------------------------------


@pytest.fixture
def amal():
    organization = OrganizationFactory(name_ar="جمعية الأمل التقنية", name_en="Amal Tech")
    make_member(organization)
    return organization


def test_registry_search_finds_arabic_spelling_variants(client, moct_officer, amal):
    OrganizationFactory(name_ar="جمعية النور", name_en="Nour Association")
    client.force_login(moct_officer)
    for query in ["جمعيه الامل", "الأمَل التقنيّة", "امل"]:
        html = text(client.get(surl("registry"), {"q": query}))
        assert "جمعية الأمل التقنية" in html, query
        assert "جمعية النور" not in html, query
    everything = text(client.get(surl("registry")))
    assert "جمعية النور" in everything and "جمعية الأمل التقنية" in everything
    by_kind = text(client.get(surl("registry"), {"kind": "university"}))
    assert "جمعية الأمل التقنية" not in by_kind


def test_suspending_and_reinstating_a_membership(
    client, moct_officer, amal, django_capture_on_commit_callbacks
):
    directory = "/ar/organizations/"
    assert "جمعية الأمل التقنية" in text(client.get(directory))
    client.force_login(moct_officer)
    page = client.get(surl("organization", amal.pk))
    assert page.status_code == 200
    assert 'value="suspend"' in text(page)
    act = surl("membership_act", amal.pk)

    without_reason = client.post(act, {"action": "suspend", "reason": ""})
    assert tr("Please give a reason.") in flashed(without_reason)
    assert Membership.objects.get(organization=amal).status == "active"

    # The public directory is refreshed when the decision commits.
    with django_capture_on_commit_callbacks(execute=True):
        suspended = client.post(act, {"action": "suspend", "reason": "مخالفة لشروط الإطار."})
    assert suspended.status_code == 302
    assert Membership.objects.get(organization=amal).status == "suspended"
    client.logout()
    assert "جمعية الأمل التقنية" not in text(client.get(directory))
    assert client.get(f"/ar/organizations/{amal.pk}/").status_code == 404

    client.force_login(moct_officer)
    page = text(client.get(surl("organization", amal.pk)))
    assert 'value="reinstate"' in page and 'value="suspend"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(act, {"action": "reinstate", "reason": "زالت المخالفة."})
    assert Membership.objects.get(organization=amal).status == "active"
    client.logout()
    assert "جمعية الأمل التقنية" in text(client.get(directory))


def test_a_platform_admin_reads_the_registry_but_does_not_decide(client, platform_admin, amal):
    client.force_login(platform_admin)
    page = client.get(surl("organization", amal.pk))
    assert page.status_code == 200
    assert 'value="suspend"' not in text(page)
    response = client.post(surl("membership_act", amal.pk), {"action": "suspend", "reason": "x"})
    assert response.status_code == 403
    assert Membership.objects.get(organization=amal).status == "active"


# --- criteria, settings and lists ----------------------------------------------------------------


def criteria_data(**changes: Any) -> dict[str, Any]:
    data = {
        "title_ar": "معايير الانضمام ٢٠٢٦",
        "title_en": "Joining criteria 2026",
        "mechanisms_ar": "تقدّم الجهة طلبها عبر المنصة.",
        "mechanisms_en": "The organization applies on the platform.",
        "body_ar": "أن تعمل الجهة في مجال التقانة.",
        "body_en": "The organization works in technology.",
        "check_profile": "on",
        "check_documents": ["statutes", "board_list"],
        "check_min_members": "7",
        "check_min_governorates": "2",
        "manual_checks": (
            "التحقق من المقر | Premises verified\n\nالتحقق من النشاط | Activity verified\n"
        ),
    }
    data.update(changes)
    return data


def test_an_officer_writes_and_publishes_criteria(client, moct_officer):
    client.force_login(moct_officer)
    assert "معايير الانضمام ٢٠٢٦" not in text(client.get("/ar/join/"))
    response = client.post(surl("criteria_new"), criteria_data())
    criteria = JoiningCriteria.objects.get()
    assert response.status_code == 302
    assert response["Location"] == surl("criteria_edit", criteria.pk)
    assert criteria.status == "draft"
    assert criteria.title_ar == "معايير الانضمام ٢٠٢٦"
    assert criteria.automatic_checks == [
        {"type": "profile_complete"},
        {"type": "documents", "kinds": ["statutes", "board_list"]},
        {"type": "min_members", "value": 7},
        {"type": "min_governorates", "value": 2},
    ]
    assert criteria.manual_checks == [
        {"code": "m1", "label_ar": "التحقق من المقر", "label_en": "Premises verified"},
        {"code": "m2", "label_ar": "التحقق من النشاط", "label_en": "Activity verified"},
    ]
    # A draft is not public.
    assert "معايير الانضمام ٢٠٢٦" not in text(client.get("/ar/join/"))
    # The draft can still be changed.
    client.post(surl("criteria_edit", criteria.pk), criteria_data(check_min_members="9"))
    criteria.refresh_from_db()
    assert {"type": "min_members", "value": 9} in criteria.automatic_checks

    published = client.post(surl("criteria_publish", criteria.pk))
    assert published.status_code == 302
    criteria.refresh_from_db()
    assert criteria.status == "published"
    assert criteria.published_at is not None
    client.logout()
    join = text(client.get("/ar/join/"))
    assert "معايير الانضمام ٢٠٢٦" in join
    assert "التحقق من المقر" in join


def test_a_bad_manual_check_line_is_explained(client, moct_officer):
    client.force_login(moct_officer)
    response = client.post(
        surl("criteria_new", lang="en"),
        criteria_data(manual_checks="التحقق من المقر | Premises verified\nبدون ترجمة"),
    )
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert "Line 2: write the Arabic and the English wording separated by |." in html
    assert 'aria-invalid="true"' in html
    assert 'value="Joining criteria 2026"' in html  # what was typed is kept
    assert not JoiningCriteria.objects.exists()


def test_published_criteria_cannot_be_changed(client, moct_officer, criteria):
    client.force_login(moct_officer)
    before = (criteria.title_ar, criteria.automatic_checks, criteria.manual_checks)
    response = client.post(surl("criteria_edit", criteria.pk), criteria_data())
    assert response.status_code == 403
    criteria.refresh_from_db()
    assert (criteria.title_ar, criteria.automatic_checks, criteria.manual_checks) == before
    assert criteria.status == "published"
    page = client.get(surl("criteria_edit", criteria.pk))
    assert page.status_code == 200
    html = text(page)
    assert f'href="{surl("criteria_new")}"' in html
    assert "<fieldset disabled>" in html
    # Publishing it again changes nothing and says why.
    again = client.post(surl("criteria_publish", criteria.pk))
    assert again.status_code == 302
    assert flashed(again)
    assert JoiningCriteria.objects.get().status == "published"


def test_a_new_version_supersedes_the_one_in_force(client, moct_officer, criteria):
    client.force_login(moct_officer)
    # The new draft starts from the latest version's texts.
    assert criteria.title_ar in text(client.get(surl("criteria_new")))
    client.post(surl("criteria_new"), criteria_data())
    draft = JoiningCriteria.objects.get(status="draft")
    assert draft.version == criteria.version + 1
    client.post(surl("criteria_publish", draft.pk))
    criteria.refresh_from_db()
    draft.refresh_from_db()
    assert criteria.status == "superseded"
    assert draft.status == "published"


def test_joining_settings_validate_the_reminder_days(client, mosal_officer):
    before = JoiningSettings.current().reminder_days
    client.force_login(mosal_officer)
    data = {
        "membership_months": 12,
        "provisional_months": 9,
        "reminder_days": "30,x",
        "review_service_days": 10,
        "licensing_service_days": 30,
    }
    response = client.post(surl("settings", lang="en"), data)
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert 'href="#id_reminder_days"' in html
    assert "Write whole numbers of days separated by commas." in html
    assert JoiningSettings.current().reminder_days == before

    saved = client.post(
        surl("settings"), {**data, "reminder_days": "60,30,7", "review_service_days": 14}
    )
    assert saved.status_code == 302
    settings = JoiningSettings.current()
    assert settings.reminder_days == "60,30,7"
    assert settings.review_service_days == 14
    assert AuditEvent.objects.filter(verb="organizations.joining_settings_changed").exists()


def test_criteria_pages_are_for_the_two_ministries(client, reviewer, platform_admin, criteria):
    for user in (reviewer, platform_admin):
        client.force_login(user)
        assert client.get(surl("criteria_list")).status_code == 403
        assert client.post(surl("criteria_new"), criteria_data()).status_code == 403
        assert client.post(surl("settings"), {"reminder_days": "1"}).status_code == 403
    assert JoiningCriteria.objects.count() == 1


def step_data(**changes: Any) -> dict[str, Any]:
    data = {
        "code": "bank_account",
        "name_ar": "فتح حساب مصرفي",
        "name_en": "Open a bank account",
        "description_ar": "كتاب من المصرف.",
        "description_en": "A letter from the bank.",
        "evidence_required": "on",
        "order": 9,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_a_mosal_officer_keeps_the_licensing_steps(client, mosal_officer):
    client.force_login(mosal_officer)
    assert client.get(surl("licensing_steps")).status_code == 200
    created = client.post(surl("licensing_step_new"), step_data())
    assert created.status_code == 302
    step = LicensingStep.objects.get(code="bank_account")
    assert step.evidence_required and step.name_ar == "فتح حساب مصرفي"
    event = AuditEvent.objects.get(verb="organizations.licensing_step_created")
    assert event.actor == mosal_officer and event.object_id == str(step.pk)

    changed = client.post(
        surl("licensing_step_edit", step.pk), step_data(name_en="Open a bank account in Syria")
    )
    assert changed.status_code == 302
    step.refresh_from_db()
    assert step.name_en == "Open a bank account in Syria"
    assert AuditEvent.objects.filter(verb="organizations.licensing_step_changed").exists()
    # A duplicate code is explained on the page.
    duplicate = client.post(surl("licensing_step_new"), step_data())
    assert duplicate.status_code == 200
    assert 'class="error-summary"' in text(duplicate)
    assert LicensingStep.objects.filter(code="bank_account").count() == 1


def test_licensing_steps_are_for_mosal_only(client, moct_officer, platform_admin):
    count = LicensingStep.objects.count()
    for user in (moct_officer, platform_admin):
        client.force_login(user)
        assert client.get(surl("licensing_steps")).status_code == 403
        assert client.post(surl("licensing_step_new"), step_data()).status_code == 403
        step = LicensingStep.objects.first()
        assert client.post(surl("licensing_step_edit", step.pk), step_data()).status_code == 403
    assert LicensingStep.objects.count() == count
    assert not AuditEvent.objects.filter(verb__startswith="organizations.licensing_step").exists()


def test_registry_staff_keep_the_expertise_areas(client, moct_officer):
    client.force_login(moct_officer)
    assert client.get(surl("expertise")).status_code == 200
    created = client.post(
        surl("expertise_new"),
        {
            "code": "robotics",
            "name_ar": "الروبوتات",
            "name_en": "Robotics",
            "order": 20,
            "is_active": "on",
        },
    )
    assert created.status_code == 302
    assert ExpertiseArea.objects.filter(code="robotics").exists()
    assert AuditEvent.objects.filter(verb="organizations.expertise_area_created").exists()
    area = ExpertiseArea.objects.get(code="software")
    changed = client.post(
        surl("expertise_edit", area.pk),
        {"code": "software", "name_ar": area.name_ar, "name_en": "Software", "order": area.order},
    )
    assert changed.status_code == 302
    area.refresh_from_db()
    assert area.name_en == "Software" and area.is_active is False
    event = AuditEvent.objects.get(verb="organizations.expertise_area_changed")
    assert event.actor == moct_officer
    assert set(event.changes) == {"name_en", "is_active"}


@pytest.mark.parametrize("name", ["reviewer", "analyst", "program_manager"])
def test_expertise_areas_are_for_registry_staff(client, persona, name):
    client.force_login(persona(name))
    assert client.get(surl("expertise")).status_code == 403
    response = client.post(
        surl("expertise_new"), {"code": "x", "name_ar": "س", "name_en": "X", "order": 1}
    )
    assert response.status_code == 403
    assert not ExpertiseArea.objects.filter(code="x").exists()


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_staff_pages_render_in_both_languages(
    client, mosal_officer, submitted, licensing_file, lang, direction
):
    client.force_login(mosal_officer)
    pages = [
        surl("queue", lang=lang),
        surl("registry", lang=lang),
        surl("organization", submitted.organization.pk, lang=lang),
        surl("application", submitted.pk, lang=lang),
        surl("licensing", licensing_file.pk, lang=lang),
        surl("criteria_list", lang=lang),
        surl("criteria_new", lang=lang),
        surl("criteria_edit", submitted.criteria.pk, lang=lang),
        surl("settings", lang=lang),
        surl("licensing_steps", lang=lang),
        surl("licensing_step_new", lang=lang),
        surl("expertise", lang=lang),
        surl("expertise_new", lang=lang),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'dir="{direction}"' in text(response), page
        assert re.search(rf'<html lang="{lang}"', text(response)), page


def test_an_unknown_membership_decision_is_refused_with_a_message(client, moct_officer, amal):
    client.force_login(moct_officer)
    response = client.post(surl("membership_act", amal.pk), {"action": "", "reason": "x" * 4001})
    assert response.status_code == 302
    assert flashed(response)
    assert Membership.objects.get(organization=amal).status == "active"
