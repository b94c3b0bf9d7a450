"""The one region-scoping mechanism.

Every regional record names the path to a Kemendagri region code (``region_path``). Codes
are hierarchical (``51`` Bali, ``51.03`` Badung, ``51.03.04`` Petang, ``51.03.04.2005``
Getasan), so "inside a council's region" is "the code itself, or a code that starts with
it and a dot". Dekranas (code ``ID``) sees everything. Views, the admin, the API, exports
and reports all start their queries with ``Model.objects.within(council)``; nothing
re-implements this rule.

Reading and writing differ: a council **reads down** its whole subtree (Bali reads
Badung's businesses, sales and visits) but **writes only its own** records, those no
council below it serves: ``.own(council)`` and ``is_own(obj, council)``. A model that
names an exception sets ``written_from_above = True`` (none does today). The public site
reads through ``.public()``, the nation's scope, with its own filters (``published()``).

The shape of a code (``51``, ``51.03``, ``51.03.04``, ``51.03.04.2005``) is known here
only: ``level_of(code)``, ``code_of_level(code, level)``, ``CODE_PATTERNS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar, cast

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import connections, models
from django.db.models import Q
from django.db.models.fields.related import ForeignObjectRel

if TYPE_CHECKING:
    from django.contrib.contenttypes.fields import GenericForeignKey

    from kriya.regions.models import Council

# The model a RegionalQuerySet holds, so `Business.objects.within(c).get()` is a Business.
_M = TypeVar("_M", bound="RegionalModel")

NATION_CODE = "ID"
NATION, PROVINCE, REGENCY, DISTRICT, VILLAGE = (
    "nation",
    "province",
    "regency",
    "district",
    "village",
)
# Kemendagri code shapes, from the top: Bali 51, Badung 51.03, Petang 51.03.04, Getasan
# 51.03.04.2005. Each level's code is a prefix of its children's codes.
CODE_PATTERNS = {
    PROVINCE: r"\d{2}",
    REGENCY: r"\d{2}\.\d{2}",
    DISTRICT: r"\d{2}\.\d{2}\.\d{2}",
    VILLAGE: r"\d{2}\.\d{2}\.\d{2}\.\d{4}",
}
CODE_LENGTHS = {PROVINCE: 2, REGENCY: 5, DISTRICT: 8, VILLAGE: 13}
_SHAPES = {level: re.compile(pattern) for level, pattern in CODE_PATTERNS.items()}


def level_of(code: str | None) -> str | None:
    """``"nation"``, ``"province"``, ``"regency"``, ``"district"`` or ``"village"`` by the
    code's shape alone (no query), or ``None`` for a string that is no region code."""
    if code == NATION_CODE:
        return NATION
    for level, shape in _SHAPES.items():
        if code and shape.fullmatch(code):
            return level
    return None


def code_of_level(code: str, level: str) -> str:
    """The code of the ``level`` region that holds ``code``: ``51.03`` for ``51.03.04.2005``
    at ``"regency"``. (In SQL: ``Substr(field, 1, CODE_LENGTHS[level])``.)"""
    return code[: CODE_LENGTHS[level]]


def code_covers(scope_code: str, code: str | None) -> bool:
    """Whether region ``code`` lies inside the region ``scope_code`` (or is it)."""
    if scope_code == NATION_CODE:
        return True
    return code is not None and (code == scope_code or code.startswith(scope_code + "."))


def region_q(path: str, scope_code: str, vendor: str = "postgresql") -> Q:
    """The SQL form of :func:`code_covers` for the field at ``path``.

    The prefix test is written so each database can answer it from an index. PostgreSQL
    serves ``LIKE '51.03.%'`` from the ``varchar_pattern_ops`` index Django adds to every
    indexed text column; SQLite never uses an index for Django's ``LIKE … ESCAPE``, but its
    byte-wise (BINARY) collation makes the range ``'51.03.' <= code < '51.03/'`` (``/``
    follows ``.``) the same test, and that one it serves from the index. The range would be
    wrong under PostgreSQL's language-aware collations, hence the two branches.
    """
    if scope_code == NATION_CODE:
        return Q()
    if vendor == "sqlite":
        return Q(**{path: scope_code}) | Q(
            **{f"{path}__gte": scope_code + ".", f"{path}__lt": scope_code + "/"}
        )
    return Q(**{path: scope_code}) | Q(**{f"{path}__startswith": scope_code + "."})


def regions_q(path: str, codes: Iterable[str], vendor: str = "postgresql") -> Q:
    """The rows whose field at ``path`` lies inside any of the regions ``codes`` (one OR of
    :func:`region_q`, over the outermost codes only)."""
    q = Q()
    for code in outermost(codes):
        if code == NATION_CODE:
            return Q()
        q |= region_q(path, code, vendor)
    return q


def outermost(codes: Iterable[str]) -> list[str]:
    """``codes`` without those inside another of them: ``["51", "52.01"]`` of
    ``["51.03", "51", "52.01"]``."""
    kept: list[str] = []
    for code in sorted(set(codes), key=len):
        if not any(code_covers(outer, code) for outer in kept):
            kept.append(code)
    return kept


