from django import forms

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
