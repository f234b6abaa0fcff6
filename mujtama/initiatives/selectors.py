"""Public reads only: initiatives and volunteer opportunities as anyone may see them,
with or without an account. Nothing here is scoped to a person; reads for an
organization's own people or for staff do not belong in these functions.

What the public may see is decided here once for the pages and the API:
- an initiative is public only when its publication level is "public" or "summary"
  (never "private"); a cancelled one only when its level is "public";
- a summary-only initiative shows its facts (title, organizations, governorates,
  status, dates, sector), never its description, indicators, activities or reach;
- nothing below the governorate is shown for an initiative that concerns vulnerable
  families (``Initiative.shows_places``);
- people reached are counted per governorate from the reach ledger, and a figure
  from fewer than 5 people is published as "fewer than 5" (``core.statistics``).

Each function is self-contained (it builds its own query), so that functions may be
added here without touching the others."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from mujtama.core.arabic import normalize_ar
from mujtama.core.statistics import Figure, count
from mujtama.geo.models import Governorate
from mujtama.initiatives.models import (
    Activity,
    Indicator,
    Initiative,
    InitiativeStatus,
    OpportunityStatus,
    Publication,
    VolunteerOpportunity,
)
from mujtama.organizations.models import Organization

PUBLISHED = (Publication.PUBLIC, Publication.SUMMARY)
# How the reach ledger names an activity as the source of the people it reached.
ACTIVITY_SOURCE = "initiatives.activity"
SEARCH_WORDS = 8
# The public record of an initiative lists this many of its latest activities.
ACTIVITY_LIMIT = 50

# Search: the query goes through normalize_ar, and each of its words becomes a
# pattern that finds it in a title as stored, whatever hamza, ta marbuta, alef maqsura,
# harakat, tatweel or digits the title carries. (A stored normalized search column, as
# organizations and places have, would let the database index this instead.)
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"
_VARIANTS = {
    "ا": "اأإآٱ",
    "ي": "يىئ",
    "ه": "هة",
    "و": "وؤ",
    **{str(digit): f"{digit}{chr(0x0660 + digit)}{chr(0x06F0 + digit)}" for digit in range(10)},
}


def spelling_pattern(word: str) -> str:
    """A regular expression (the same in Python, SQLite and PostgreSQL) that finds
    ``word``, already normalized by normalize_ar, in text that was not."""
    letters = [
        f"[{_VARIANTS[letter]}]" if letter in _VARIANTS else re.escape(letter) for letter in word
    ]
    return _MARKS.join(letters)


# --- initiatives ------------------------------------------------------------------------


def _published() -> QuerySet[Initiative]:
    return Initiative.objects.filter(publication__in=PUBLISHED).exclude(
        status=InitiativeStatus.CANCELLED, publication=Publication.SUMMARY
    )


def public_initiatives(
    *, q: str = "", governorate: str = "", organization: int | None = None, status: str = ""
) -> QuerySet[Initiative]:
    """Initiatives the public may see, newest first, with their lead organization and
    governorates (a fixed number of queries whatever the number of rows).

    ``governorate`` is a P-code; ``organization`` matches the lead or a partner;
    ``q`` matches words of the Arabic or English title, with normalize_ar's spelling
    variants (hamza, ta marbuta, alef maqsura, harakat, Arabic-Indic digits)."""
    initiatives = filter_initiatives(
        _published(), q=q, governorate=governorate, organization=organization, status=status
    )
    return initiatives.select_related("lead").prefetch_related(
        Prefetch("governorates", queryset=Governorate.objects.order_by("pcode"))
    )


def filter_initiatives(
    initiatives: QuerySet[Initiative],
    *,
    q: str = "",
    governorate: str = "",
    organization: int | None = None,
    status: str = "",
) -> QuerySet[Initiative]:
    """The list filters, shared by the public page and the API. None of them joins
    more than one row per initiative, so no DISTINCT is needed."""
    if governorate:
        initiatives = initiatives.filter(governorates__pcode=governorate)
    if organization is not None:
        partnered = Initiative.partners.through.objects.filter(organization_id=organization).values(
            "initiative_id"
        )
        initiatives = initiatives.filter(Q(lead_id=organization) | Q(pk__in=partnered))
    if status:
        initiatives = initiatives.filter(status=status)
    for word in normalize_ar(q).split()[:SEARCH_WORDS]:
        pattern = spelling_pattern(word)
        initiatives = initiatives.filter(Q(title_ar__iregex=pattern) | Q(title_en__iregex=pattern))
    return initiatives


def public_initiative(pk: int) -> Initiative | None:
    """One initiative the public may see, with its organizations and governorates;
    None when it is private (or does not exist)."""
    return (
        _published()
        .select_related("lead")
        .prefetch_related(
            Prefetch("governorates", queryset=Governorate.objects.order_by("pcode")),
            Prefetch("partners", queryset=Organization.objects.order_by("name_ar", "pk")),
        )
        .filter(pk=pk)
        .first()
    )


def shows_record(initiative: Initiative) -> bool:
    """Whether the public sees more than the summary: description, indicators,
    activities and people reached."""
    return initiative.publication == Publication.PUBLIC


def public_indicators(initiative: Initiative) -> list[Indicator]:
    if not shows_record(initiative):
        return []
    return list(Indicator.objects.filter(initiative=initiative).order_by("pk"))


@dataclass(frozen=True)
class PublicActivity:
    """An activity as the public sees it: ``locality`` and ``title`` (free text that
    may name a place) are None for an initiative that concerns vulnerable families."""

    pk: int
    held_on: date
    kind: str
    kind_label: str
    governorate: Governorate
    online: bool
    locality: Any
    title: str | None


def public_activities(
    initiative: Initiative, *, limit: int = ACTIVITY_LIMIT
) -> tuple[list[PublicActivity], int]:
    """The initiative's latest activities (at most ``limit``) and how many it has."""
    if not shows_record(initiative):
        return [], 0
    activities = Activity.objects.filter(initiative=initiative).select_related("governorate")
    places = initiative.shows_places
    if places:
        activities = activities.select_related("locality")
    else:
        # The locality is not even read: what is not loaded cannot be shown.
        activities = activities.defer("locality", "title", "facilitators", "notes")
    total = activities.count()
    rows = [
        PublicActivity(
            pk=activity.pk,
            held_on=activity.held_on,
            kind=activity.kind,
            kind_label=activity.get_kind_display(),
            governorate=activity.governorate,
            online=activity.online,
            locality=activity.locality if places and not activity.online else None,
            title=activity.title if places else None,
        )
        for activity in activities.order_by("-held_on", "-pk")[:limit]
    ]
    return rows, total


