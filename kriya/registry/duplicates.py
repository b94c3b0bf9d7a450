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
    "md": "made", "kt": "ketut", "wy": "wayan", "nym": "nyoman", "pt": "putu",
    "gst": "gusti", "gd": "gede", "kd": "kadek", "kmg": "komang", "ngh": "ngurah",
    "agng": "agung", "ag": "agung", "moh": "mohammad",
    "muh": "muhammad", "mhd": "muhammad", "moch": "mochammad", "st": "siti",
}
DROPPED = {"i", "ni", "ir", "h", "hj", "dr", "drs", "s", "se", "spd", "bpk", "ibu", "pak"}
WORD = re.compile(r"[a-z0-9]+")
THRESHOLD = 88


def name_key(name: str) -> str:
    words = [ABBREVIATIONS.get(w, w) for w in WORD.findall(name.lower())]
    kept = [w for w in words if w not in DROPPED]
    return " ".join(kept or words)


def similar(a: str, b: str) -> bool:
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or fuzz.token_set_ratio(key_a, key_b) >= THRESHOLD and \
        fuzz.ratio(key_a, key_b) >= 75


def suspected_pairs(rows: Iterable[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """Pairs of ids among ``(id, village code, name)`` rows that look like one record."""
    by_village: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pk, village, name in rows:
        by_village[village].append((pk, name))
    pairs = []
    for members in by_village.values():
        for i, (pk_a, name_a) in enumerate(members):
            for pk_b, name_b in members[i + 1:]:
                if similar(name_a, name_b):
                    pairs.append((pk_a, pk_b))
    return pairs
