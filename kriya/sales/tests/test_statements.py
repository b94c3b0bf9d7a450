"""The gallery's papers for its makers, opened as a reader would: the text with poppler's
pdftotext, the QR codes with zbarimg (scripts/system-deps installs both)."""

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from PIL import Image

from kriya.lib.money import format_rupiah
from kriya.sales import services
from kriya.sales.models import SaleLine, Settlement
from kriya.sales.settlement import pay_settlement, settle_month
from kriya.sales.statements import (
    STATEMENT_LINK_DAYS,
    TAG_LAYOUTS,
    intake_receipt_pdf,
    intake_tags,
    price_tags_pdf,
    receipt_number,
    settlement_for_token,
    statement_pdf,
    statement_token,
)
from kriya.sales.tests.factories import admit, consign, make_maker_product, sell

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not shutil.which("pdftotext") or not shutil.which("zbarimg"),
        reason="needs poppler-utils and zbar-tools (scripts/system-deps)",
    ),
]

OCT_10 = dt.datetime(2026, 10, 10, 3, tzinfo=dt.UTC)
NOV_3 = dt.datetime(2026, 11, 3, 3, tzinfo=dt.UTC)
DEC_2 = dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)
AMOUNT = re.compile(r"-?Rp [0-9.]+")


def pdf_text(data: bytes, tmp_path: Path, name: str = "doc.pdf") -> str:
    assert data.startswith(b"%PDF-")
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def pages(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def qr_codes(data: bytes, tmp_path: Path, layout: str = "a4-4x10") -> list[str]:
    """The code read from each tag, sheet by sheet, row by row, as the till's scanner
    reads one tag at a time (zbar misses some of forty codes side by side on one image)."""
    paper = TAG_LAYOUTS[layout]
    path = tmp_path / "tags.pdf"
    path.write_bytes(data)
    dpi = 150
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(path), str(tmp_path / "sheet")], check=True
    )
    found = []
    pixels = dpi / 25.4
    for sheet in sorted(tmp_path.glob("sheet*.png")):
        image = Image.open(sheet)
        for index in range(paper.per_page):
            row, column = divmod(index, paper.columns)
            left = (paper.margin_left + column * paper.width) * pixels
            top = (paper.margin_top + row * paper.height) * pixels
            image.crop(
                (
                    int(left),
                    int(top),
                    int(left + paper.width * pixels),
                    int(top + paper.height * pixels),
                )
            ).save(tmp_path / "tag.png")
            result = subprocess.run(
                [
                    "zbarimg",
                    "--quiet",
                    "--raw",
                    "-Sdisable",
                    "-Sqrcode.enable",
                    str(tmp_path / "tag.png"),
                ],
                capture_output=True,
                text=True,
            )
            found += result.stdout.split()
    return found


def rupiah(text: str) -> Decimal:
    return Decimal(text.replace("Rp ", "").replace(".", ""))


@pytest.fixture
def intake(gallery, badung_secretary):
    """20 umbrellas at Rp 125.000 (Rp 100.000 to the maker, 20%) and 3 parasols at
    Rp 300.000 (Rp 255.000, 15%), brought by one maker."""
    umbrella = make_maker_product(name="Payung Hias Mini")
    parasol = make_product_of(umbrella.business, "Tedung Prada Kuning", 300_000)
    admit(gallery.council, umbrella.business)
    return services.receive_consignment(
        outlet=gallery,
        business=umbrella.business,
        by=badung_secretary,
        received_on=dt.date(2026, 10, 1),
        note="Dua warna",
        lines=[
            services.IntakeLineInput(
                product=umbrella,
                quantity=20,
                consignment_price=Decimal(100_000),
                price=Decimal(125_000),
                commission_rate=Decimal(20),
            ),
            services.IntakeLineInput(
                product=parasol,
                quantity=3,
                consignment_price=Decimal(255_000),
                price=Decimal(300_000),
                commission_rate=Decimal("15"),
            ),
        ],
    )


def make_product_of(business, name: str, price: int):
    from kriya.catalog.tests.factories import make_product

    return make_product(business, name=name, price=price, publish=False, photo=False)


