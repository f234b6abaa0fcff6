"""Human descriptions of the joining criteria's automatic checks.

``mujtama.organizations.rules`` says whether an organization passes a rule; this
module says, in the reader's language, what a rule asks for, so that the public page
on how to join can list the checks before anyone applies."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, ngettext

from mujtama.core.rules import RULE_TYPES
from mujtama.organizations.models import DocumentKind, LegalStatus, OrganizationKind, Scope
from mujtama.organizations.rules import REQUIRED_PROFILE_FIELDS


def _join(items: Iterable[str | Promise]) -> str:
    """A list in the active language: Arabic separates with an Arabic comma."""
    separator = "، " if (get_language() or "ar").startswith("ar") else ", "
    return separator.join(str(item) for item in items)


def _labels(choices: Any, values: Any) -> str:
    names = dict(choices)
    if not isinstance(values, (list, tuple)):
        values = [values] if values else []
    return _join(names.get(value, value) for value in values)


def _count(rule: Mapping[str, Any], default: int) -> int | None:
    try:
        return int(rule.get("value", default))
    except (TypeError, ValueError):
        return None


def _fallback(kind: str) -> str:
    """A rule this module cannot describe in detail: the label of its type."""
    if kind in RULE_TYPES:
        return str(RULE_TYPES[kind].label)
    return gettext("Another automatic check")


def describe_rule(rule: Mapping[str, Any]) -> str:
    """What the rule asks for, as a sentence in the active language: in English,
    ``{"type": "min_members", "value": 5}`` reads "At least 5 members"."""
    kind = str(rule.get("type", ""))
    if kind == "profile_complete":
        return gettext("The profile is complete: %(fields)s") % {
            "fields": _join(REQUIRED_PROFILE_FIELDS.values())
        }
    if kind == "documents":
        kinds = rule.get("kinds") or []
        if not kinds:
            return _fallback(kind)
        return gettext("These documents are uploaded: %(kinds)s") % {
            "kinds": _labels(DocumentKind.choices, kinds)
        }
    if kind == "legal_status_in":
        values = rule.get("values") or []
        if not values:
            return _fallback(kind)
        return gettext("The legal status is one of: %(statuses)s") % {
            "statuses": _labels(LegalStatus.choices, values)
        }
    if kind == "kind_in":
        values = rule.get("values") or []
        if not values:
            return _fallback(kind)
        return gettext("Open to: %(kinds)s") % {"kinds": _labels(OrganizationKind.choices, values)}
    if kind == "scope_is":
        wanted = rule.get("value") or Scope.DOMESTIC
        return gettext("Where the organization is based: %(scope)s") % {
            "scope": _labels(Scope.choices, wanted)
        }
    if kind == "min_members":
        count = _count(rule, 0)
        if count is None:
            return _fallback(kind)
        return ngettext("At least %(count)s member", "At least %(count)s members", count) % {
            "count": count
        }
    if kind == "min_expertise_areas":
        count = _count(rule, 1)
        if count is None:
            return _fallback(kind)
        return ngettext(
            "Works in at least %(count)s area of expertise",
            "Works in at least %(count)s areas of expertise",
            count,
        ) % {"count": count}
    if kind == "min_governorates":
        count = _count(rule, 1)
        if count is None:
            return _fallback(kind)
        return ngettext(
            "Works in at least %(count)s governorate",
            "Works in at least %(count)s governorates",
            count,
        ) % {"count": count}
    if kind == "founded_years_ago":
        count = _count(rule, 0)
        if count is None:
            return _fallback(kind)
        return ngettext(
            "Founded at least %(count)s year ago",
            "Founded at least %(count)s years ago",
            count,
        ) % {"count": count}
    return _fallback(kind)


def describe_rules(rules: Iterable[Mapping[str, Any]]) -> list[str]:
    return [describe_rule(rule) for rule in rules if isinstance(rule, Mapping)]
