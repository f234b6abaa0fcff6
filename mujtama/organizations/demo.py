"""Demo organizations (development only): the joining criteria in two versions and about
sixty organizations of every kind across the fourteen governorates, with applications,
memberships and licensing files in every state.

Everything goes through the services, as people would do it on the site, so the audit
log, the timelines and the notifications are real. The only direct writes move dates
into the past (when an application was submitted or decided, when a membership
started, expires or lapses, when a licensing file was submitted, when a criteria
version was published), so that the work queue, the reminders and the directory look
like a platform that has been running for a year; and they create the not-yet-started
licensing file of two initiatives (a file in its initial state, as the licensing page
would).

Each organization other than the two of the personas gets an owner account of its
own (owner.<slug>@demo.mujtama.sy, verified, with the personas' demo password).

The data lives in ``demo_data``; what is already there is never created twice.
"""

import contextlib
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import IO, Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from mujtama.accounts.demo import DEMO_PASSWORD
from mujtama.accounts.models import Profile, User
from mujtama.accounts.services import user_create
from mujtama.core.arabic import normalize_ar
from mujtama.core.workflows import transition
from mujtama.geo.models import Governorate
from mujtama.organizations import demo_data as data
from mujtama.organizations.demo_data import Org
from mujtama.organizations.models import (
    DocumentKind,
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
    OrganizationDocument,
)
from mujtama.organizations.selectors import criteria_in_force
from mujtama.organizations.services.documents import document_upload
from mujtama.organizations.services.joining import (
    SubmissionBlocked,
    application_assign,
    application_decide,
    application_start,
    application_start_review,
    application_submit,
    application_tick,
    criteria_publish,
    criteria_save_draft,
)
from mujtama.organizations.services.licensing import (
    licensing_assign,
    licensing_decide,
    licensing_mark_step,
    licensing_open,
    licensing_submit,
)
from mujtama.organizations.services.membership import (
    add_months,
    membership_decide,
    membership_renew,
    memberships_daily,
)
from mujtama.organizations.services.people import (
    invitation_accept,
    invitation_create,
    request_create,
)
from mujtama.organizations.services.registry import organization_register

OWNER_EMAILS = {
    data.AMAL: "owner.amal@demo.mujtama.sy",
    data.JISR: "owner.jisr@demo.mujtama.sy",
}
CITIZEN_EMAIL = "citizen@demo.mujtama.sy"
# Plans approved while criteria version 1 was in force (the oldest members).
V1_ERA = {"v1", "expiring", "renewed", "expired"}
APPROVED = V1_ERA | {"active", "suspended", "provisional", "upgraded", "lapsed"}
# Licensing steps whose evidence is a document of its own kind; others are "other".
STEP_DOCUMENT_KIND = {
    "founding_members": DocumentKind.FOUNDING_MEMBERS,
    "draft_statutes": DocumentKind.STATUTES,
}
# Licenses granted through the licensing track: (number, days ago).
LICENSES = {"sanabel": ("3120", 10), "code-sweida": ("2987", 190)}


@dataclass
class Plan:
    """``state[:days[:officer]]`` from the data table."""

    state: str
    days: int = 0
    officer: str = ""

    @classmethod
    def parse(cls, text: str) -> "Plan":
        state, _, rest = text.partition(":")
        days, _, officer = rest.partition(":")
        return cls(state, int(days or 0), officer)


@dataclass
class Context:
    now: datetime
    settings: JoiningSettings
    officers: dict[str, User]
    governorates: dict[str, Governorate]
    areas: dict[str, ExpertiseArea]
    steps: list[LicensingStep]
    password_hash: str
    created: Counter[str] = field(default_factory=Counter)

    def decider(self, org: Org) -> User:
        """Associations and youth initiatives are decided by MoSAL, the rest by MoCT."""
        return self.officers["mosal" if org.kind in (data.NGO, data.YOUTH) else "moct"]

    def ago(self, days: int) -> datetime:
        return self.now - timedelta(days=days)


