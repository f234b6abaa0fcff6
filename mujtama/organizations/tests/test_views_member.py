"""The organization's own area, through its pages: registration, authorization
between organizations and roles, documents, logo, the joining application, people,
renewal, the licensing track, "My organizations" and both languages."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate
from mujtama.organizations.models import (
    DocumentKind,
    ExpertiseArea,
    Invitation,
    JoiningApplication,
    LegalStatus,
    LicensingFile,
    LicensingStep,
    LicensingStepProgress,
    MemberRole,
    Membership,
    MembershipRequest,
    Organization,
    OrganizationDocument,
    OrganizationKind,
    OrganizationMember,
)
from mujtama.organizations.tests.factories import (
    PDF_BYTES,
    OrganizationFactory,
    add_document,
    add_member,
    criteria_in_force,
    make_member,
    png_bytes,
    ready_to_apply,
)

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


# --- helpers -------------------------------------------------------------------------------------


def url(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(f"organizations:{name}", args=args)


def text(response: Any) -> str:
    return response.content.decode()


def flashed(response: Any) -> list[str]:
    """The messages a (redirecting) response queued for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def tr(message: str, lang: str = "ar", **params: Any) -> str:
    """A message as the page shows it in ``lang`` (the catalogue's wording, or the
    English source while the catalogue has none)."""
    with translation.override(lang):
        translated = gettext(message)
    return translated % params if params else translated


def stored_files(media: Any) -> list[Any]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def registration_data(**changes: Any) -> dict[str, Any]:
    data = {
        "kind": OrganizationKind.TECH_NGO,
        "scope": "domestic",
        "legal_status": LegalStatus.LICENSED,
        "registration_number": "DAM-2015-771",
        "founding_year": 2015,
        "name_ar": "جمعية البرمجة للجميع",
        "name_en": "Coding for All",
        "description_ar": "جمعية تعلّم البرمجة لطلاب المدارس.",
        "description_en": "An association teaching programming to school students.",
        "members_count": 30,
        "volunteers_count": 12,
        "website": "https://coding.example.sy",
        "public_email": "hello@coding.example.sy",
        "public_phone": "+963 11 222 3344",
        "governorates": list(
            Governorate.objects.filter(pcode__in=["SY01", "SY02"]).values_list("pk", flat=True)
        ),
        "expertise_areas": list(
            ExpertiseArea.objects.filter(code__in=["software", "digital_skills"]).values_list(
                "pk", flat=True
            )
        ),
    }
    data.update(changes)
    return data


def pdf_upload(name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


# --- registration --------------------------------------------------------------------------------


def test_registering_an_organization_makes_the_person_its_owner(client, citizen):
    client.force_login(citizen)
    response = client.post(url("register"), registration_data())
    organization = Organization.objects.get(name_en="Coding for All")
    assert response.status_code == 302
    assert response["Location"] == url("manage", organization.pk)
    member = OrganizationMember.objects.get(organization=organization)
    assert member.user == citizen and member.role == MemberRole.OWNER
    assert organization.created_by == citizen
    assert sorted(organization.governorates.values_list("pcode", flat=True)) == ["SY01", "SY02"]
    assert sorted(organization.expertise_areas.values_list("code", flat=True)) == [
        "digital_skills",
        "software",
    ]
    assert organization.public_phone == "+963 11 222 3344"
    assert AuditEvent.objects.filter(
        verb="organizations.registered", object_id=str(organization.pk)
    ).exists()
    # The manage page it leads to opens for the new owner.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "جمعية البرمجة للجميع" in text(page)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_ar": ""}, "name_ar"),
        ({"founding_year": timezone.now().year + 1}, "founding_year"),
        ({"website": "not a website"}, "website"),
        ({"public_email": "hello-at-example"}, "public_email"),
        ({"members_count": -4}, "members_count"),
        ({"kind": "secret_society"}, "kind"),
        ({"governorates": [999999]}, "governorates"),
    ],
)
def test_bad_registration_input_is_explained_and_what_was_typed_is_kept(
    client, citizen, changes, field
):
    client.force_login(citizen)
    response = client.post(url("register"), registration_data(**changes))
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    if field == "governorates":
        # A group of checkboxes: the summary names it (its link is "#", see report).
        summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
        assert "Governorates it works in" in summary or "محافظات" in summary
    else:
        assert f'href="#id_{field}"' in html
        assert 'aria-invalid="true"' in html
    # What was typed in the other fields is still there.
    if field != "name_ar":
        assert 'value="جمعية البرمجة للجميع"' in html
    assert 'value="Coding for All"' in html
    assert "جمعية تعلّم البرمجة لطلاب المدارس." in html
    assert not Organization.objects.exists()
    assert not OrganizationMember.objects.exists()


def test_the_future_year_is_refused_with_its_reason(client, citizen):
    client.force_login(citizen)
    response = client.post(url("register", lang="en"), registration_data(founding_year=2999))
    assert response.status_code == 200
    assert "The year founded cannot be in the future." in text(response)


@pytest.fixture
def hope(org_owner):
    """Registered with the variant spelling (ه for ة, ا for أ)."""
    return OrganizationFactory(
        name_ar="جمعيه الامل التقنيه",
        name_en="Hope Tech Association",
        created_by=org_owner,
    )


def test_a_duplicate_name_shows_the_existing_organization_and_a_way_to_ask_to_join(
    client, citizen, hope
):
    client.force_login(citizen)
    response = client.post(
        url("register"), registration_data(name_ar="جمعية الأمل التقنية", name_en="Amal Tech")
    )
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert "جمعيه الامل التقنيه" in html  # the existing organization is named
    assert f'action="{url("ask_to_join", hope.pk)}"' in html
    # Not a member of the framework: its profile is not public, so no link to it.
    with translation.override("ar"):
        public_profile = reverse("organizations_public:profile", args=[hope.pk])
    assert f'href="{public_profile}"' not in html
    # What was typed is kept, and nothing was registered.
    assert 'value="Amal Tech"' in html
    assert Organization.objects.count() == 1


