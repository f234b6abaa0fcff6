"""Every route × every persona: the declared policy is what actually happens.

A GET of each named route, as each persona: a persona the policy allows gets through
the policy (any answer but 401/403/404 and, for routes that are not public, no
detour to sign-in or to second-factor set-up); a persona it refuses is stopped
(403/404, or sent to sign in / to set up the second factor)."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from conftest import PERSONA_NAMES
from mujtama.core.policies import PUBLIC, iter_routes
from mujtama.organizations.tests.factories import PDF_BYTES

# Example values for URL parameters, by parameter name; "pk" and the ids of the
# organization routes point at objects the `world` fixture creates for the persona.
EXAMPLES = {
    "pcode": "SY09",
    "kind": "subdistrict",
    "pk": "1",
    "id": "1",
    "object_id": "1",
    "app_label": "accounts",
    "key": "not-a-real-key",
    "uidb36": "1",
    "content_type_id": "1",
    "url": "missing",
    "code": "K7QM4XPDR",
    "tracking_code": "K7QM4XPDR",
}
# Routes whose view, once the policy let the person through, itself answers 403 or
# 404 for the example parameters: object-level answers, not route policy.
VIEW_DECIDES = {
    # allauth: no recovery codes or authenticator of this person's to show or remove
    "mfa_view_recovery_codes": {404},
    "mfa_download_recovery_codes": {404},
    "mfa_deactivate_totp": {404},
    # admin: object 1 of content type 1 has no page on the site
    "admin:view_on_site": {404},
    # admin: user 1 may not exist (PostgreSQL does not reuse ids between tests)
    "admin:auth_user_password_change": {404},
    # admin: autocomplete without its query parameters
    "admin:autocomplete": {403},
    # the example organization has no logo
    "organizations_public:logo": {404},
    # the example feedback has no screenshot
    "feedback_staff:item_screenshot": {404},
    # no desk to take away: desks are given to officers, not matrix personas
    "feedback_staff:desk_remove": {404},
    # the example code belongs to no issued document: the page says "not found"
    "verification:document": {404},
    # the example token belongs to no follow-up survey: the page says "not valid"
    "training_followup:answer": {404},
}


def _admin_refusals():
    """Admin pages a model's admin refuses even to a superuser (append-only and
    read-only registries): the admin's own 403, not the route policy's."""
    from types import SimpleNamespace

    from django.contrib import admin

    superuser = SimpleNamespace(
        is_active=True, is_staff=True, is_superuser=True, has_perm=lambda *args: True
    )
    request = SimpleNamespace(user=superuser)
    refusals = {}
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        if not model_admin.has_add_permission(request):
            refusals[f"{prefix}_add"] = {403}
        if not model_admin.has_delete_permission(request):
            refusals[f"{prefix}_delete"] = {403}
    return refusals


VIEW_DECIDES.update(_admin_refusals())
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")
TOKEN = "matrix-invitation-token"


@pytest.fixture
def world(db, persona, persona_name):
    """Builds what a route's parameters point at, for the persona: only the part of
    the world the route's app needs ("organizations", "programs" or "feedback")."""

    def build(part):
        user = persona(persona_name)
        if part == "feedback":
            return _feedback_world(user)
        if part == "initiatives":
            return _initiatives_world(user)
        if part == "training":
            return _training_world(user)
        return _organizations_world(user, with_programs=part == "programs")

    return build