def seed(out: IO[str]) -> None:
    # Al-Amal is the first organization made: if it is there, everything is.
    if Organization.objects.filter(name_ar_key=normalize_ar(_row(data.AMAL).name_ar)).exists():
        out.write(_summary("already present"))
        return
    ctx = _context()
    first_version = not JoiningCriteria.objects.exists()
    if first_version:
        _publish_criteria(ctx, data.CRITERIA_V1, data.CRITERIA_V1_PUBLISHED_DAYS_AGO)
        early = [org for org in data.ORGANIZATIONS if Plan.parse(org.plan).state in V1_ERA]
    else:
        early = []
    for org in early:
        _seed_organization(ctx, org)
    if first_version or criteria_in_force() is None:
        _publish_criteria(ctx, data.CRITERIA_V2, data.CRITERIA_V2_PUBLISHED_DAYS_AGO)
    for org in data.ORGANIZATIONS:
        if org not in early:
            _seed_organization(ctx, org)
    _people_around_the_owners(ctx)
    # The daily run sends the expiry reminders and lapse warnings now due.
    memberships_daily()
    made = ", ".join(f"{n} {what}" for what, n in ctx.created.items())
    out.write(_summary(f"created {made}"))


# --- setting up ---------------------------------------------------------------------------


def _context() -> Context:
    officers = {
        name: User.objects.get(email=f"{name}@demo.mujtama.sy")
        for name in ("moct", "mosal", "reviewer")
    }
    return Context(
        now=timezone.now(),
        settings=JoiningSettings.current(),
        officers=officers,
        governorates={g.pcode: g for g in Governorate.objects.all()},
        areas={a.code: a for a in ExpertiseArea.objects.all()},
        steps=list(LicensingStep.objects.filter(is_active=True)),
        # One hash for every demo owner: hashing the same password sixty times would
        # take most of the seed's run time.
        password_hash=make_password(DEMO_PASSWORD),
    )


def _publish_criteria(ctx: Context, texts: dict[str, Any], days_ago: int) -> JoiningCriteria:
    moct = ctx.officers["moct"]
    criteria = criteria_save_draft(actor=moct, **texts)
    criteria = criteria_publish(actor=moct, criteria=criteria)
    published = ctx.ago(days_ago)
    JoiningCriteria.objects.filter(pk=criteria.pk).update(
        created_at=published - timedelta(days=6), published_at=published
    )
    return criteria


def _owner(ctx: Context, org: Org) -> User:
    email = OWNER_EMAILS.get(org.slug, f"owner.{org.slug}@demo.mujtama.sy")
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    user = user_create(email=email, full_name=org.owner, password=None)
    User.objects.filter(pk=user.pk).update(password=ctx.password_hash)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.filter(user=user).update(
        governorate=ctx.governorates[org.governorates.split()[0]]
    )
    ctx.created["accounts"] += 1
    return user


def _pdf(title_en: str, title_ar: str) -> bytes:
    """A one-page PDF naming the document (English on the page, Arabic in its title)."""
    text = title_en.replace("–", "-").encode("ascii", "replace")
    text = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = (
        b"BT /F1 15 Tf 56 780 Td (" + text + b") Tj 0 -22 Td /F1 10 Tf "
        b"(Mujtama Thakaa - demonstration document, not a real record.) Tj ET"
    )
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
        b"/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Title<FEFF%s>/Producer(Mujtama Thakaa demo)>>"
        % title_ar.encode("utf-16-be").hex().upper().encode(),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<</Size %d/Root 1 0 R/Info 6 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _upload(
    ctx: Context,
    org: Org,
    organization: Organization,
    owner: User,
    kind: str,
    titles: tuple[str, str],
) -> OrganizationDocument:
    title_ar, title_en = titles
    document = document_upload(
        actor=owner,
        organization=organization,
        kind=kind,
        upload=io.BytesIO(_pdf(f"{org.name_en} - {title_en}", f"{title_ar} – {org.name_ar}")),
        filename=f"{title_ar}.pdf",
    )
    ctx.created["documents"] += 1
    return document


