"""Which column is which: headings read word by word through the vocabulary councils use
("No. HP/WA", "Jml Tenaga Kerja", "Omzet / Tahun (Rp)"), scored against every field, on
whichever of the top rows holds them (councils put titles above). The user may correct the
result before the check runs: ``ColumnMap.with_fields``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rapidfuzz import fuzz, process

from kriya.registry.importer import values

LABELS = {
    "business_name": gettext_lazy("business name"),
    "owner_name": gettext_lazy("artisan name"),
    "nik": gettext_lazy("NIK"),
    "nib": gettext_lazy("NIB"),
    "sex": gettext_lazy("sex"),
    "birth_year": gettext_lazy("birth year"),
    "phone": gettext_lazy("phone"),
    "address": gettext_lazy("address"),
    "village_code": gettext_lazy("village code"),
    "village": gettext_lazy("village"),
    "district": gettext_lazy("district"),
    "regency": gettext_lazy("regency/city"),
    "category": gettext_lazy("craft category"),
    "scale": gettext_lazy("scale"),
    "workers": gettext_lazy("workers"),
    "turnover_year": gettext_lazy("yearly turnover"),
    "turnover_month": gettext_lazy("monthly turnover"),
    "capital": gettext_lazy("capital"),
    "year_founded": gettext_lazy("year founded"),
    "membership": gettext_lazy("council membership"),
    "legal_form": gettext_lazy("legal form"),
    "notes": gettext_lazy("notes"),
}
# Phrases read as one word before the heading is cut into words.
PHRASES = [
    (re.compile(r"\bl\s*/\s*p\b"), " jk "),
    (re.compile(r"\btenaga\s*kerja\b"), " tk "),
    (re.compile(r"\bjenis\s*kelamin\b"), " jk "),
    (re.compile(r"\bnomor\s+induk\s+berusaha\b"), " nib "),
    (re.compile(r"\bnomor\s+induk\s+kependudukan\b"), " nik "),
    (re.compile(r"\bpemilik\s+usaha\b"), " perajin "),
    (re.compile(r"\b(?:badan|bentuk)\s+(?:usaha|hukum)\b|\blegal\s+form\b"), " legalform "),
    (re.compile(r"\bjenis\s+usaha\b"), " kriya "),
    (re.compile(r"\bwhats\s*app\b"), " telepon "),
    (re.compile(r"\bper\s*(?=tahun|thn|th|bulan|bln)"), " "),
]
# Word as written → the word it stands for.
WORDS = {
    **dict.fromkeys(["nama", "name"], "nama"),
    **dict.fromkeys(
        ["usaha", "umkm", "ikm", "ukm", "umk", "perusahaan", "business", "toko", "company"],
        "usaha",
    ),
    **dict.fromkeys(
        ["perajin", "pengrajin", "pemilik", "owner", "artisan", "craftsman", "pelaku"], "perajin"
    ),
    **dict.fromkeys(["nik", "ktp"], "nik"),
    **dict.fromkeys(["nib"], "nib"),
    **dict.fromkeys(["jk", "kelamin", "sex", "gender"], "jk"),
    **dict.fromkeys(["lahir", "birth"], "lahir"),
    **dict.fromkeys(
        [
            "hp",
            "wa",
            "telp",
            "tlp",
            "tlpn",
            "telpon",
            "telepon",
            "tel",
            "phone",
            "whatsapp",
            "handphone",
            "ponsel",
            "kontak",
            "contact",
            "mobile",
            "seluler",
        ],
        "telepon",
    ),
    **dict.fromkeys(["alamat", "address", "almt"], "alamat"),
    **dict.fromkeys(["kode", "code", "kd"], "kode"),
    **dict.fromkeys(["desa", "kelurahan", "kel", "ds", "village", "dusun"], "desa"),
    **dict.fromkeys(["kecamatan", "kec", "district"], "kecamatan"),
    **dict.fromkeys(["kabupaten", "kab", "kota", "kabkota", "regency", "city"], "kabupaten"),
    **dict.fromkeys(
        [
            "kriya",
            "kerajinan",
            "produk",
            "kategori",
            "category",
            "craft",
            "bidang",
            "komoditas",
            "komoditi",
            "sektor",
        ],
        "kriya",
    ),
    **dict.fromkeys(["skala", "scale"], "skala"),
    **dict.fromkeys(
        ["tk", "pekerja", "karyawan", "pegawai", "workers", "employees", "buruh"], "tk"
    ),
    **dict.fromkeys(
        ["omzet", "omset", "penjualan", "turnover", "revenue", "sales", "pendapatan"], "omzet"
    ),
    **dict.fromkeys(
        ["tahun", "thn", "th", "tahunan", "year", "yearly", "annual", "pertahun"], "tahun"
    ),
    **dict.fromkeys(["bulan", "bln", "bulanan", "month", "monthly", "perbulan"], "bulan"),
    **dict.fromkeys(["modal", "aset", "asset", "capital", "investasi"], "modal"),
    **dict.fromkeys(["berdiri", "founded", "mulai", "established"], "berdiri"),
    **dict.fromkeys(["anggota", "keanggotaan", "membership", "member"], "anggota"),
    **dict.fromkeys(["legalform"], "legalform"),
    **dict.fromkeys(["keterangan", "ket", "catatan", "notes", "note", "remarks"], "catatan"),
}
# Words that say nothing about the field: counters, units, joining words.
STOP = {
    "no",
    "nomor",
    "nmr",
    "nomer",
    "number",
    "num",
    "nr",
    "jumlah",
    "jml",
    "jmlh",
    "urut",
    "rp",
    "rupiah",
    "idr",
    "orang",
    "org",
    "jiwa",
    "per",
    "dan",
    "atau",
    "yang",
    "di",
    "dari",
    "the",
    "of",
    "data",
    "jenis",
    "type",
    "lengkap",
}
# Words that only narrow a field down ("Nama Usaha": the business, not its name).
WEAK = {"nama": 0.5, "usaha": 0.5, "tahun": 0.5, "bulan": 0.5}
SIGNATURES: dict[str, list[frozenset[str]]] = {
    name: [frozenset(words.split()) for words in alternatives]
    for name, alternatives in {
        "business_name": ["usaha", "nama usaha"],
        "owner_name": ["nama", "perajin", "nama perajin"],
        "nik": ["nik", "nik perajin"],
        "nib": ["nib", "nib usaha"],
        "sex": ["jk"],
        "birth_year": ["lahir", "tahun lahir"],
        "phone": ["telepon"],
        "address": ["alamat"],
        "village_code": ["kode desa"],
        "village": ["desa"],
        "district": ["kecamatan"],
        "regency": ["kabupaten"],
        "category": ["kriya"],
        "scale": ["skala", "skala usaha"],
        "workers": ["tk"],
        "turnover_year": ["omzet", "omzet tahun"],
        "turnover_month": ["omzet bulan"],
        "capital": ["modal", "modal usaha"],
        "year_founded": ["berdiri", "tahun berdiri"],
        "membership": ["anggota"],
        "legal_form": ["legalform"],
        "notes": ["catatan"],
    }.items()
}
FIELDS = tuple(SIGNATURES)
# Words that rule a field out, whatever else matches: "Omzet per Tahun" is never monthly.
EXCLUDES = {
    "turnover_year": {"bulan"},
    "turnover_month": {"tahun"},
    "birth_year": {"berdiri", "omzet"},
    "year_founded": {"lahir", "omzet"},
}
# Words a heading must have for the field: a bare "Omzet" is not monthly, "Desa" no code.
REQUIRES = {
    "turnover_month": {"bulan"},
    "village_code": {"kode"},
    "birth_year": {"lahir"},
    "year_founded": {"berdiri"},
}
THRESHOLD = 50  # a field is taken from a column scoring at least this (out of 100)
HEADER_SEARCH_ROWS = 15
EXAMPLE_ROWS = 5
# Between equal headings, the one that sums the others ("Tenaga Kerja" over L | P | Jumlah).
WHOLE = re.compile(r"\b(?:jumlah|jml|total)\b")
NUMBERING = {"", "no", "nomor", "number", "nourut", "urut", "nr"}


def _plain(text: object) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(heading: object) -> frozenset[str]:
    """The words a heading stands for: ``"No. HP/WA"`` → ``{"telepon"}``."""
    text = _plain(heading)
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    found = set()
    for word in re.findall(r"[a-z]+", text):
        if word in STOP or len(word) == 1:
            continue
        meaning = WORDS.get(word)
        if meaning is None and len(word) >= 5:
            close = process.extractOne(word, WORDS.keys(), scorer=fuzz.ratio, score_cutoff=85)
            meaning = WORDS[close[0]] if close else None  # "Kecamtan", "Omzset"
        found.add(meaning or word)
    return frozenset(found)


def _weight(found: frozenset[str] | set[str]) -> float:
    return sum(WEAK.get(word, 1.0) for word in found)


def scores(heading: object) -> dict[str, int]:
    """Each field's likeness to the heading, 0–100 (the weighted share of words shared)."""
    return {name: score for name, (score, _shared) in _ranked(words(heading)).items()}


