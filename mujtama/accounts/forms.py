from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.accounts.models import Profile, Sex, User
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.timezones import DEFAULT_TIME_ZONE, TIME_ZONES
from mujtama.impact.models import VulnerabilityCriterion


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3:
            raise forms.ValidationError(_("Please write your full name."))
        return name


class ProfileForm(forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    time_zone = forms.ChoiceField(
        label=_("Show dates and deadlines in"),
        choices=TIME_ZONES,
        initial=DEFAULT_TIME_ZONE,
        help_text=_(
            "Deadlines are set in Damascus time; partners abroad can see them in their own."
        ),
    )

    class Meta:
        model = Profile
        fields = ["governorate", "birth_year", "sex", "phone"]
        help_texts = {
            "phone": _("Optional. For SMS messages about your applications, e.g. 0944123456."),
            "sex": _("Optional. Used only in anonymous statistics."),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].initial = user.full_name
        self.fields["time_zone"].initial = user.time_zone
        self.order_fields(["full_name", "governorate", "birth_year", "sex", "phone", "time_zone"])
        self.fields["governorate"].empty_label = _("Choose your governorate")  # type: ignore[attr-defined]
        self.fields["sex"].choices = [("", _("Prefer not to say")), *Sex.choices]  # type: ignore[attr-defined]
        self.fields["birth_year"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean_birth_year(self) -> int | None:
        year = self.cleaned_data.get("birth_year")
        this_year = timezone.localdate().year
        if year is not None and not (this_year - 100 <= year <= this_year - 10):
            raise forms.ValidationError(
                _("Enter a year of birth between %(first)s and %(last)s.")
                % {"first": this_year - 100, "last": this_year - 10}
            )
        return year

    def clean_phone(self) -> str:
        phone = "".join(ch for ch in self.cleaned_data.get("phone", "") if not ch.isspace())
        phone = phone.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")).replace("-", "")
        if phone.startswith("00"):
            phone = "+" + phone[2:]
        if phone.startswith("09") and len(phone) == 10:
            phone = "+963" + phone[1:]
        return phone


class DeclarationForm(forms.Form):
    lives_in_remote_area = forms.BooleanField(
        label=_("I live in a remote area (far from towns and services)"), required=False
    )
    vulnerability_criteria = forms.ModelMultipleChoiceField(
        label=_("My family's situation (tick all that apply)"),
        queryset=VulnerabilityCriterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Mujtama Thakaa keeps this information to give me priority in "
            "programs for remote areas and vulnerable families. I can withdraw this "
            "consent at any time, and the information is then deleted."
        ),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["vulnerability_criteria"]
        field.queryset = VulnerabilityCriterion.objects.filter(is_active=True)  # type: ignore[attr-defined]

    def clean_consent(self) -> bool:
        if not self.cleaned_data.get("consent"):
            raise forms.ValidationError(
                _("We can only keep this information with your consent. Tick the box to agree.")
            )
        return True


class RoleChangeForm(forms.Form):
    user: User  # set by clean_email
    email = forms.EmailField(label=_("Email of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=StaffRole.choices)
    action = forms.ChoiceField(
        choices=[("grant", _("Grant")), ("revoke", _("Revoke"))], widget=forms.HiddenInput
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account uses this email address."))
        self.user = user
        return email
