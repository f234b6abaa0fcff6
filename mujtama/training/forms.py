"""Forms of the provider's courses and cohorts and of the applicant."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mujtama.core.forms import ChoosePrompt
from mujtama.geo.models import Governorate
from mujtama.initiatives.forms import AR, DATE, EN, LocalityChoice, locality_queryset
from mujtama.organizations.models import Organization
from mujtama.training.models import (
    Cohort,
    Course,
    Enrollment,
    FollowUp,
    Helped,
    NameShown,
    Outcome,
)


class CourseForm(ChoosePrompt, forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title_ar",
            "title_en",
            "description_ar",
            "description_en",
            "skills",
            "level",
            "hours",
            "mode",
            "co_provider",
        ]
        widgets = {
            "title_ar": forms.TextInput(attrs=AR),
            "title_en": forms.TextInput(attrs=EN),
            "description_ar": forms.Textarea(attrs={"rows": 4, **AR}),
            "description_en": forms.Textarea(attrs={"rows": 4, **EN}),
        }

    def __init__(self, *args: Any, provider: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["co_provider"]
        ).queryset = Organization.objects.exclude(pk=provider.pk).order_by("name_ar")


class CohortForm(ChoosePrompt, forms.ModelForm):
    locality = LocalityChoice(label=_("Locality"), queryset=locality_queryset(), required=False)
    eligible_governorates = forms.ModelMultipleChoiceField(
        label=_("Who may apply: governorates"),
        queryset=Governorate.objects.order_by("pcode"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty for every governorate."),
    )

    class Meta:
        model = Cohort
        fields = [
            "name_ar",
            "name_en",
            "starts_on",
            "ends_on",
            "online",
            "governorate",
            "locality",
            "capacity",
            "applications_open_on",
            "applications_close_on",
            "confirmation_days",
            "min_age",
            "max_age",
            "eligible_governorates",
            "prerequisites",
            "remote_points",
            "vulnerable_points",
            "gender_balance",
            "attendance_share",
            "assessment",
        ]
        widgets = {
            "name_ar": forms.TextInput(attrs=AR),
            "name_en": forms.TextInput(attrs=EN),
            "starts_on": DATE,
            "ends_on": DATE,
            "applications_open_on": DATE,
            "applications_close_on": DATE,
        }


class ApplyForm(forms.ModelForm):
    meets_prerequisites = forms.BooleanField(label=_("I meet the prerequisites"), required=False)

    class Meta:
        model = Enrollment
        fields = ["motivation", "name_shown"]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "name_shown": forms.RadioSelect,
        }
        help_texts = {
            "name_shown": _(
                "Your certificate always carries your full name; this is how the public "
                "page that verifies it shows you."
            )
        }

    def __init__(self, *args: Any, cohort: Cohort, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_shown"].initial = NameShown.FULL
        if not cohort.prerequisites:
            del self.fields["meets_prerequisites"]


class AttendanceDayForm(forms.Form):
    held_on = forms.DateField(label=_("Day of the session"), widget=DATE)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=200)


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["outcome", "sector", "helped"]
        widgets = {"outcome": forms.RadioSelect, "helped": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons without the empty choice: both must be answered.
        for name, choices in (("outcome", Outcome.choices), ("helped", Helped.choices)):
            self.fields[name].required = True
            cast(forms.ChoiceField, self.fields[name]).choices = choices
        self.fields["sector"].help_text = _("If you work, freelance or are in an internship.")
