from typing import Any

from django import template

from mujtama.programs.display import money

register = template.Library()


@register.filter
def syp(amount: Any) -> str:
    """A sum in Syrian pounds, with thousands separators and the currency named
    in the reader's language: ``{{ call.max_award|syp }}``."""
    return money(amount)
