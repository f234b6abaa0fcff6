"""Declarative rules that explain themselves.

A rule is stored as data, ``{"type": "min_members", "value": 5}``, and evaluated by a
pure function over a *snapshot* (a plain dict describing the applicant at one moment)
into a ``RuleResult``: passed or not, with the reason in Arabic and in English. The
joining criteria use them for their automatic checks; call eligibility reuses them.

Rule types register themselves with ``@rule_type(...)`` in the app that knows the
snapshot they read (``mujtama.organizations.rules`` for organizations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RuleResult:
    rule: str
    passed: bool
    message_ar: str
    message_en: str

    @property
    def message(self) -> str:
        language = translation.get_language() or "ar"
        return self.message_en if language.startswith("en") else self.message_ar

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "passed": self.passed,
            "message_ar": self.message_ar,
            "message_en": self.message_en,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleResult:
        return cls(data["rule"], bool(data["passed"]), data["message_ar"], data["message_en"])


@dataclass(frozen=True)
class Verdict:
    """What a rule function returns: passed or not, and a message with named
    placeholders (a lazy translatable string) and their values."""

    passed: bool
    message: str | Promise
    params: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class RuleType:
    key: str
    label: str | Promise
    check: Callable[[Mapping[str, Any], Mapping[str, Any]], Verdict]
    # The values the rule needs: name → "count" (a whole number ≥ 0), "code" (a
    # non-empty text) or "codes" (a non-empty list of texts).
    params: Mapping[str, str] = field(default_factory=dict)


RULE_TYPES: dict[str, RuleType] = {}


def rule_type(
    key: str, label: str | Promise, **params: str
) -> Callable[[Callable[[Mapping[str, Any], Mapping[str, Any]], Verdict]], RuleType]:
    if set(params.values()) - {"count", "code", "codes"}:
        raise ValueError(f"rule type {key!r}: unknown parameter kind in {params!r}")

    def register(check: Callable[[Mapping[str, Any], Mapping[str, Any]], Verdict]) -> RuleType:
        if key in RULE_TYPES:
            raise ValueError(f"rule type {key!r} registered twice")
        RULE_TYPES[key] = RuleType(key, label, check, dict(params))
        return RULE_TYPES[key]

    return register


def rule_problem(rule: Any) -> str | None:
    """Why a rule cannot be stored (in the active language), or None when it is well
    formed: a known type, and every value it needs of the right shape."""
    if not isinstance(rule, Mapping):
        return str(_("An eligibility rule must be a set of named values."))
    kind = rule.get("type")
    if kind not in RULE_TYPES:
        return str(_("Unknown rule: %(type)s") % {"type": kind})
    label = RULE_TYPES[kind].label
    for name, shape in RULE_TYPES[kind].params.items():
        value = rule.get(name)
        if shape == "count":
            well_formed = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            if not well_formed:
                return str(_("“%(rule)s” needs a whole number of zero or more.") % {"rule": label})
        elif shape == "code":
            if not (isinstance(value, str) and value.strip()):
                return str(_("“%(rule)s” needs a value.") % {"rule": label})
        elif not (
            isinstance(value, list)
            and value
            and all(isinstance(item, str) and item.strip() for item in value)
        ):
            return str(_("“%(rule)s” needs at least one value.") % {"rule": label})
    return None


def _render(message: str | Promise, params: Mapping[str, Any] | None, language: str) -> str:
    with translation.override(language):
        text = str(message)
        if params:
            text = text % {name: _localized(value, language) for name, value in params.items()}
        return text


def _localized(value: Any, language: str) -> str:
    """Lists and lazy labels in a message are rendered in the message's language."""
    if isinstance(value, (list, tuple)):
        separator = "، " if language == "ar" else ", "
        return separator.join(_localized(item, language) for item in value)
    with translation.override(language):
        return str(value)


def evaluate(rules: Iterable[Mapping[str, Any]], snapshot: Mapping[str, Any]) -> list[RuleResult]:
    """Evaluate every rule (none short-circuits: the applicant sees every reason)."""
    results = []
    for rule in rules:
        kind = rule.get("type", "")
        if kind not in RULE_TYPES:
            raise ValueError(f"unknown rule type {kind!r}")
        verdict = RULE_TYPES[kind].check(snapshot, rule)
        results.append(
            RuleResult(
                rule=kind,
                passed=verdict.passed,
                message_ar=_render(verdict.message, verdict.params, "ar"),
                message_en=_render(verdict.message, verdict.params, "en"),
            )
        )
    return results


def all_passed(results: Iterable[RuleResult]) -> bool:
    return all(result.passed for result in results)
