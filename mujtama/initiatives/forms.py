"""Forms of the organization's initiatives and volunteers, and of the volunteer's
own area. Forms parse and check shapes; the services check the rules."""

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from mujtama.core.forms import ChoosePrompt
from mujtama.geo.models import Governorate, Locality
from mujtama.impact.ledger import Cell
from mujtama.impact.models import AgeBand, Sex
from mujtama.initiatives.models import (
    Activity,
    HoursEntry,
    Indicator,
    Initiative,
    Origin,
    Volunteering,
    VolunteerOpportunity,
)
from mujtama.organizations.models import Organization
from mujtama.programs.models import Award

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AR = {"dir": "rtl", "lang": "ar"}
EN = {"dir": "ltr", "lang": "en"}


def locality_queryset(governorates: Any = None) -> Any:
    places = Locality.objects.select_related("subdistrict__district__governorate").order_by(
        "subdistrict__district__governorate__pcode", "name_ar"
    )
    if governorates is not None:
        places = places.filter(subdistrict__district__governorate__in=governorates)
    return places


class LocalityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} · {obj.subdistrict.district.governorate.name}"


class LocalityChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} · {obj.subdistrict.district.governorate.name}"


class AwardChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.application.title)


class InitiativeForm(ChoosePrompt, forms.ModelForm):
    governorates = forms.ModelMultipleChoiceField(
        label=_("Governorates"),
        queryset=Governorate.objects.order_by("pcode"),
        widget=forms.CheckboxSelectMultiple,
    )
    localities = LocalityChoices(
        label=_("Localities"),
        queryset=locality_queryset(),
        required=False,
        help_text=_("Optional. Only localities of the governorates chosen."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organizations"),
        queryset=Organization.objects.order_by("name_ar"),
        required=False,
    )
    award = AwardChoice(label=_("Award"), queryset=Award.objects.none(), required=False)

    class Meta:
        model = Initiative
        fields = [
            "title_ar",
            "title_en",
            "description_ar",
            "description_en",
            "origin",
            "award",
            "sector",
            "starts_on",
            "ends_on",
            "budget",
            "publication",
            "concerns_vulnerable",
        ]
        widgets = {
            "title_ar": forms.TextInput(attrs=AR),
            "title_en": forms.TextInput(attrs=EN),
            "description_ar": forms.Textarea(attrs={"rows": 4, **AR}),
            "description_en": forms.Textarea(attrs={"rows": 4, **EN}),
            "starts_on": DATE,
            "ends_on": DATE,
            "budget": forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
        }
        help_texts = {
            "publication": _(
                "Public: everything on the public pages. Summary only: title, organizations, "
                "governorates and dates. Private: only your organization and ministry staff."
            )
        }

    def __init__(self, *args: Any, lead: Organization, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        award = cast(forms.ModelChoiceField, self.fields["award"])
        award.queryset = Award.objects.filter(application__lead=lead).select_related("application")
        partners = cast(forms.ModelMultipleChoiceField, self.fields["partners"])
        partners.queryset = Organization.objects.exclude(pk=lead.pk).order_by("name_ar")
        if editing:
            del self.fields["origin"]
            del self.fields["award"]
        else:
            cast(forms.ChoiceField, self.fields["origin"]).choices = [
                (value, label) for value, label in Origin.choices if value != Origin.CHALLENGE
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        if data.get("origin") == Origin.AWARD and not data.get("award"):
            self.add_error("award", _("Choose the award this initiative carries out."))
        return data

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in self.Meta.fields
            if name in data and name not in {"origin", "award"}
        }


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name_ar", "name_en", "unit_ar", "unit_en", "baseline", "target"]
        widgets = {
            "name_ar": forms.TextInput(attrs=AR),
            "name_en": forms.TextInput(attrs=EN),
            "unit_ar": forms.TextInput(attrs=AR),
            "unit_en": forms.TextInput(attrs=EN),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        baseline, target = data.get("baseline"), data.get("target")
        if baseline is not None and target is not None and target <= baseline:
            self.add_error("target", _("The target must be above the baseline."))
        return data


class MeasureForm(forms.Form):
    value = forms.DecimalField(
        label=_("Value"), max_digits=14, decimal_places=2, min_value=Decimal(0)
    )
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


REACH_FIELDS = [
    (sex, band, remote, vulnerable)
    for sex in Sex.values
    for band in AgeBand.values
    for remote in (False, True)
    for vulnerable in (False, True)
]


def reach_field(sex: str, band: str, remote: bool, vulnerable: bool) -> str:
    return f"reach_{sex}_{band.replace('-', '_').replace('+', 'p')}_{int(remote)}{int(vulnerable)}"


class ActivityForm(ChoosePrompt, forms.ModelForm):
    """An activity and the people it reached, one count per cell (sex × age band ×
    remote × vulnerable family)."""

    locality = LocalityChoice(label=_("Locality"), queryset=locality_queryset(), required=False)

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "held_on",
            "governorate",
            "locality",
            "online",
            "facilitators",
            "notes",
        ]
        widgets = {"held_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        governorates = initiative.governorates.order_by("pcode")
        cast(forms.ModelChoiceField, self.fields["governorate"]).queryset = governorates
        cast(forms.ModelChoiceField, self.fields["locality"]).queryset = locality_queryset(
            governorates
        )
        sexes, bands = dict(Sex.choices), dict(AgeBand.choices)
        for sex, band, remote, vulnerable in REACH_FIELDS:
            label = _("%(sex)s, %(band)s, %(place)s, %(family)s") % {
                "sex": sexes[sex],
                "band": bands[band],
                "place": _("remote area") if remote else _("not remote"),
                "family": _("vulnerable family") if vulnerable else _("not vulnerable"),
            }
            self.fields[reach_field(sex, band, remote, vulnerable)] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=100000,
                required=False,
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "class": "count", "aria-label": label}
                ),
            )

    def reach_rows(self) -> list[dict[str, Any]]:
        """The grid of count fields, a row per (sex, age band), for the template."""
        rows = []
        for sex, sex_label in Sex.choices:
            for band, band_label in AgeBand.choices:
                rows.append(
                    {
                        "sex": sex_label,
                        "band": band_label,
                        "fields": [
                            self[reach_field(sex, band, remote, vulnerable)]
                            for remote in (False, True)
                            for vulnerable in (False, True)
                        ],
                    }
                )
        return rows

    def cells(self) -> list[Cell]:
        return [
            Cell(*key, count=self.cleaned_data.get(reach_field(*key)) or 0) for key in REACH_FIELDS
        ]


