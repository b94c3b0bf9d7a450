"""Documents attached to records (an activity's report, an indicator's evidence): judged by
their bytes against an allow-list, never by the name or the browser's content type.

Accepted: PDF; JPEG, PNG or WebP images (cleaned as photos by ``kriya.lib.images``); Word,
Excel and PowerPoint files (a ZIP whose ``[Content_Types].xml`` names the document, without
macros); legacy Word and Excel files (an OLE compound file holding the document's stream,
without macros); OpenDocument text and spreadsheets. At most
``KRIYA_ATTACHMENT_MAX_BYTES``. The stored name keeps a safe extension matching the content.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kriya.lib import images

IMAGE_EDGE = 2400  # a photographed document stays readable
OOXML = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
MACRO_TYPES = ("macroEnabled", "vbaProject")
ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_STREAMS = {"WordDocument": "doc", "Workbook": "xls", "Book": "xls"}
OLE_MACROS = {"Macros", "_VBA_PROJECT_CUR", "VBA"}


class CleanAttachment(ContentFile):
    """An attachment that passed ``clean_attachment``; checked again, it is returned as is."""


def max_bytes() -> int:
    return settings.KRIYA_ATTACHMENT_MAX_BYTES


def clean_attachment(upload: IO[bytes], *, name: str = "") -> CleanAttachment:
    """The checked attachment, named ``<stem>.<extension of its content>``; a
    ``ValidationError`` says why a file is refused, with the limit where one applies."""
    if isinstance(upload, CleanAttachment):
        return upload
    data = images.read_upload(
        upload,
        limit=max_bytes(),
        too_big=_("The file is %(mb)s MB; at most %(max)s MB is accepted."),
    )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    stem = slugify(name or getattr(upload, "name", "").rsplit(".", 1)[0])[:60] or "lampiran"
    if images.kind_of(data[:16]):
        clean = images.clean_image(io.BytesIO(data), edge=IMAGE_EDGE)
        return CleanAttachment(clean.read(), name=f"{stem}.jpg")
    return CleanAttachment(data, name=f"{stem}.{_extension(data)}")


def _extension(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(
                _("The PDF file is incomplete (the upload was cut off). Send it again."),
                code="cut_off",
            )
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_extension(data)
    if data.startswith(OLE_MAGIC):
        return _ole_extension(data)
    raise _not_allowed(images.describe(data))


def _not_allowed(kind: str) -> ValidationError:
    return ValidationError(
        _(
            "This file is %(kind)s. Accepted are PDF, JPEG, PNG or WebP photos, and Word, "
            "Excel, PowerPoint or OpenDocument files."
        )
        % {"kind": kind},
        code="not_allowed",
    )


def _damaged() -> ValidationError:
    return ValidationError(
        _("The file is damaged and cannot be opened. Save it again and send the new copy."),
        code="damaged",
    )


def _macros() -> ValidationError:
    return ValidationError(
        _("The file contains macros, which can run programs. Save it without macros first."),
        code="macros",
    )


def _zip_extension(data: bytes) -> str:
    """docx, xlsx, pptx by the content type of their main part; odt, ods by their
    ``mimetype``. Only those two small members are read, so a ZIP bomb stays packed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {info.filename: info for info in archive.infolist()}
        mimetype = members.get("mimetype")
        if mimetype is not None and mimetype.file_size <= 100:
            extension = ODF.get(archive.read(mimetype).strip())
            if extension and any(n.startswith(("Basic/", "Scripts/")) for n in members):
                raise _macros()
            if extension:
                return extension
        types = members.get("[Content_Types].xml")
        if types is None or types.file_size > 1024 * 1024:
            raise _not_allowed(_("a ZIP archive"))
        declared = archive.read(types).decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise _damaged() from error
    if any(marker in declared for marker in MACRO_TYPES) or any(
        name.lower().endswith("vbaproject.bin") for name in members
    ):
        raise _macros()
    for content_type, extension in OOXML.items():
        if f'ContentType="{content_type}"' in declared:
            return extension
    raise _not_allowed(_("a ZIP archive"))


def _ole_extension(data: bytes) -> str:
    """doc or xls by the streams an OLE compound file lists; anything else in that wrapper
    (an installer, a PowerPoint 97 file) is refused."""
    names = _ole_names(data)
    if names & OLE_MACROS:
        raise _macros()
    for stream, extension in OLE_STREAMS.items():
        if stream in names:
            return extension
    raise _not_allowed(_("an OLE file that is not a Word or Excel document"))


def _ole_names(data: bytes) -> set[str]:
    """The names in a compound file's directory ([MS-CFB]), read by following the FAT;
    bounded, so a looping or lying file is called damaged instead of hanging."""

    def u32(at: int) -> int:
        return int.from_bytes(data[at : at + 4], "little")

    shift = int.from_bytes(data[30:32], "little")
    if len(data) < 512 or shift not in (9, 12):
        raise _damaged()
    size = 1 << shift
    sectors = (len(data) - 512) // size + 1

    def sector(number: int) -> bytes:
        if number >= sectors:
            raise _damaged()
        start = (number + 1) * size
        return data[start : start + size]

    fat_sectors = [u32(76 + 4 * i) for i in range(min(u32(44), 109))]
    difat, hops = u32(68), 0
    while difat < 0xFFFFFFFA and len(fat_sectors) < u32(44) and hops < sectors:
        block = sector(difat)
        fat_sectors += [int.from_bytes(block[i : i + 4], "little") for i in range(0, size - 4, 4)]
        difat, hops = int.from_bytes(block[size - 4 :], "little"), hops + 1
    fat = []
    for number in fat_sectors[: u32(44)]:
        block = sector(number)
        fat += [int.from_bytes(block[i : i + 4], "little") for i in range(0, size, 4)]
    names, current, seen = set(), u32(48), set()
    while current < 0xFFFFFFFA:
        if current in seen or current >= len(fat):
            raise _damaged()
        seen.add(current)
        block = sector(current)
        for at in range(0, size, 128):
            length = int.from_bytes(block[at + 64 : at + 66], "little")
            if block[at + 66] in (1, 2, 5) and 2 <= length <= 64:
                names.add(block[at : at + length - 2].decode("utf-16-le", "replace"))
        current = fat[current]
    return names