# --- one organization ---------------------------------------------------------------------


def _seed_organization(ctx: Context, org: Org) -> None:
    if Organization.objects.filter(name_ar_key=normalize_ar(org.name_ar)).exists():
        return
    owner = _owner(ctx, org)
    organization = organization_register(
        actor=owner,
        governorates=[ctx.governorates[code] for code in org.governorates.split()],
        expertise_areas=[ctx.areas[code] for code in org.expertise.split()],
        kind=org.kind,
        scope=org.scope,
        legal_status=org.legal,
        registration_number=org.registration,
        founding_year=org.founded,
        name_ar=org.name_ar,
        name_en=org.name_en,
        description_ar=org.description_ar,
        description_en=org.description_en,
        members_count=org.members,
        volunteers_count=org.volunteers,
        public_email=org.email,
    )
    ctx.created["organizations"] += 1
    plan = Plan.parse(org.plan)
    _documents(ctx, org, organization, owner, plan)
    licensing = Plan.parse(org.licensing) if org.licensing else None
    if licensing is not None:
        _licensing_before_joining(ctx, org, organization, owner, plan, licensing)
        organization.refresh_from_db()
    _joining(ctx, org, organization, owner, plan)
    if plan.state in APPROVED:
        _membership(ctx, org, organization, owner, plan)
    if licensing is not None:
        _licensing_after_joining(ctx, org, organization, plan, licensing)
    if plan.state == "lapsed":
        # What the daily run does once the provisional period has passed.
        membership = Membership.objects.get(organization=organization)
        transition(obj=membership, action="lapse", actor=None)


def _documents(ctx: Context, org: Org, organization: Organization, owner: User, plan: Plan) -> None:
    if plan.state in ("none", "blocked"):
        kinds = []
    elif plan.state == "draft":
        kinds = [DocumentKind.STATUTES]
    else:
        kinds = [DocumentKind.STATUTES, DocumentKind.BOARD_LIST]
        if org.legal == data.LICENSED:
            kinds.append(DocumentKind.LICENSE)
        # Renewing needs an activity report of the past year; some others have one too.
        if plan.state in ("v1", "renewed", "expiring", "suspended") or (
            plan.state == "active" and plan.days % 2 == 0
        ):
            kinds.append(DocumentKind.ACTIVITY_REPORT)
    for kind in kinds:
        _upload(ctx, org, organization, owner, kind, data.DOCUMENT_TITLES[kind])


# --- joining ------------------------------------------------------------------------------


def _joining(ctx: Context, org: Org, organization: Organization, owner: User, plan: Plan) -> None:
    """The application as far as the plan goes."""
    if plan.state == "none":
        return
    application = application_start(actor=owner, organization=organization)
    ctx.created["applications"] += 1
    if plan.state == "draft":
        return
    if plan.state == "blocked":
        # The automatic checks refuse it and record why; the draft stays open.
        with contextlib.suppress(SubmissionBlocked):
            application_submit(actor=owner, application=application)
        return
    officer = ctx.decider(org)
    application = application_submit(actor=owner, application=application)
    if plan.officer:
        application = application_assign(
            actor=officer, application=application, officer=ctx.officers[plan.officer]
        )
    if plan.state == "submitted":
        _waiting_since(application, ctx.ago(plan.days))
        return
    application = application_start_review(actor=officer, application=application)
    criteria = application.criteria
    codes = [check["code"] for check in criteria.manual_checks] if criteria else []
    if plan.state == "resubmitted":
        application = application_decide(
            actor=officer,
            application=application,
            action="request_changes",
            reason=data.CHANGES_REASONS[org.slug],
        )
        application = application_submit(actor=owner, application=application)
        application = application_start_review(actor=officer, application=application)
    if plan.state in ("under_review", "resubmitted"):
        application_tick(actor=officer, application=application, ticked=set(codes[:1]))
        _waiting_since(application, ctx.ago(plan.days))
        return
    if plan.state == "changes_requested":
        application_decide(
            actor=officer,
            application=application,
            action="request_changes",
            reason=data.CHANGES_REASONS[org.slug],
        )
        _waiting_since(application, ctx.ago(9))
        return
    if plan.state == "rejected":
        application = application_decide(
            actor=officer,
            application=application,
            action="reject",
            reason=data.REJECT_REASONS[org.slug],
        )
        _waiting_since(application, ctx.ago(48), decided=ctx.ago(37))
        return
    application_tick(actor=officer, application=application, ticked=set(codes))
    provisional = organization.legal_status in (
        LegalStatus.UNLICENSED,
        LegalStatus.LICENSE_IN_PROGRESS,
    )
    application_decide(
        actor=officer,
        application=application,
        action="approve",
        reason=data.APPROVE_PROVISIONAL_REASON if provisional else data.APPROVE_REASON,
    )


