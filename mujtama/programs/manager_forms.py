"""Forms of the program managers' pages: programs, the call builder (window,
eligibility rules composed without code, questions and rubric as repeating rows),
decisions on applications and reviewer assignment.

Every form works without JavaScript: the call builder is one form with fieldsets,
its questions and rubric are Django formsets with a few empty rows (empty rows are
ignored), and an existing question or criterion keeps its id in a hidden input so
that an amendment updates it rather than replacing it."""

import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mujtama.core.forms import CHOOSE, ChoosePrompt
from mujtama.geo.data import GOVERNORATES
from mujtama.organizations.models import (
    ExpertiseArea,
    LegalStatus,
    Organization,
    OrganizationKind,
    Scope,
)
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES
from mujtama.programs.models import (
    Call,
    Ministry,
    Program,
    ProgramKind,
    QuestionKind,
    TargetGroup,
)
from mujtama.programs.services.applications import MANAGER_ACTIONS
from mujtama.programs.services.calls import CALL_FIELDS, QUESTION_FIELDS, RUBRIC_FIELDS

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")
WINDOW_HELP = _(
    "Damascus time, whatever time zone you chose for yourself. "
    "Organizations abroad see it converted to their own time zone."
)


def _pick(ar: str, en: str) -> str:
    if (get_language() or "ar").startswith("en"):
        return en or ar
    return ar or en


def _join(items: Iterable[Any]) -> str:
    separator = "، " if (get_language() or "ar").startswith("ar") else ", "
    return separator.join(str(item) for item in items)


# --- fields --------------------------------------------------------------------------------------


class DamascusDateTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read and shown in Damascus time, whatever time zone
    the manager chose for themselves: deadlines are set in Damascus time."""

    widget = forms.DateTimeInput(
        attrs={"type": "datetime-local", "dir": "ltr"}, format="%Y-%m-%dT%H:%M"
    )

    def prepare_value(self, value: Any) -> Any:
        with timezone.override(DAMASCUS):
            return super().prepare_value(value)

    def to_python(self, value: Any) -> Any:
        with timezone.override(DAMASCUS):
            return super().to_python(value)


class SypField(forms.DecimalField):
    """A whole amount of Syrian pounds; Arabic-Indic digits and thousands separators
    are accepted."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 0)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.translate(ARABIC_DIGITS)
            for separator in (",", "٬", " ", "\u00a0", "\u202f"):
                value = value.replace(separator, "")
        return super().to_python(value)

    def widget_attrs(self, widget: Any) -> dict[str, Any]:
        # A text input: the browser's number constraints (step, min) do not apply.
        attrs = super().widget_attrs(widget)
        for name in ("step", "min", "max"):
            attrs.pop(name, None)
        return attrs


def _ar(widget: type[forms.Widget] = forms.TextInput, **attrs: Any) -> forms.Widget:
    return widget(attrs={"dir": "rtl", "lang": "ar", **attrs})


def _en(widget: type[forms.Widget] = forms.TextInput, **attrs: Any) -> forms.Widget:
    return widget(attrs={"dir": "ltr", "lang": "en", **attrs})


# --- programs ------------------------------------------------------------------------------------


PROGRAM_TEXT_FIELDS = ["name_ar", "name_en", "description_ar", "description_en"]