@dataclass(frozen=True)
class ReachRow:
    governorate: Governorate
    people: Figure


@dataclass(frozen=True)
class Reach:
    """People reached per governorate. ``total`` is None when showing it would let a
    reader work out a suppressed governorate's figure by subtraction."""

    rows: list[ReachRow]
    total: Figure | None


def public_reach(initiative: Initiative) -> Reach:
    """People the initiative's activities reached, per governorate, from the reach
    ledger (counted records and named people), never below the governorate. Made of
    the same public grid as the public exports (``exports.public_by_governorate``):
    cells of fewer than 5 people are left out before anything is added, so a
    governorate with only such cells shows "fewer than 5" and the total is the sum of
    what is shown."""
    from mujtama.initiatives.exports import public_by_governorate

    if not shows_record(initiative):
        return Reach([], None)
    people = public_by_governorate(Activity.objects.filter(initiative=initiative))
    if not people:
        return Reach([], None)
    places = Governorate.objects.filter(pk__in=people).order_by("pcode")
    rows = [ReachRow(place, count(people[place.pk])) for place in places]
    return Reach(rows, count(sum(people.values())))


# --- volunteer opportunities ------------------------------------------------------------


def public_opportunities(
    *, governorate: str = "", remote: bool = False
) -> QuerySet[VolunteerOpportunity]:
    """Opportunities open to volunteers whose end date has not passed, starting
    soonest first; ``governorate`` is a P-code, ``remote`` keeps those that can be
    done remotely."""
    opportunities = VolunteerOpportunity.objects.filter(
        status=OpportunityStatus.OPEN, ends_on__gte=timezone.localdate()
    )
    if governorate:
        opportunities = opportunities.filter(governorate__pcode=governorate)
    if remote:
        opportunities = opportunities.filter(remote=True)
    return opportunities.select_related("organization", "governorate").order_by("starts_on", "pk")


def public_opportunity(pk: int) -> VolunteerOpportunity | None:
    """Any opportunity, open or not: its page says whether it takes volunteers."""
    return (
        VolunteerOpportunity.objects.select_related("organization", "governorate")
        .filter(pk=pk)
        .first()
    )


def opportunity_initiative(opportunity: VolunteerOpportunity) -> Initiative | None:
    """The initiative an opportunity is part of, only when the public may see it."""
    if opportunity.initiative_id is None:
        return None
    return _published().filter(pk=opportunity.initiative_id).first()


def takes_volunteers(opportunity: VolunteerOpportunity) -> bool:
    return (
        opportunity.status == OpportunityStatus.OPEN and opportunity.ends_on >= timezone.localdate()
    )