def test_a_duplicate_that_is_a_member_links_to_its_public_profile(client, citizen, hope):
    make_member(hope)
    client.force_login(citizen)
    response = client.post(
        url("register"), registration_data(name_ar="جمعية الأمل التقنية", name_en="Amal Tech")
    )
    assert response.status_code == 200
    with translation.override("ar"):
        public_profile = reverse("organizations_public:profile", args=[hope.pk])
    assert f'href="{public_profile}"' in text(response)
    assert f'action="{url("ask_to_join", hope.pk)}"' in text(response)


def test_a_duplicate_of_ones_own_organization_offers_to_open_it(client, org_owner, hope):
    client.force_login(org_owner)
    response = client.post(
        url("register"), registration_data(name_ar="جمعية الأمل التقنية", name_en="Amal Tech")
    )
    assert response.status_code == 200
    html = text(response)
    assert f'href="{url("manage", hope.pk)}"' in html
    assert f'action="{url("ask_to_join", hope.pk)}"' not in html


def test_asking_to_join_reaches_the_owners_who_accept_with_a_role(client, citizen, org_owner, hope):
    client.force_login(citizen)
    response = client.post(url("ask_to_join", hope.pk), {"message": "أعمل معكم منذ سنتين."})
    assert response.status_code == 302
    join_request = MembershipRequest.objects.get(organization=hope, user=citizen)
    assert join_request.status == "pending"
    assert join_request.message == "أعمل معكم منذ سنتين."
    # Asking twice does not create a second request.
    again = client.post(url("ask_to_join", hope.pk), {"message": ""})
    assert again.status_code == 302
    assert MembershipRequest.objects.filter(organization=hope, user=citizen).count() == 1
    assert tr("You have already asked to join; the owners will answer.") in flashed(again)
    # The person sees the request on their page.
    mine = client.get(url("mine"))
    assert "جمعيه الامل التقنيه" in text(mine)
    assert url("request_withdraw", join_request.pk) in text(mine)

    client.force_login(org_owner)
    people = client.get(url("people", hope.pk))
    assert people.status_code == 200
    assert citizen.full_name in text(people)
    assert "أعمل معكم منذ سنتين." in text(people)
    answer_url = url("request_answer", hope.pk, join_request.pk)
    assert f'action="{answer_url}"' in text(people)
    accepted = client.post(answer_url, {"action": "accept", "role": MemberRole.EDITOR})
    assert accepted.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "accepted"
    assert OrganizationMember.objects.get(organization=hope, user=citizen).role == MemberRole.EDITOR
    # The new editor now opens the organization.
    client.force_login(citizen)
    assert client.get(url("manage", hope.pk)).status_code == 200


def test_a_person_withdraws_their_own_request_only(client, citizen, org_owner, hope):
    join_request = MembershipRequest.objects.create(organization=hope, user=citizen)
    other = UserFactory()
    client.force_login(other)
    assert client.post(url("request_withdraw", join_request.pk)).status_code == 404
    client.force_login(citizen)
    assert client.post(url("request_withdraw", join_request.pk)).status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "withdrawn"


# --- authorization across organizations and roles ------------------------------------------------


@pytest.fixture
def other_org(db):
    """Organization B: a youth association with something behind every private page."""
    owner = UserFactory(email="b.owner@example.sy")
    organization = OrganizationFactory(
        name_ar="مبادرة شباب حلب الرقمية",
        name_en="Aleppo Digital Youth",
        kind=OrganizationKind.YOUTH_INITIATIVE,
        legal_status=LegalStatus.LICENSE_IN_PROGRESS,
        registration_number="",
        created_by=owner,
    )
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    make_member(organization, status="provisional")
    JoiningApplication.objects.filter(organization=organization).update(status="rejected")
    JoiningApplication.objects.create(organization=organization, created_by=owner)
    document = add_document(organization, DocumentKind.STATUTES)
    add_document(organization, DocumentKind.ACTIVITY_REPORT)
    LicensingFile.objects.create(organization=organization, status="preparing")
    Invitation.objects.create(
        organization=organization,
        email="someone@example.sy",
        role=MemberRole.EDITOR,
        token_hash="b" * 64,
        invited_by=owner,
        expires_at=timezone.now() + timedelta(days=7),
    )
    join_request = MembershipRequest.objects.create(organization=organization, user=UserFactory())
    organization.test_document = document
    organization.test_viewer = viewer
    organization.test_request = join_request
    return organization


def state_of(organization: Organization) -> dict[str, Any]:
    """Everything an action on the organization could change."""
    organization = Organization.objects.get(pk=organization.pk)
    membership = Membership.objects.filter(organization=organization).first()
    file = LicensingFile.objects.filter(organization=organization).first()
    return {
        "fields": (organization.name_ar, organization.legal_status, organization.logo.name),
        "people": sorted(
            OrganizationMember.objects.filter(organization=organization).values_list(
                "user_id", "role"
            )
        ),
        "invitations": sorted(
            Invitation.objects.filter(organization=organization).values_list(
                "pk", "revoked_at", "accepted_at"
            )
        ),
        "requests": sorted(
            MembershipRequest.objects.filter(organization=organization).values_list("pk", "status")
        ),
        "documents": sorted(
            OrganizationDocument.objects.filter(organization=organization).values_list(
                "pk", flat=True
            )
        ),
        "applications": sorted(
            JoiningApplication.objects.filter(organization=organization).values_list(
                "pk", "status", "note"
            )
        ),
        "membership": (membership.status, membership.expires_at) if membership else None,
        "licensing": (file.status, file.progress.count()) if file else None,
        "audit": AuditEvent.objects.count(),
    }