class ProgramForm(ChoosePrompt, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of program"), choices=[("", "-"), *ProgramKind.choices])
    ministry = forms.ChoiceField(label=_("Owning ministry"), choices=[("", "-"), *Ministry.choices])
    name_ar = forms.CharField(label=_("Name (Arabic)"), max_length=200, widget=_ar())
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, widget=_en())
    description_ar = forms.CharField(
        label=_("Description (Arabic)"), widget=_ar(forms.Textarea, rows=5)
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=_en(forms.Textarea, rows=5)
    )
    co_hosts = forms.MultipleChoiceField(
        label=_("Co-hosts"),
        help_text=_(
            "Member organizations hosting the program with the ministry: universities, "
            "research institutes inside or outside Syria, companies, associations."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_published = forms.BooleanField(
        label=_("Published: shown on the public programs page"), required=False
    )

    def __init__(self, *args: Any, program: Program | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = list(program.co_hosts.values_list("pk", flat=True)) if program else []
        organizations = Organization.objects.filter(
            Q(membership__status__in=CURRENT_MEMBERSHIP_STATES) | Q(pk__in=current)
        ).order_by("kind", "name_ar_key")
        kinds = dict(OrganizationKind.choices)
        groups: dict[str, list[tuple[str, str]]] = {}
        for organization in organizations:
            label = f"{organization.name} · {organization.get_scope_display()}"
            groups.setdefault(str(kinds.get(organization.kind, organization.kind)), []).append(
                (str(organization.pk), label)
            )
        self.fields["co_hosts"].choices = list(groups.items())  # type: ignore[attr-defined]

    @classmethod
    def initial_from(cls, program: Program) -> dict[str, Any]:
        return {
            "kind": program.kind,
            "ministry": program.ministry,
            **{name: getattr(program, name) for name in PROGRAM_TEXT_FIELDS},
            "co_hosts": [str(pk) for pk in program.co_hosts.values_list("pk", flat=True)],
            "target_groups": list(program.target_groups),
            "is_published": program.is_published,
        }

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "ministry": data["ministry"],
            **{name: data[name] for name in PROGRAM_TEXT_FIELDS},
            "is_published": data["is_published"],
        }

    def co_host_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["co_hosts"]]

    def target_group_values(self) -> list[str]:
        return [
            value for value in TargetGroup.values if value in self.cleaned_data["target_groups"]
        ]


# --- calls: the window, amounts and eligibility rules --------------------------------------------


# The rule types the call builder composes, in the order a new call lists them.
MANAGED_RULE_TYPES = [
    "membership_current",
    "kind_in",
    "legal_status_in",
    "scope_is",
    "governorates_any",
    "expertise_any",
    "founded_years_ago",
    "min_members",
    "consortium_includes_kind",
]


def split_rules(
    rules: Iterable[Mapping[str, Any]],
) -> tuple[dict[str, Mapping[str, Any]], list[Mapping[str, Any]]]:
    """The first rule of each type the builder composes, and every other rule (kept
    as it is when the call is saved)."""
    managed: dict[str, Mapping[str, Any]] = {}
    others: list[Mapping[str, Any]] = []
    for rule in rules:
        kind = rule.get("type", "")
        if kind in MANAGED_RULE_TYPES and kind not in managed:
            managed[kind] = rule
        else:
            others.append(rule)
    return managed, others


class CallForm(ChoosePrompt, forms.Form):
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=200, widget=_ar())
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, widget=_en())
    text_ar = forms.CharField(
        label=_("Text of the call (Arabic)"), widget=_ar(forms.Textarea, rows=6)
    )
    text_en = forms.CharField(
        label=_("Text of the call (English)"), widget=_en(forms.Textarea, rows=6)
    )
    opens_at = DamascusDateTimeField(label=_("Opens"), help_text=WINDOW_HELP)
    closes_at = DamascusDateTimeField(label=_("Closes"), help_text=WINDOW_HELP)
    budget = SypField(label=_("Budget (SYP)"), initial=0)
    max_award = SypField(
        label=_("Maximum award (SYP)"),
        initial=0,
        help_text=_("0: no maximum. No application can be awarded more."),
    )
    reviewers_per_application = forms.IntegerField(
        label=_("Reviewers per application"), min_value=1, max_value=7, initial=2
    )
    # Eligibility: one field per rule type; empty means "no such rule".
    rule_membership = forms.BooleanField(
        label=_("The lead organization must be a current member of the national framework"),
        required=False,
    )
    rule_kinds = forms.MultipleChoiceField(
        label=_("Kinds of organization that may lead an application (none ticked: any)"),
        choices=OrganizationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rule_legal_statuses = forms.MultipleChoiceField(
        label=_("Accepted legal statuses (none ticked: any)"),
        choices=LegalStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rule_scope = forms.ChoiceField(
        label=_("Where the lead organization is based"),
        choices=[("", _("Inside or outside Syria")), *Scope.choices],
        required=False,
    )
    rule_governorates = forms.MultipleChoiceField(
        label=_("Works in any of these governorates (none ticked: any)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rule_expertise = forms.MultipleChoiceField(
        label=_("Works in any of these areas of expertise (none ticked: any)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rule_founded_years = forms.IntegerField(
        label=_("Founded at least this many years ago"),
        required=False,
        min_value=1,
        max_value=100,
    )
    rule_min_members = forms.IntegerField(
        label=_("At least this many members"), required=False, min_value=1, max_value=100000
    )
    rule_consortium_kind = forms.ChoiceField(
        label=_("The consortium (lead or a partner) must include"),
        choices=[("", _("No requirement")), *OrganizationKind.choices],
        required=False,
    )

    def __init__(self, *args: Any, call: Call | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        self.existing_rules: list[Mapping[str, Any]] = list(call.eligibility_rules) if call else []
        managed, self.other_rules = split_rules(self.existing_rules)
        self.fields["rule_governorates"].choices = [  # type: ignore[attr-defined]
            (pcode, _pick(ar, en)) for pcode, _iso, ar, en in GOVERNORATES
        ]
        # Area names are written into the rule, so that it explains itself without
        # the database; an area no longer in use stays selectable with its old name.
        saved_names = dict(managed.get("expertise_any", {}).get("names", {}))
        saved_codes = list(managed.get("expertise_any", {}).get("values", []))
        self.area_names: dict[str, tuple[str, str]] = {
            code: (names[0], names[1]) for code, names in saved_names.items() if len(names) == 2
        }
        areas = ExpertiseArea.objects.filter(Q(is_active=True) | Q(code__in=saved_codes))
        for area in areas:
            self.area_names[area.code] = (area.name_ar, area.name_en)
        for code in saved_codes:
            self.area_names.setdefault(code, (code, code))
        self.fields["rule_expertise"].choices = [  # type: ignore[attr-defined]
            (code, _pick(*names)) for code, names in self.area_names.items()
        ]

    @classmethod
    def initial_from(cls, call: Call) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(call, name) for name in CALL_FIELDS}
        managed, _others = split_rules(call.eligibility_rules)
        if "membership_current" in managed:
            initial["rule_membership"] = True
        if "kind_in" in managed:
            initial["rule_kinds"] = list(managed["kind_in"].get("values", []))
        if "legal_status_in" in managed:
            initial["rule_legal_statuses"] = list(managed["legal_status_in"].get("values", []))
        if "scope_is" in managed:
            initial["rule_scope"] = managed["scope_is"].get("value", "")
        if "governorates_any" in managed:
            initial["rule_governorates"] = list(managed["governorates_any"].get("values", []))
        if "expertise_any" in managed:
            initial["rule_expertise"] = list(managed["expertise_any"].get("values", []))
        if "founded_years_ago" in managed:
            initial["rule_founded_years"] = managed["founded_years_ago"].get("value")
        if "min_members" in managed:
            initial["rule_min_members"] = managed["min_members"].get("value")
        if "consortium_includes_kind" in managed:
            initial["rule_consortium_kind"] = managed["consortium_includes_kind"].get("value", "")
        return initial

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.call is not None:
            # The input shows minutes: a time left as it was keeps its seconds.
            for name in ("opens_at", "closes_at"):
                saved = getattr(self.call, name)
                if data.get(name) and data[name] == saved.replace(second=0, microsecond=0):
                    data[name] = saved
        opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", gettext("The call must close after it opens."))
        budget, max_award = data.get("budget"), data.get("max_award")
        if budget and max_award and max_award > budget:
            self.add_error("max_award", gettext("The maximum award cannot exceed the budget."))
        return data

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CALL_FIELDS}

    def _ordered(self, name: str) -> list[str]:
        """The ticked values in the order of the list (so that saving twice writes
        the same rule)."""
        ticked = set(self.cleaned_data.get(name) or [])
        return [str(value) for value, _label in self.fields[name].choices if value in ticked]  # type: ignore[attr-defined]

    def _built_rules(self) -> dict[str, dict[str, Any]]:
        data = self.cleaned_data
        rules: dict[str, dict[str, Any]] = {}
        if data.get("rule_membership"):
            rules["membership_current"] = {"type": "membership_current"}
        if data.get("rule_kinds"):
            rules["kind_in"] = {"type": "kind_in", "values": self._ordered("rule_kinds")}
        if data.get("rule_legal_statuses"):
            rules["legal_status_in"] = {
                "type": "legal_status_in",
                "values": self._ordered("rule_legal_statuses"),
            }
        if data.get("rule_scope"):
            rules["scope_is"] = {"type": "scope_is", "value": data["rule_scope"]}
        if data.get("rule_governorates"):
            rules["governorates_any"] = {
                "type": "governorates_any",
                "values": self._ordered("rule_governorates"),
            }
        if data.get("rule_expertise"):
            codes = self._ordered("rule_expertise")
            rules["expertise_any"] = {
                "type": "expertise_any",
                "values": codes,
                "names": {code: list(self.area_names[code]) for code in codes},
            }
        if data.get("rule_founded_years"):
            rules["founded_years_ago"] = {
                "type": "founded_years_ago",
                "value": data["rule_founded_years"],
            }
        if data.get("rule_min_members"):
            rules["min_members"] = {"type": "min_members", "value": data["rule_min_members"]}
        if data.get("rule_consortium_kind"):
            rules["consortium_includes_kind"] = {
                "type": "consortium_includes_kind",
                "value": data["rule_consortium_kind"],
            }
        return rules

    def eligibility_rules(self) -> list[dict[str, Any]]:
        """The rule list: the call's rules in their order, those the form composes
        replaced by what was entered (or dropped), rules of other types kept, and new
        ones appended."""
        built = self._built_rules()
        result: list[dict[str, Any]] = []
        placed: set[str] = set()
        for rule in self.existing_rules:
            kind = rule.get("type", "")
            if kind in MANAGED_RULE_TYPES and kind not in placed:
                placed.add(kind)
                if kind in built:
                    result.append(built[kind])
            else:
                result.append(dict(rule))
        for kind in MANAGED_RULE_TYPES:
            if kind in built and kind not in placed:
                result.append(built[kind])
        return result


# --- calls: questions and rubric -----------------------------------------------------------------


def parse_choices(text: str) -> list[dict[str, str]]:
    """Lines "value | عربي | English" → the stored options; a ValidationError names
    the first wrong line."""
    options: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ValidationError(
                gettext(
                    "Line %(number)s: write the value, the Arabic and the English wording "
                    "separated by |."
                )
                % {"number": number}
            )
        if parts[0] in seen:
            raise ValidationError(
                gettext("Line %(number)s: the value “%(value)s” is used twice.")
                % {"number": number, "value": parts[0]}
            )
        seen.add(parts[0])
        options.append({"value": parts[0], "label_ar": parts[1], "label_en": parts[2]})
    return options


def choices_text(options: Iterable[Mapping[str, str]]) -> str:
    return "\n".join(
        f"{option['value']} | {option['label_ar']} | {option['label_en']}" for option in options
    )


class RowForm(forms.Form):
    """One row of a repeating block: ``id`` of the existing item (hidden), and a
    row with nothing written in it is ignored."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Fields that make a row count as written (the rest have defaults).
    content_fields: tuple[str, ...] = ()

    def is_blank(self) -> bool:
        """Nothing written in the row (read from what was sent, so that a row with
        only a wrong number in it is not taken for an empty one)."""
        if not self.is_bound:
            return True
        return not any(str(self[name].data or "").strip() for name in ("id", *self.content_fields))

    def is_removed(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("DELETE"))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.is_blank() or self.is_removed():
            # Nothing to check: the row is ignored, or its item removed.
            self.errors.clear()
            return data
        self.check_row(data)
        return data

    def check_row(self, data: dict[str, Any]) -> None:
        raise NotImplementedError


class QuestionRowForm(RowForm):
    kind = forms.ChoiceField(
        label=_("Kind of answer"), choices=[("", CHOOSE), *QuestionKind.choices], required=False
    )
    label_ar = forms.CharField(
        label=_("Question (Arabic)"), max_length=300, required=False, widget=_ar()
    )
    label_en = forms.CharField(
        label=_("Question (English)"), max_length=300, required=False, widget=_en()
    )
    help_ar = forms.CharField(
        label=_("Help (Arabic)"), max_length=500, required=False, widget=_ar()
    )
    help_en = forms.CharField(
        label=_("Help (English)"), max_length=500, required=False, widget=_en()
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    choices = forms.CharField(
        label=_("Options (choice questions)"),
        help_text=_("One per line: value | عربي | English — for example: yes | نعم | Yes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    max_length = forms.IntegerField(
        label=_("Maximum length in characters (text questions)"),
        required=False,
        min_value=1,
        max_value=5000,
    )
    min_value = forms.DecimalField(
        label=_("Smallest number accepted (number questions)"),
        required=False,
        max_digits=16,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
    )
    max_value = forms.DecimalField(
        label=_("Largest number accepted (number questions)"),
        required=False,
        max_digits=16,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
    )
    content_fields = (
        "label_ar",
        "label_en",
        "help_ar",
        "help_en",
        "choices",
        "max_length",
        "min_value",
        "max_value",
    )

    def check_row(self, data: dict[str, Any]) -> None:
        kind = data.get("kind")
        if not kind:
            self.add_error("kind", gettext("Choose the kind of answer."))
        if not data.get("label_ar"):
            self.add_error("label_ar", gettext("Write the question in Arabic."))
        if not data.get("label_en"):
            self.add_error("label_en", gettext("Write the question in English."))
        if kind == QuestionKind.CHOICE:
            try:
                data["options"] = parse_choices(data.get("choices", ""))
            except ValidationError as exc:
                self.add_error("choices", exc)
            else:
                if len(data["options"]) < 2:
                    self.add_error(
                        "choices", gettext("A choice question needs at least two options.")
                    )
        low, high = data.get("min_value"), data.get("max_value")
        if kind == QuestionKind.NUMBER and low is not None and high is not None and low > high:
            self.add_error(
                "max_value", gettext("The largest number cannot be smaller than the smallest.")
            )

    def item(self) -> dict[str, Any]:
        data = self.cleaned_data
        kind = data["kind"]
        return {
            "id": data.get("id"),
            "kind": kind,
            "label_ar": data["label_ar"],
            "label_en": data["label_en"],
            "help_ar": data.get("help_ar", ""),
            "help_en": data.get("help_en", ""),
            "required": bool(data.get("required")),
            "choices": data.get("options", []) if kind == QuestionKind.CHOICE else [],
            "max_length": data.get("max_length")
            if kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT)
            else None,
            "min_value": data.get("min_value") if kind == QuestionKind.NUMBER else None,
            "max_value": data.get("max_value") if kind == QuestionKind.NUMBER else None,
        }


class RubricRowForm(RowForm):
    name_ar = forms.CharField(
        label=_("Criterion (Arabic)"), max_length=200, required=False, widget=_ar()
    )
    name_en = forms.CharField(
        label=_("Criterion (English)"), max_length=200, required=False, widget=_en()
    )
    description_ar = forms.CharField(
        label=_("Guidance for reviewers (Arabic)"),
        max_length=500,
        required=False,
        widget=_ar(forms.Textarea, rows=2),
    )
    description_en = forms.CharField(
        label=_("Guidance for reviewers (English)"),
        max_length=500,
        required=False,
        widget=_en(forms.Textarea, rows=2),
    )
    weight = forms.IntegerField(
        label=_("Weight (1 to 100)"),
        required=False,
        min_value=1,
        max_value=100,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    content_fields = ("name_ar", "name_en", "description_ar", "description_en")

    def check_row(self, data: dict[str, Any]) -> None:
        if not data.get("name_ar"):
            self.add_error("name_ar", gettext("Write the criterion in Arabic."))
        if not data.get("name_en"):
            self.add_error("name_en", gettext("Write the criterion in English."))
        if data.get("weight") is None and "weight" not in self.errors:
            self.add_error("weight", gettext("Give the criterion a weight from 1 to 100."))

    def item(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "id": data.get("id"),
            "name_ar": data["name_ar"],
            "name_en": data["name_en"],
            "description_ar": data.get("description_ar", ""),
            "description_en": data.get("description_en", ""),
            "weight": data["weight"],
        }


class RowFormSet(BaseFormSet):
    """Rows of a repeating block; ``items()`` lists those written and not removed."""

    def items(self) -> list[dict[str, Any]]:
        return [form.item() for form in self.forms if not (form.is_blank() or form.is_removed())]


QUESTION_ROWS = 6
RUBRIC_ROWS = 4
MAX_ROWS = 40


def _formset(
    form: type[RowForm], prefix: str, rows: int, data: Any, initial: list[dict[str, Any]]
) -> RowFormSet:
    """Rows for the items saved, and empty rows to reach ``rows`` (at least two;
    none when ``rows`` is 0, for a read-only call)."""
    factory = formset_factory(
        form,
        formset=RowFormSet,
        extra=max(2, rows - len(initial)) if rows else 0,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )
    if data is not None:
        return cast(RowFormSet, factory(data, prefix=prefix))
    return cast(RowFormSet, factory(initial=initial, prefix=prefix))


def question_formset(
    data: Any = None, call: Call | None = None, *, read_only: bool = False
) -> RowFormSet:
    initial = []
    if call is not None:
        for question in call.questions.filter(is_active=True):
            row = {"id": question.pk, **{name: getattr(question, name) for name in QUESTION_FIELDS}}
            row["choices"] = choices_text(question.choices)
            initial.append(row)
    return _formset(QuestionRowForm, "q", 0 if read_only else QUESTION_ROWS, data, initial)


def rubric_formset(
    data: Any = None, call: Call | None = None, *, read_only: bool = False
) -> RowFormSet:
    initial = []
    if call is not None:
        for criterion in call.rubric.filter(is_active=True):
            initial.append(
                {"id": criterion.pk, **{name: getattr(criterion, name) for name in RUBRIC_FIELDS}}
            )
    return _formset(RubricRowForm, "r", 0 if read_only else RUBRIC_ROWS, data, initial)


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's refusal on the form: on the field it names when the form has
    one, otherwise at the top of the error summary."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error.messages)
    else:
        form.add_error(None, exc.messages)


# --- applications --------------------------------------------------------------------------------


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"), choices=[(action, action) for action in MANAGER_ACTIONS]
    )
    reason = forms.CharField(
        label=_("Reason (sent to the consortium)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    amount = SypField(label=_("Amount awarded (SYP)"), required=False)
    terms_ar = forms.CharField(
        label=_("Terms of the award (Arabic)"),
        required=False,
        max_length=4000,
        widget=_ar(forms.Textarea, rows=3),
    )
    terms_en = forms.CharField(
        label=_("Terms of the award (English)"),
        required=False,
        max_length=4000,
        widget=_en(forms.Textarea, rows=3),
    )


@dataclass
class ReviewerChoice:
    user: Any
    blocked_by: list[str]  # names of the consortium organizations the person belongs to

    @property
    def label(self) -> str:
        name = self.user.full_name or self.user.email
        if self.blocked_by:
            return gettext("%(name)s — cannot review: belongs to %(organizations)s") % {
                "name": name,
                "organizations": _join(self.blocked_by),
            }
        return name


class MarkedSelect(forms.Select):
    """A select whose impossible options are shown, marked and disabled."""

    def __init__(self, *args: Any, disabled: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disabled = set(disabled)

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled:
            option["attrs"]["disabled"] = True
        return option


class AssignReviewerForm(forms.Form):
    reviewer = forms.TypedChoiceField(
        label=_("Reviewer"),
        coerce=int,
        help_text=_(
            "People who belong to an organization of the consortium can never review it; "
            "they are listed but cannot be chosen."
        ),
    )

    def __init__(self, *args: Any, candidates: list[ReviewerChoice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {choice.user.pk: choice for choice in candidates}
        field = self.fields["reviewer"]
        field.choices = [  # type: ignore[attr-defined]
            ("", CHOOSE),
            *[(str(choice.user.pk), choice.label) for choice in candidates],
        ]
        field.widget = MarkedSelect(
            choices=field.choices,  # type: ignore[attr-defined]
            disabled=[str(choice.user.pk) for choice in candidates if choice.blocked_by],
        )

    def chosen(self) -> Any:
        return self.candidates[self.cleaned_data["reviewer"]].user


def amount_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def reviewers_text(count: int, wanted: int) -> str:
    return ngettext(
        "%(count)s of %(wanted)s reviewer", "%(count)s of %(wanted)s reviewers", wanted
    ) % {"count": count, "wanted": wanted}
