"""QR price tags: the PDF is opened with poppler (pdftotext, pdfinfo, pdftoppm) and its QR
codes are read back with zbarimg, as a buyer's phone would read them (scripts/system-deps
installs poppler-utils and zbar-tools)."""

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from kriya.catalog.labels import LAYOUTS, labels_pdf
from kriya.catalog.tests.factories import make_business, make_product

BASE = "https://kriya.badungkab.go.id"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not shutil.which("pdftotext") or not shutil.which("zbarimg"),
        reason="needs poppler-utils and zbar-tools (scripts/system-deps)",
    ),
]


@pytest.fixture
def products(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    endek = make_product(
        make_business("51.03.04.2005", name="Tenun Endek Sari Mertha"),
        name="Kain Endek Cepuk Merah",
        price=1_250_000,
    )
    tedung = make_product(
        make_business("51.03.02.2009", name="Payung Tedung Kencana"),
        name="Tedung Prada Kuning",
        price=850_000,
        price_max=Decimal(1_200_000),
        slug="payung-upacara",
    )
    return endek, tedung


def pdf_file(tmp_path: Path, data: bytes) -> Path:
    assert data.startswith(b"%PDF-")
    path = tmp_path / "labels.pdf"
    path.write_bytes(data)
    return path


def label_texts(path: Path, layout: str = "a4-3x8", page: int = 1) -> list[str]:
    """The text of each label of ``page``, cropped to the label's place on the paper and
    with its lines joined, in order: row by row, left to right."""
    paper = LAYOUTS[layout]
    point = 72 / 25.4  # pdftotext crops in points at its default 72 dpi
    texts = []
    for index in range(paper.per_page):
        row, column = divmod(index, paper.columns)
        x = (paper.margin_left + column * paper.width) * point
        y = (paper.margin_top + row * paper.height) * point
        cropped = subprocess.run(
            [
                "pdftotext",
                "-f",
                str(page),
                "-l",
                str(page),
                "-x",
                str(int(x)),
                "-y",
                str(int(y)),
                "-W",
                str(int(paper.width * point)),
                "-H",
                str(int(paper.height * point)),
                str(path),
                "-",
            ],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        texts.append(" ".join(cropped.split()))
    return texts


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(tmp_path / "page")], check=True)
    found = []
    for page in sorted(tmp_path.glob("page*.png")):
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(page)],
            capture_output=True,
            text=True,
        )
        found += result.stdout.split()
    return found


def test_a_sheet_shows_name_price_maker_and_village(products, tmp_path):
    endek, tedung = products
    path = pdf_file(tmp_path, labels_pdf(items=[(endek, 1), (tedung, 1)], base_url=BASE))
    first, second, *rest = label_texts(path)
    assert first.startswith(
        "Kain Endek Cepuk Merah Rp 1.250.000 Tenun Endek Sari Mertha Getasan, Badung"
    )
    assert second.startswith(
        "Tedung Prada Kuning Rp 850.000 – Rp 1.200.000 Payung Tedung Kencana Mengwi, Badung"
    )
    assert rest == [""] * 22
    assert page_count(path) == 1


def test_each_qr_code_opens_the_products_public_page(products, tmp_path):
    endek, tedung = products
    path = pdf_file(tmp_path, labels_pdf(items=[(endek, 2), (tedung, 1)], base_url=BASE + "/"))
    codes = qr_codes(path, tmp_path)
    assert sorted(codes) == sorted(
        [f"{BASE}/produk/{endek.slug}/"] * 2 + [f"{BASE}/produk/{tedung.slug}/"]
    )
    assert endek.get_absolute_url() == f"/produk/{endek.slug}/"


@pytest.mark.parametrize(
    "layout, copies, pages",
    [
        ("a4-3x8", 20, 1),
        ("a4-3x8", 24, 1),
        ("a4-3x8", 25, 2),
        ("a4-3x8", 50, 3),
        ("a4-2x5", 10, 1),
        ("a4-2x5", 21, 3),
    ],
)
def test_copies_fill_as_many_sheets_as_the_paper_needs(products, tmp_path, layout, copies, pages):
    endek, _tedung = products
    path = pdf_file(tmp_path, labels_pdf(items=[(endek, copies)], base_url=BASE, layout=layout))
    assert page_count(path) == pages == -(-copies // LAYOUTS[layout].per_page)
    texts = [text for page in range(1, pages + 1) for text in label_texts(path, layout, page)]
    assert sum("Kain Endek Cepuk Merah Rp 1.250.000" in text for text in texts) == copies
    assert texts[copies:] == [""] * (len(texts) - copies)


def test_twenty_umbrellas_get_twenty_readable_tags(products, tmp_path):
    _endek, tedung = products
    path = pdf_file(tmp_path, labels_pdf(items=[(tedung, 20)], base_url=BASE, layout="a4-2x5"))
    assert page_count(path) == 2
    assert qr_codes(path, tmp_path) == [f"{BASE}/produk/{tedung.slug}/"] * 20


def test_a_partly_used_sheet_is_continued_after_the_used_labels(products, tmp_path):
    endek, _tedung = products
    path = pdf_file(tmp_path, labels_pdf(products=[endek], base_url=BASE, skip=23))
    assert page_count(path) == 1
    texts = label_texts(path)
    assert texts[:23] == [""] * 23 and texts[23].startswith("Kain Endek Cepuk Merah")
    path = pdf_file(tmp_path, labels_pdf(products=[endek, endek], base_url=BASE, skip=23))
    assert page_count(path) == 2


def test_a_label_prints_the_current_price_not_a_stale_copy(products, tmp_path):
    endek, _tedung = products
    stale = type(endek).objects.get(pk=endek.pk)
    stale.price = Decimal(1)  # an unsaved change, as in a form that failed validation
    path = pdf_file(tmp_path, labels_pdf(products=[stale], base_url=BASE))
    assert "Rp 1.250.000" in label_texts(path)[0]


@pytest.mark.parametrize(
    "arguments", [{"layout": "a4-99"}, {"items": []}, {"items": "negative"}, {"skip": -1}]
)
def test_wrong_requests_are_refused(products, arguments):
    endek, _tedung = products
    arguments = {"items": [(endek, 1)], **arguments}
    if arguments["items"] == "negative":
        arguments["items"] = [(endek, -1)]
    with pytest.raises(ValueError):
        labels_pdf(base_url=BASE, **arguments)