def test_the_intake_receipt_lists_every_item_with_its_prices_and_totals(intake, badung, tmp_path):
    text = pdf_text(intake_receipt_pdf(intake), tmp_path)
    umbrella, parasol = intake.items.order_by("pk")
    assert receipt_number(intake) == f"TJ-{intake.pk:06d}" and receipt_number(intake) in text
    for expected in [
        badung.name,
        "Galeri Dekranasda Badung",
        "Usaha Payung Hias Mini",
        "Ni Made Sari",
        "Getasan",
        "Dua warna",
        "1 October 2026",
    ]:
        assert expected in text
    umbrella_row = next(line for line in text.splitlines() if umbrella.code in line)
    assert AMOUNT.findall(umbrella_row) == ["Rp 100.000", "Rp 125.000", "Rp 2.000.000"]
    assert " 20 " in umbrella_row and "20%" in umbrella_row
    parasol_row = next(line for line in text.splitlines() if parasol.code in line)
    assert AMOUNT.findall(parasol_row) == ["Rp 255.000", "Rp 300.000", "Rp 765.000"]
    assert "15%" in parasol_row
    total_row = next(line for line in text.splitlines() if line.strip().startswith("Total"))
    assert " 23 " in total_row and AMOUNT.findall(total_row) == ["Rp 2.765.000"]
    flowing = " ".join(text.split())
    assert "stay the maker's property until they are sold" in flowing  # the terms
    assert "The maker" in text and "Gallery officer" in text  # two signature boxes


def test_twenty_umbrellas_get_twenty_tags_the_till_can_read(intake, tmp_path):
    umbrella, parasol = intake.items.order_by("pk")
    wanted = intake_tags(intake)
    assert wanted == [(umbrella, 20), (parasol, 3)]
    data = price_tags_pdf(wanted[:1])
    assert pages(data, tmp_path) == 1  # 4 × 10 tags on a sheet
    assert qr_codes(data, tmp_path) == [umbrella.code] * 20
    text = pdf_text(data, tmp_path)
    assert text.count(umbrella.code) == 20 and text.count("Rp 125.000") == 20
    assert text.count("Payung Hias Mini") == 20


