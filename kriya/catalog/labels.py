"""QR price tags for products: an A4 sheet of labels for the common label papers, each with
the product's name, price, maker and village, and a QR code linking to its public page.

The QR code is drawn here with segno and embedded as an SVG data URI, and the fonts are the
DejaVu family installed with Debian: rendering fetches nothing from anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import segno
from django.utils.translation import gettext as _

from kriya.catalog.models import Product
from kriya.lib.money import format_rupiah
from kriya.lib.pdf import render_pdf

A4_MM = (210, 297)
MAX_LABELS = 10_000  # a sheet run larger than this belongs in a background task, in parts


@dataclass(frozen=True)
class Layout:
    """One label paper: ``columns`` × ``rows`` labels of ``width`` × ``height`` mm on A4."""

    name: str
    columns: int
    rows: int
    width: float
    height: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def margin_top(self) -> float:
        return (A4_MM[1] - self.rows * self.height) / 2

    @property
    def margin_left(self) -> float:
        return (A4_MM[0] - self.columns * self.width) / 2

    @property
    def qr_size(self) -> float:
        """The QR code's edge: the label's height less its padding, at most 40% of its width."""
        return min(self.height - 2 * self.padding, self.width * 0.4)

    @property
    def text_left(self) -> float:
        return self.qr_size + 2

    @property
    def padding(self) -> float:
        return 3 if self.height < 45 else 5


LAYOUTS = {
    layout.name: layout
    for layout in [
        # "A4 24": 3 × 8 labels of 70 × 37 mm (Avery 3474 and its clones), the common one.
        Layout("a4-3x8", columns=3, rows=8, width=70, height=37),
        # 3 × 7 labels of 70 × 42.3 mm (Avery 3652): a little more room for long names.
        Layout("a4-3x7", columns=3, rows=7, width=70, height=42.3),
        # "A4 10": 2 × 5 labels of 105 × 57 mm, for hang tags on cloth and umbrellas.
        Layout("a4-2x5", columns=2, rows=5, width=105, height=57),
    ]
}


def price_amounts(product: Product) -> list[str]:
    """``["Rp 1.250.000"]``, or ``["Rp 850.000", "Rp 1.200.000"]`` for a price range."""
    if product.is_range:
        return [format_rupiah(product.price), format_rupiah(product.price_max)]
    return [format_rupiah(product.price)]


def qr_data_uri(url: str) -> str:
    """``url`` as a QR code (error correction M: survives a scratch), an SVG data URI."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(border=2, omitsize=True, nl=False)


def place(product: Product) -> str:
    """Where it is made, as a buyer reads it: ``Getasan, Badung``."""
    village = product.business.village
    regency = village.district.regency.name
    for prefix in ("Kabupaten ", "Kab. ", "Kota Administrasi ", "Kota "):
        regency = regency.removeprefix(prefix)
    return f"{village.name}, {regency}"


def _label(product: Product, base_url: str) -> dict:
    return {
        "name": product.name,
        "price": price_amounts(product),
        "maker": product.business.name,
        "place": place(product),
        "qr": qr_data_uri(base_url + product.get_absolute_url()),
    }


def labels_pdf(
    *,
    items: Iterable[tuple[Product, int]] = (),
    products: Iterable[Product] = (),
    base_url: str,
    layout: str = "a4-3x8",
    skip: int = 0,
) -> bytes:
    """An A4 PDF of price tags: ``copies`` labels for each ``(product, copies)`` of ``items``
    (and one for each of ``products``), in order, filling sheets of ``layout``. ``skip``
    leaves the first labels of the first sheet empty, to reuse a partly used sheet.
    ``base_url`` (``https://kriya.badungkab.go.id``) makes the QR links absolute."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown label layout {layout!r}; one of {sorted(LAYOUTS)}")
    paper = LAYOUTS[layout]
    wanted = [*items, *((product, 1) for product in products)]
    if any(copies < 0 for _product, copies in wanted) or skip < 0:
        raise ValueError("copies and skip cannot be negative")
    total = sum(copies for _product, copies in wanted)
    if total > MAX_LABELS:
        raise ValueError(f"{total} labels; at most {MAX_LABELS} in one PDF")
    # Read afresh in one query: a label prints today's name and price, not a stale copy's.
    fresh = Product.objects.select_related("business__village__district__regency").in_bulk(
        {product.pk for product, copies in wanted if copies}
    )
    labels: list[dict | None] = [None] * (skip % paper.per_page)
    base = base_url.rstrip("/")
    made: dict[int, dict] = {}
    for product, copies in wanted:
        if copies and product.pk not in made:
            # Built once per product: 20 tags for 20 umbrellas share one QR code.
            made[product.pk] = _label(fresh[product.pk], base)
        labels += [made.get(product.pk)] * copies
    if not any(labels):
        raise ValueError("no labels to print")
    pages = [
        labels[start : start + paper.per_page] for start in range(0, len(labels), paper.per_page)
    ]
    return render_pdf(
        "catalog/labels.html", {"layout": paper, "pages": pages, "title": _("Product labels")}
    )
