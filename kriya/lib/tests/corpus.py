"""Real files, made here, for every upload path: good photos carrying what must not be kept
(EXIF with GPS, a comment segment with a script, XMP, PNG text chunks, an ICC profile, CMYK),
bad ones (cut off, a pixel bomb, GIF, SVG, HTML and PDF renamed .jpg), and attachments
(PDF, docx, xlsx, odt, doc, a program renamed .pdf, HTML, macros)."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image, PngImagePlugin

SCRIPT = b"<script>alert('kriya')</script>"
GPS = {2: (8.0, 39.0, 0.0), 1: "S"}  # latitude 8° 39' S: a home in Badung
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description>rahasia</rdf:Description></rdf:RDF></x:xmpmeta>'
)
MARKS = [b"Exif", b"GPS", SCRIPT, b"<script", b"xmpmeta", b"rahasia", b"ICC_PROFILE"]


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def encoded(picture: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    out = io.BytesIO()
    picture.save(out, fmt, **options)
    return out.getvalue()


def phone_photo(size: tuple[int, int] = (1200, 900), color: str = "darkred") -> bytes:
    """A phone's JPEG: EXIF saying "turn 90° clockwise" with a GPS position, XMP, and a
    comment segment that carries a script."""
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = GPS
    return encoded(Image.new("RGB", size, color), exif=exif.tobytes(), comment=SCRIPT, xmp=XMP)


def commented_jpeg() -> bytes:
    return encoded(Image.new("RGB", (800, 600), "navy"), comment=SCRIPT)


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    info.add_text("Author", "rahasia", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return encoded(Image.new("RGBA", (640, 480), (0, 128, 0, 255)), "PNG", pnginfo=info)


def cmyk_jpeg() -> bytes:
    return encoded(Image.new("CMYK", (700, 500), (0, 255, 255, 0)))  # pure red ink


def swapped_profile() -> bytes:
    """An ICC profile whose red primary is sRGB's blue and whose blue is sRGB's red: a
    picture painted red in it is blue in sRGB, so a test sees the conversion happen."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, 0x0233) + b"\0\0"  # gamma 2.2
    text = b"swapped"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text) + 1) + text + b"\0"
    desc += b"\0" * 8 + b"\0\0\0" + b"\0" * 67
    desc += b"\0" * (-len(desc) % 4)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"Kriya\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = struct.pack(">I", size) + b"\0" * 4 + bytes([2, 0x10, 0, 0])
    header += b"mntrRGB XYZ " + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp"
    header += b"\0" * 28 + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48
    return header + struct.pack(">I", len(tags)) + table + body


def icc_jpeg() -> bytes:
    return encoded(Image.new("RGB", (600, 400), (255, 0, 0)), icc_profile=swapped_profile())


def transparent_webp() -> bytes:
    return encoded(Image.new("RGBA", (500, 500), (0, 0, 0, 0)), "WEBP")


@functools.cache
def pixel_bomb() -> bytes:
    """A real 20000 × 20000 PNG of some 50 KB: one bit a pixel, all zero, deflated."""
    width = height = 20000
    row = b"\0" * (1 + width // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def cut_off_jpeg() -> bytes:
    data = phone_photo()
    return data[: len(data) * 3 // 4]


def gif() -> bytes:
    return encoded(Image.new("RGB", (300, 200), "orange"), "GIF")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>x()</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>document.location='//x'</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 4000


@functools.cache
def pdf() -> bytes:
    """A real PDF, made by WeasyPrint as Kriya's own papers are."""
    from weasyprint import HTML as Page

    return Page(string="<h1>Laporan pelatihan tenun</h1><p>Peserta: 24 perajin.</p>").write_pdf()


def office_zip(main_type: str, part: str, extra: dict[str, bytes] | None = None) -> bytes:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(part, "<document>Laporan</document>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def docx() -> bytes:
    return office_zip(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    )


def docm() -> bytes:
    return office_zip(
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "word/document.xml",
        {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 100},
    )


def xlsx() -> bytes:
    book = Workbook()
    book.active.append(["Nama perajin", "Desa"])
    book.active.append(["Ni Made Sari", "Getasan"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("setup.exe", EXE)
    return out.getvalue()


def ole(*streams: str) -> bytes:
    """A compound file ([MS-CFB], version 3) whose directory lists ``streams``: the shape of
    a Word 97 .doc ("WordDocument"), an Excel 97 .xls ("Workbook") or an installer."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int) -> bytes:
        encoded_name = (name + "\0").encode("utf-16-le")
        return (
            encoded_name.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded_name), kind, 1)
            + struct.pack("<III", free, free, free)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<III", end, 0, 0)
        )

    entries = entry("Root Entry", 5) + b"".join(entry(s, 2) for s in streams)
    directory = entries.ljust(512, b"\0")
    return header + fat + directory


def jpeg_markers(data: bytes) -> set[int]:
    """The markers of a JPEG's segments before its first scan (0xFE a comment, 0xE1 EXIF or
    XMP, 0xE2 an ICC profile)."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    markers, at = set(), 2
    while data[at] == 0xFF and data[at + 1] != 0xDA:
        markers.add(data[at + 1])
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return markers


PIXELS_ONLY = {0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD}  # JFIF, tables, frame, restart interval


def assert_only_pixels(data: bytes) -> None:
    """The stored bytes are a JPEG with no comment, EXIF, XMP, ICC or any text carried over."""
    assert jpeg_markers(data) <= PIXELS_ONLY, sorted(hex(m) for m in jpeg_markers(data))
    assert [mark for mark in MARKS if mark in data] == []
