"""Every write to volunteer opportunities, volunteering, hours and hours statements."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from mujtama.core import verification
from mujtama.core.models import DocumentKind, VerifiableDocument
from mujtama.core.permissions import Decision, deny
from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.geo.models import Governorate
from mujtama.initiatives import notices
from mujtama.initiatives import permissions as can
from mujtama.initiatives.models import (
    HoursEntry,
    HoursStatement,
    HoursStatus,
    Initiative,
    OpportunityStatus,
    Volunteering,
    VolunteeringStatus,
    VolunteerOpportunity,
)
from mujtama.organizations.models import Organization

# How far back a volunteer may log hours, and never in the future.
LOG_WINDOW_DAYS = 90


def opportunity_post(
    *,
    actor: Any,
    organization: Organization,
    title_ar: str,
    title_en: str,
    description_ar: str,
    description_en: str,
    skills: str,
    hours_per_week: int,
    starts_on: date,
    ends_on: date,
    remote: bool = False,
    governorate: Governorate | None = None,
    initiative: Initiative | None = None,
) -> VolunteerOpportunity:
    can.edits(actor, organization).require()
    errors: dict[str, str] = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The end date must not be before the start date.")
    if not remote and governorate is None:
        errors["governorate"] = _("Choose the governorate, or say it can be done remotely.")
    if initiative is not None and initiative.lead_id != organization.pk:
        errors["initiative"] = _("Choose one of the organization's own initiatives.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        opportunity = VolunteerOpportunity.objects.create(
            organization=organization,
            initiative=initiative,
            title_ar=title_ar.strip(),
            title_en=title_en.strip(),
            description_ar=description_ar.strip(),
            description_en=description_en.strip(),
            skills=skills.strip(),
            hours_per_week=hours_per_week,
            starts_on=starts_on,
            ends_on=ends_on,
            remote=remote,
            governorate=governorate,
            created_by=actor,
        )
        audit_record(actor=actor, verb="initiatives.opportunity_posted", target=opportunity)
    return opportunity


def opportunity_move(*, actor: Any, opportunity: VolunteerOpportunity, action: str) -> Any:
    return transition(obj=opportunity, action=action, actor=actor)


def volunteering_apply(
    *, actor: Any, opportunity: VolunteerOpportunity, motivation: str
) -> Volunteering:
    """A signed-in person applies to an open opportunity; the organization's editors
    are told."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Please sign in to volunteer."))
    if opportunity.status != OpportunityStatus.OPEN or opportunity.ends_on < timezone.localdate():
        raise ValidationError(_("This opportunity no longer takes volunteers."))
    motivation = motivation.strip()
    if not motivation:
        raise ValidationError({"motivation": _("Say in a few words why you want to volunteer.")})
    try:
        with transaction.atomic():
            volunteering = Volunteering.objects.create(
                opportunity=opportunity, volunteer=actor, motivation=motivation
            )
            audit_record(actor=actor, verb="initiatives.volunteer_applied", target=volunteering)
            notices.volunteer_applied(volunteering)
    except IntegrityError as exc:
        raise ValidationError(_("You have already applied to this opportunity.")) from exc
    return volunteering


def volunteering_move(
    *, actor: Any, volunteering: Volunteering, action: str, reason: str = ""
) -> Any:
    return transition(obj=volunteering, action=action, actor=actor, reason=reason)


def hours_log(
    *, actor: Any, volunteering: Volunteering, worked_on: date, hours: Decimal, description: str
) -> HoursEntry:
    """The volunteer logs hours they gave; an editor of the organization approves
    or rejects them."""
    can.the_volunteer(actor, volunteering).require()
    if volunteering.status != VolunteeringStatus.ACCEPTED:
        raise ValidationError(_("Hours can be logged only while your volunteering is accepted."))
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if worked_on > today:
        errors["worked_on"] = _("Hours cannot be logged for a day still to come.")
    elif (today - worked_on).days > LOG_WINDOW_DAYS:
        errors["worked_on"] = _("Hours can be logged up to %(days)s days back.") % {
            "days": LOG_WINDOW_DAYS
        }
    elif not (volunteering.opportunity.starts_on <= worked_on <= volunteering.opportunity.ends_on):
        errors["worked_on"] = _("The day is outside the dates of the opportunity.")
    if not Decimal("0.25") <= hours <= 16:
        errors["hours"] = _("Enter between a quarter of an hour and 16 hours for one day.")
    if not description.strip():
        errors["description"] = _("Say briefly what you did.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        logged = (
            HoursEntry.objects.filter(volunteering__volunteer=actor, worked_on=worked_on)
            .exclude(status=HoursStatus.REJECTED)
            .aggregate(total=Sum("hours"))["total"]
            or 0
        )
        if logged + hours > 16:
            raise ValidationError(
                {
                    "hours": _(
                        "You already logged %(hours)s hours on that day; a day has at most 16."
                    )
                    % {"hours": logged}
                }
            )
        entry = HoursEntry.objects.create(
            volunteering=volunteering,
            worked_on=worked_on,
            hours=hours,
            description=description.strip(),
        )
        audit_record(
            actor=actor,
            verb="initiatives.hours_logged",
            target=entry,
            changes={"hours": str(hours), "on": str(worked_on)},
        )
    return entry