def _organizations_world(user, *, with_programs):
    """An organization the persona owns (a fresh owner for anonymous), a member of
    the framework, with a document, an invitation, a request to join, a submitted
    application and licensing file (assigned to the persona when a reviewer), and
    criteria in force; with ``with_programs``, the programs world around it too."""
    import hashlib

    from django.utils import timezone

    from mujtama.accounts.tests.factories import UserFactory
    from mujtama.organizations.models import (
        ExpertiseArea,
        Invitation,
        JoiningApplication,
        LicensingFile,
        LicensingStep,
        Membership,
        MembershipRequest,
        OrganizationMember,
    )
    from mujtama.organizations.tests.factories import (
        OrganizationFactory,
        add_document,
        criteria_in_force,
    )

    owner = user or UserFactory()
    reviewer = user if user is not None and "reviewer" in user.roles else None
    org = OrganizationFactory(created_by=owner)
    now = timezone.now()
    criteria = criteria_in_force(owner)
    approved = JoiningApplication.objects.create(
        organization=org, created_by=owner, status="approved", criteria=criteria
    )
    Membership.objects.create(
        organization=org,
        status="active",
        application=approved,
        started_at=now,
        expires_at=now + timezone.timedelta(days=300),
    )
    application = JoiningApplication.objects.create(
        organization=org,
        created_by=owner,
        status="submitted",
        criteria=criteria,
        submitted_at=now,
        assigned_to=reviewer,
    )
    file = LicensingFile.objects.create(
        organization=org, status="submitted_to_ministry", submitted_at=now, assigned_to=reviewer
    )
    invitation = Invitation.objects.create(
        organization=org,
        email="invited@example.sy",
        role="editor",
        invited_by=owner,
        token_hash=hashlib.sha256(TOKEN.encode()).hexdigest(),
        expires_at=now + timezone.timedelta(days=7),
    )
    join_request = MembershipRequest.objects.create(organization=org, user=UserFactory())
    ids = {
        **(_programs_world(user, owner, org) if with_programs else {}),
        "organization": org.pk,
        "application": application.pk,
        "licensing": file.pk,
        "criteria": criteria.pk,
        "step": LicensingStep.objects.first().pk,
        "area": ExpertiseArea.objects.first().pk,
        "document": add_document(org).pk,
        "invitation": invitation.pk,
        "member_id": OrganizationMember.objects.get(organization=org, user=owner).pk,
        "request_id": join_request.pk,
        "token": TOKEN,
    }
    return ids


def _programs_world(user, owner, org):
    """A published program with an open call; the persona's organization leads a
    submitted application (with a file answer) and is invited as a partner on
    another; a third organization's application is assigned to the persona for
    review (no conflict declared yet: accepted) when they are a reviewer."""
    from mujtama.accounts.tests.factories import UserFactory
    from mujtama.programs.models import Application, ApplicationPartner, Review
    from mujtama.programs.services.applications import application_save, application_submit
    from mujtama.programs.tests import factories as programs

    manager = programs.manager()
    program = programs.make_program(manager)
    call = programs.make_call(manager, program=program)
    file_question = programs.question(call, "file")
    own = programs.start(call, owner, org)
    application_save(
        actor=owner,
        application=own,
        answers={},
        files={file_question.pk: (programs.upload(PDF_BYTES), "budget.pdf")},
    )
    own = application_submit(actor=owner, application=Application.objects.get(pk=own.pk))
    other = programs.start(call, UserFactory())
    invitation = ApplicationPartner.objects.create(application=other, organization=org)
    reviewed = programs.submitted(call, UserFactory())
    review = None
    if user is not None and "reviewer" in user.roles:
        review = Review.objects.create(
            application=reviewed, reviewer=user, status="accepted", assigned_by=manager
        )
    return {
        "program": program.pk,
        "call": call.pk,
        "org": org.pk,
        "question": file_question.pk,
        "partner": invitation.pk,
        "programs_application": own.pk,
        "review": review.pk if review else reviewed.pk,
    }


def _feedback_world(user):
    """A service with one piece of feedback in a need; an officer persona answers its
    ministry (a desk), so that the item pages are theirs."""
    from mujtama.feedback.models import FeedbackDesk, Need
    from mujtama.feedback.permissions import OFFICER_ROLES
    from mujtama.feedback.tests.factories import item, ministry, service

    desk = ministry("matrix")
    feedback = item(service(desk, code=90))
    need = Need.objects.create(service=feedback.service, size=1)
    feedback.need = need
    feedback.save(update_fields=["need"])
    if user is not None and set(user.roles) & OFFICER_ROLES:
        FeedbackDesk.objects.create(user=user, ministry=desk)
    return {
        "feedback_item": feedback.pk,
        "feedback_need": need.pk,
        "feedback_service": feedback.service_id,
        "feedback_ministry": desk.pk,
        "code": feedback.tracking_code,
        "tracking_code": feedback.tracking_code,
    }


