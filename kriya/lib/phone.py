"""The back office's lists on a phone: 25 compact rows instead of a wide table of 100.

The browser says how wide its screen is: ``static/kriya/screen.js`` (loaded by the admin and
the public base template, so the cookie is there before the first list) keeps the cookie
``kriya_screen`` at ``narrow`` or ``wide`` from ``matchMedia``. Without it (no script yet,
or a script-less client) a list is served as on a wide screen.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    # unfold ships no type information; its ChangeList is Django's with a template, and its
    # ModelAdmin, which this mixin joins, is Django's.
    from django.contrib.admin import ModelAdmin
    from django.contrib.admin.views.main import ChangeList

    _AdminBase = ModelAdmin[Any]
else:
    from unfold.views import ChangeList

    _AdminBase = object

COOKIE = "kriya_screen"
# One entry of a list_display: a field's name or a callable that shows the row.
Column = str | Callable[[Any], str | bool]
PHONE_PER_PAGE = 25
PHONE_COLUMNS = 3


def is_narrow(request: HttpRequest) -> bool:
    return request.COOKIES.get(COOKIE) == "narrow"


class PhoneChangeList(ChangeList):
    def get_results(self, request: HttpRequest) -> None:
        if is_narrow(request):
            self.list_per_page = min(self.list_per_page, PHONE_PER_PAGE)
        super().get_results(request)


class PhoneListMixin(_AdminBase):
    """A ModelAdmin mixin: on a phone the list shows ``phone_list_display`` (name, village,
    one status; the first three columns unless the admin names them) and 25 rows a page."""

    phone_list_display: Sequence[Column] | None = None

    def get_list_display(self, request: HttpRequest) -> list[Column] | tuple[Column, ...]:
        columns = super().get_list_display(request)
        if not is_narrow(request):
            return columns
        return list(self.phone_list_display or list(columns)[:PHONE_COLUMNS])

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return PhoneChangeList