class OpportunityForm(ChoosePrompt, forms.ModelForm):
    class Meta:
        model = VolunteerOpportunity
        fields = [
            "title_ar",
            "title_en",
            "description_ar",
            "description_en",
            "skills",
            "initiative",
            "governorate",
            "remote",
            "hours_per_week",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "title_ar": forms.TextInput(attrs=AR),
            "title_en": forms.TextInput(attrs=EN),
            "description_ar": forms.Textarea(attrs={"rows": 4, **AR}),
            "description_en": forms.Textarea(attrs={"rows": 4, **EN}),
            "starts_on": DATE,
            "ends_on": DATE,
        }

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["initiative"]
        ).queryset = Initiative.objects.filter(lead=organization, status__in=["planned", "active"])


class VolunteerForm(forms.ModelForm):
    class Meta:
        model = Volunteering
        fields = ["motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}


class HoursForm(forms.ModelForm):
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal(16))],
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )

    class Meta:
        model = HoursEntry
        fields = ["worked_on", "hours", "description"]
        widgets = {"worked_on": DATE}


class StatementForm(forms.Form):
    organization = forms.IntegerField(widget=forms.HiddenInput)
    name_shown = forms.ChoiceField(
        label=_("On the public verification page, show my name"),
        choices=[("full", _("in full")), ("initials", _("as initials only"))],
        initial="full",
        widget=forms.RadioSelect,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
