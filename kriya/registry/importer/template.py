"""The blank register workbook a council fills in: an instructions sheet, the data sheet
with its headings, and dropdowns fed from a hidden list sheet."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kriya.lib.tabular import Column, Kind, Table
from kriya.lib.xlsx import write_xlsx
from kriya.registry.models import CraftCategory

TEXT, PHONE, NUMBER, MONEY = Kind.TEXT, Kind.PHONE, Kind.NUMBER, Kind.MONEY
# (heading, width, list name or "", kind): the headings are those the importer recognises.
# Text columns open as text, so Excel keeps NIK's 16 digits and phones' leading 0 or +.
BUSINESS_COLUMNS = [
    ("Nama Usaha", 32, "", TEXT),
    ("Nama Perajin", 28, "", TEXT),
    ("NIK", 20, "", TEXT),
    ("Jenis Kelamin", 14, "sex", TEXT),
    ("NIB", 16, "", TEXT),
    ("Jenis Kriya", 24, "category", TEXT),
    ("Skala", 12, "scale", TEXT),
    ("Kode Desa", 16, "", TEXT),
    ("Desa", 20, "", TEXT),
    ("Kecamatan", 20, "", TEXT),
    ("Alamat", 30, "", TEXT),
    ("Telp", 18, "", PHONE),
    ("Tenaga Kerja", 13, "", NUMBER),
    ("Omzet per Tahun", 18, "", MONEY),
    ("Modal", 18, "", MONEY),
    ("Tahun Berdiri", 13, "", NUMBER),
    ("Keanggotaan", 16, "membership", TEXT),
]
ARTISAN_COLUMNS = [
    ("Nama Perajin", 28, "", TEXT),
    ("NIK", 20, "", TEXT),
    ("Jenis Kelamin", 14, "sex", TEXT),
    ("Tahun Lahir", 12, "", NUMBER),
    ("Jenis Kriya", 24, "category", TEXT),
    ("Kode Desa", 16, "", TEXT),
    ("Desa", 20, "", TEXT),
    ("Kecamatan", 20, "", TEXT),
    ("Alamat", 30, "", TEXT),
    ("Telp", 18, "", PHONE),
]
LISTS = {
    "sex": ["L", "P"],
    "scale": ["mikro", "kecil", "menengah"],
    "membership": ["anggota", "calon anggota", "bukan anggota"],
}


def template_xlsx(kind: str) -> bytes:
    """The blank workbook: "Petunjuk" (how to fill it in), "Data" (the headings, opened
    first) and the hidden "Daftar" feeding the dropdowns."""
    columns = BUSINESS_COLUMNS if kind == "business" else ARTISAN_COLUMNS
    lines = [
        _("How to fill in this register"),
        _("1. Fill one row per business (or artisan) on the sheet “Data”, from row 2."),
        _(
            "2. Give the village by its official code (Kode Desa) or by name; add the district "
            "(Kecamatan) when two villages share a name."
        ),
        _(
            "3. Type NIK and NIB as text (the columns are already text): Excel keeps only 15 "
            "digits of a number."
        ),
        _("4. Amounts in rupiah may be written 25000000, 25.000.000, Rp 25.000.000 or 25 jt."),
        _("5. Choose sex, scale, craft and membership from the dropdowns."),
        _(
            "6. Upload the file in Kriya: Register → Import. You will see every row checked "
            "before anything is saved."
        ),
    ]
    lists = {
        **LISTS,
        "category": [
            str(c).split(" › ")[-1]
            for c in CraftCategory.objects.select_related("parent")
            .filter(parent__isnull=False)
            .order_by("parent__order", "order")
        ],
    }
    guide = Table("Petunjuk", [Column(lines[0], width=110)], [[line] for line in lines[1:]])
    data = Table(
        "Data",
        [Column(heading, sort, width, choice) for heading, width, choice, sort in columns],
        [],
    )
    return write_xlsx(guide, data, lists=lists, lists_title="Daftar", active=1)
