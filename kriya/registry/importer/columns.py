"""Which column is which: headings matched case- and space-insensitively, Indonesian or
English, wherever the heading row is (councils put titles above it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# field → headings people use for it (compared after normalising, see ``_key``)
SYNONYMS: dict[str, list[str]] = {
    "business_name": [
        "nama usaha",
        "nama umkm",
        "nama ikm",
        "nama ukm",
        "usaha",
        "umkm",
        "nama perusahaan",
        "business",
        "business name",
        "nama toko",
    ],
    "owner_name": [
        "nama perajin",
        "perajin",
        "pemilik",
        "nama pemilik",
        "nama",
        "owner",
        "artisan",
        "name",
        "nama lengkap",
        "pengrajin",
        "nama pengrajin",
    ],
    "nik": ["nik", "no ktp", "nomor ktp", "ktp", "nik pemilik"],
    "nib": ["nib", "nomor induk berusaha", "no nib"],
    "sex": ["jenis kelamin", "jk", "l/p", "sex", "gender", "kelamin"],
    "birth_year": ["tahun lahir", "birth year"],
    "phone": [
        "telp",
        "telepon",
        "no telp",
        "no hp",
        "hp",
        "no wa",
        "wa",
        "whatsapp",
        "nomor hp",
        "phone",
        "kontak",
        "no telepon",
    ],
    "address": ["alamat", "address", "alamat usaha"],
    "village_code": ["kode desa", "kode wilayah", "kode kelurahan", "village code"],
    "village": ["desa", "kelurahan", "desa/kelurahan", "kel/desa", "desa/kel", "village"],
    "district": ["kecamatan", "kec", "district"],
    "regency": ["kabupaten", "kota", "kab/kota", "kabupaten/kota", "regency"],
    "category": [
        "jenis kriya",
        "kategori",
        "jenis kerajinan",
        "kriya",
        "produk",
        "category",
        "craft",
        "jenis produk",
        "bidang",
    ],
    "scale": ["skala", "skala usaha", "scale"],
    "workers": ["tenaga kerja", "jumlah tenaga kerja", "tk", "pekerja", "workers", "karyawan"],
    "turnover_year": [
        "omzet/tahun",
        "omset/tahun",
        "omzet per tahun",
        "omset per tahun",
        "omzet tahunan",
        "omset tahunan",
        "yearly turnover",
        "turnover",
        "omzet",
        "omset",
    ],
    "turnover_month": [
        "omzet per bulan",
        "omset per bulan",
        "omzet/bulan",
        "omset/bulan",
        "omzet bulanan",
        "omset bulanan",
        "monthly turnover",
    ],
    "capital": ["modal", "modal usaha", "aset", "capital"],
    "year_founded": ["tahun berdiri", "berdiri", "tahun mulai", "year founded"],
    "membership": ["keanggotaan", "anggota", "status anggota", "membership"],
    "legal_form": ["bentuk usaha", "badan usaha", "legal form"],
    "notes": ["keterangan", "catatan", "notes"],
}
LABELS = {
    "business_name": _("business name"),
    "owner_name": _("artisan name"),
    "nik": _("NIK"),
    "nib": _("NIB"),
    "sex": _("sex"),
    "birth_year": _("birth year"),
    "phone": _("phone"),
    "address": _("address"),
    "village_code": _("village code"),
    "village": _("village"),
    "district": _("district"),
    "regency": _("regency/city"),
    "category": _("craft category"),
    "scale": _("scale"),
    "workers": _("workers"),
    "turnover_year": _("yearly turnover"),
    "turnover_month": _("monthly turnover"),
    "capital": _("capital"),
    "year_founded": _("year founded"),
    "membership": _("council membership"),
    "legal_form": _("legal form"),
    "notes": _("notes"),
}
LOOKUP = {re.sub(r"[^a-z0-9]", "", s): field for field, words in SYNONYMS.items() for s in words}
HEADER_SEARCH_ROWS = 15


def _key(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").lower())


@dataclass
class ColumnMap:
    header_row: int  # 0-based index of the heading row
    fields: dict[str, int]  # field → column index
    headings: dict[int, str]  # column index → heading as written in the file
    unknown: list[str]

    def heading(self, field: str) -> str:
        return self.headings.get(self.fields.get(field, -1), str(LABELS.get(field, field)))


def find_columns(rows: list[list]) -> ColumnMap | None:
    """The first row among the top rows where at least two headings are recognised."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields: dict[str, int] = {}
        for column, cell in enumerate(row):
            field = LOOKUP.get(_key(cell))
            if field and field not in fields:
                fields[field] = column
        if len(fields) >= 2:
            headings = {c: str(cell).strip() for c, cell in enumerate(row) if str(cell).strip()}
            unknown = [
                text
                for c, text in headings.items()
                if c not in fields.values() and _key(text) not in {"no", "nomor", "number"}
            ]
            return ColumnMap(index, fields, headings, unknown)
    return None