def _ranked(found: frozenset[str]) -> dict[str, tuple[int, float]]:
    """Field → (score, weight of the words shared): between two equal scores the heading
    saying more wins ("Omzet per Tahun" over a bare "Omzet")."""
    result = {}
    for name, alternatives in SIGNATURES.items():
        if found & EXCLUDES.get(name, set()) or not found >= REQUIRES.get(name, set()):
            continue
        best = max(
            (
                (_weight(found & wanted) / _weight(found | wanted), _weight(found & wanted))
                for wanted in alternatives
            ),
            default=(0.0, 0.0),
        )
        if best[0] > 0:
            result[name] = (round(100 * best[0]), best[1])
    return result


def is_numbering(heading: object) -> bool:
    return re.sub(r"[^a-z]", "", _plain(heading)) in NUMBERING


@dataclass
class ColumnMap:
    header_row: int  # 0-based index of the heading row
    fields: dict[str, int]  # field → column index
    headings: dict[int, str]  # column index → heading as written in the file
    closest: dict[int, tuple[str, int]] = field(default_factory=dict)  # column → best guess
    examples: dict[int, str] = field(default_factory=dict)  # column → a value under it

    def heading(self, name: str) -> str:
        return self.headings.get(self.fields.get(name, -1), str(LABELS.get(name, name)))

    def field_of(self, column: int) -> str:
        return next((name for name, index in self.fields.items() if index == column), "")

    def assignments(self) -> list[dict]:
        """Every heading of the file, in order, with the field it goes to ("" for none)."""
        return [
            {"column": column, "heading": text, "field": self.field_of(column)}
            for column, text in sorted(self.headings.items())
        ]

    def unused_notes(self) -> list[str]:
        """Each column not used, in plain words, with the field it is closest to."""
        return [note for column in sorted(self.headings) if (note := self.unused_note(column))]

    def unused_note(self, column: int) -> str:
        """Why the column is not used and what it might be; "" for a used column."""
        text = self.headings[column]
        if self.field_of(column) or is_numbering(text):
            return ""
        guess = self.closest.get(column)
        if guess is None:
            return _("Column “%(heading)s” is not used: no field in Kriya is like it.") % {
                "heading": text
            }
        if guess[0] in self.fields:
            return _(
                "Column “%(heading)s” is not used: %(field)s already comes from “%(other)s”."
            ) % {"heading": text, "field": LABELS[guess[0]], "other": self.heading(guess[0])}
        return _("Column “%(heading)s” is not used; the closest field is %(field)s.") % {
            "heading": text,
            "field": LABELS[guess[0]],
        }

    def require(self, kind: str) -> None:
        """Refuse a mapping without the columns a row cannot do without."""
        name_field = "business_name" if kind == "business" else "owner_name"
        missing = [
            label
            for label, ok in [
                (
                    _("business name (Nama Usaha)")
                    if kind == "business"
                    else _("name (Nama Perajin)"),
                    name_field in self.fields,
                ),
                (
                    _("village (Desa) or village code (Kode Desa)"),
                    "village" in self.fields or "village_code" in self.fields,
                ),
            ]
            if not ok
        ]
        if missing:
            raise ValidationError(
                _("Required column missing: %(columns)s. Found: %(found)s.")
                % {"columns": ", ".join(missing), "found": ", ".join(self.headings.values())}
            )

    def with_fields(self, chosen: dict[int, str]) -> ColumnMap:
        """The same headings with the user's choice: column → field, "" for not used."""
        fields = {name: column for column, name in sorted(chosen.items()) if name in SIGNATURES}
        return ColumnMap(
            self.header_row, fields, dict(self.headings), dict(self.closest), dict(self.examples)
        )

    def as_dict(self) -> dict:
        return {
            "header_row": self.header_row,
            "fields": self.fields,
            "headings": [[column, text] for column, text in sorted(self.headings.items())],
            "closest": [[column, *guess] for column, guess in sorted(self.closest.items())],
            "examples": [[column, text] for column, text in sorted(self.examples.items())],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ColumnMap:
        return cls(
            header_row=data["header_row"],
            fields={name: int(column) for name, column in data["fields"].items()},
            headings={int(column): text for column, text in data["headings"]},
            closest={int(column): (name, score) for column, name, score in data["closest"]},
            examples={int(column): text for column, text in data.get("examples", [])},
        )


def _match_row(row: list) -> ColumnMap:
    headings = {c: " ".join(str(cell).split()) for c, cell in enumerate(row) if _is_heading(cell)}
    candidates, closest = [], {}
    for column, text in headings.items():
        ranked = sorted(_ranked(words(text)).items(), key=lambda item: -item[1][0])
        if ranked:
            closest[column] = (ranked[0][0], ranked[0][1][0])
        whole = bool(WHOLE.search(_plain(text)))
        candidates += [
            (score, shared, whole, -column, name)
            for name, (score, shared) in ranked
            if score >= THRESHOLD
        ]
    fields: dict[str, int] = {}
    for *_score, column, name in sorted(candidates, reverse=True):  # best, then leftmost
        if name not in fields and -column not in fields.values():
            fields[name] = -column
    return ColumnMap(0, fields, headings, closest)


def _is_heading(cell: object) -> bool:
    return isinstance(cell, str) and bool(cell.strip())


def find_columns(rows: list[list]) -> ColumnMap | None:
    """The heading row: the one among the top rows with the most fields recognised (at
    least two), its columns matched to fields, the best-scoring pairs first; with the row
    under it when that row names the parts of a merged heading ("Omzet" over "Per Bulan",
    "Per Tahun")."""
    best: ColumnMap | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = _match_row(row)
        if len(found.fields) >= 2 and (best is None or len(found.fields) > len(best.fields)):
            found.header_row, best = index, found
    if best is not None and best.header_row + 1 < len(rows):
        best = _with_sub_headings(best, rows[best.header_row], rows[best.header_row + 1])
    if best is not None:
        best.examples = _examples(rows[best.header_row + 1 : best.header_row + 1 + EXAMPLE_ROWS])
    return best


def _with_sub_headings(columns: ColumnMap, row: list, below: list) -> ColumnMap:
    """The two heading rows read as one, if the row below names the parts of a heading
    merged over several columns (the merge repeats it in each) and reads no worse."""
    under_merge = [
        c
        for c in range(len(row))
        if _is_heading(row[c])
        and c < len(below)
        and _is_heading(below[c])
        and below[c] != row[c]
        and any(0 <= n < len(row) and row[n] == row[c] for n in (c - 1, c + 1))
    ]
    if not under_merge:
        return columns
    joined = [
        f"{row[c]} {below[c]}"
        if c < len(below) and _is_heading(below[c]) and below[c] != row[c]
        else row[c]
        for c in range(len(row))
    ]
    found = _match_row(joined)
    if len(found.fields) < len(columns.fields):
        return columns
    found.header_row = columns.header_row + 1
    return found


def _examples(rows: list[list]) -> dict[int, str]:
    """The first value under each heading, shown beside it when the user checks the map."""
    found: dict[int, str] = {}
    for row in rows:
        for column, cell in enumerate(row):
            text = values.text(cell)  # 7.0 from Excel shown as 7
            if text and column not in found:
                found[column] = text[:40]
    return found


def parse_overrides(texts: list[str], columns: ColumnMap) -> dict[int, str]:
    """``["No. HP/WA=phone", "Foto="]`` → column → field, headings compared as typed
    without case or spaces. Raises ValueError naming the heading or field not found."""
    by_heading = {
        _plain(" ".join(text.split())): column for column, text in columns.headings.items()
    }
    chosen = {column: columns.field_of(column) for column in columns.headings}
    for text in texts:
        heading, sign, name = text.rpartition("=")
        column = by_heading.get(_plain(" ".join(heading.split())))
        if not sign or column is None:
            raise ValueError(
                _("No column headed “%(heading)s”; the headings are: %(found)s.")
                % {"heading": heading or text, "found": ", ".join(columns.headings.values())}
            )
        name = name.strip()
        if name and name not in SIGNATURES:
            raise ValueError(
                _("“%(field)s” is not a field; use one of: %(fields)s.")
                % {"field": name, "fields": ", ".join(FIELDS)}
            )
        if name:
            chosen = {c: ("" if n == name else n) for c, n in chosen.items()}
        chosen[column] = name
    return chosen
