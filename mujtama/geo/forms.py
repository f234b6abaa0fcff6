from django import forms
from django.utils.translation import gettext_lazy as _


class LocalitySearchForm(forms.Form):
    q = forms.CharField(label=_("Search localities"), required=False, max_length=100)
