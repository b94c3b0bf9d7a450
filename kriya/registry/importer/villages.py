"""Finding the village a row means: by official code, or by name inside the council's
region, with the district (and regency) to tell namesakes apart and suggestions for
misspellings. The index is built once per import; each row is a few dict lookups."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from kriya.regions.models import Council, Village

PREFIXES = re.compile(r"^(desa|kelurahan|kel|ds|kec|kecamatan|kab|kabupaten|kota)\.?\s+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    text = re.sub(r"[^a-z0-9 ]", " ", str(text or "").lower())
    return " ".join(PREFIXES.sub("", " ".join(text.split())).split())


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    district: str
    regency: str


@dataclass
class VillageMatch:
    code: str | None
    problem: str | None = None


class VillageIndex:
    def __init__(self, council: Council):
        self.by_code: dict[str, Place] = {}
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        rows = (
            Village.objects.within(council)
            .filter(is_active=True)
            .values_list("code", "name", "district__name", "district__regency__name")
        )
        for code, name, district, regency in rows:
            place = Place(code, name, district, regency)
            self.by_code[code] = place
            self.by_name[norm(name)].append(place)
        self.names = list(self.by_name)
        self.council = council

    def match(self, *, code: str, name: str, district: str, regency: str) -> VillageMatch:
        if code:
            code = code.strip()
            if code in self.by_code:
                return VillageMatch(code)
            return VillageMatch(
                None,
                _("Village code %(code)s is not in the region of %(council)s.")
                % {"code": code, "council": self.council.name},
            )
        if not name:
            return VillageMatch(None, _("The village is empty."))
        named = self.by_name.get(norm(name), [])
        candidates = named
        if district:
            candidates = [p for p in named if norm(p.district) == norm(district)]
            if named and not candidates:
                where = ", ".join(sorted({f"Kec. {p.district}" for p in named}))
                return VillageMatch(
                    None,
                    _(
                        "“%(name)s” is in %(where)s, not in Kec. "
                        "%(district)s. Correct the district or the "
                        "village."
                    )
                    % {"name": name, "where": where, "district": district},
                )
        if regency and len(candidates) > 1:
            candidates = [p for p in candidates if norm(p.regency) == norm(regency)]
        if len(candidates) == 1:
            return VillageMatch(candidates[0].code)
        if len(candidates) > 1:
            districts = ", ".join(sorted({p.district for p in candidates}))
            return VillageMatch(
                None,
                _(
                    "There is more than one “%(name)s” (districts: "
                    "%(districts)s). Fill in the district."
                )
                % {"name": name, "districts": districts},
            )
        return VillageMatch(None, self._not_found(name, district))

    def _not_found(self, name: str, district: str) -> str:
        found = process.extract(norm(name), self.names, scorer=fuzz.ratio, limit=3, score_cutoff=75)
        places = [place for key, _score, _i in found for place in self.by_name[key]]
        if district:
            places = [p for p in places if norm(p.district) == norm(district)] or places
        if places:
            options = "; ".join(f"{p.name} (Kec. {p.district})" for p in places[:3])
            return _(
                "No village “%(name)s” in the region of %(council)s. Did you mean: %(options)s?"
            ) % {"name": name, "council": self.council.name, "options": options}
        return _("No village “%(name)s” in the region of %(council)s.") % {
            "name": name,
            "council": self.council.name,
        }
