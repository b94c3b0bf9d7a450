"""The gallery till with the keyboard alone, as at a counter with a USB scanner: a tag code
and Enter, a few letters and the arrow keys, a quantity, cash with its change, and the
receipt; the stock goes down once. The tags are looked up in the database (the demo's
stock changes as the demo grows): two fresh items are taken in through the service."""

import os
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from e2e.conftest import PHONE, accessibility_problems, log_in
from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.lib.money import format_rupiah
from kriya.sales import services
from kriya.sales.models import ConsignedItem, Consignor, Outlet, Sale, StockMove

SHOTS = os.environ.get("KRIYA_SCREENSHOTS")  # a folder: screenshots for a look
GALLERY = "Galeri Dekranasda Badung"


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def fresh_items(outlet: Outlet) -> list[ConsignedItem]:
    """Two items with five pieces each at ``outlet``, received as the gallery receives."""
    for consignor in Consignor.objects.within(outlet.council).filter(is_active=True):
        products = list(Product.objects.filter(business=consignor.business).order_by("pk")[:2])
        if len(products) == 2 and products[0].name != products[1].name:
            break
    else:
        pytest.fail("the demo has no consignor with two products")
    intake = services.receive_consignment(
        outlet=outlet,
        business=consignor.business,
        by=User.objects.get(username="badung.sekretariat"),
        lines=[
            services.IntakeLineInput(
                product=p, quantity=5, price=p.price, consignment_price=p.price * Decimal("0.8")
            )
            for p in products
        ],
    )
    return list(intake.items.select_related("product").order_by("pk"))


def on_hand(item: ConsignedItem, outlet: Outlet) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


def test_a_sale_with_the_keyboard_alone(page):
    gallery = Outlet.objects.get(name=GALLERY)
    scanned, typed = fresh_items(gallery)
    log_in(page, "badung.kasir")
    expect(page).to_have_url(re.compile("/kasir/"))  # a cashier lands on the till
    page.goto(f"/kasir/{gallery.pk}/")
    scan = page.locator("#till-q")
    expect(scan).to_be_focused()
    assert accessibility_problems(page) == []

    page.keyboard.type(scanned.code)  # what a USB scanner does: the code, then Enter
    page.keyboard.press("Enter")
    lines = page.locator("#till-lines [data-line]")
    expect(lines).to_have_count(1)
    expect(lines.first).to_contain_text(scanned.product.name)
    expect(scan).to_have_value("")

    page.keyboard.type(typed.product.name[:5].lower())
    options = page.locator("#till-matches [role=option]")
    expect(options.first).to_be_visible()
    codes = [options.nth(i).get_attribute("data-code") for i in range(options.count())]
    for _step in range(codes.index(typed.code) + 1):
        page.keyboard.press("ArrowDown")
    expect(options.nth(codes.index(typed.code))).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(lines).to_have_count(2)
    expect(lines.nth(1)).to_contain_text(typed.code)

    page.keyboard.press("F4")  # the quantity of the last line
    page.keyboard.type("2")
    page.keyboard.press("Enter")  # back to scanning
    expect(scan).to_be_focused()
    total = scanned.price + 2 * typed.price
    expect(page.locator("#till-total")).to_have_text(format_rupiah(total))

    paid = (total // 100_000 + 1) * 100_000
    page.keyboard.press("F2")  # the payment: cash is chosen, the amount paid is focused
    expect(page.locator("#id_paid")).to_be_focused()
    page.keyboard.type(str(paid))
    expect(page.locator("#till-change")).to_have_text(format_rupiah(paid - total))
    assert accessibility_problems(page) == []
    shot(page, "till-cart")

    page.keyboard.press("Control+Enter")
    page.wait_for_url(re.compile(r"/kasir/struk/\d+/"))
    receipt = page.locator(".receipt")
    expect(receipt).to_contain_text(format_rupiah(total))
    expect(receipt).to_contain_text(format_rupiah(paid - total))
    expect(page.locator("#till-next")).to_be_focused()  # Enter starts the next sale
    assert accessibility_problems(page) == []
    shot(page, "till-receipt")

    sale = Sale.objects.get(pk=re.search(r"/struk/(\d+)/", page.url).group(1))
    assert (sale.total, sale.paid, sale.change) == (total, paid, paid - total)
    assert sale.cashier.username == "badung.kasir" and sale.outlet == gallery
    assert [(line.item_id, line.quantity) for line in sale.lines.all()] == [
        (scanned.pk, 1),
        (typed.pk, 2),
    ]
    assert (on_hand(scanned, gallery), on_hand(typed, gallery)) == (4, 3)

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/kasir/{gallery.pk}/$"))
    expect(page.locator("#till-lines [data-line]")).to_have_count(0)


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["phone"])
def test_the_till_on_a_phone_is_accessible_and_offers_the_camera_only_if_it_can_read(page):
    gallery = Outlet.objects.get(name=GALLERY)
    [item, _other] = fresh_items(gallery)
    log_in(page, "badung.kasir")
    page.goto(f"/kasir/{gallery.pk}/")
    page.keyboard.type(f"3*{item.code.lower()}")
    page.keyboard.press("Enter")
    expect(page.locator("#till-lines input[name=quantity]")).to_have_value("3")
    assert accessibility_problems(page) == []
    can_read = page.evaluate("'BarcodeDetector' in window")
    expect(page.locator("#till-camera-open")).to_be_visible(visible=can_read)
    shot(page, "till-phone")
