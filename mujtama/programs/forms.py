"""Forms of the organization's side (applying, the application, the consortium)
and of the reviewers' pages. The program managers' forms are in manager_forms.py.

The application form only collects what was typed: the answers are checked by
``services.applications.application_save``, whose per-question errors the view
attaches to the fields, so every value typed (valid or not) is shown again."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mujtama.core.forms import CHOOSE
from mujtama.organizations.models import Organization
from mujtama.programs.models import Answer, CallQuestion, QuestionKind, RubricCriterion
from mujtama.programs.services.applications import LONG_TEXT_LIMIT, TEXT_LIMIT

# What a file answer may be (checked again by content when it is saved).
FILE_ACCEPT = "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png,image/webp,.webp"
# Up to this many options a choice question shows radio buttons, beyond it a list.
RADIO_LIMIT = 6
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


def question_field_name(question: CallQuestion | int) -> str:
    return f"q_{question if isinstance(question, int) else question.pk}"


def number_text(value: Decimal | None) -> str:
    """A stored number as a person would write it: 1500, not 1500.00."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class ApplyForm(forms.Form):
    lead = forms.ModelChoiceField(
        label=gettext_lazy("Organization applying (the lead)"),
        queryset=Organization.objects.none(),
        help_text=gettext_lazy(
            "Organizations in which you are an owner or editor. Partners are invited once the application is open."
        ),
    )
    title = forms.CharField(label=gettext_lazy("Project title"), max_length=200)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lead"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations
        field.empty_label = CHOOSE


class ApplicationForm(forms.Form):
    """The title, the requested amount and one field per active question of the call.

    No field validates an answer itself (the service does, so that its messages are
    the only ones); the requested amount is read here, as the service takes a number."""

    title = forms.CharField(label=gettext_lazy("Project title"), max_length=200)
    requested_amount = forms.CharField(
        label=gettext_lazy("Requested amount (SYP)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        questions: list[CallQuestion],
        answers: dict[int, Answer] | None = None,
        max_award: Decimal | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.answers = answers or {}
        if max_award:
            self.fields["requested_amount"].help_text = escape(
                _("At most %(max)s SYP.") % {"max": number_text(max_award)}
            )
        for question in questions:
            self.fields[question_field_name(question)] = self._field_for(question)

    @staticmethod
    def _field_for(question: CallQuestion) -> forms.Field:
        label = question.label
        if question.required:
            label = _("%(question)s (required)") % {"question": label}
        # The form renderer shows help text unescaped; the call's wording is escaped here.
        help_text = escape(question.help) if question.help else ""
        field: forms.Field
        if question.kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT):
            default = TEXT_LIMIT if question.kind == QuestionKind.TEXT else LONG_TEXT_LIMIT
            limit = question.max_length or default
            widget: forms.Widget = (
                forms.TextInput(attrs={"maxlength": limit, "dir": "auto"})
                if question.kind == QuestionKind.TEXT
                else forms.Textarea(attrs={"maxlength": limit, "rows": 6, "dir": "auto"})
            )
            field = forms.CharField(required=False, widget=widget)
        elif question.kind == QuestionKind.NUMBER:
            field = forms.CharField(
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "dir": "ltr", "autocomplete": "off"}
                ),
            )
        elif question.kind == QuestionKind.CHOICE:
            pairs = question.choice_pairs()
            choice_widget: forms.Widget = (
                forms.RadioSelect(choices=pairs)
                if len(pairs) <= RADIO_LIMIT
                else forms.Select(choices=[("", CHOOSE), *pairs])
            )
            # A plain text field: an unknown value is refused by the service, once.
            field = forms.CharField(required=False, widget=choice_widget)
        else:
            field = forms.FileField(
                required=False, widget=forms.FileInput(attrs={"accept": FILE_ACCEPT})
            )
        field.label = label
        field.help_text = help_text
        return field

    @classmethod
    def initial_for(cls, application: Any, answers: dict[int, Answer]) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "title": application.title,
            "requested_amount": number_text(application.requested_amount),
        }
        for question_id, answer in answers.items():
            initial[question_field_name(question_id)] = (
                number_text(answer.number) if answer.number is not None else answer.text
            )
        return initial

    def clean_requested_amount(self) -> Decimal | None:
        text = (self.cleaned_data.get("requested_amount") or "").strip()
        text = text.translate(ARABIC_DIGITS).replace(",", "").replace("،", "").replace(" ", "")
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise forms.ValidationError(
                _("Write the amount in Syrian pounds, as a number.")
            ) from exc
        if not amount.is_finite() or amount != amount.to_integral_value():
            raise forms.ValidationError(_("Write the amount in whole Syrian pounds."))
        if amount.adjusted() >= 16:
            raise forms.ValidationError(_("The amount is too large."))
        return amount

    def rows(self) -> list[dict[str, Any]]:
        """Each question with its field and its stored answer (for the current file)."""
        return [
            {
                "question": question,
                "field": self[question_field_name(question)],
                "answer": self.answers.get(question.pk),
                "is_file": question.kind == QuestionKind.FILE,
            }
            for question in self.questions
        ]

    def raw_answers(self, data: Any) -> dict[int, str]:
        """What was typed for each question that is not a file, as typed."""
        return {
            question.pk: data.get(question_field_name(question), "")
            for question in self.questions
            if question.kind != QuestionKind.FILE
        }

    def uploads(self) -> dict[int, tuple[Any, str]]:
        """The files chosen (and readable as uploads) for file questions."""
        files: dict[int, tuple[Any, str]] = {}
        for question in self.questions:
            if question.kind != QuestionKind.FILE:
                continue
            upload = self.cleaned_data.get(question_field_name(question))
            if upload:
                files[question.pk] = (upload, upload.name)
        return files


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand that a withdrawn application is closed for good and cannot be submitted again."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm the withdrawal.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PartnerInviteForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Member organization to invite"),
        queryset=Organization.objects.none(),
        help_text=gettext_lazy(
            "Only members of the national framework can be partners. Their owners and editors are asked to confirm."
        ),
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations
        field.empty_label = CHOOSE


class PartnerAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[
            ("confirm", gettext_lazy("Confirm")),
            ("decline", gettext_lazy("Decline")),
        ]
    )


# --- reviewers ---------------------------------------------------------------------------------


class DeclarationForm(forms.Form):
    declare = forms.ChoiceField(
        label=gettext_lazy("Conflict of interest"),
        choices=[
            (
                "no",
                gettext_lazy(
                    "I have no conflict of interest with the organizations of this application"
                ),
            ),
            ("yes", gettext_lazy("I have a conflict of interest")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose one of the two declarations.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Explain the conflict"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required when you declare a conflict: the program manager reads it to assign another reviewer."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("declare") == "yes" and not (data.get("note") or "").strip():
            self.add_error("note", _("Explain the conflict of interest."))
        return data

    @property
    def conflict(self) -> bool:
        return self.cleaned_data.get("declare") == "yes"


SCORE_CHOICES = [(str(value), str(value)) for value in range(6)]


def score_field_name(criterion: RubricCriterion) -> str:
    return f"score_{criterion.pk}"


def comment_field_name(criterion: RubricCriterion) -> str:
    return f"comment_{criterion.pk}"


class ScoreForm(forms.Form):
    """A 0–5 score and a comment per active rubric criterion, and an overall comment.
    A criterion may stay unscored while the review is saved; submitting needs all."""

    comment = forms.CharField(
        label=gettext_lazy("Overall comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )

    def __init__(self, *args: Any, criteria: list[RubricCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            score = forms.ChoiceField(
                label=_("Score for: %(criterion)s (0 to 5)") % {"criterion": criterion.name},
                choices=SCORE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=escape(criterion.description),
            )
            self.fields[score_field_name(criterion)] = score
            self.fields[comment_field_name(criterion)] = forms.CharField(
                label=_("Comment on: %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            )
        # The overall comment comes last.
        self.fields["comment"] = self.fields.pop("comment")

    @classmethod
    def initial_for(cls, review: Any, scores: dict[int, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {"comment": review.comment}
        for criterion_id, score in scores.items():
            initial[f"score_{criterion_id}"] = str(score.value)
            initial[f"comment_{criterion_id}"] = score.comment
        return initial

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "criterion": criterion,
                "score": self[score_field_name(criterion)],
                "comment": self[comment_field_name(criterion)],
            }
            for criterion in self.criteria
        ]

    def scores(self) -> dict[int, tuple[int, str]]:
        """The criteria given a score, with their comments."""
        scored: dict[int, tuple[int, str]] = {}
        for criterion in self.criteria:
            value = self.cleaned_data.get(score_field_name(criterion))
            if value not in (None, ""):
                scored[criterion.pk] = (
                    int(value),
                    self.cleaned_data.get(comment_field_name(criterion)) or "",
                )
        return scored

    def unscored(self) -> list[RubricCriterion]:
        return [c for c in self.criteria if c.pk not in self.scores()]
