"""Eligibility rule types for calls (on top of the organization rules of
mujtama.organizations.rules), and the snapshot an application is judged on."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.core.rules import Verdict, rule_type
from mujtama.geo.data import GOVERNORATES
from mujtama.organizations.models import (
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.rules import organization_snapshot


def application_snapshot(
    lead: Organization, partners: Iterable[Organization] = ()
) -> dict[str, Any]:
    """The lead organization's snapshot, plus what the consortium is made of."""
    snapshot = organization_snapshot(lead)
    partner_list = list(partners)
    snapshot["partners"] = [partner.pk for partner in partner_list]
    snapshot["consortium_kinds"] = sorted({lead.kind, *(p.kind for p in partner_list)})
    return snapshot


class Bilingual:
    """A name that renders in the active language (rule messages are rendered once
    in Arabic and once in English)."""

    def __init__(self, ar: str, en: str) -> None:
        self.ar, self.en = ar, en

    def __str__(self) -> str:
        from django.utils.translation import get_language

        return self.en if (get_language() or "ar").startswith("en") else self.ar


GOVERNORATE_NAMES = {pcode: Bilingual(ar, en) for pcode, _iso, ar, en in GOVERNORATES}


def _places(codes: list[str]) -> list[Any]:
    return [GOVERNORATE_NAMES.get(code, code) for code in codes]


def _areas(rule: Mapping[str, Any], codes: list[str]) -> list[Any]:
    """Area names are written into the rule when it is saved, so evaluating it reads
    nothing but the rule and the snapshot."""
    names = rule.get("names", {})
    return [Bilingual(*names[code]) if code in names else code for code in codes]


@rule_type("membership_current", _("A current member of the national framework"))
def membership_current(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    status = snapshot.get("membership_status", "")
    labels = dict(MembershipStatus.choices)
    if status in (MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL):
        return Verdict(
            True, _("A member of the national framework (%(status)s)."), {"status": labels[status]}
        )
    return Verdict(
        False,
        _("Only members of the national framework may apply; join it first."),
    )


@rule_type("governorates_any", _("Works in one of these governorates"), values="codes")
def governorates_any(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    wanted = list(rule.get("values", []))
    shared = [code for code in wanted if code in snapshot["governorates"]]
    if shared:
        return Verdict(True, _("Works in %(places)s."), {"places": _places(shared)})
    return Verdict(
        False,
        _("Must work in one of: %(places)s."),
        {"places": _places(wanted)},
    )


@rule_type("expertise_any", _("Has one of these areas of expertise"), values="codes")
def expertise_any(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    wanted = list(rule.get("values", []))
    shared = [code for code in wanted if code in snapshot["expertise"]]
    if shared:
        return Verdict(True, _("Works in %(areas)s."), {"areas": _areas(rule, shared)})
    return Verdict(
        False,
        _("Must work in one of these areas: %(areas)s."),
        {"areas": _areas(rule, wanted)},
    )


@rule_type(
    "consortium_includes_kind", _("The consortium includes a kind of organization"), value="code"
)
def consortium_includes_kind(snapshot: Mapping[str, Any], rule: Mapping[str, Any]) -> Verdict:
    wanted = rule.get("value", "")
    label = dict(OrganizationKind.choices).get(wanted, wanted)
    if wanted in snapshot.get("consortium_kinds", []):
        return Verdict(True, _("The consortium includes: %(kind)s."), {"kind": label})
    return Verdict(
        False,
        _("The consortium must include: %(kind)s. Invite one as a partner."),
        {"kind": label},
    )