def _crosses_many(model: type[models.Model], path: str) -> bool:
    """Whether ``path`` goes through a one-to-many or many-to-many relation."""
    for part in path.split("__")[:-1]:
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if field.one_to_many or field.many_to_many:
            return True
        # A relation's related_model is a class once the app registry is ready (Django
        # resolves "self" and lazy references then); the stubs also allow those forms.
        model = cast("type[models.Model]", field.related_model)
    return False


class RegionalQuerySet(models.QuerySet[_M, _M]):
    def within(self, council: Council | None) -> Self:
        """Only the rows inside ``council``'s region; nothing at all without a council."""
        if council is None:
            return self.none()
        return self.in_region(council.code)

    def public(self) -> Self:
        """The public's scope: the whole nation (narrow it with ``published()`` and the
        like). Named, so that no page builds a stand-in council to read the nation."""
        return self.in_region(NATION_CODE)

    def own(self, council: Council | None) -> Self:
        """Only the rows ``council`` may change: inside its region and not inside the region
        of a council below it (Bali's own records, not Badung's)."""
        scoped = self.within(council)
        if council is None or getattr(self.model, "written_from_above", False):
            return scoped
        path = self.model.region_path
        if path == "council__code" or path.endswith("__council__code"):
            # Rows of one council: its own are exactly those of that council (one query less).
            return scoped.filter(**{path.removesuffix("__code"): council})
        below = councils_below(council)
        if not below:
            return scoped
        q = regions_q(self.model.region_path, below, connections[self.db].vendor)
        if _crosses_many(self.model, self.model.region_path):
            return scoped.exclude(pk__in=self.model._base_manager.filter(q).values("pk"))
        return scoped.exclude(q)

    def in_region(self, code: str) -> Self:
        """Only the rows inside region ``code`` (a narrower filter after ``within()``)."""
        q = region_q(self.model.region_path, code, connections[self.db].vendor)
        if not q:
            return self
        if _crosses_many(self.model, self.model.region_path):
            # A join through a to-many relation would repeat rows; filter by key instead.
            return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))
        return self.filter(q)


class RegionalModel(models.Model):
    """A model whose every row belongs to a region. Subclasses set ``region_path``; one that
    a council above may also change sets ``written_from_above = True``."""

    region_path: ClassVar[str]
    written_from_above: ClassVar[bool] = False
    objects = RegionalQuerySet.as_manager()

    class Meta:
        abstract = True

    def region_codes(self) -> set[str]:
        """The region codes this row belongs to, read from the instance (no SQL filter)."""
        return region_codes_of(self)


def is_regional(model: type[models.Model]) -> bool:
    return isinstance(getattr(model, "region_path", None), str)


def region_codes_of(obj: Any) -> set[str]:
    """Follow ``region_path`` on an instance, through to-many relations too."""
    parts = type(obj).region_path.split("__")
    values = [obj]
    index = 0
    while index < len(parts):
        part, following = parts[index], []
        following_step = 1
        for value in values:
            if value is None:
                continue
            field = _field(value, part)
            if (
                isinstance(field, models.ForeignObject)
                and field.many_to_one
                and index + 1 < len(parts)
                and field.target_field.name == parts[index + 1]
            ):
                # "village__code" reads the foreign key's own column, without a query.
                following.append(getattr(value, field.attname))
                following_step = 2
                continue
            attr = getattr(value, part, None)
            if isinstance(attr, models.Manager):
                following.extend(attr.all() if value.pk else [])
            else:
                following.append(attr)
        values = following
        index += following_step
    return {str(v) for v in values if v}


def _field(
    value: Any, name: str
) -> models.Field[Any, Any] | ForeignObjectRel | GenericForeignKey | None:
    try:
        return value._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):
        return None


def in_scope(obj: Any, council: Council | None) -> bool:
    """Whether ``obj`` (saved or not) lies inside ``council`` region, as ``within()`` decides."""
    if council is None:
        return False
    codes = region_codes_of(obj)
    return any(code_covers(council.code, code) for code in codes)


def require_own(obj: Any, council: Council | None) -> None:
    """A 403 (PermissionDenied) unless ``council`` may change ``obj`` (:func:`is_own`): the
    views' form of the province rule, for a row they fetched ``within()`` to show it."""
    if not is_own(obj, council):
        raise PermissionDenied


def councils_below(council: Council) -> list[str]:
    """The codes of the councils right below ``council`` (Bali: its regencies' councils
    that exist; a regency: none). One query."""
    from kriya.regions.models import Council

    if level_of(council.code) not in (NATION, PROVINCE):
        return []
    return outermost(
        Council.objects.within(council).exclude(pk=council.pk).values_list("code", flat=True)
    )


def is_own(obj: Any, council: Council | None) -> bool:
    """Whether ``council`` may change ``obj`` (saved or not), as ``own()`` decides: it lies in
    the council's region and in no region of a council below it."""
    if council is None or not in_scope(obj, council):
        return False
    if getattr(type(obj), "written_from_above", False):
        return True
    below = councils_below(council)
    return any(
        code_covers(council.code, code) and not any(code_covers(b, code) for b in below)
        for code in region_codes_of(obj)
    )