def _waiting_since(
    application: JoiningApplication, submitted: datetime, decided: datetime | None = None
) -> None:
    values: dict[str, Any] = {"submitted_at": submitted}
    if decided is not None:
        values["decided_at"] = decided
    JoiningApplication.objects.filter(pk=application.pk).update(**values)


# --- membership ---------------------------------------------------------------------------


def _membership(
    ctx: Context, org: Org, organization: Organization, owner: User, plan: Plan
) -> None:
    """Move the membership's dates to where the plan puts them, then take the steps
    that follow: renewal, suspension, expiry. (Lapse comes after the licensing
    decision.)"""
    membership = Membership.objects.get(organization=organization)
    months = ctx.settings.membership_months
    if plan.state == "expiring":
        started = add_months(ctx.now + timedelta(days=plan.days), -months)
    elif plan.state == "renewed":
        started = add_months(ctx.now + timedelta(days=15), -months)
    elif plan.state == "expired":
        started = add_months(ctx.ago(plan.days), -months)
    elif plan.state == "lapsed":
        started = add_months(ctx.ago(plan.days), -ctx.settings.provisional_months)
    else:
        started = ctx.ago(plan.days)
    provisional = membership.provisional_until is not None
    Membership.objects.filter(pk=membership.pk).update(
        started_at=started,
        expires_at=add_months(started, months),
        provisional_until=(
            add_months(started, ctx.settings.provisional_months) if provisional else None
        ),
    )
    _waiting_since(membership.application, started - timedelta(days=8), decided=started)
    membership.refresh_from_db()
    if plan.state == "renewed":
        membership_renew(actor=owner, membership=membership)
    elif plan.state == "suspended":
        membership_decide(
            actor=ctx.decider(org),
            membership=membership,
            action="suspend",
            reason=data.SUSPEND_REASONS[org.slug],
        )
    elif plan.state == "expired":
        # What the daily run does once the date has passed.
        transition(obj=membership, action="expire", actor=None)


# --- licensing ----------------------------------------------------------------------------


def _licensing_before_joining(
    ctx: Context,
    org: Org,
    organization: Organization,
    owner: User,
    plan: Plan,
    licensing: Plan,
) -> None:
    """Prepare (and submit) the licensing file; a license granted before the
    organization applied is recorded here too."""
    if licensing.state == "not_started":
        # The file as the licensing page first shows it, before "start".
        LicensingFile.objects.get_or_create(organization=organization)
        ctx.created["licensing files"] += 1
        return
    file = licensing_open(actor=owner, organization=organization)
    ctx.created["licensing files"] += 1
    done = licensing.days if licensing.state == "preparing" else len(ctx.steps)
    for step in ctx.steps[:done]:
        _mark_step(ctx, org, organization, owner, file, step)
    if licensing.state == "preparing":
        return
    file = licensing_submit(actor=owner, file=file)
    mosal = ctx.officers["mosal"]
    if licensing.state == "returned":
        file = licensing_decide(
            actor=mosal, file=file, action="return", reason=data.LICENSING_RETURN_REASON
        )
        minutes = next((step for step in ctx.steps if step.code == "founding_meeting"), None)
        if minutes is not None:
            licensing_mark_step(
                actor=owner, file=file, step=minutes, done=False, note="يُعاد توقيع المحضر."
            )
        return
    if licensing.officer or licensing.state in ("licensed", "refused"):
        file = licensing_assign(actor=mosal, file=file, officer=mosal)
    if licensing.state == "submitted":
        LicensingFile.objects.filter(pk=file.pk).update(submitted_at=ctx.ago(licensing.days))
        return
    if licensing.state == "licensed" and plan.state != "upgraded":
        _grant(ctx, org, file)


