"""Forms of the catalogue pages: ministries, services, service levels and desks."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mujtama.accounts.models import User
from mujtama.core.forms import ChoosePrompt
from mujtama.feedback.models import DigitalService, Ministry, ServiceLevel


class MinistryForm(forms.ModelForm):
    class Meta:
        model = Ministry
        fields = ["code", "name_ar", "name_en", "is_active"]


class ServiceLevelForm(forms.ModelForm):
    class Meta:
        model = ServiceLevel
        fields = ["first_response_hours", "resolution_hours"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, resolution = cleaned.get("first_response_hours"), cleaned.get("resolution_hours")
        if first and resolution and first > resolution:
            self.add_error(
                "first_response_hours", _("The first reply cannot be due after the resolution.")
            )
        return cleaned


class ServiceForm(ChoosePrompt, forms.ModelForm):
    class Meta:
        model = DigitalService
        fields = [
            "ministry",
            "name_ar",
            "name_en",
            "description_ar",
            "description_en",
            "channel",
            "url",
            "short_code",
            "is_active",
        ]
        widgets = {
            "description_ar": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class DeskForm(ChoosePrompt, forms.Form):
    email = forms.EmailField(label=_("Officer's email"))
    ministry = forms.ModelChoiceField(label=_("Ministry"), queryset=Ministry.objects.all())

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("Nobody with this email has an account."))
        return user
