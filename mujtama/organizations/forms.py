from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.accounts.models import User
from mujtama.core.forms import ChoosePrompt
from mujtama.geo.models import Governorate
from mujtama.organizations.models import (
    DocumentKind,
    ExpertiseArea,
    JoiningSettings,
    LicensingStep,
    MemberRole,
    Organization,
    OrganizationDocument,
    OrganizationKind,
)
from mujtama.organizations.models.joining import ApplicationStatus
from mujtama.organizations.models.licensing import LicensingStatus
from mujtama.organizations.services.registry import PROFILE_FIELDS


class OrganizationForm(ChoosePrompt, forms.ModelForm):
    governorates = forms.ModelMultipleChoiceField(
        label=_("Governorates it works in"),
        queryset=Governorate.objects.order_by("pcode"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    expertise_areas = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organization
        fields = [*PROFILE_FIELDS, "governorates", "expertise_areas"]
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "description_ar": forms.Textarea(attrs={"rows": 4, "dir": "rtl", "lang": "ar"}),
            "description_en": forms.Textarea(attrs={"rows": 4, "dir": "ltr", "lang": "en"}),
            "registration_number": forms.TextInput(attrs={"dir": "ltr"}),
            "website": forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://"}),
            "public_phone": forms.TextInput(attrs={"dir": "ltr", "inputmode": "tel"}),
            "founding_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "registration_number": _("Leave empty if the organization has no license yet."),
            "legal_status": _(
                "Youth associations without a license can still join: they are guided to a "
                "license and are provisional members meanwhile."
            ),
        }

    def __init__(self, *args: Any, locked_legal_status: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if locked_legal_status:
            for name in ("legal_status", "registration_number"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Checked by the ministry: it changes only through the licensing track."
                )

    def clean_founding_year(self) -> int | None:
        year = self.cleaned_data.get("founding_year")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(_("The year founded cannot be in the future."))
        return year

    def service_fields(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data[name] for name in PROFILE_FIELDS if name in self.cleaned_data
        }
        for name in ("registration_number", "name_ar", "name_en", "public_phone"):
            if name in data:
                data[name] = " ".join(str(data[name]).split())
        return data


class LogoForm(forms.Form):
    logo = forms.FileField(label=_("Logo (JPEG, PNG or WebP, at most 1 MB)"))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File (PDF or image, at most 10 MB)"))


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.EDITOR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class RequestAnswerForm(forms.Form):
    action = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.VIEWER)


class AskToJoinForm(forms.Form):
    message = forms.CharField(
        label=_("A word to the owners (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplicationNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the ministry (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StepForm(forms.Form):
    step = forms.ModelChoiceField(queryset=LicensingStep.objects.filter(is_active=True))
    done = forms.BooleanField(label=_("Done"), required=False)
    evidence: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Evidence"),
        queryset=OrganizationDocument.objects.none(),
        required=False,
        empty_label=_("No document"),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = organization.documents.all()  # type: ignore[attr-defined]


# --- staff ------------------------------------------------------------------------


class ReasonForm(forms.Form):
    action = forms.CharField(max_length=40)
    reason = forms.CharField(
        label=_("Reason (sent to the organization)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    officer: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, officers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers  # type: ignore[attr-defined]


class LicenseDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("grant", _("Record the license")),
            ("refuse", _("Refuse")),
            ("return", _("Return for completion")),
        ]
    )
    license_number = forms.CharField(label=_("License number"), required=False, max_length=60)
    license_date = forms.DateField(
        label=_("License date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Reason (sent to the organization)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


QUEUE_KINDS = [
    ("", _("Applications and licensing files")),
    ("application", _("Joining applications")),
    ("licensing", _("Licensing files")),
]


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Show"), choices=QUEUE_KINDS, required=False)
    status = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("Every waiting state")),
            (ApplicationStatus.SUBMITTED, _("Submitted, waiting for review")),
            (ApplicationStatus.UNDER_REVIEW, _("Under review")),
            (LicensingStatus.SUBMITTED, _("Licensing file submitted")),
        ],
    )
    governorate = forms.ChoiceField(label=_("Governorate"), required=False)
    organization_kind = forms.ChoiceField(
        label=_("Kind of organization"),
        required=False,
        choices=[("", _("Every kind")), *OrganizationKind.choices],
    )
    mine = forms.BooleanField(label=_("Only what is assigned to me"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["governorate"].choices = [  # type: ignore[attr-defined]
            ("", _("Every governorate")),
            *[(g.pcode, g.name) for g in Governorate.objects.order_by("pcode")],
        ]


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind of organization"),
        required=False,
        choices=[("", _("Every kind")), *OrganizationKind.choices],
    )


class CriteriaForm(forms.Form):
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    mechanisms_ar = forms.CharField(
        label=_("How to join (Arabic)"), widget=forms.Textarea(attrs={"rows": 6, "dir": "rtl"})
    )
    mechanisms_en = forms.CharField(
        label=_("How to join (English)"), widget=forms.Textarea(attrs={"rows": 6, "dir": "ltr"})
    )
    body_ar = forms.CharField(
        label=_("Criteria (Arabic)"), widget=forms.Textarea(attrs={"rows": 8, "dir": "rtl"})
    )
    body_en = forms.CharField(
        label=_("Criteria (English)"), widget=forms.Textarea(attrs={"rows": 8, "dir": "ltr"})
    )
    # The automatic checks, one field each; the service stores them as rules.
    check_profile = forms.BooleanField(label=_("The profile must be complete"), required=False)
    check_documents = forms.MultipleChoiceField(
        label=_("Documents that must be uploaded"),
        choices=DocumentKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    check_min_members = forms.IntegerField(
        label=_("At least this many members"), required=False, min_value=1, max_value=100000
    )
    check_legal_statuses = forms.MultipleChoiceField(
        label=_("Accepted legal statuses (none ticked: any)"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    check_min_expertise = forms.IntegerField(
        label=_("At least this many areas of expertise"), required=False, min_value=1, max_value=20
    )
    check_min_governorates = forms.IntegerField(
        label=_("At least this many governorates"), required=False, min_value=1, max_value=14
    )
    check_founded_years = forms.IntegerField(
        label=_("Founded at least this many years ago"), required=False, min_value=1, max_value=100
    )
    manual_checks = forms.CharField(
        label=_("Manual checks the officer ticks"),
        help_text=_(
            "One per line, Arabic then English separated by a vertical bar: التحقق من مجلس الإدارة | Board verified"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from mujtama.organizations.models import LegalStatus

        super().__init__(*args, **kwargs)
        self.fields["check_legal_statuses"].choices = LegalStatus.choices  # type: ignore[attr-defined]

    def clean_manual_checks(self) -> list[dict[str, str]]:
        checks: list[dict[str, str]] = []
        for number, line in enumerate(self.cleaned_data["manual_checks"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 2 or not all(parts):
                raise forms.ValidationError(
                    _("Line %(number)s: write the Arabic and the English wording separated by |.")
                    % {"number": number}
                )
            checks.append(
                {"code": f"m{len(checks) + 1}", "label_ar": parts[0], "label_en": parts[1]}
            )
        return checks

    def automatic_checks(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        rules: list[dict[str, Any]] = []
        if data.get("check_profile"):
            rules.append({"type": "profile_complete"})
        if data.get("check_documents"):
            rules.append({"type": "documents", "kinds": list(data["check_documents"])})
        if data.get("check_min_members"):
            rules.append({"type": "min_members", "value": data["check_min_members"]})
        if data.get("check_legal_statuses"):
            rules.append({"type": "legal_status_in", "values": list(data["check_legal_statuses"])})
        if data.get("check_min_expertise"):
            rules.append({"type": "min_expertise_areas", "value": data["check_min_expertise"]})
        if data.get("check_min_governorates"):
            rules.append({"type": "min_governorates", "value": data["check_min_governorates"]})
        if data.get("check_founded_years"):
            rules.append({"type": "founded_years_ago", "value": data["check_founded_years"]})
        return rules

    @classmethod
    def initial_from(cls, criteria: Any) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(criteria, name)
            for name in (
                "title_ar",
                "title_en",
                "mechanisms_ar",
                "mechanisms_en",
                "body_ar",
                "body_en",
            )
        }
        for rule in criteria.automatic_checks:
            kind = rule["type"]
            if kind == "profile_complete":
                initial["check_profile"] = True
            elif kind == "documents":
                initial["check_documents"] = rule.get("kinds", [])
            elif kind == "min_members":
                initial["check_min_members"] = rule.get("value")
            elif kind == "legal_status_in":
                initial["check_legal_statuses"] = rule.get("values", [])
            elif kind == "min_expertise_areas":
                initial["check_min_expertise"] = rule.get("value")
            elif kind == "min_governorates":
                initial["check_min_governorates"] = rule.get("value")
            elif kind == "founded_years_ago":
                initial["check_founded_years"] = rule.get("value")
        initial["manual_checks"] = "\n".join(
            f"{check['label_ar']} | {check['label_en']}" for check in criteria.manual_checks
        )
        return initial


class JoiningSettingsForm(forms.ModelForm):
    class Meta:
        model = JoiningSettings
        fields = [
            "membership_months",
            "provisional_months",
            "reminder_days",
            "review_service_days",
            "licensing_service_days",
        ]


class LicensingStepEditForm(forms.ModelForm):
    class Meta:
        model = LicensingStep
        fields = [
            "code",
            "name_ar",
            "name_en",
            "description_ar",
            "description_en",
            "evidence_required",
            "order",
            "is_active",
        ]
        widgets = {"code": forms.TextInput(attrs={"dir": "ltr"})}


class ExpertiseAreaForm(forms.ModelForm):
    class Meta:
        model = ExpertiseArea
        fields = ["code", "name_ar", "name_en", "order", "is_active"]
        widgets = {"code": forms.TextInput(attrs={"dir": "ltr"})}