def _licensing_after_joining(
    ctx: Context, org: Org, organization: Organization, plan: Plan, licensing: Plan
) -> None:
    """Decisions that came after the organization became a provisional member."""
    file = LicensingFile.objects.get(organization=organization)
    if licensing.state == "licensed" and plan.state == "upgraded":
        _grant(ctx, org, file)
    elif licensing.state == "refused":
        licensing_decide(
            actor=ctx.officers["mosal"],
            file=file,
            action="refuse",
            reason=data.LICENSING_REFUSE_REASON,
        )


def _grant(ctx: Context, org: Org, file: LicensingFile) -> None:
    number, days_ago = LICENSES[org.slug]
    date = (ctx.now - timedelta(days=days_ago)).date()
    licensing_decide(
        actor=ctx.officers["mosal"],
        file=file,
        action="grant",
        license_number=f"{number}/{date.year}",
        license_date=date,
    )


def _mark_step(
    ctx: Context,
    org: Org,
    organization: Organization,
    owner: User,
    file: LicensingFile,
    step: LicensingStep,
) -> None:
    evidence = None
    if step.evidence_required:
        kind = STEP_DOCUMENT_KIND.get(step.code, DocumentKind.OTHER)
        evidence = organization.documents.filter(kind=kind).first() if kind != "other" else None
        if evidence is None:
            evidence = _upload(ctx, org, organization, owner, kind, (step.name_ar, step.name_en))
    note = data.FUNDING_PLAN_NOTE if step.code == "funding_plan" else ""
    licensing_mark_step(actor=owner, file=file, step=step, done=True, evidence=evidence, note=note)


# --- people -------------------------------------------------------------------------------


def _people_around_the_owners(ctx: Context) -> None:
    """The citizen persona edits Al-Amal's profile (invited by its owner) and has asked
    to join Jisr."""
    citizen = User.objects.get(email=CITIZEN_EMAIL)
    amal = Organization.objects.get(name_ar_key=normalize_ar(_row(data.AMAL).name_ar))
    jisr = Organization.objects.get(name_ar_key=normalize_ar(_row(data.JISR).name_ar))
    if not amal.memberships_of_people.filter(user=citizen).exists():
        owner = User.objects.get(email=OWNER_EMAILS[data.AMAL])
        _invitation, token = invitation_create(
            actor=owner, organization=amal, email=citizen.email, role=MemberRole.EDITOR
        )
        invitation_accept(user=citizen, token=token)
    if not jisr.join_requests.filter(user=citizen).exists():
        request_create(user=citizen, organization=jisr, message=data.JOIN_REQUEST_MESSAGE)


def _row(slug: str) -> Org:
    return next(org for org in data.ORGANIZATIONS if org.slug == slug)


# --- summary ------------------------------------------------------------------------------


def _summary(what: str) -> str:
    def counts(values: Any) -> str:
        return ", ".join(f"{key} {n}" for key, n in sorted(Counter(values).items()))

    return (
        f"Demo organizations ({what}): {Organization.objects.count()} "
        f"[{counts(Organization.objects.values_list('kind', flat=True))}]; "
        f"applications [{counts(JoiningApplication.objects.values_list('status', flat=True))}]; "
        f"memberships [{counts(Membership.objects.values_list('status', flat=True))}]; "
        f"licensing files [{counts(LicensingFile.objects.values_list('status', flat=True))}]\n"
    )
