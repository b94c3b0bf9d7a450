"""Template filters available in every template (registered as builtins in settings)."""

from django import template

from kriya.lib.money import format_rupiah

register = template.Library()


@register.filter
def rupiah(value) -> str:
    """``{{ product.price|rupiah }}`` → ``Rp 1.250.000``."""
    try:
        return format_rupiah(value)
    except ValueError:
        return ""
