from django import forms
from django.utils.translation import gettext_lazy as _

from mujtama.impact.models import TargetGroupSettings, VulnerabilityCriterion


class YouthRangeForm(forms.ModelForm):
    class Meta:
        model = TargetGroupSettings
        fields = ["youth_min_age", "youth_max_age"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = VulnerabilityCriterion
        fields = ["code", "name_ar", "name_en", "order", "is_active"]
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "code": forms.TextInput(attrs={"dir": "ltr"}),
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you need to see this person's record"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the audit log with your name."),
    )
