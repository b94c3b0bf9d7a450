"""The public catalog's full-text search: one function, one branch per database.

SQLite answers from an FTS5 table kept in step with ``catalog_product.search_text`` by
triggers; PostgreSQL from a GIN index on ``to_tsvector('simple', search_text)``. Both are
created by migration 0002 through :func:`index_sql`, the only vendor-specific SQL here.

A query is cut into words (at most 8, each at most 40 characters, letters and digits only:
nothing the user types reaches SQL as syntax); every word must occur, as a word or as the
start of one ("end" finds "endek"), in any order ("tenun endek" finds "Kain Endek Tenun").
When nothing matches, each word is corrected to the nearest word of the catalog's vocabulary
("endk" → "endek") and the search is tried once more: ``Search.corrected`` says so.

Speed at a million products: a common word ("ukir") matches a hundred thousand rows, and
"id IN (every match)" costs that much on every page. For the usual newest-first listing on
SQLite, :meth:`Search.newest_ids` walks the index from its newest match down, checks each
match against the other filters by its primary key, and stops as soon as the page (and
the capped count) is full. FTS5 keeps prefix indexes of 2–4 letters, so "uki" is one
lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import BooleanField, Exists, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from rapidfuzz import fuzz, process

MAX_WORDS = 8
MAX_WORD = 40
WORD = re.compile(r"\w+", re.UNICODE)
FTS_TABLE = "catalog_product_fts"


def words(text: str) -> list[str]:
    """Lower-case words without accents, as the index stores them; "Kain  ÉNDEK!" →
    ["kain", "endek"]."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return [w[:MAX_WORD] for w in WORD.findall(plain.replace("_", " "))]


def query_words(q: str) -> list[str]:
    """The distinct words of a typed query, in order, at most MAX_WORDS."""
    seen: list[str] = []
    for word in words(q[:500]):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_WORDS]


def _match(queryset: QuerySet, terms: list[str]) -> QuerySet:
    vendor = connections[queryset.db].vendor
    table = queryset.model._meta.db_table
    if vendor == "sqlite":
        expression = " AND ".join(f'"{t}"*' for t in terms)
        sql = f'"{table}"."id" IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)'
    else:
        expression = " & ".join(f"{t}:*" for t in terms)
        sql = (
            f'to_tsvector(\'simple\'::regconfig, "{table}"."search_text") '
            "@@ to_tsquery('simple'::regconfig, %s)"
        )
    return queryset.filter(RawSQL(sql, [expression], output_field=BooleanField()))


WALK_WANT = 1_001  # the catalog counts to 1,000 and says "1.000+" beyond


@dataclass
class Search:
    """What a search found: ``queryset`` (``base`` narrowed to the matches), the words used,
    and any correction."""

    queryset: QuerySet
    base: QuerySet
    terms: list[str] = field(default_factory=list)
    corrected: str = ""
    _ids: list[int] | None = field(default=None, repr=False)
    _complete: bool = field(default=False, repr=False)

    def newest_ids(self, want: int) -> list[int] | None:
        """Ids of the first ``want`` matches of ``base`` newest first, read from the index;
        None where that walk does not apply (no words, PostgreSQL, another order) and
        ``queryset`` answers instead."""
        if (
            not self.terms
            or not _newest_first(self.base)
            or connections[self.base.db].vendor != "sqlite"
        ):
            return None
        if self._ids is None or (len(self._ids) < want and not self._complete):
            self._ids, self._complete = _walk(self.base, self.terms, want)
        return self._ids[:want]

    def any(self) -> bool:
        ids = self.newest_ids(WALK_WANT)  # as much as a page will ask for: one walk
        return bool(ids) if ids is not None else self.queryset.exists()


def _newest_first(queryset: QuerySet) -> bool:
    return tuple(queryset.query.order_by) in {("-id",), ("-pk",)}


def _walk(base: QuerySet, terms: list[str], want: int) -> tuple[list[int], bool]:
    """(ids, whether every match was seen): the index's matches newest first, each kept if
    ``base`` allows it (one indexed lookup per match), stopping at ``want``."""
    from kriya.catalog.models import ProductSearchIndex

    expression = " AND ".join(f'"{t}"*' for t in terms)
    ids = list(
        ProductSearchIndex.objects.using(base.db)
        .filter(
            RawSQL(f'"{FTS_TABLE}" MATCH %s', [expression], output_field=BooleanField()),
            Exists(base.order_by().filter(pk=OuterRef("pk"))),
        )
        .order_by("-pk")
        .values_list("pk", flat=True)[:want]
    )
    return ids, len(ids) < want


def search_products(queryset: QuerySet, q: str) -> Search:
    """``queryset`` narrowed to the products matching every word of ``q`` (as ``.queryset``;
    the page may also read them from ``.newest_ids()``)."""
    terms = query_words(q)
    if not terms:
        return Search(queryset=queryset, base=queryset)
    search = Search(queryset=_match(queryset, terms), base=queryset, terms=terms)
    if search.any():
        return search
    fixed = correct(terms)
    if fixed and fixed != terms:
        return Search(
            queryset=_match(queryset, fixed), base=queryset, terms=fixed, corrected=" ".join(fixed)
        )
    return search


def correct(terms: list[str]) -> list[str]:
    """Each word replaced by the closest catalog word starting with the same letter."""
    from kriya.catalog.models import SearchTerm

    fixed = []
    for term in terms:
        if len(term) < 3 or term.isdigit():
            fixed.append(term)
            continue
        candidates = list(
            SearchTerm.objects.filter(word__startswith=term[0]).values_list("word", flat=True)[
                :50_000
            ]
        )
        best = process.extractOne(term, candidates, scorer=fuzz.ratio, score_cutoff=70)
        fixed.append(best[0] if best else term)
    return fixed


def index_sql(vendor: str) -> tuple[list[str], list[str]]:
    """(create, drop) statements of the search index for ``vendor``."""
    if vendor == "sqlite":
        create = [
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='catalog_product',"
            " content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
            f"CREATE TRIGGER catalog_product_fts_ai AFTER INSERT ON catalog_product BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
            f"CREATE TRIGGER catalog_product_fts_ad AFTER DELETE ON catalog_product BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END",
            f"CREATE TRIGGER catalog_product_fts_au AFTER UPDATE OF search_text ON "
            f"catalog_product BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
        ]
        drop = [
            "DROP TRIGGER IF EXISTS catalog_product_fts_ai",
            "DROP TRIGGER IF EXISTS catalog_product_fts_ad",
            "DROP TRIGGER IF EXISTS catalog_product_fts_au",
            f"DROP TABLE IF EXISTS {FTS_TABLE}",
        ]
        return create, drop
    create = [
        "CREATE INDEX catalog_product_search ON catalog_product "
        "USING gin (to_tsvector('simple'::regconfig, search_text))"
    ]
    return create, ["DROP INDEX IF EXISTS catalog_product_search"]
