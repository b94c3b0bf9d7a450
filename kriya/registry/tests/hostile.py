"""Hostile and awkward register files, made here rather than kept in the repository: the
zip bomb, sheets past the limits, the huge cell, the 30 MB CSV, UTF-16 and Windows-1252
CSVs, a binary file named .csv, a ZIP of something else named .xlsx.

Large files are written to ``folder`` a piece at a time, so making them costs the tests
no memory either. Each maker returns the file's path."""

from __future__ import annotations

import codecs
import json
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from openpyxl.utils.cell import get_column_letter

from kriya.registry.tests.files import xlsx

HEADER = ["Nama Usaha", "Nama Perajin", "Desa", "Kecamatan", "Jenis Kriya"]
# Badung's businesses with the letters an older Excel writes in Windows-1252.
NAMES = [
    ["Tenun Endek Désa Sari", "Ni Luh Ñoman", "Getasan", "Petang", "Endek"],
    ["Ukiran Jagapati", "I Made Arta", "Jagapati", "Abiansemal", "Ukir kayu"],
]
WORKBOOK = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        '" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id='
        '"rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        '" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
    b'.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"


def _cell(column: str, row: int, value: str) -> bytes:
    text = value.replace("&", "&amp;").replace("<", "&lt;").encode()
    return b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (column.encode(), row, text)


def _row(number: int, values: list[str]) -> bytes:
    cells = b"".join(_cell("ABCDEFGHIJ"[i], number, v) for i, v in enumerate(values))
    return b'<row r="%d">%s</row>' % (number, cells)


SHARED = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def raw_xlsx(path: Path, sheet: Iterable[bytes], strings: list[str] | None = None) -> Path:
    """An XLSX whose first sheet's XML is ``sheet``'s pieces, compressed as they come, and
    ``strings`` its shared strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in WORKBOOK.items():
            if strings is not None and name == "xl/_rels/workbook.xml.rels":
                text = text.replace("</Relationships>", SHARED)
            book.writestr(name, text)
        if strings is not None:
            items = "".join(f"<si><t>{text}</t></si>" for text in strings)
            book.writestr(
                "xl/sharedStrings.xml",
                '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                f'.org/spreadsheetml/2006/main" count="{len(strings)}">{items}</sst>',
            )
        with book.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(SHEET_START)
            for piece in sheet:
                part.write(piece)
            part.write(SHEET_END)
    return path


def zip_bomb_xlsx(folder: Path, inflated_mb: int = 400) -> Path:
    """A register of two rows, then hundreds of MB of blank space: about 400 kB as uploaded."""

    def sheet() -> Iterator[bytes]:
        yield _row(1, HEADER) + _row(2, NAMES[0])
        blank = b" " * (1024 * 1024)
        for _ in range(inflated_mb):
            yield blank

    return raw_xlsx(folder / "bom-zip.xlsx", sheet())


def lying_zip_bomb_xlsx(folder: Path, inflated_mb: int = 400) -> Path:
    """The zip bomb, its central directory and local header patched to say the sheet is
    1 kB unpacked: only really unpacking it tells its size."""
    path = zip_bomb_xlsx(folder, inflated_mb)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as book:
        local = book.getinfo(name.decode()).header_offset
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[local + 22 : local + 26] = struct.pack("<I", 1024)  # uncompressed size
    data[central + 24 : central + 28] = struct.pack("<I", 1024)
    lying = folder / "bom-zip-bohong.xlsx"
    lying.write_bytes(bytes(data))
    return lying


def shared_string_bomb_xlsx(folder: Path, rows: int = 60_000, columns: int = 20) -> Path:
    """One shared string of 32,000 characters in every cell of 60,000 rows by 20 columns:
    a 2 MB file, 35 MB unpacked, within the rows, columns and cells limits; but every cell
    gets its own copy when read, 38 GB of text."""
    letters = [get_column_letter(n + 1).encode() for n in range(columns)]

    def sheet() -> Iterator[bytes]:
        yield _row(1, HEADER)
        for n in range(2, rows + 2):
            cells = b"".join(b'<c r="%s%d" t="s"><v>0</v></c>' % (c, n) for c in letters)
            yield b'<row r="%d">%s</row>' % (n, cells)

    return raw_xlsx(folder / "bom-teks.xlsx", sheet(), strings=["Tenun " + "x" * 32_000])


def tall_xlsx(folder: Path, rows: int) -> Path:
    """A real register of ``rows`` rows under the heading, written as raw XML."""

    def sheet() -> Iterator[bytes]:
        yield _row(1, HEADER)
        for n in range(2, rows + 2):
            yield _row(n, [f"Usaha {n}", f"Perajin {n}", "Getasan", "Petang", "Endek"])

    return raw_xlsx(folder / f"baris-{rows}.xlsx", sheet())


LONG_HEADER = [*HEADER, "Alamat", "Catatan"]
# Badung's villages with their districts: every long-text row names a real place.
BADUNG_PLACES = [
    ("Getasan", "Petang"),
    ("Jagapati", "Abiansemal"),
    ("Sading", "Mengwi"),
    ("Kuwum", "Mengwi"),
    ("Pangsan", "Petang"),
    ("Tuban", "Kuta"),
]
CRAFTS = ["Endek", "Ukir kayu", "Perak", "Anyaman bambu", "Payung upacara", "Topeng"]


def long_text_xlsx(
    folder: Path, rows: int = 100_000, inflated_mb: float = 63.5, craft: str = ""
) -> Path:
    """A real register of ``rows`` businesses with as much text as the unpacked limit
    (64 MB) lets in: long names and addresses, and notes that fill each row up to its
    share of ``inflated_mb``. Every row is valid and distinct, so each one is written;
    with ``craft`` (a craft no taxonomy knows) every row carries a problem to report."""
    filler = (
        "Perajin binaan sejak 2019, ikut pameran kabupaten dan provinsi, bahan dari "
        "petani setempat, pesanan hotel di Kuta dan Nusa Dua; "
    )

    def cells(n: int, note: str) -> list[str]:
        village, district = BADUNG_PLACES[n % len(BADUNG_PLACES)]
        return [
            f"Usaha Kerajinan Tenun Ikat dan Ukiran Kayu Warisan Leluhur Nomor {n:06d}",
            f"Ni Luh Putu Ayu Kadek Sri Wahyuni Dewi {n:06d}",
            village,
            district,
            craft or CRAFTS[n % len(CRAFTS)],
            f"Jalan Raya {village} Gang Kenanga Nomor {n}, Banjar Dinas Tengah, Desa "
            f"{village}, Kecamatan {district}, Kabupaten Badung, Bali 80351",
            note,
        ]

    share = int(inflated_mb * 1024 * 1024) // (rows + 1)
    sheet_bytes = sum(len(text) for text in WORKBOOK.values()) + len(SHEET_START + SHEET_END)

    def sheet() -> Iterator[bytes]:
        yield _row(1, LONG_HEADER)
        for n in range(2, rows + 2):
            bare = len(_row(n, cells(n, "")))
            room = max(share - bare - sheet_bytes // rows, 0)
            note = (filler * (room // len(filler) + 1))[:room]
            yield _row(n, cells(n, note))

    return raw_xlsx(folder / f"teks-panjang-{rows}{'-salah' if craft else ''}.xlsx", sheet())


def last_row_xlsx(folder: Path) -> Path:
    """A heading, one business, and one cell on Excel's last row, 1,048,576: tiny on disk,
    a million rows to any reader."""

    def sheet() -> Iterator[bytes]:
        yield _row(1, HEADER) + _row(2, NAMES[0]) + _row(1_048_576, ["akhir"])

    return raw_xlsx(folder / "baris-terakhir.xlsx", sheet())


def far_column_xlsx(folder: Path) -> Path:
    """A register with one note in Excel's last column, XFD: 16,384 columns to a reader."""

    def sheet() -> Iterator[bytes]:
        far = b'<c r="XFD2" t="inlineStr"><is><t>catatan</t></is></c>'
        yield _row(1, HEADER) + _row(2, NAMES[0]).replace(b"</row>", far + b"</row>")

    return raw_xlsx(folder / "kolom-terakhir.xlsx", sheet())


