"""Suspected duplicates: similar names in the same village.

"I Made Sudarsana", "I Md Sudarsana" and "MADE SUDARSANA" are one person typed three ways.
Names are reduced to a key (lower case, Balinese/Javanese abbreviations expanded, the
honorifics I/Ni dropped) and compared with rapidfuzz within one village only, so the work
is proportional to the size of a village, not of the register.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

ABBREVIATIONS = {
    "md": "made",
    "kt": "ketut",
    "wy": "wayan",
    "nym": "nyoman",
    "pt": "putu",
    "gst": "gusti",
    "gd": "gede",
    "kd": "kadek",
    "kmg": "komang",
    "ngh": "ngurah",
    "agng": "agung",
    "ag": "agung",
    "moh": "mohammad",
    "muh": "muhammad",
    "mhd": "muhammad",
    "moch": "mochammad",
    "st": "siti",
}
DROPPED = {"ir", "h", "hj", "dr", "drs", "s", "se", "spd", "bpk", "ibu", "pak"}
# Balinese names carry sex (I / Ni) and birth order (Wayan, Putu and Gede are all first-born;
# Made, Kadek and Nengah second; Nyoman and Komang third; Ketut fourth). Two records that
# disagree on either are two people, however alike the rest of the name.
HONORIFIC = {"i": "L", "ni": "P"}
BIRTH_ORDER = {
    "wayan": 1,
    "putu": 1,
    "gede": 1,
    "made": 2,
    "kadek": 2,
    "nengah": 2,
    "nyoman": 3,
    "komang": 3,
    "ketut": 4,
}
WORD = re.compile(r"[a-z0-9]+")
THRESHOLD = 90
NOT_KEY = DROPPED | set(BIRTH_ORDER) | set(HONORIFIC)


def _parts(name: str) -> tuple[str | None, int | None, str]:
    words = [ABBREVIATIONS.get(w, w) for w in WORD.findall(name.lower())]
    sex = HONORIFIC.get(words[0]) if len(words) > 1 else None
    order = next((BIRTH_ORDER[w] for w in words if w in BIRTH_ORDER), None)
    rest = [w for w in words if w not in DROPPED and w not in BIRTH_ORDER and w not in HONORIFIC]
    return sex, order, " ".join(rest or words)


def name_key(name: str) -> str:
    """The part of a name that identifies a person or shop ("I Md Sudarsana" → "sudarsana")."""
    words = [ABBREVIATIONS.get(w, w) for w in WORD.findall(name.lower())]
    return " ".join([w for w in words if w not in NOT_KEY] or words)


def similar(a: str, b: str) -> bool:
    return _alike(_parts(a), _parts(b))


def _alike(a: tuple[str | None, int | None, str], b: tuple[str | None, int | None, str]) -> bool:
    sex_a, order_a, key_a = a
    sex_b, order_b, key_b = b
    if not key_a or not key_b:
        return False
    if sex_a and sex_b and sex_a != sex_b or order_a and order_b and order_a != order_b:
        return False
    return (
        key_a == key_b
        or fuzz.ratio(key_a, key_b) >= THRESHOLD
        or fuzz.token_sort_ratio(key_a, key_b) >= 95
    )


def suspected_pairs(rows: Iterable[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """Pairs of ids among ``(id, village code, name)`` rows that look like one record.
    Each name is taken apart once; the pairs are compared within one village only."""
    by_village: dict[str, list[tuple[int, tuple]]] = defaultdict(list)
    for pk, village, name in rows:
        by_village[village].append((pk, _parts(name)))
    pairs = []
    for members in by_village.values():
        for i, (pk_a, parts_a) in enumerate(members):
            for pk_b, parts_b in members[i + 1 :]:
                if _alike(parts_a, parts_b):
                    pairs.append((pk_a, pk_b))
    return pairs


def suspected_duplicates(queryset) -> list[tuple[object, object]]:
    """Suspected pairs among the active rows of ``queryset`` (already scoped), as objects."""
    rows = list(queryset.active().values_list("pk", "village_id", "name"))
    pairs = suspected_pairs(rows)
    ids = {pk for pair in pairs for pk in pair}
    objects = (
        queryset.model.objects.filter(pk__in=ids)
        .select_related("village__district__regency__province")
        .in_bulk()
    )
    return [(objects[a], objects[b]) for a, b in pairs]
