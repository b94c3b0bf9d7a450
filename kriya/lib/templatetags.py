"""Template filters available in every template (registered as builtins in settings)."""

from decimal import Decimal

from django import template
from django.template.context import Context
from django.urls import translate_url

from kriya.lib.money import format_rupiah

register = template.Library()


@register.filter
def rupiah(value: Decimal | int | str | None) -> str:
    """``{{ product.price|rupiah }}`` → ``Rp 1.250.000``."""
    try:
        return format_rupiah(value)
    except ValueError:
        return ""


@register.simple_tag(takes_context=True)
def language_path(context: Context, code: str) -> str:
    """This page in language ``code`` (``/katalog/?q=x`` → ``/en/katalog/?q=x``): a plain
    link, so a page needs no form and no CSRF token to switch language."""
    request = context.get("request")
    return translate_url(request.get_full_path(), code) if request else "/"