def huge_cell_csv(folder: Path, mb: int = 10) -> Path:
    path = folder / "sel-besar.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(";".join(HEADER) + "\n")
        out.write(";".join(NAMES[1]) + "\n")
        out.write('"Tenun ' + "x" * (mb * 1024 * 1024) + '";Ni Luh;Getasan;Petang;Endek\n')
    return path


def huge_cell_xlsx(folder: Path, chars: int = 40_000) -> Path:
    def sheet() -> Iterator[bytes]:
        yield _row(1, HEADER) + _row(2, NAMES[1]) + _row(3, ["x" * chars, "Ni Luh", "Getasan"])

    return raw_xlsx(folder / "sel-besar.xlsx", sheet())


def big_csv(folder: Path, mb: int = 30) -> Path:
    """A 30 MB CSV of short rows (about 1.4 million of them)."""
    path = folder / f"besar-{mb}mb.csv"
    size, n = mb * 1024 * 1024, 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        while out.tell() < size:
            out.write("".join(f"U{n + i};P;Getasan;Petang;Endek\r\n" for i in range(1000)))
            n += 1000
    return path


def csv_file(folder: Path, name: str, encoding: str, delimiter: str = ";", bom: bool = False):
    """The two Badung businesses as a CSV in ``encoding``, with the byte-order mark first
    when ``bom``."""
    text = "\r\n".join(delimiter.join(row) for row in [HEADER, *NAMES]) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
            encoding, codecs.BOM_UTF8
        ) + data
    path = folder / name
    path.write_bytes(data)
    return path


def binary_csv(folder: Path) -> Path:
    """A program's bytes, named as a CSV."""
    path = folder / "rekap.csv"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + os.urandom(4096) + b"\x00" * 512)
    return path


def renamed_zip(folder: Path) -> Path:
    """A ZIP of photos and a letter, named as an XLSX."""
    path = folder / "rekap.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("surat.txt", "Kepada Yth. Sekretariat Dekranasda")
        book.writestr("foto/1.jpg", b"\xff\xd8\xff" + bytes(1000))
    return path


def register_xlsx(folder: Path) -> Path:
    """The two Badung businesses as an ordinary XLSX, written by openpyxl."""
    path = folder / "rekap-biasa.xlsx"
    path.write_bytes(xlsx([HEADER, *NAMES]))
    return path


# Run by a small Python of its own: Linux counts in a child's peak memory the memory of
# the process it was forked from, so the command must not be forked from the tests' own.
MEASURE = (
    "import json, resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
    "print(json.dumps([peak, done.returncode, done.stdout + done.stderr]))"
)


def command_peak_mb(args: list[str], *, env: dict, cwd: Path) -> tuple[float, int, str]:
    """The peak memory (MB) of ``manage.py *args`` run as a process, its exit status and
    what it printed."""
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    peak, status, output = json.loads(measured.stdout)
    return peak, status, output