def _initiatives_world(user):
    """The persona's organization (a fresh owner for anonymous) leads a public, active
    initiative with an indicator; it posts an opportunity the persona volunteers in,
    with approved hours and an hours statement; and it records one person by name."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from mujtama.accounts.tests.factories import UserFactory
    from mujtama.impact.ledger import beneficiary_record
    from mujtama.initiatives.services import volunteers
    from mujtama.initiatives.tests import factories
    from mujtama.organizations.tests.factories import add_member

    owner = user or UserFactory()
    org = factories.organization(owner=owner)
    approver = add_member(org, UserFactory())
    initiative = factories.make_initiative(lead=org)
    opportunity = factories.make_opportunity(org)
    volunteering = volunteers.volunteering_apply(
        actor=owner, opportunity=opportunity, motivation="أريد المساعدة"
    )
    volunteering = volunteers.volunteering_move(
        actor=approver, volunteering=volunteering, action="accept"
    )
    entry = volunteers.hours_log(
        actor=owner,
        volunteering=volunteering,
        worked_on=timezone.localdate() - timedelta(days=1),
        hours=Decimal(2),
        description="تدريب",
    )
    volunteers.hours_decide(actor=approver, entry=entry, action="approve")
    waiting = volunteers.hours_log(
        actor=owner,
        volunteering=volunteering,
        worked_on=timezone.localdate() - timedelta(days=2),
        hours=Decimal(1),
        description="تدريب",
    )
    statement = volunteers.hours_statement(actor=owner, organization=org)
    person = beneficiary_record(
        actor=owner,
        organization=org,
        source=initiative,
        reached_on=timezone.localdate(),
        full_name="ليلى حسن",
        birth_year=2004,
        sex="f",
        locality=factories.locality(),
        phone="0933123456",
    )
    return {
        "org": org.pk,
        "initiative": initiative.pk,
        "indicator": factories.make_indicator(initiative).pk,
        "opportunity": opportunity.pk,
        "volunteering": volunteering.pk,
        "hours": waiting.pk,
        "statement": statement.pk,
        "beneficiary": person.pk,
        "kind": "activities",
    }


def _training_world(user):
    """The persona's organization provides a course with a published cohort open to
    applications; the persona applied, was offered a place, and holds a certificate."""
    from django.utils import timezone

    from mujtama.accounts.services import profile_update
    from mujtama.accounts.tests.factories import UserFactory
    from mujtama.geo.models import Governorate
    from mujtama.initiatives.tests import factories
    from mujtama.training.services import enrollments
    from mujtama.training.services.certificates import certificate_issue
    from mujtama.training.tests.conftest import make_cohort

    owner = user or UserFactory()
    org = factories.organization(owner=owner)
    from mujtama.training.services.courses import course_create

    course = course_create(
        actor=owner,
        provider=org,
        title_ar="أساسيات البرمجة",
        title_en="Programming basics",
        description_ar="دورة تمهيدية.",
        description_en="An introduction.",
        skills="Python",
        level="beginner",
        hours=40,
        mode="online",
    )
    cohort = make_cohort({"editor": owner, "course": course})
    profile_update(
        user=owner,
        full_name=owner.full_name,
        governorate=Governorate.objects.get(pcode="SY09"),
        birth_year=timezone.localdate().year - 20,
        sex="female",
    )
    enrollment = enrollments.enrollment_apply(actor=owner, cohort=cohort, motivation="أريد")
    enrollments.cohort_select(actor=owner, cohort=cohort)
    certificate = certificate_issue(enrollment=enrollment, actor=owner)
    return {
        "org": org.pk,
        "course": course.pk,
        "cohort": cohort.pk,
        "enrollment": enrollment.pk,
        "certificate": certificate.pk,
    }


TRAINING_PKS = {
    "course": ("training:cohort_new", "training_public:course"),
    "enrollment": ("training:act", "training:enrollment_decide", "training:assessment"),
    "certificate": ("training:certificate", "training:certificate_revoke"),
}


INITIATIVE_PKS = {
    "opportunity": (
        "initiatives:opportunity_move",
        "initiatives:apply",
        "initiatives_public:opportunity",
    ),
    "volunteering": (
        "initiatives:volunteering_decide",
        "initiatives:withdraw",
        "initiatives:hours_log",
    ),
    "hours": ("initiatives:hours_decide",),
    "statement": ("initiatives:statement_revoke", "initiatives:statement_pdf"),
    "beneficiary": ("impact:beneficiary",),
}


def _pk_for(name, world):
    if "cohort" in world:
        for key, names in TRAINING_PKS.items():
            if name in names:
                return world[key]
        return world["cohort"]
    for key, names in INITIATIVE_PKS.items():
        if name in names:
            return world[key]
    if name.startswith(("initiatives", "v1:initiative", "v1:own-")):
        return world["initiative"]
    if name.startswith("feedback_staff:need"):
        return world["feedback_need"]
    if name.startswith("feedback_staff:ministry"):
        return world["feedback_ministry"]
    if name.startswith("feedback_staff:service") or name == "feedback:service":
        return world["feedback_service"]
    if name.startswith("feedback_staff:item"):
        return world["feedback_item"]
    if name in (
        "programs:application",
        "programs:answer_file",
        "programs:partners",
        "programs_staff:application",
        "programs_staff:assign",
        "programs_staff:application_act",
    ):
        return world["programs_application"]
    if name == "programs_review:review":
        return world["review"]
    if name in ("programs_staff:program", "programs_staff:program_edit", "programs_public:program"):
        return world["program"]
    if name.startswith(
        ("programs_staff:call", "programs_staff:ranking", "programs_public:call")
    ) or (name.startswith("v1:call-")):
        return world["call"]
    if name in (
        "organizations_staff:application",
        "organizations_staff:application_assign",
        "organizations_staff:application_checks",
        "organizations_staff:application_act",
    ):
        return world["application"]
    if name.startswith("organizations_staff:licensing_step"):
        return world["step"]
    if name.startswith("organizations_staff:licensing"):
        return world["licensing"]
    if name.startswith(("organizations_staff:criteria", "organizations_public:criteria")):
        return world["criteria"]
    if name.startswith("organizations_staff:expertise"):
        return world["area"]
    if name.startswith(("organizations:", "organizations_public:", "organizations_staff:")) or (
        name.startswith("v1:") and "organization" in name
    ):
        return world["organization"]
    return EXAMPLES["pk"]


def _world_part(name):
    """Which part of the world a route's parameters point at, if any."""
    api = name.startswith("v1:")
    if name.startswith("feedback") or (api and "feedback" in name):
        return "feedback"
    if name.startswith("training") or (api and "cohort" in name):
        return "training"
    if name.startswith(("initiatives", "impact:beneficiar")) or (
        api and ("initiative" in name or "own-" in name)
    ):
        return "initiatives"
    if name.startswith("programs") or (api and "call-" in name):
        return "programs"
    if name.startswith(("organizations", "admin:organizations")) or (
        api and "organization" in name
    ):
        return "organizations"
    return None


