"""A paginator for long lists: it finds the page's keys with a narrow query, then loads
only those rows with their joins.

Django's paginator sorts the full joined rows (owner, village, district, regency, province)
of every match before it cuts the page; at a province's 20,000 businesses that sort was most
of the page's time. Sorting keys alone is cheap; the joins then run for 50 rows.

Told which page the request asks for, it also counts the matches in that same narrow query
(``COUNT(*) OVER ()``) instead of a second pass: a search or a filter on a column outside
the index reads every matching row, and reading them once instead of twice halves the page.
"""

from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Count, Model, QuerySet, Window
from django.utils.functional import cached_property

_M = TypeVar("_M", bound=Model)


class NarrowPaginator(Paginator[_M]):
    # Pages querysets only (of any model): it narrows, annotates and filters them.
    object_list: QuerySet[_M]

    def __init__(
        self,
        object_list: QuerySet[_M],
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
        *,
        expected_page: int | None = None,
    ) -> None:
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.expected_page = expected_page
        self._keys: dict[int, list[Any]] = {}

    @cached_property
    def count(self) -> int:
        number = self.expected_page
        query = getattr(self.object_list, "query", None)
        if (
            number is None
            or number < 1
            or query is None
            or query.distinct
            or not connections[self.object_list.db].features.supports_over_clause
        ):
            return super().count
        bottom = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(_matches=Window(Count("*"))).values_list("pk", "_matches")[
                bottom : bottom + self.per_page + self.orphans
            ]
        )
        if not rows:  # an empty list, or a page past its end: count the usual way
            return 0 if number == 1 else super().count
        self._keys[number] = [key for key, _ in rows]
        return rows[0][1]

    def page(self, number: int | str) -> Page[_M]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self._keys.get(number)
        if keys is None:
            keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        keys = keys[: top - bottom]
        rows = self.object_list.model._default_manager.none()
        if keys:
            rows = self.object_list.filter(pk__in=keys).order_by()
        by_key = {row.pk: row for row in rows}
        # Paginator._get_page is Django's hook for building a Page; the stubs leave it out.
        return self._get_page([by_key[key] for key in keys if key in by_key], number, self)  # type: ignore[attr-defined]