PRIVATE_PAGES = ["manage", "profile", "people", "documents", "application", "licensing"]


def test_a_member_of_another_organization_gets_404_on_every_private_page(
    client, org_owner, other_org
):
    OrganizationFactory(created_by=org_owner)  # org_owner owns A, not B
    client.force_login(org_owner)
    for name in PRIVATE_PAGES:
        response = client.get(url(name, other_org.pk))
        assert response.status_code == 404, name
    download = client.get(url("document_download", other_org.pk, other_org.test_document.pk))
    assert download.status_code == 404
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()


def _actions_on(organization: Organization) -> list[tuple[str, dict[str, Any]]]:
    pk = organization.pk
    member = OrganizationMember.objects.filter(organization=organization).first()
    invitation = Invitation.objects.filter(organization=organization).first()
    document = organization.documents.first()
    step = LicensingStep.objects.filter(is_active=True).first()
    return [
        (url("profile", pk), registration_data(name_ar="اسم جديد", name_en="New name")),
        (url("logo_upload", pk), {"logo": SimpleUploadedFile("logo.png", png_bytes())}),
        (url("invite", pk), {"email": "intruder@example.sy", "role": MemberRole.OWNER}),
        (url("invitation_revoke", pk, invitation.pk), {}),
        (url("member_role", pk, member.pk), {"role": MemberRole.VIEWER}),
        (url("member_remove", pk, member.pk), {}),
        (
            url("request_answer", pk, organization.join_requests.first().pk),
            {"action": "accept", "role": MemberRole.OWNER},
        ),
        (url("leave", pk), {}),
        (url("documents", pk), {"kind": DocumentKind.OTHER, "file": pdf_upload()}),
        (url("document_delete", pk, document.pk), {}),
        (url("application", pk), {"action": "start"}),
        (url("application", pk), {"action": "save", "note": "ملاحظة دخيلة"}),
        (url("application", pk), {"action": "submit", "note": ""}),
        (url("renew", pk), {}),
        (url("licensing", pk), {"action": "open"}),
        (
            url("licensing", pk),
            {"action": "step", "step": step.pk, "done": "on", "evidence": document.pk},
        ),
        (url("licensing", pk), {"action": "submit"}),
    ]


def test_a_member_of_another_organization_cannot_act_on_it(client, org_owner, other_org):
    OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    before = state_of(other_org)
    for action_url, data in _actions_on(other_org):
        response = client.post(action_url, data)
        assert response.status_code == 404, action_url
    assert state_of(other_org) == before


def test_an_owner_cannot_reach_another_organizations_items_through_their_own(
    client, org_owner, other_org
):
    mine = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    before = state_of(other_org)
    theirs = other_org
    member = OrganizationMember.objects.filter(organization=theirs).first()
    attempts = [
        url("member_role", mine.pk, member.pk),
        url("member_remove", mine.pk, member.pk),
        url("invitation_revoke", mine.pk, theirs.invitations.first().pk),
        url("request_answer", mine.pk, theirs.test_request.pk),
        url("document_delete", mine.pk, theirs.test_document.pk),
    ]
    for attempt in attempts:
        assert client.post(attempt, {"role": "owner", "action": "accept"}).status_code == 404, (
            attempt
        )
    assert client.get(url("document_download", mine.pk, theirs.test_document.pk)).status_code == 404
    assert state_of(other_org) == before


def test_a_viewer_reads_the_pages_but_cannot_change_anything(client, other_org):
    viewer = other_org.test_viewer
    client.force_login(viewer)
    for name in ["manage", "people", "documents", "application", "licensing"]:
        assert client.get(url(name, other_org.pk)).status_code == 200, name
    download = client.get(url("document_download", other_org.pk, other_org.test_document.pk))
    assert download.status_code == 200
    # The profile page is the editing form: not for viewers.
    assert client.get(url("profile", other_org.pk)).status_code == 403
    # Viewers are offered no editing controls.
    documents = text(client.get(url("documents", other_org.pk)))
    assert 'enctype="multipart/form-data"' not in documents
    assert url("document_delete", other_org.pk, other_org.test_document.pk) not in documents
    people = text(client.get(url("people", other_org.pk)))
    assert url("invite", other_org.pk) not in people

    before = state_of(other_org)
    for action_url, data in _actions_on(other_org):
        if action_url == url("leave", other_org.pk):
            continue  # a viewer may leave; tested below
        response = client.post(action_url, data)
        assert response.status_code == 403, action_url
    assert state_of(other_org) == before

    # Leaving is theirs to do.
    assert client.post(url("leave", other_org.pk)).status_code == 302
    assert not OrganizationMember.objects.filter(organization=other_org, user=viewer).exists()