def _url(route, world=None):
    names = [a or b for a, b in PARAM.findall(route.pattern)]
    kwargs = {}
    for name in names:
        if name == "pk" and world is not None:
            kwargs[name] = _pk_for(route.name, world)
        elif world is not None and name in world:
            kwargs[name] = world[name]
        elif name in EXAMPLES:
            kwargs[name] = EXAMPLES[name]
        else:
            kwargs[name] = {
                "document": 1,
                "invitation": 1,
                "member_id": 1,
                "request_id": 1,
                "token": TOKEN,
                "program": 1,
                "call": 1,
                "org": 1,
                "question": 1,
                "partner": 1,
                "indicator": 1,
                "dataset": "activities",
                "fmt": "csv",
            }[name]
    if route.name.startswith("admin:") and "app_label" in kwargs:
        kwargs["app_label"] = "accounts"
    return reverse(route.name, kwargs=kwargs or None)


ROUTES = sorted(
    (route for route in iter_routes() if route.name), key=lambda route: route.name or ""
)


def test_every_named_route_can_be_visited_by_the_matrix():
    for route in ROUTES:
        assert _url(route)  # raises NoReverseMatch or KeyError for a missing example


@pytest.mark.parametrize("persona_name", PERSONA_NAMES)
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_route_policy_is_enforced(client, db, persona, persona_name, route, request):
    user = persona(persona_name)
    if user is not None:
        client.force_login(user)
    part = _world_part(route.name)
    url = _url(route, request.getfixturevalue("world")(part) if part else None)
    response = client.get(url)
    location = response.headers.get("Location", "")
    to_login = response.status_code == 302 and "/accounts/login/" in location
    to_second_factor = response.status_code == 302 and "/2fa/totp/activate/" in location
    if route.policy.check(user or AnonymousUser()).allowed:
        refused = {401, 403, 404} - VIEW_DECIDES.get(route.name, set())
        assert response.status_code not in refused, (url, response.status_code)
        if route.policy is not PUBLIC:
            assert not to_login and not to_second_factor, (url, location)
    else:
        assert response.status_code in (401, 403, 404) or to_login or to_second_factor, (
            url,
            response.status_code,
            location,
        )
