"""Attachments judged by their bytes (kriya.lib.attachments), on the corpus the tests make."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from kriya.lib.attachments import clean_attachment
from kriya.lib.tests import corpus

NOT_ALLOWED = "Yang diterima: PDF, foto JPEG, PNG, atau WebP"


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        clean_attachment(corpus.upload(name, data, "application/pdf"))
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    "name,data,stored",
    [
        ("Laporan Pelatihan.pdf", corpus.pdf(), "laporan-pelatihan.pdf"),
        ("notulen.docx", corpus.docx(), "notulen.docx"),
        ("daftar hadir.xlsx", corpus.xlsx(), "daftar-hadir.xlsx"),
        ("catatan.odt", corpus.odt(), "catatan.odt"),
        ("surat lama.doc", corpus.ole("WordDocument", "\x05SummaryInformation"), "surat-lama.doc"),
        ("anggaran.xls", corpus.ole("Workbook"), "anggaran.xls"),
        # The extension follows the content, not the name the file came with.
        ("laporan.doc", corpus.pdf(), "laporan.pdf"),
        ("rekap.pdf", corpus.xlsx(), "rekap.xlsx"),
    ],
    ids=["pdf", "docx", "xlsx", "odt", "doc", "xls", "pdf-named-doc", "xlsx-named-pdf"],
)
def test_an_allowed_document_is_kept_byte_for_byte_under_the_extension_of_its_content(
    name, data, stored
):
    kept = clean_attachment(corpus.upload(name, data, "application/octet-stream"))
    assert kept.name == stored and kept.read() == data


def test_a_photo_attached_as_evidence_is_cleaned_like_every_photo():
    kept = clean_attachment(corpus.upload("bukti kegiatan.jpg", corpus.phone_photo()))
    content = kept.read()
    assert kept.name == "bukti-kegiatan.jpg"
    corpus.assert_only_pixels(content)
    assert Image.open(io.BytesIO(content)).size == (900, 1200)


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("laporan.pdf", corpus.EXE, "Berkas ini program komputer."),
        ("laporan.pdf", corpus.HTML, "Berkas ini HTML."),
        ("gambar.pdf", corpus.SVG, "Berkas ini SVG."),
        ("arsip.docx", corpus.plain_zip(), "Berkas ini arsip ZIP."),
        ("setup.doc", corpus.ole("\x05SummaryInformation"), "bukan dokumen Word atau Excel"),
        ("animasi.pdf", corpus.gif(), "Berkas ini GIF."),
    ],
    ids=["exe-named-pdf", "html", "svg", "zip", "installer-ole", "gif"],
)
def test_what_is_not_on_the_allow_list_is_refused_by_what_it_is(name, data, reason):
    message = refusal(name, data)
    assert reason in message and NOT_ALLOWED in message


def test_office_files_with_macros_are_refused():
    assert "makro" in refusal("laporan.docx", corpus.docm())
    assert "makro" in refusal("anggaran.xls", corpus.ole("Workbook", "_VBA_PROJECT_CUR"))


def test_a_cut_off_pdf_and_a_broken_zip_are_named_as_such():
    data = corpus.pdf()
    assert "Berkas PDF tidak lengkap" in refusal("laporan.pdf", data[: len(data) // 2])
    assert "rusak" in refusal("notulen.docx", corpus.docx()[:200])


def test_a_broken_ole_directory_is_called_damaged_without_hanging():
    data = bytearray(corpus.ole("WordDocument"))
    data[48:52] = (7).to_bytes(4, "little")  # the directory starts past the end
    assert "rusak" in refusal("surat.doc", bytes(data))


def test_a_file_over_the_limit_is_refused_with_the_limit(settings):
    settings.KRIYA_ATTACHMENT_MAX_BYTES = 1024 * 1024
    message = refusal("besar.pdf", b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024) + b"%%EOF")
    assert "Ukuran berkas 3 MB; paling besar 1 MB." in message


def test_an_empty_file_is_refused():
    assert "kosong" in refusal("kosong.pdf", b"")
