"""Plain-language descriptions of what a call asks for, and the small pieces of
wording the public pages and the API share: where a call stands by the clock, sums
of money, and what an amendment changed.

``mujtama.programs.rules`` says whether an organization passes a call's rule; this
module says, in the reader's language, what the rule asks for, so that anyone can
read a call's eligibility before applying. A rule that cannot be read (malformed,
unknown type) is described by a generic sentence, never an error."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext_lazy

from mujtama.core.templatetags.zoned import zoned
from mujtama.geo.data import GOVERNORATES
from mujtama.organizations import display as organization_display
from mujtama.organizations.models import OrganizationKind
from mujtama.programs.models import Call, CallStatus, CallVersion
from mujtama.programs.notices import CHANGE_NAMES

# Where a call stands by the clock (not only by its workflow state).
OPEN = "open"
UPCOMING = "upcoming"
CLOSED = "closed"
PHASES = (OPEN, UPCOMING, CLOSED)
PHASE_CHOICES = [
    (OPEN, pgettext_lazy("call phase", "Open")),
    (UPCOMING, pgettext_lazy("call phase", "Opening soon")),
    (CLOSED, pgettext_lazy("call phase", "Closed")),
]


def _arabic() -> bool:
    return not (get_language() or "ar").startswith("en")


def _join(items: Iterable[Any]) -> str:
    separator = "، " if _arabic() else ", "
    return separator.join(str(item) for item in items)


def _generic() -> str:
    return gettext("Another eligibility condition, checked automatically")


def _codes(rule: Mapping[str, Any]) -> list[str]:
    values = rule.get("values")
    if not isinstance(values, (list, tuple)):
        return []
    return [str(value) for value in values if isinstance(value, (str, int)) and str(value)]


def governorate_name(pcode: str) -> str:
    for code, _iso, name_ar, name_en in GOVERNORATES:
        if code == pcode:
            return name_ar if _arabic() else name_en
    return pcode


def _area_name(rule: Mapping[str, Any], code: str, areas: Mapping[str, tuple[str, str]]) -> str:
    """The name written into the rule when it was saved, else the area's current
    name, else the code."""
    names = rule.get("names")
    pair: Any = names.get(code) if isinstance(names, Mapping) else None
    if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
        pair = areas.get(code)
    if not pair:
        return code
    name_ar, name_en = str(pair[0] or ""), str(pair[1] or "")
    return (name_ar or name_en) if _arabic() else (name_en or name_ar)


def _missing_area_codes(rules: Iterable[Any]) -> set[str]:
    """Area codes of expertise rules that carry no saved name."""
    missing: set[str] = set()
    for rule in rules:
        if not isinstance(rule, Mapping) or rule.get("type") != "expertise_any":
            continue
        names = rule.get("names")
        names = names if isinstance(names, Mapping) else {}
        missing.update(code for code in _codes(rule) if code not in names)
    return missing


def _area_names(codes: set[str]) -> dict[str, tuple[str, str]]:
    if not codes:
        return {}
    from mujtama.organizations.models import ExpertiseArea

    return {
        code: (name_ar, name_en)
        for code, name_ar, name_en in ExpertiseArea.objects.filter(code__in=codes).values_list(
            "code", "name_ar", "name_en"
        )
    }


def _describe(rule: Mapping[str, Any], areas: Mapping[str, tuple[str, str]] | None) -> str:
    kind = rule.get("type")
    if kind == "membership_current":
        return gettext(
            "The lead organization is a current member of the national framework "
            "(a member or a provisional member)"
        )
    if kind == "governorates_any":
        codes = _codes(rule)
        if not codes:
            return _generic()
        return gettext("Works in at least one of these governorates: %(places)s") % {
            "places": _join(governorate_name(code) for code in codes)
        }
    if kind == "expertise_any":
        codes = _codes(rule)
        if not codes:
            return _generic()
        if areas is None:
            areas = _area_names(_missing_area_codes([rule]))
        return gettext("Works in at least one of these areas of expertise: %(areas)s") % {
            "areas": _join(_area_name(rule, code, areas) for code in codes)
        }
    if kind == "consortium_includes_kind":
        wanted = rule.get("value")
        if not isinstance(wanted, str) or not wanted:
            return _generic()
        label = dict(OrganizationKind.choices).get(wanted, wanted)
        return gettext("The consortium (the lead organization or a partner) includes: %(kind)s") % {
            "kind": label
        }
    if not isinstance(kind, str) or not kind:
        return _generic()
    return organization_display.describe_rule(rule)


def describe_rule(rule: Any, *, areas: Mapping[str, tuple[str, str]] | None = None) -> str:
    """What one eligibility rule of a call asks for, as a sentence in the active
    language. ``areas`` (code → (Arabic, English) name) saves a query when several
    rules are described together (see ``describe_rules``)."""
    if not isinstance(rule, Mapping):
        return _generic()
    try:
        return _describe(rule, areas)
    except Exception:  # a malformed rule must never break a page
        return _generic()


def describe_rules(rules: Any) -> list[str]:
    """One sentence per rule, in order (at most one query, for area names that the
    rules do not carry)."""
    if not isinstance(rules, (list, tuple)):
        return []
    try:
        areas = _area_names(_missing_area_codes(rules))
    except Exception:  # the names are a nicety: describe without them
        areas = {}
    return [describe_rule(rule, areas=areas) for rule in rules]


# --- where a call stands --------------------------------------------------------------


def call_phase(call: Call, now: datetime | None = None) -> str:
    """open, upcoming or closed, by the clock: a published call whose window has
    come is open even before the periodic task moves its state."""
    now = now or timezone.now()
    if call.status in (CallStatus.PUBLISHED, CallStatus.OPEN):
        if now < call.opens_at:
            return UPCOMING
        if now < call.closes_at:
            return OPEN
    return CLOSED


def phase_label(phase: str) -> str:
    return str(dict(PHASE_CHOICES).get(phase, phase))


def phase_line(call: Call, now: datetime | None = None) -> str:
    """A sentence saying whether the call takes applications now, with the date
    in the reader's time zone (named)."""
    phase = call_phase(call, now)
    if phase == OPEN:
        return gettext("Open now: applications are accepted until %(date)s.") % {
            "date": zoned(call.closes_at)
        }
    if phase == UPCOMING:
        return gettext("Opens on %(date)s.") % {"date": zoned(call.opens_at)}
    return gettext("Closed on %(date)s: applications are no longer accepted.") % {
        "date": zoned(call.closes_at)
    }


