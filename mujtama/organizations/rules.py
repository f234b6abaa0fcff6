"""Rule types over an organization snapshot (see mujtama.core.rules).

A snapshot is a plain dict built by ``organization_snapshot``: what the organization
was at one moment. The rules only read it, so a result can be recomputed and
explained later."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.core.rules import Verdict, rule_type
from mujtama.organizations.models import (
    DocumentKind,
    LegalStatus,
    Organization,
    OrganizationKind,
    Scope,
)

REQUIRED_PROFILE_FIELDS = {
    "name_ar": _("Arabic name"),
    "name_en": _("English name"),
    "description_ar": _("Arabic description"),
    "description_en": _("English description"),
    "founding_year": _("year founded"),
    "governorates": _("governorates"),
    "expertise": _("areas of expertise"),
    "contact": _("public email or phone"),
    "members_count": _("number of members"),
}


def organization_snapshot(organization: Organization) -> dict[str, Any]:
    """Everything the rules read about an organization, as plain data."""
    governorates = sorted(organization.governorates.values_list("pcode", flat=True))
    expertise = sorted(organization.expertise_areas.values_list("code", flat=True))
    documents = sorted(set(organization.documents.values_list("kind", flat=True)))
    values = {
        "name_ar": organization.name_ar,
        "name_en": organization.name_en,
        "description_ar": organization.description_ar,
        "description_en": organization.description_en,
        "founding_year": organization.founding_year,
        "governorates": governorates,
        "expertise": expertise,
        "contact": organization.public_email or organization.public_phone,
        "members_count": organization.members_count,
    }
    membership = getattr(organization, "membership", None)
    return {
        "id": organization.pk,
        "membership_status": membership.status if membership is not None else "",
        "kind": organization.kind,
        "scope": organization.scope,
        "legal_status": organization.legal_status,
        "founding_year": organization.founding_year,
        "members_count": organization.members_count,
        "governorates": governorates,
        "expertise": expertise,
        "documents": documents,
        "missing_profile_fields": [name for name, value in values.items() if not value],
        "year": timezone.localdate().year,
    }


def _labels(choices: Any, values: list[str]) -> list[Any]:
    names = dict(choices)
    return [names.get(value, value) for value in values]


@rule_type("profile_complete", _("The profile is complete"))
def profile_complete(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    missing = snapshot["missing_profile_fields"]
    if not missing:
        return Verdict(True, _("The profile is complete."))
    return Verdict(
        False,
        _("The profile is missing: %(fields)s."),
        {"fields": [REQUIRED_PROFILE_FIELDS[name] for name in missing]},
    )


@rule_type("documents", _("Required documents are uploaded"), kinds="codes")
def documents(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    required = list(rule.get("kinds", []))
    missing = [kind for kind in required if kind not in snapshot["documents"]]
    if not missing:
        return Verdict(
            True,
            _("The required documents are uploaded: %(kinds)s."),
            {"kinds": _labels(DocumentKind.choices, required)},
        )
    return Verdict(
        False,
        _("Documents still to upload: %(kinds)s."),
        {"kinds": _labels(DocumentKind.choices, missing)},
    )


@rule_type("min_members", _("At least a number of members"), value="count")
def min_members(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    needed = int(rule.get("value", 0))
    have = snapshot["members_count"] or 0
    if have >= needed:
        return Verdict(
            True,
            _("%(have)s members (at least %(needed)s needed)."),
            {"have": have, "needed": needed},
        )
    return Verdict(
        False,
        _("%(have)s members; at least %(needed)s are needed."),
        {"have": have, "needed": needed},
    )


@rule_type("legal_status_in", _("Legal status is one of a set"), values="codes")
def legal_status_in(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    allowed = list(rule.get("values", []))
    status = snapshot["legal_status"]
    label = dict(LegalStatus.choices).get(status, status)
    if status in allowed:
        return Verdict(True, _("Legal status “%(status)s” is accepted."), {"status": label})
    return Verdict(
        False,
        _("Legal status “%(status)s” is not accepted; accepted: %(allowed)s."),
        {"status": label, "allowed": _labels(LegalStatus.choices, allowed)},
    )


@rule_type("min_expertise_areas", _("Works in at least a number of expertise areas"), value="count")
def min_expertise_areas(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    needed = int(rule.get("value", 1))
    have = len(snapshot["expertise"])
    if have >= needed:
        return Verdict(
            True, _("Works in %(have)s areas of expertise."), {"have": have, "needed": needed}
        )
    return Verdict(
        False,
        _("Works in %(have)s areas of expertise; at least %(needed)s are needed."),
        {"have": have, "needed": needed},
    )


@rule_type("min_governorates", _("Works in at least a number of governorates"), value="count")
def min_governorates(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    needed = int(rule.get("value", 1))
    have = len(snapshot["governorates"])
    if have >= needed:
        return Verdict(True, _("Works in %(have)s governorates."), {"have": have, "needed": needed})
    return Verdict(
        False,
        _("Works in %(have)s governorates; at least %(needed)s are needed."),
        {"have": have, "needed": needed},
    )


@rule_type("founded_years_ago", _("Founded at least a number of years ago"), value="count")
def founded_years_ago(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    needed = int(rule.get("value", 0))
    founded = snapshot["founding_year"]
    if founded is None:
        return Verdict(False, _("The year founded is not given."))
    age = snapshot["year"] - founded
    if age >= needed:
        return Verdict(
            True,
            _("Founded in %(year)s (at least %(needed)s years ago)."),
            {"year": founded, "needed": needed},
        )
    return Verdict(
        False,
        _("Founded in %(year)s; it must be at least %(needed)s years old."),
        {"year": founded, "needed": needed},
    )


@rule_type("kind_in", _("Kind of organization is one of a set"), values="codes")
def kind_in(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    allowed = list(rule.get("values", []))
    kind = snapshot["kind"]
    label = dict(OrganizationKind.choices).get(kind, kind)
    if kind in allowed:
        return Verdict(True, _("“%(kind)s” may apply."), {"kind": label})
    return Verdict(
        False,
        _("“%(kind)s” may not apply; open to: %(allowed)s."),
        {"kind": label, "allowed": _labels(OrganizationKind.choices, allowed)},
    )


@rule_type("scope_is", _("Based inside or outside Syria"), value="code")
def scope_is(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    wanted = rule.get("value", Scope.DOMESTIC)
    labels = dict(Scope.choices)
    if snapshot["scope"] == wanted:
        return Verdict(True, _("Based: %(scope)s."), {"scope": labels[wanted]})
    return Verdict(
        False,
        _("Open only to organizations based: %(scope)s."),
        {"scope": labels.get(wanted, wanted)},
    )
