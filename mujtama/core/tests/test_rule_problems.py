"""A rule is stored only when it is well formed, so evaluating it later never fails."""

import pytest
from django.utils import translation

from mujtama.core.rules import rule_problem
from mujtama.organizations import rules as _organization_rules  # noqa: F401  (registers)
from mujtama.programs import rules as _program_rules  # noqa: F401  (registers)


@pytest.mark.parametrize(
    "rule",
    [
        {"type": "profile_complete"},
        {"type": "membership_current"},
        {"type": "min_members", "value": 0},
        {"type": "min_members", "value": 5},
        {"type": "documents", "kinds": ["statute"]},
        {"type": "governorates_any", "values": ["SY09", "SY03"]},
        {"type": "expertise_any", "values": ["ai"], "names": {"ai": ["ذكاء", "AI"]}},
        {"type": "consortium_includes_kind", "value": "university"},
        {"type": "scope_is", "value": "domestic"},
    ],
)
def test_well_formed_rules_pass(rule):
    assert rule_problem(rule) is None


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("min_members", "set of named values"),
        ({"type": "teleport"}, "Unknown rule: teleport"),
        ({}, "Unknown rule"),
        ({"type": "min_members"}, "whole number"),
        ({"type": "min_members", "value": "many"}, "whole number"),
        ({"type": "min_members", "value": -1}, "whole number"),
        ({"type": "min_members", "value": True}, "whole number"),
        ({"type": "min_members", "value": 2.5}, "whole number"),
        ({"type": "governorates_any", "values": []}, "at least one value"),
        ({"type": "governorates_any", "values": "SY09"}, "at least one value"),
        ({"type": "governorates_any", "values": ["SY09", ""]}, "at least one value"),
        ({"type": "governorates_any", "values": [9]}, "at least one value"),
        ({"type": "consortium_includes_kind", "value": " "}, "needs a value"),
        ({"type": "scope_is"}, "needs a value"),
    ],
)
def test_malformed_rules_are_explained(rule, expected):
    with translation.override("en"):
        assert expected in rule_problem(rule)


def test_the_explanation_names_the_rule_in_the_persons_language():
    with translation.override("ar"):
        problem = rule_problem({"type": "min_members", "value": "many"})
    assert problem is not None
    assert "whole number" not in problem
    assert "«" in problem  # Arabic quotation marks around the rule's name