def test_editors_edit_but_do_not_manage_people(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    join_request = MembershipRequest.objects.create(organization=organization, user=UserFactory())
    client.force_login(editor)
    viewer_member = OrganizationMember.objects.get(organization=organization, user=viewer)
    owner_member = OrganizationMember.objects.get(organization=organization, user=org_owner)
    refused = [
        (url("invite", organization.pk), {"email": "friend@example.sy", "role": MemberRole.EDITOR}),
        (url("member_role", organization.pk, viewer_member.pk), {"role": MemberRole.OWNER}),
        (url("member_role", organization.pk, owner_member.pk), {"role": MemberRole.VIEWER}),
        (url("member_remove", organization.pk, owner_member.pk), {}),
        (
            url("request_answer", organization.pk, join_request.pk),
            {"action": "accept", "role": MemberRole.OWNER},
        ),
    ]
    before = state_of(organization)
    for action_url, data in refused:
        assert client.post(action_url, data).status_code == 403, action_url
    assert state_of(organization) == before
    assert not Invitation.objects.exists()
    # The people page shows them no owner controls; the profile is theirs to edit.
    people = text(client.get(url("people", organization.pk)))
    assert url("invite", organization.pk) not in people
    assert url("member_role", organization.pk, viewer_member.pk) not in people
    assert client.get(url("profile", organization.pk)).status_code == 200


def test_an_editor_saves_the_profile(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner, name_ar="جمعية قديمة", name_en="Old")
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    client.force_login(editor)
    response = client.post(
        url("profile", organization.pk),
        registration_data(name_ar="جمعية متجددة", name_en="Renewed", registration_number="X-1"),
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name_ar == "جمعية متجددة"
    assert AuditEvent.objects.filter(verb="organizations.profile_updated").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    for address in [url("mine"), url("register"), url("manage", organization.pk)]:
        response = client.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


# --- documents -----------------------------------------------------------------------------------


@pytest.fixture
def organization(org_owner):
    return OrganizationFactory(created_by=org_owner, name_ar="جمعية التقانة للجميع")


def test_uploading_a_pdf_stores_it(client, org_owner, organization, media):
    client.force_login(org_owner)
    response = client.post(
        url("documents", organization.pk), {"kind": DocumentKind.STATUTES, "file": pdf_upload()}
    )
    assert response.status_code == 302
    document = OrganizationDocument.objects.get(organization=organization)
    assert document.kind == DocumentKind.STATUTES
    assert document.original_name == "report.pdf"
    assert document.content_type == "application/pdf"
    assert document.uploaded_by == org_owner
    assert len(stored_files(media)) == 1
    page = client.get(url("documents", organization.pk))
    assert "report.pdf" in text(page)
    assert url("document_download", organization.pk, document.pk) in text(page)


def test_a_renamed_executable_is_refused_on_the_page(client, org_owner, organization, media):
    client.force_login(org_owner)
    executable = SimpleUploadedFile(
        "report.pdf", b"MZ\x90\x00" + b"\x00" * 2048, content_type="application/pdf"
    )
    response = client.post(
        url("documents", organization.pk), {"kind": DocumentKind.STATUTES, "file": executable}
    )
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert 'href="#id_file"' in html
    assert (
        escape(
            tr("Only PDF files and images (JPEG, PNG, WebP) are accepted; this file is neither.")
        )
        in html
    )
    assert not OrganizationDocument.objects.exists()
    assert stored_files(media) == []


def test_an_oversize_file_is_refused(client, org_owner, organization, media):
    client.force_login(org_owner)
    big = SimpleUploadedFile(
        "report.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    response = client.post(
        url("documents", organization.pk, lang="en"), {"kind": DocumentKind.OTHER, "file": big}
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in text(response)
    assert "The file is larger than 10 MB." in text(response)
    assert not OrganizationDocument.objects.exists()
    assert stored_files(media) == []


def test_a_download_is_an_attachment_with_the_bytes(client, org_owner, organization):
    document = add_document(organization)
    client.force_login(org_owner)
    response = client.get(url("document_download", organization.pk, document.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"statutes-{document.pk}.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES
    # The organization's own people reading it are not audited as staff reads.
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()


@pytest.mark.parametrize("name", ["citizen", "analyst", "program_manager", "reviewer"])
def test_a_stranger_gets_404_on_a_download(client, persona, organization, name):
    document = add_document(organization)
    client.force_login(persona(name))
    assert client.get(url("document_download", organization.pk, document.pk)).status_code == 404
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()
    client.logout()
    anonymous = client.get(url("document_download", organization.pk, document.pk))
    assert anonymous.status_code == 302


def test_a_mosal_officer_downloads_and_the_read_is_audited(client, mosal_officer, organization):
    document = add_document(organization)
    client.force_login(mosal_officer)
    response = client.get(url("document_download", organization.pk, document.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    event = AuditEvent.objects.get(verb="organizations.document_read")
    assert event.actor == mosal_officer
    assert event.changes["document"] == document.pk


def test_staff_without_a_second_factor_cannot_download(
    client, staff_without_second_factor, organization
):
    document = add_document(organization)
    client.force_login(staff_without_second_factor)
    response = client.get(url("document_download", organization.pk, document.pk))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()


def test_deleting_a_document(
    client, org_owner, organization, media, django_capture_on_commit_callbacks
):
    client.force_login(org_owner)
    client.post(
        url("documents", organization.pk), {"kind": DocumentKind.OTHER, "file": pdf_upload()}
    )
    document = OrganizationDocument.objects.get()
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("document_delete", organization.pk, document.pk))
    assert response.status_code == 302
    assert not OrganizationDocument.objects.exists()
    assert stored_files(media) == []
    assert AuditEvent.objects.filter(verb="organizations.document_deleted").exists()


def test_a_document_under_review_is_not_deleted(client, org_owner, organization):
    document = add_document(organization)
    JoiningApplication.objects.create(
        organization=organization,
        created_by=org_owner,
        status="submitted",
        documents_snapshot={str(document.pk): document.sha256},
    )
    client.force_login(org_owner)
    response = client.post(url("document_delete", organization.pk, document.pk))
    assert response.status_code == 302
    assert OrganizationDocument.objects.filter(pk=document.pk).exists()
    assert tr(
        "This document is part of an application under review; "
        "it can be replaced after the decision."
    ) in flashed(response)


# --- logo ----------------------------------------------------------------------------------------


def test_a_png_logo_is_accepted(client, org_owner, organization):
    client.force_login(org_owner)
    response = client.post(
        url("logo_upload", organization.pk),
        {"logo": SimpleUploadedFile("logo.png", png_bytes((64, 64)), content_type="image/png")},
    )
    assert response.status_code == 302
    assert response["Location"] == url("profile", organization.pk)
    organization.refresh_from_db()
    assert organization.logo.name
    assert tr("The logo was saved.") in flashed(response)


def test_a_text_file_named_logo_png_is_refused(client, org_owner, organization):
    client.force_login(org_owner)
    response = client.post(
        url("logo_upload", organization.pk),
        {"logo": SimpleUploadedFile("logo.png", b"just some text\n", content_type="image/png")},
        follow=True,
    )
    assert response.status_code == 200
    message = tr("The logo must be a JPEG, PNG or WebP image.")
    assert escape(message) in text(response)
    organization.refresh_from_db()
    assert not organization.logo
    assert not AuditEvent.objects.filter(verb="organizations.logo_changed").exists()


# --- the joining application ---------------------------------------------------------------------


def test_without_published_criteria_the_application_page_says_so(client, org_owner, organization):
    client.force_login(org_owner)
    response = client.get(url("application", organization.pk, lang="en"))
    assert response.status_code == 200
    assert "have not published the joining criteria yet" in text(response)
    # Submitting a draft then is refused with the same explanation.
    JoiningApplication.objects.create(organization=organization, created_by=org_owner)
    refused = client.post(url("application", organization.pk, lang="en"), {"action": "submit"})
    assert refused.status_code == 302
    assert (
        "The joining criteria have not been published yet; applications open when they are."
        in flashed(refused)
    )
    assert JoiningApplication.objects.get(organization=organization).status == "draft"


@pytest.fixture
def criteria(platform_admin):
    return criteria_in_force(platform_admin, number=3)


@pytest.fixture
def small_org(org_owner):
    """Below the standard criteria: two members and no documents."""
    return OrganizationFactory(created_by=org_owner, members_count=2, name_ar="جمعية صغيرة")


def test_starting_a_draft_application(client, org_owner, small_org, criteria):
    client.force_login(org_owner)
    page = client.get(url("application", small_org.pk))
    assert 'value="start"' in text(page)
    response = client.post(url("application", small_org.pk), {"action": "start"})
    assert response.status_code == 302
    application = JoiningApplication.objects.get(organization=small_org)
    assert application.status == "draft"
    assert application.created_by == org_owner
    # A second start is refused with a message, not a second draft.
    again = client.post(url("application", small_org.pk), {"action": "start"})
    assert again.status_code == 302
    assert JoiningApplication.objects.filter(organization=small_org).count() == 1
    assert tr("The organization already has an application in progress.") in flashed(again)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_blocked_submission_lists_every_failing_check(
    client, org_owner, small_org, criteria, lang
):
    JoiningApplication.objects.create(organization=small_org, created_by=org_owner)
    client.force_login(org_owner)
    response = client.post(
        url("application", small_org.pk, lang=lang), {"action": "submit", "note": "ملاحظتنا"}
    )
    assert response.status_code == 200
    html = text(response)
    application = JoiningApplication.objects.get(organization=small_org)
    assert application.status == "draft"
    assert application.submitted_at is None
    failures = [result for result in application.check_results if not result["passed"]]
    assert sorted(result["rule"] for result in failures) == ["documents", "min_members"]
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    for failure in failures:
        assert escape(failure[f"message_{lang}"]) in summary, failure
    by_rule = {result["rule"]: result for result in failures}
    if lang == "en":
        assert "2 members; at least 5 are needed." in summary
        assert "Board members list" in summary
        assert not ARABIC.search(by_rule["min_members"]["message_en"])
    else:
        assert 'dir="rtl"' in html
        # The Arabic wording comes from the catalogue (documents are named in Arabic).
        assert ARABIC.search(by_rule["documents"]["message_ar"])
    # The note typed with the submission was kept.
    assert application.note == "ملاحظتنا"
    assert not AuditEvent.objects.filter(verb="organizations.application.submit").exists()


def test_blocked_reasons_are_in_arabic_when_the_catalogue_has_them(
    client, org_owner, small_org, criteria
):
    JoiningApplication.objects.create(organization=small_org, created_by=org_owner)
    client.force_login(org_owner)
    client.post(url("application", small_org.pk), {"action": "submit"})
    application = JoiningApplication.objects.get(organization=small_org)
    for result in application.check_results:
        if not result["passed"]:
            assert ARABIC.search(result["message_ar"]), result


def test_after_uploading_the_documents_the_application_is_submitted(
    client, org_owner, small_org, criteria
):
    client.force_login(org_owner)
    client.post(url("application", small_org.pk), {"action": "start"})
    blocked = client.post(url("application", small_org.pk), {"action": "submit"})
    assert blocked.status_code == 200
    for kind in (DocumentKind.STATUTES, DocumentKind.BOARD_LIST):
        uploaded = client.post(url("documents", small_org.pk), {"kind": kind, "file": pdf_upload()})
        assert uploaded.status_code == 302
    Organization.objects.filter(pk=small_org.pk).update(members_count=12)
    response = client.post(url("application", small_org.pk), {"action": "submit", "note": ""})
    assert response.status_code == 302
    application = JoiningApplication.objects.get(organization=small_org)
    assert application.status == "submitted"
    assert application.submitted_at is not None
    assert application.criteria == criteria
    assert len(application.documents_snapshot) == 2
    assert tr("The application was submitted to the ministries.") in flashed(response)
    page = text(client.get(url("application", small_org.pk)))
    assert f"({criteria.reference})" in page
    assert criteria.reference == "3/1"


def test_an_application_with_changes_requested_is_submitted_again(
    client, org_owner, organization, criteria
):
    ready_to_apply(organization)
    JoiningApplication.objects.create(
        organization=organization,
        created_by=org_owner,
        status="changes_requested",
        criteria=criteria,
        decision_reason="أضيفوا قائمة محدّثة لمجلس الإدارة.",
    )
    client.force_login(org_owner)
    page = client.get(url("application", organization.pk))
    assert "أضيفوا قائمة محدّثة لمجلس الإدارة." in text(page)
    assert 'value="submit"' in text(page)
    response = client.post(url("application", organization.pk), {"action": "submit", "note": "تم"})
    assert response.status_code == 302
    application = JoiningApplication.objects.get(organization=organization)
    assert application.status == "submitted"
    assert application.note == "تم"


def test_saving_a_note_keeps_the_draft(client, org_owner, organization, criteria):
    JoiningApplication.objects.create(organization=organization, created_by=org_owner)
    client.force_login(org_owner)
    response = client.post(url("application", organization.pk), {"action": "save", "note": "مسودة"})
    assert response.status_code == 302
    application = JoiningApplication.objects.get(organization=organization)
    assert application.note == "مسودة" and application.status == "draft"
    too_long = client.post(
        url("application", organization.pk), {"action": "save", "note": "x" * 2001}
    )
    assert too_long.status_code == 302
    assert JoiningApplication.objects.get(organization=organization).note == "مسودة"


# --- people --------------------------------------------------------------------------------------


def test_an_invitation_is_emailed_and_accepted_once(
    client, org_owner, organization, django_capture_on_commit_callbacks
):
    client.force_login(org_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invite", organization.pk), {"email": "New.Colleague@Example.sy", "role": "editor"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(organization=organization)
    assert invitation.email == "new.colleague@example.sy"
    sent = [message for message in mail.outbox if "new.colleague@example.sy" in message.to]
    assert len(sent) == 1
    match = re.search(r"/ar/my/organizations/invitations/([A-Za-z0-9_\-]+)/", sent[0].body)
    assert match, sent[0].body
    token = match.group(1)
    assert token not in invitation.token_hash  # only the hash is stored
    # The owner sees the invitation waiting.
    people = text(client.get(url("people", organization.pk)))
    assert "new.colleague@example.sy" in people

    # Someone signed in with another address cannot use it.
    client.force_login(UserFactory(email="somebody.else@example.sy"))
    wrong = client.post(url("accept_invitation", token))
    assert wrong.status_code == 200
    assert OrganizationMember.objects.filter(organization=organization).count() == 1

    invited = UserFactory(email="new.colleague@example.sy")
    client.force_login(invited)
    page = client.get(f"/ar/my/organizations/invitations/{token}/")
    assert page.status_code == 200
    assert "جمعية التقانة للجميع" in text(page)
    accepted = client.post(f"/ar/my/organizations/invitations/{token}/")
    assert accepted.status_code == 302
    assert accepted["Location"] == url("manage", organization.pk)
    member = OrganizationMember.objects.get(organization=organization, user=invited)
    assert member.role == MemberRole.EDITOR
    # The link works once.
    again = client.post(f"/ar/my/organizations/invitations/{token}/")
    assert again.status_code == 200
    assert OrganizationMember.objects.filter(organization=organization, user=invited).count() == 1
    assert escape(tr("Accept the invitation")) not in text(again)
    assert escape(
        tr("This invitation link is not valid any more: it was used, withdrawn or has expired.")
    ) in text(again)
    reopened = client.get(url("accept_invitation", token))
    assert escape(tr("Accept the invitation")) not in text(reopened)


def test_an_unknown_invitation_token_shows_that_it_is_not_valid(client, citizen):
    client.force_login(citizen)
    response = client.get(url("accept_invitation", "not-a-real-token", lang="en"))
    assert response.status_code == 200
    assert "This invitation link is not valid any more" in text(response)


def test_an_invalid_invitation_email_is_explained(client, org_owner, organization):
    client.force_login(org_owner)
    response = client.post(
        url("invite", organization.pk), {"email": "not-an-email", "role": "editor"}
    )
    assert response.status_code == 302
    assert flashed(response)
    assert not Invitation.objects.exists()


def test_the_last_owner_cannot_leave_or_be_demoted(client, org_owner, organization):
    client.force_login(org_owner)
    owner_member = OrganizationMember.objects.get(organization=organization, user=org_owner)
    left = client.post(url("leave", organization.pk))
    assert left.status_code == 302
    assert tr(
        "The last owner cannot leave or be removed. Make someone else an owner first."
    ) in flashed(left)
    demoted = client.post(
        url("member_role", organization.pk, owner_member.pk), {"role": MemberRole.EDITOR}
    )
    assert demoted.status_code == 302
    assert tr(
        "The last owner cannot stop being an owner. Make someone else an owner first."
    ) in flashed(demoted)
    owner_member.refresh_from_db()
    assert owner_member.role == MemberRole.OWNER
    # The message is shown on the page the owner is sent back to.
    shown = client.post(url("leave", organization.pk), follow=True)
    assert escape(
        tr("The last owner cannot leave or be removed. Make someone else an owner first.")
    ) in text(shown)


def test_an_owner_changes_roles_and_removes_people(client, org_owner, organization):
    colleague = add_member(organization, UserFactory(), MemberRole.VIEWER)
    member = OrganizationMember.objects.get(organization=organization, user=colleague)
    client.force_login(org_owner)
    client.post(url("member_role", organization.pk, member.pk), {"role": MemberRole.OWNER})
    member.refresh_from_db()
    assert member.role == MemberRole.OWNER
    # With a second owner, the first may step down and leave.
    mine = OrganizationMember.objects.get(organization=organization, user=org_owner)
    client.post(url("member_role", organization.pk, mine.pk), {"role": MemberRole.EDITOR})
    mine.refresh_from_db()
    assert mine.role == MemberRole.EDITOR
    client.force_login(colleague)
    removed = client.post(url("member_remove", organization.pk, mine.pk))
    assert removed.status_code == 302
    assert not OrganizationMember.objects.filter(pk=mine.pk).exists()


# --- membership renewal --------------------------------------------------------------------------


def test_renewal_needs_an_activity_report(client, org_owner, organization):
    membership = make_member(organization)
    before = membership.expires_at
    client.force_login(org_owner)
    manage = text(client.get(url("manage", organization.pk)))
    assert f'action="{url("renew", organization.pk)}"' in manage
    refused = client.post(url("renew", organization.pk))
    assert refused.status_code == 302
    assert refused["Location"] == url("manage", organization.pk)
    assert tr("Upload an activity report of the past year before renewing.") in flashed(refused)
    membership.refresh_from_db()
    assert membership.expires_at == before
    assert membership.renewed_at is None

    add_document(organization, DocumentKind.ACTIVITY_REPORT)
    accepted = client.post(url("renew", organization.pk))
    assert tr("The membership was renewed.") in flashed(accepted)
    membership.refresh_from_db()
    assert membership.expires_at > before + timedelta(days=300)
    assert membership.renewed_at is not None
    assert membership.status == "active"


def test_renewal_without_a_membership_is_404(client, org_owner, organization):
    client.force_login(org_owner)
    assert client.post(url("renew", organization.pk)).status_code == 404


# --- the licensing track -------------------------------------------------------------------------


@pytest.fixture
def youth(org_owner):
    return OrganizationFactory(
        created_by=org_owner,
        name_ar="مبادرة شباب درعا",
        kind=OrganizationKind.YOUTH_INITIATIVE,
        legal_status=LegalStatus.UNLICENSED,
        registration_number="",
    )


def test_the_licensing_track_from_start_to_submission(client, org_owner, youth):
    client.force_login(org_owner)
    page = client.get(url("licensing", youth.pk))
    assert page.status_code == 200
    assert 'value="open"' in text(page)

    opened = client.post(url("licensing", youth.pk), {"action": "open"})
    assert opened.status_code == 302
    youth.refresh_from_db()
    assert youth.legal_status == LegalStatus.LICENSE_IN_PROGRESS
    file = LicensingFile.objects.get(organization=youth)
    assert file.status == "preparing"

    steps = list(LicensingStep.objects.filter(is_active=True))
    assert len(steps) >= 2
    # Submitting while steps remain is refused with the reason.
    early = client.post(url("licensing", youth.pk), {"action": "submit"})
    assert early.status_code == 302
    assert tr(
        "Mark every step done, with its document where one is required, before submitting."
    ) in flashed(early)
    file.refresh_from_db()
    assert file.status == "preparing"

    # A step that needs evidence is not done without a document.
    needs_evidence = next(step for step in steps if step.evidence_required)
    missing = client.post(
        url("licensing", youth.pk), {"action": "step", "step": needs_evidence.pk, "done": "on"}
    )
    assert tr("This step needs a document as evidence.") in flashed(missing)
    assert not LicensingStepProgress.objects.filter(file=file, done=True).exists()

    evidence = add_document(youth, DocumentKind.FOUNDING_MEMBERS)
    for step in steps:
        response = client.post(
            url("licensing", youth.pk),
            {
                "action": "step",
                "step": step.pk,
                "done": "on",
                "evidence": evidence.pk,
                "note": "جاهز",
            },
        )
        assert response.status_code == 302
    progress = LicensingStepProgress.objects.filter(file=file)
    assert progress.count() == len(steps)
    assert all(p.done and p.evidence_id == evidence.pk for p in progress)
    page = text(client.get(url("licensing", youth.pk)))
    assert url("document_download", youth.pk, evidence.pk) in page

    submitted = client.post(url("licensing", youth.pk), {"action": "submit"})
    assert submitted.status_code == 302
    file.refresh_from_db()
    assert file.status == "submitted_to_ministry"
    assert file.submitted_at is not None


def test_another_organizations_document_is_not_evidence(client, org_owner, youth, other_org):
    client.force_login(org_owner)
    client.post(url("licensing", youth.pk), {"action": "open"})
    step = LicensingStep.objects.filter(is_active=True).first()
    response = client.post(
        url("licensing", youth.pk),
        {"action": "step", "step": step.pk, "done": "on", "evidence": other_org.test_document.pk},
    )
    assert response.status_code == 302
    assert flashed(response)
    assert not LicensingStepProgress.objects.exists()


def test_a_licensed_organization_is_not_offered_the_track(client, org_owner, organization):
    client.force_login(org_owner)
    page = client.get(url("licensing", organization.pk))
    assert page.status_code == 200
    assert 'value="open"' not in text(page)
    refused = client.post(url("licensing", organization.pk), {"action": "open"})
    assert refused.status_code == 302
    assert tr("The licensing track is for organizations that are not licensed yet.") in flashed(
        refused
    )
    assert not LicensingFile.objects.exists()


# --- my organizations ----------------------------------------------------------------------------


def test_my_organizations_lists_only_mine(client, org_owner, citizen):
    mine = OrganizationFactory(created_by=org_owner, name_ar="جمعيتي الأولى")
    theirs = OrganizationFactory(created_by=citizen, name_ar="جمعية ليست لي")
    add_member(theirs, UserFactory(), MemberRole.EDITOR)
    as_viewer = OrganizationFactory(created_by=citizen, name_ar="جمعية أشاهدها")
    add_member(as_viewer, org_owner, MemberRole.VIEWER)
    client.force_login(org_owner)
    html = text(client.get(url("mine")))
    assert "جمعيتي الأولى" in html
    assert "جمعية أشاهدها" in html
    assert "جمعية ليست لي" not in html
    assert url("manage", mine.pk) in html
    assert url("manage", theirs.pk) not in html
    with translation.override("en"):
        viewer = str(MemberRole.VIEWER.label)
    assert viewer in text(client.get(url("mine", lang="en")))


def _mine_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("mine"))
    assert response.status_code == 200
    return len(queries)


def test_my_organizations_page_queries_do_not_grow_with_the_organizations(client, org_owner):
    def add(count: int) -> None:
        for number in range(count):
            organization = OrganizationFactory(created_by=org_owner)
            if number % 2:
                make_member(organization)
            if number % 3 == 0:
                LicensingFile.objects.create(organization=organization, status="preparing")
            MembershipRequest.objects.create(organization=OrganizationFactory(), user=org_owner)

    add(3)
    client.force_login(org_owner)
    few = _mine_queries(client)
    add(12)
    many = _mine_queries(client)
    assert Organization.objects.filter(memberships_of_people__user=org_owner).count() == 15
    assert many == few, (few, many)


# --- both languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_pages_render_in_both_languages(client, org_owner, lang, direction):
    organization = OrganizationFactory(
        created_by=org_owner,
        name_ar="جمعية اللغتين",
        name_en="Two Languages Association",
        kind=OrganizationKind.YOUTH_INITIATIVE,
        legal_status=LegalStatus.UNLICENSED,
        registration_number="",
    )
    add_document(organization)
    MembershipRequest.objects.create(organization=organization, user=UserFactory())
    client.force_login(org_owner)
    addresses = [url("mine", lang=lang), url("register", lang=lang)] + [
        url(name, organization.pk, lang=lang) for name in PRIVATE_PAGES
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        html = text(response)
        assert f'dir="{direction}"' in html, address
        assert f'lang="{lang}"' in html, address
    manage = text(client.get(url("manage", organization.pk, lang=lang)))
    if lang == "en":
        assert "Two Languages Association" in manage
        assert "Membership of the national framework" in manage
    else:
        assert "جمعية اللغتين" in manage


# --- refusals always say why ---------------------------------------------------------------------


def test_an_unknown_role_is_refused_with_a_message(client, org_owner, organization):
    colleague = add_member(organization, UserFactory(), MemberRole.VIEWER)
    member = OrganizationMember.objects.get(organization=organization, user=colleague)
    join_request = MembershipRequest.objects.create(organization=organization, user=UserFactory())
    client.force_login(org_owner)
    changed = client.post(url("member_role", organization.pk, member.pk), {"role": "superuser"})
    assert changed.status_code == 302
    assert flashed(changed)
    member.refresh_from_db()
    assert member.role == MemberRole.VIEWER
    answered = client.post(
        url("request_answer", organization.pk, join_request.pk),
        {"action": "accept", "role": "king"},
    )
    assert answered.status_code == 302
    assert flashed(answered)
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_a_too_long_request_to_join_is_refused_with_a_message(client, citizen, hope):
    client.force_login(citizen)
    response = client.post(url("ask_to_join", hope.pk), {"message": "ن" * 1001})
    assert response.status_code == 302
    assert flashed(response)
    assert not MembershipRequest.objects.exists()


def test_a_duplicate_registration_number_is_found_however_it_is_written(client, citizen, hope):
    Organization.objects.filter(pk=hope.pk).update(registration_number="DAM-2015-771")
    Organization.objects.get(pk=hope.pk).save()  # recompute the comparison key
    client.force_login(citizen)
    response = client.post(url("register"), registration_data(registration_number="dam 2015/771"))
    assert response.status_code == 200
    html = text(response)
    assert "جمعيه الامل التقنيه" in html
    assert escape(tr("the same license or registration number")) in html
    assert Organization.objects.count() == 1


def test_an_invitation_link_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(url("accept_invitation", "some-token"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "invitations" in response["Location"]  # and comes back to it


def test_an_owner_withdraws_an_invitation_and_its_link_stops_working(
    client, org_owner, organization, django_capture_on_commit_callbacks
):
    client.force_login(org_owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invite", organization.pk), {"email": "late@example.sy", "role": "viewer"})
    token = re.search(r"/invitations/([A-Za-z0-9_\-]+)/", mail.outbox[-1].body).group(1)
    invitation = Invitation.objects.get()
    waiting = text(client.get(url("people", organization.pk)))
    assert url("invitation_revoke", organization.pk, invitation.pk) in waiting
    response = client.post(url("invitation_revoke", organization.pk, invitation.pk))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    people = text(client.get(url("people", organization.pk)))
    assert url("invitation_revoke", organization.pk, invitation.pk) not in people
    invited = UserFactory(email="late@example.sy")
    client.force_login(invited)
    client.post(url("accept_invitation", token))
    assert not OrganizationMember.objects.filter(user=invited).exists()


def test_the_legal_status_is_the_licensing_tracks_while_it_runs(client, org_owner, youth):
    client.force_login(org_owner)
    client.post(url("licensing", youth.pk), {"action": "open"})
    page = text(client.get(url("profile", youth.pk)))
    assert re.search(r'<select name="legal_status"[^>]*disabled', page)
    response = client.post(
        url("profile", youth.pk),
        registration_data(
            name_ar="مبادرة شباب درعا",
            name_en="Daraa Youth",
            kind=OrganizationKind.YOUTH_INITIATIVE,
            legal_status=LegalStatus.LICENSED,
            registration_number="FAKE-1",
        ),
    )
    assert response.status_code == 302
    youth.refresh_from_db()
    assert youth.legal_status == LegalStatus.LICENSE_IN_PROGRESS
    assert youth.name_en == "Daraa Youth"


def test_a_member_organization_is_told_so_on_its_application_page(client, org_owner, organization):
    make_member(organization)
    client.force_login(org_owner)
    html = text(client.get(url("application", organization.pk, lang="en")))
    assert "The organization is a member of the national framework." in html
    assert 'value="start"' not in html
    refused = client.post(url("application", organization.pk, lang="en"), {"action": "start"})
    assert "The organization is already a member of the framework." in flashed(refused)
    assert JoiningApplication.objects.filter(organization=organization).count() == 1