# --- money ----------------------------------------------------------------------------


def money(amount: Any) -> str:
    """A sum in Syrian pounds with thousands separators: "1,500,000 SYP",
    in Arabic "1,500,000 ل.س"."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    if not value.is_finite():
        return str(amount)
    text = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    # The currency is a symbol, not a sentence: the same in every message catalogue.
    return f"{text} ل.س" if _arabic() else f"{text} SYP"


# --- amendments -----------------------------------------------------------------------


def change_labels(changes: Any) -> list[str]:
    """CallVersion.changes (keys) as what changed, in the active language."""
    if not isinstance(changes, (list, tuple)):
        return []
    return [str(CHANGE_NAMES.get(str(change), str(change))) for change in changes]


@dataclass(frozen=True)
class Amendment:
    version: int
    at: datetime
    changes: list[str]

    @property
    def summary(self) -> str:
        return gettext("Amended on %(date)s (version %(version)s): %(changes)s") % {
            "date": zoned(self.at),
            "version": self.version,
            "changes": _join(self.changes),
        }


def amendments(call: Call) -> list[Amendment]:
    """The call's amendments, newest first (version 1 is the call as published)."""
    return [
        Amendment(version.version, version.created_at, change_labels(version.changes))
        for version in CallVersion.objects.filter(call=call, version__gt=1).order_by("-version")
    ]
