"""The blank register workbook a council fills in: an instructions sheet, the data sheet
with its headings, and dropdowns fed from a hidden list sheet."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kriya.registry.models import CraftCategory

# (heading, width, list name or None): the headings are those the importer recognises.
BUSINESS_COLUMNS = [
    ("Nama Usaha", 32, None),
    ("Nama Perajin", 28, None),
    ("NIK", 20, None),
    ("Jenis Kelamin", 14, "sex"),
    ("NIB", 16, None),
    ("Jenis Kriya", 24, "category"),
    ("Skala", 12, "scale"),
    ("Kode Desa", 16, None),
    ("Desa", 20, None),
    ("Kecamatan", 20, None),
    ("Alamat", 30, None),
    ("Telp", 18, None),
    ("Tenaga Kerja", 13, None),
    ("Omzet per Tahun", 18, None),
    ("Modal", 18, None),
    ("Tahun Berdiri", 13, None),
    ("Keanggotaan", 16, "membership"),
]
ARTISAN_COLUMNS = [
    ("Nama Perajin", 28, None),
    ("NIK", 20, None),
    ("Jenis Kelamin", 14, "sex"),
    ("Tahun Lahir", 12, None),
    ("Jenis Kriya", 24, "category"),
    ("Kode Desa", 16, None),
    ("Desa", 20, None),
    ("Kecamatan", 20, None),
    ("Alamat", 30, None),
    ("Telp", 18, None),
]
LISTS = {
    "sex": ["L", "P"],
    "scale": ["mikro", "kecil", "menengah"],
    "membership": ["anggota", "calon anggota", "bukan anggota"],
}


def template_xlsx(kind: str) -> bytes:
    columns = BUSINESS_COLUMNS if kind == "business" else ARTISAN_COLUMNS
    workbook = Workbook()
    guide = workbook.active
    guide.title = "Petunjuk"
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
    for number, line in enumerate(lines, start=1):
        guide.cell(row=number, column=1, value=line).font = Font(bold=number == 1)
    guide.column_dimensions["A"].width = 110

    data = workbook.create_sheet("Data")
    lists = workbook.create_sheet("Daftar")
    lists.sheet_state = "hidden"
    values = {
        **LISTS,
        "category": [
            str(c)
            for c in CraftCategory.objects.select_related("parent")
            .filter(parent__isnull=False)
            .order_by("parent__order", "order")
        ],
    }
    for column, items in enumerate(values.values(), start=1):
        for row, item in enumerate(items, start=1):
            lists.cell(row=row, column=column, value=item.split(" › ")[-1])
    letters = {key: chr(ord("A") + index) for index, key in enumerate(values)}
    fill = PatternFill("solid", fgColor="F3E2D3")
    for index, (heading, width, choice) in enumerate(columns, start=1):
        cell = data.cell(row=1, column=index, value=heading)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True)
        letter = cell.column_letter
        data.column_dimensions[letter].width = width
        if heading in {"NIK", "NIB", "Kode Desa", "Telp"}:
            for row in range(2, 1002):
                data.cell(row=row, column=index).number_format = "@"
        if choice:
            source = f"=Daftar!${letters[choice]}$1:${letters[choice]}${len(values[choice])}"
            validation = DataValidation(type="list", formula1=source, allow_blank=True)
            validation.error = _("Choose a value from the list.")
            data.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}5000")
    data.freeze_panes = "A2"
    workbook.active = 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