def test_tags_for_a_whole_intake_fill_as_many_sheets_as_needed(intake, tmp_path):
    umbrella, parasol = intake.items.order_by("pk")
    data = price_tags_pdf(intake_tags(intake, copies=2))  # 46 tags: two sheets of 40
    assert pages(data, tmp_path) == 2 == -(-46 // TAG_LAYOUTS["a4-4x10"].per_page)
    assert qr_codes(data, tmp_path) == [umbrella.code] * 40 + [parasol.code] * 6
    text = pdf_text(data, tmp_path)
    assert text.count("Rp 300.000") == 6 and "Tedung Prada Kuning" in text


def test_tags_can_skip_the_used_part_of_a_sheet_and_use_another_paper(intake, tmp_path):
    umbrella, _parasol = intake.items.order_by("pk")
    assert pages(price_tags_pdf([(umbrella, 5)], skip=38), tmp_path) == 2
    data = price_tags_pdf([(umbrella, 10)], layout="a4-2x5")  # hang tags for umbrellas
    assert pages(data, tmp_path) == 1
    assert qr_codes(data, tmp_path, "a4-2x5") == [umbrella.code] * 10
    with pytest.raises(ValueError, match="no tags"):
        price_tags_pdf([(umbrella, 0)])
    with pytest.raises(ValueError, match="unknown tag layout"):
        price_tags_pdf([(umbrella, 1)], layout="a5")


@pytest.fixture
def settled(gallery, airport, badung, badung_secretary, badung_cashier):
    """October: 3 umbrellas sold (one with a Rp 5.000 discount, one at the airport) and a
    parasol; settled on 3 November, then one umbrella returned; November settled with the
    return deducted. October is paid in part."""
    with time_machine.travel(OCT_10):
        payung = consign(gallery, badung_secretary, quantity=5)
        tedung = consign(
            gallery,
            badung_secretary,
            quantity=2,
            price="300000",
            commission="15",
            product=make_product_of(payung.intake.business, "Tedung Poleng", 300_000),
        )
        services.transfer_stock(
            item=payung, source=gallery, destination=airport, quantity=1, by=badung_secretary
        )
        sell(gallery, payung, badung_cashier, quantity=2, discount="5000")
        sell(airport, payung, badung_cashier, quantity=1)
        sell(gallery, tedung, badung_cashier, quantity=1)
    with time_machine.travel(NOV_3):
        (october,) = settle_month(council=badung, year=2026, month=10, by=badung_secretary)
        pay_settlement(
            settlement=october, amount=Decimal(200_000), reference="TRF-001", by=badung_secretary
        )
        line = SaleLine.objects.get(item=payung, quantity=1)
        services.return_from_customer(
            sale_line=line, quantity=1, reason="Gagang patah", by=badung_cashier
        )
    with time_machine.travel(DEC_2):
        (november,) = settle_month(council=badung, year=2026, month=11, by=badung_secretary)
    october.refresh_from_db()
    return october, november


def sale_rows(text: str) -> list[list[Decimal]]:
    """The amounts of each dated row of a statement (sales and returns alike)."""
    return [
        [rupiah(a) for a in AMOUNT.findall(line)]
        for line in text.splitlines()
        if re.match(r"\s*\d{2}-\d{2}-\d{4}\s", line)
    ]


def figure(text: str, label: str) -> str:
    line = next(line for line in text.splitlines() if line.strip().startswith(label))
    return AMOUNT.findall(line)[-1]


def test_the_statement_totals_equal_the_settlement_and_the_sum_of_its_lines(settled, tmp_path):
    october, _november = settled
    text = pdf_text(statement_pdf(october), tmp_path)
    assert "Usaha Payung Hias Mini" in text and "1 October 2026 – 31 October 2026" in text
    rows = sale_rows(text)
    # 2 umbrellas less Rp 5.000, 1 at the airport, 1 parasol: total, commission, share
    assert sorted(rows) == sorted(
        [
            [Decimal(245_000), Decimal(49_000), Decimal(196_000)],
            [Decimal(125_000), Decimal(25_000), Decimal(100_000)],
            [Decimal(300_000), Decimal(45_000), Decimal(255_000)],
        ]
    )
    assert "Gerai Bandara" in text
    gross = sum(row[0] for row in rows)
    commission = sum(row[1] for row in rows)
    assert (gross, commission) == (october.gross, october.commission)
    assert figure(text, "Gross sales") == format_rupiah(october.gross) == "Rp 670.000"
    assert figure(text, "Gallery commission") == format_rupiah(october.commission)
    assert figure(text, "Amount due to the maker") == format_rupiah(october.amount_due)
    assert october.amount_due == gross - commission == Decimal(551_000)
    assert figure(text, "Paid") == "Rp 200.000" and "TRF-001" in text
    assert figure(text, "Balance of this statement") == "Rp 351.000"
    assert figure(text, "Unpaid from earlier") == "Rp 0"
    assert re.search(r"Pieces sold\s+4\b", text)


def test_a_late_return_is_on_the_next_statement_with_the_earlier_balance(settled, tmp_path):
    october, november = settled
    text = pdf_text(statement_pdf(november), tmp_path)
    assert "Returns deducted" in text and "No sales in this settlement." in text
    (row,) = sale_rows(text)
    assert row == [Decimal(125_000), Decimal(25_000), Decimal(100_000)]
    assert figure(text, "Gross sales") == format_rupiah(november.gross) == "-Rp 125.000"
    assert figure(text, "Amount due to the maker") == "-Rp 100.000"
    assert figure(text, "Unpaid from earlier") == format_rupiah(october.balance)
    assert figure(text, "Still owed to the maker") == "Rp 251.000"  # 351.000 − 100.000
    assert re.search(r"Pieces sold\s+-1\b", text)


def test_a_statement_is_refused_when_the_ledger_no_longer_adds_up(settled):
    october, _november = settled
    first = october.lines.order_by("pk").first()
    SaleLine.objects.filter(pk=first.pk).update(line_total=first.line_total + 1)
    with pytest.raises(ValueError, match="lines give"):
        statement_pdf(october)


def test_a_statement_link_opens_for_ninety_days_and_only_unaltered(settled):
    october, november = settled
    token = statement_token(october)
    assert settlement_for_token(token) == october
    assert settlement_for_token(statement_token(november)) == november
    other_id = token.replace(f"{october.pk}:", f"{november.pk}:", 1)
    assert settlement_for_token(other_id) is None
    assert settlement_for_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert settlement_for_token("") is None and settlement_for_token("1") is None
    with time_machine.travel(
        dt.datetime.now(dt.UTC) + dt.timedelta(days=STATEMENT_LINK_DAYS, hours=1)
    ):
        assert settlement_for_token(token) is None
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=STATEMENT_LINK_DAYS - 1)):
        assert settlement_for_token(token) == october
    assert Settlement.objects.count() == 2


def test_a_statement_over_several_pages_shows_each_total_once(
    gallery, badung, badung_secretary, badung_cashier, tmp_path
):
    with time_machine.travel(OCT_10):
        item = consign(gallery, badung_secretary, quantity=80, price="99999", commission="12.5")
        for n in range(70):
            sell(gallery, item, badung_cashier, discount=str(n * 7))
    with time_machine.travel(NOV_3):
        (settlement,) = settle_month(council=badung, year=2026, month=10, by=badung_secretary)
    data = statement_pdf(settlement)
    assert pages(data, tmp_path) >= 2
    text = pdf_text(data, tmp_path)
    rows = sale_rows(text)
    assert len(rows) == 70
    assert sum(row[0] for row in rows) == settlement.gross
    assert sum(row[1] for row in rows) == settlement.commission
    assert sum(row[2] for row in rows) == settlement.amount_due
    sums = [line for line in text.splitlines() if line.strip().startswith("Sold")]
    assert len(sums) == 1  # the sum row is not repeated on every page
    assert AMOUNT.findall(sums[0]) == [
        format_rupiah(settlement.gross),
        format_rupiah(settlement.commission),
        format_rupiah(settlement.amount_due),
    ]
    assert figure(text, "Gross sales") == format_rupiah(settlement.gross)