def hours_decide(*, actor: Any, entry: HoursEntry, action: str, reason: str = "") -> Any:
    """Approve or reject an entry: an editor of the organization who is not the
    volunteer."""

    def stamp(locked: HoursEntry) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        if action == "reject":
            locked.rejection_reason = reason.strip()[:500]

    return transition(obj=entry, action=action, actor=actor, reason=reason, apply=stamp)


def approved_hours(volunteer: Any, organization: Organization | None = None) -> Decimal:
    entries = HoursEntry.objects.filter(
        volunteering__volunteer=volunteer, status=HoursStatus.APPROVED
    )
    if organization is not None:
        entries = entries.filter(volunteering__opportunity__organization=organization)
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal(0)


def _statement_revoker(actor: Any, document: VerifiableDocument) -> Decision:
    """An hours statement is revoked by an owner of the organization that approved
    the hours (or a platform administrator, as every document)."""
    organization_id = (
        HoursStatement.objects.filter(document=document)
        .values_list("organization_id", flat=True)
        .first()
    )
    if organization_id is None:
        return deny(
            _("Only the issuer of this document or a platform administrator may revoke it.")
        )
    return can.owns(actor, organization_id)


verification.REVOKERS[DocumentKind.VOLUNTEER_HOURS] = _statement_revoker


def initials(name: str) -> str:
    """ "ليلى عبد الرحمن" → "ل. ع. ر."; the form of a name shown publicly when its
    holder prefers not to show it whole."""
    words = [w for w in name.split() if w not in {"عبد", "بن", "بنت", "ابن"}]
    return " ".join(f"{w.removeprefix('ال')[:1] or w[:1]}." for w in words)


def hours_statement(
    *, actor: Any, organization: Organization, full_name_public: bool = True
) -> HoursStatement:
    """The volunteer's statement of the hours ``organization`` approved: the latest
    valid one if no hours were approved since (and the name is shown the same way),
    else a new one. The public verification page shows the name whole or as initials,
    as the volunteer chose; the PDF, which is theirs, always has it whole."""
    entries = HoursEntry.objects.filter(
        volunteering__volunteer=actor,
        volunteering__opportunity__organization=organization,
        status=HoursStatus.APPROVED,
    )
    figures = entries.aggregate(total=Sum("hours"), first=Min("worked_on"), last=Max("worked_on"))
    if not figures["total"]:
        raise ValidationError(_("There are no approved hours with this organization yet."))
    latest = (
        HoursStatement.objects.filter(
            volunteer=actor, organization=organization, document__status="valid"
        )
        .select_related("document")
        .first()
    )
    name = actor.get_full_name() or actor.email
    shown = name if full_name_public else initials(name)
    if (
        latest is not None
        and latest.hours == figures["total"]
        and latest.last_day == figures["last"]
        and latest.document.holder_name == shown
    ):
        return latest
    total = figures["total"].normalize()
    summaries = {}
    for language in ("ar", "en"):
        with override(language):
            summaries[language] = _(
                "%(hours)s approved volunteer hours, from %(first)s to %(last)s."
            ) % {"hours": f"{total:f}", "first": figures["first"], "last": figures["last"]}
    with transaction.atomic():
        document = verification.document_issue(
            actor=actor,
            kind=DocumentKind.VOLUNTEER_HOURS,
            holder_name=shown,
            title_ar="إفادة ساعات تطوع",
            title_en="Volunteer hours statement",
            issuer_ar=organization.name_ar,
            issuer_en=organization.name_en or organization.name_ar,
            summary_ar=summaries["ar"],
            summary_en=summaries["en"],
        )
        statement = HoursStatement.objects.create(
            volunteer=actor,
            organization=organization,
            document=document,
            hours=figures["total"],
            first_day=figures["first"],
            last_day=figures["last"],
        )
        # The document names the record behind it, which exists only now.
        VerifiableDocument.objects.filter(pk=document.pk).update(
            source_type=HoursStatement._meta.label_lower, source_id=str(statement.pk)
        )
        audit_record(
            actor=actor,
            verb="initiatives.hours_statement_issued",
            target=statement,
            changes={"hours": str(figures["total"]), "code": document.code},
        )
    return statement
