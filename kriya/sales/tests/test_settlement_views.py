"""The secretariat's settlement pages, the intake receipt and tags, and the maker's signed
statement link; the board and cashier look, Charlie (Gianyar) gets 404."""

import datetime as dt
import re
import subprocess
from decimal import Decimal
from urllib.parse import unquote

import pytest
import time_machine
from django.urls import reverse

from conftest import make_user
from kriya.accounts.models import Role
from kriya.sales import services
from kriya.sales.models import SaleLine, Settlement
from kriya.sales.settlement import settle_month
from kriya.sales.statements import STATEMENT_LINK_DAYS, statement_token
from kriya.sales.tests.factories import consign, make_maker_product, sell

pytestmark = [pytest.mark.django_db, pytest.mark.urls("kriya.sales.tests.statement_test_urls")]

OCT_10 = dt.datetime(2026, 10, 10, 3, tzinfo=dt.UTC)
NOV_3 = dt.datetime(2026, 11, 3, 3, tzinfo=dt.UTC)
NOV_20 = dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _november():
    """Most of these tests happen on 20 November 2026, when October can be settled."""
    with time_machine.travel(NOV_20, tick=False):
        yield


@pytest.fixture
def october(gallery, badung_secretary, badung_cashier):
    """Payung: 3 sold at Rp 125.000 with 20% (due Rp 300.000); Tedung Poleng: 1 sold at
    Rp 300.000 with 15% (due Rp 255.000)."""
    with time_machine.travel(OCT_10):
        payung = consign(gallery, badung_secretary, quantity=5)
        tedung = consign(
            gallery,
            badung_secretary,
            quantity=2,
            price="300000",
            commission="15",
            product=make_maker_product(name="Tedung Poleng"),
        )
        sell(gallery, payung, badung_cashier, quantity=2)
        sell(gallery, payung, badung_cashier, quantity=1)
        sell(gallery, tedung, badung_cashier, quantity=1)
    return payung, tedung


@pytest.fixture
def settled(badung, badung_secretary, october):
    payung, _tedung = october
    with time_machine.travel(NOV_3):
        made = settle_month(council=badung, year=2026, month=10, by=badung_secretary)
    return next(s for s in made if s.business_id == payung.intake.business_id)


def url(name: str, *args) -> str:
    return reverse(f"admin:{name}", args=args)


def texts(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_month_shows_whats_waiting_and_settles_it_once(client, badung_secretary, october):
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlements"))  # last month by default: October
    assert page.status_code == 200 and "October 2026" in page.text
    waiting = page.context["waiting"]
    assert [(w.business.name, w.pieces_sold, w.amount_due) for w in waiting] == [
        ("Usaha Payung Hias Mini", 3, Decimal(300000)),
        ("Usaha Tedung Poleng", 1, Decimal(255000)),
    ]
    assert "Rp 555.000" in page.text  # the total due, in the totals row
    assert 'id="settle-form"' in page.text
    done = client.post(url("sales-settlements"), {"bulan": "2026-10"}, follow=True)
    assert texts(done) == ["2 settlements made for October 2026."]
    assert done.context["waiting"] == [] and "Nothing is waiting to be settled." in done.text
    assert [s.amount_due for s in done.context["settled"]] == [Decimal(300000), Decimal(255000)]
    assert done.context["settled_totals"]["balance"] == Decimal(555000)
    again = client.post(url("sales-settlements"), {"bulan": "2026-10"}, follow=True)
    assert texts(again) == ["Nothing to settle up to 31 October 2026."]
    assert Settlement.objects.count() == 2


def test_a_month_not_over_cannot_be_settled_yet(
    client, badung_secretary, october, badung_cashier, gallery
):
    payung, _tedung = october
    sell(gallery, payung, badung_cashier)  # on 20 November
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlements"), {"bulan": "2026-11"})
    assert "This month can be settled from 1 December 2026" in page.text
    assert 'id="settle-form"' not in page.text
    refused = client.post(url("sales-settlements"), {"bulan": "2026-11"}, follow=True)
    assert texts(refused) == ["Settle a period only after its last day (30-11-2026)."]
    assert not Settlement.objects.exists()


@pytest.mark.parametrize("month", ["oktober", "2026-13", "26-10", "2026-10-01"])
def test_a_bad_month_is_named_and_last_month_shown(client, badung_secretary, month):
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlements"), {"bulan": month})
    assert page.status_code == 200 and page.context["value"] == "2026-10"
    assert texts(page) == ["Month: write it as year-month, for example 2026-10."]
    refused = client.post(url("sales-settlements"), {"bulan": month}, follow=True)
    assert texts(refused) == ["Month: write it as year-month, for example 2026-10."]
    blank = client.post(url("sales-settlements"), {}, follow=True)
    assert texts(blank) == ["Month: choose the month to settle."]
    assert not Settlement.objects.exists()


def test_the_month_changes_in_place_with_htmx(client, badung_secretary, settled):
    client.force_login(badung_secretary)
    part = client.get(
        url("sales-settlements"), {"bulan": "2026-10"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in part.text and "Usaha Payung Hias Mini" in part.text
    assert "HX-Request" in part["Vary"]


def test_the_list_does_not_query_per_settlement(
    client, badung_secretary, badung, gallery, badung_cashier, django_assert_max_num_queries
):
    with time_machine.travel(OCT_10):
        for name in ["Tenun A", "Ukir B", "Perak C", "Bambu D"]:
            item = consign(gallery, badung_secretary, product=make_maker_product(name=name))
            sell(gallery, item, badung_cashier)
    client.force_login(badung_secretary)
    client.get(url("sales-settlements"), {"bulan": "2026-10"})  # warm the session and caches
    with django_assert_max_num_queries(20) as waiting:
        client.get(url("sales-settlements"), {"bulan": "2026-10"})
    with time_machine.travel(NOV_3):
        settle_month(council=badung, year=2026, month=10, by=badung_secretary)
    with django_assert_max_num_queries(len(waiting.captured_queries)):
        page = client.get(url("sales-settlements"), {"bulan": "2026-10"})
    assert len(page.context["settled"]) == 4


def test_the_settlement_page_shows_its_sales_figures_and_links(client, badung_secretary, settled):
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlement", settled.pk))
    assert page.status_code == 200
    assert page.text.count("Payung Hias Mini") >= 2 and "Rp 300.000" in page.text
    assert url("sales-settlement-statement", settled.pk) in page.text
    token = statement_token(settled)
    public = f"http://testserver/titip/laporan/{token}/"
    assert page.context["public_link"] == public and public in page.text
    whatsapp = page.context["whatsapp"]
    assert whatsapp.startswith("https://wa.me/6281234567890?text=")
    message = unquote(whatsapp.split("?text=", 1)[1])
    assert "Usaha Payung Hias Mini" in message and public in message
    assert "1 Oktober 2026 – 31 Oktober 2026" in message  # the maker reads Indonesian
    assert "Rp 300.000" in message and "Rp 0" in message
    assert 'value="300.000"' in page.text  # the amount to pay: the balance


def test_a_business_without_whatsapp_gets_a_share_link(client, badung_secretary, settled):
    settled.business.phone = ""
    settled.business.save(update_fields=["phone"])
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlement", settled.pk))
    assert page.context["whatsapp"] == ""
    assert page.context["whatsapp_share"].startswith("https://wa.me/?text=")
    assert "no WhatsApp number" in page.text


def test_a_payment_is_recorded_with_its_reference(client, badung_secretary, settled):
    client.force_login(badung_secretary)
    done = client.post(
        url("sales-settlement", settled.pk),
        {"amount": "Rp 100.000", "reference": "TRF-0042", "paid_on": "2026-11-19"},
        follow=True,
    )
    assert texts(done) == ["Payment of Rp 100.000 recorded."]
    settled.refresh_from_db()
    assert (settled.paid_amount, settled.reference, settled.paid_on) == (
        Decimal(100000),
        "TRF-0042",
        dt.date(2026, 11, 19),
    )
    assert settled.paid_by.username == "badung_secretary"
    assert 'value="200.000"' in done.text
    client.post(
        url("sales-settlement", settled.pk),
        {"amount": "200000", "reference": "TRF-0043", "paid_on": "20-11-2026"},
    )
    settled.refresh_from_db()
    assert settled.is_paid and settled.reference == "TRF-0042; TRF-0043"
    paid = client.get(url("sales-settlement", settled.pk))
    assert 'id="settlement-payment"' not in paid.text  # nothing left to pay


@pytest.mark.parametrize(
    "values, message",
    [
        ({"amount": "tiga ratus"}, "Amount paid (Rp) must be an amount in rupiah"),
        ({"amount": ""}, "Amount paid: give the amount transferred or handed over."),
        ({"amount": "0"}, "Amount paid (Rp) must be above zero."),
        ({"amount": "-5000"}, "Amount paid (Rp) cannot be below zero."),
        ({"amount": "300.001"}, "Rp 300.001 is more than the balance of Rp 300.000."),
        ({"amount": "1000000000000000"}, "Amount paid (Rp)"),
        ({"reference": " "}, "Reference: give the transfer or receipt number."),
        ({"reference": "x" * 101}, "Reference: at most 100 characters."),
        ({"paid_on": "kemarin"}, "Paid on: write the date as dd-mm-yyyy."),
        ({"paid_on": "2026-11-21"}, "Paid on: the date cannot be in the future."),
        ({"paid_on": "2026-10-31"}, "Paid on: the date must be after the period (31-10-2026)."),
    ],
)
def test_a_bad_payment_is_refused_with_a_message_naming_the_field(
    client, badung_secretary, settled, values, message
):
    client.force_login(badung_secretary)
    page = client.post(
        url("sales-settlement", settled.pk),
        {"amount": "100000", "reference": "TRF-1", "paid_on": "2026-11-19", **values},
    )
    assert page.status_code == 200 and message in page.text
    settled.refresh_from_db()
    assert settled.paid_amount == 0


def test_the_statement_pdf_holds_the_settlements_figures(
    client, badung_secretary, settled, tmp_path
):
    client.force_login(badung_secretary)
    response = client.get(url("sales-settlement-statement", settled.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "laporan-titip-usaha-payung-hias-mini-2026-10.pdf" in response["Content-Disposition"]
    path = tmp_path / "statement.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Rp 375.000" in text and "Rp 75.000" in text and "Rp 300.000" in text


def test_a_statement_that_no_longer_adds_up_is_not_printed(client, badung_secretary, settled):
    line = settled.lines.first()
    SaleLine.objects.filter(pk=line.pk).update(line_total=line.line_total + 1000)
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlement", settled.pk))
    assert page.status_code == 200 and "no longer add up" in page.text
    refused = client.get(url("sales-settlement-statement", settled.pk), follow=True)
    assert refused.status_code == 200 and "no longer add up" in texts(refused)[0]
    assert client.get(f"/titip/laporan/{statement_token(settled)}/").status_code == 404


def test_the_maker_opens_the_signed_link_without_logging_in(client, settled):
    token = statement_token(settled)
    response = client.get(f"/titip/laporan/{token}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "noindex" in response["X-Robots-Tag"] and "no-cache" in response["Cache-Control"]
    assert reverse("statements:statement", kwargs={"token": token}).endswith(
        f"/titip/laporan/{token}/"
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-2] + ("xx" if not token.endswith("xx") else "yy"),
        lambda token: re.sub(r"^\d+", "999999", token),
        lambda token: "garbage",
        lambda token: token.split(":", 1)[0],
    ],
)
def test_an_altered_link_is_a_404(client, settled, change):
    assert client.get(f"/titip/laporan/{change(statement_token(settled))}/").status_code == 404


def test_an_expired_link_is_a_404(client, settled):
    token = statement_token(settled)
    with time_machine.travel(NOV_20 + dt.timedelta(days=STATEMENT_LINK_DAYS - 1)):
        assert client.get(f"/titip/laporan/{token}/").status_code == 200
    with time_machine.travel(NOV_20 + dt.timedelta(days=STATEMENT_LINK_DAYS + 1)):
        assert client.get(f"/titip/laporan/{token}/").status_code == 404


@pytest.mark.parametrize("role", [Role.BOARD, Role.CASHIER])
def test_the_board_and_cashier_look_but_do_not_settle_or_pay(client, badung, settled, role):
    client.force_login(make_user("badung_viewer", badung, role))
    page = client.get(url("sales-settlements"), {"bulan": "2026-10"})
    assert page.status_code == 200 and "Usaha Payung Hias Mini" in page.text
    detail = client.get(url("sales-settlement", settled.pk))
    assert detail.status_code == 200 and 'id="settlement-payment"' not in detail.text
    assert "wa.me" not in detail.text and "titip/laporan" not in detail.text
    assert client.get(url("sales-settlement-statement", settled.pk)).status_code == 200
    assert client.post(url("sales-settlements"), {"bulan": "2026-11"}).status_code == 403
    paid = client.post(
        url("sales-settlement", settled.pk),
        {"amount": "1000", "reference": "X", "paid_on": "2026-11-19"},
    )
    assert paid.status_code == 403
    settled.refresh_from_db()
    assert settled.paid_amount == 0


def test_a_field_mentor_does_not_see_the_makers_money(client, badung, settled):
    client.force_login(make_user("badung_mentor", badung, Role.MENTOR))
    assert client.get(url("sales-settlements")).status_code == 403
    assert client.get(url("sales-settlement", settled.pk)).status_code == 403


def test_gianyar_gets_404_for_badungs_settlements_and_intakes(
    client, gianyar_secretary, settled, october
):
    payung, _tedung = october
    client.force_login(gianyar_secretary)
    for name, pk in [
        ("sales-settlement", settled.pk),
        ("sales-settlement-statement", settled.pk),
        ("sales-intake-receipt", payung.intake_id),
        ("sales-intake-tags", payung.intake_id),
    ]:
        assert client.get(url(name, pk)).status_code == 404, name
    assert (
        client.post(
            url("sales-settlement", settled.pk),
            {"amount": "1000", "reference": "X", "paid_on": "2026-11-19"},
        ).status_code
        == 404
    )
    page = client.get(url("sales-settlements"), {"bulan": "2026-10"})
    assert page.context["waiting"] == [] and page.context["settled"] == []
    assert "Usaha Payung Hias Mini" not in page.text
    client.post(url("sales-settlements"), {"bulan": "2026-10"})
    assert Settlement.objects.filter(business=payung.intake.business).count() == 1


def test_the_province_reads_a_regencys_settlement_but_does_not_pay_it(
    client, bali_officer, settled
):
    client.force_login(bali_officer)
    page = client.get(url("sales-settlement", settled.pk))
    assert page.status_code == 200 and 'id="settlement-payment"' not in page.text
    paid = client.post(
        url("sales-settlement", settled.pk),
        {"amount": "1000", "reference": "X", "paid_on": "2026-11-19"},
    )
    assert paid.status_code == 403


def test_the_cashier_prints_the_intake_receipt_and_tags(client, badung_cashier, october, tmp_path):
    payung, _tedung = october
    client.force_login(badung_cashier)
    receipt = client.get(url("sales-intake-receipt", payung.intake_id))
    assert receipt["Content-Type"] == "application/pdf"
    assert f"tanda-terima-TJ-{payung.intake_id:06d}.pdf" in receipt["Content-Disposition"]
    tags = client.get(url("sales-intake-tags", payung.intake_id), {"salinan": "2"})
    assert tags["Content-Type"] == "application/pdf"
    path = tmp_path / "tags.pdf"
    path.write_bytes(tags.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count(payung.code) == 10  # 5 umbrellas, 2 tags each
    one = client.get(url("sales-intake-tags", payung.intake_id))
    path.write_bytes(one.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count(payung.code) == 5
    skipped = client.get(url("sales-intake-tags", payung.intake_id), {"lewati": "38"})
    path.write_bytes(skipped.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)  # 2 tags left on the used sheet


@pytest.mark.parametrize(
    "copies, message",
    [
        ("dua", "Copies per piece: Enter a whole number."),
        ("0", "Copies per piece: Ensure this value is greater than or equal to 1."),
        ("11", "Copies per piece: Ensure this value is less than or equal to 10."),
    ],
)
def test_bad_tag_copies_go_back_to_the_intake_with_a_message(
    client, badung_cashier, october, copies, message
):
    payung, _tedung = october
    client.force_login(badung_cashier)
    response = client.get(url("sales-intake-tags", payung.intake_id), {"salinan": copies})
    assert response.status_code == 302
    assert response["Location"] == url("sales_consignmentintake_change", payung.intake_id)
    page = client.get(response["Location"])
    assert texts(page) == [message]


def test_a_return_after_settlement_shows_on_the_next_settlement_page(
    client, badung, badung_secretary, badung_cashier, settled
):
    line = settled.lines.order_by("pk").first()
    services.return_from_customer(sale_line=line, quantity=1, reason="Cacat", by=badung_cashier)
    with time_machine.travel(dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)):
        (november,) = settle_month(council=badung, year=2026, month=11, by=badung_secretary)
        client.force_login(badung_secretary)
        page = client.get(url("sales-settlement", november.pk))
    assert "Returns deducted" in page.text and "-Rp 100.000" in page.text
    assert page.context["earlier"] == Decimal(300000)
    assert 'id="settlement-payment"' not in page.text  # nothing to pay on a negative balance


@pytest.mark.urls("kriya.urls")
def test_the_page_works_on_a_site_without_the_statement_link_mounted(
    client, badung_secretary, settled
):
    client.force_login(badung_secretary)
    page = client.get(url("sales-settlement", settled.pk))
    assert page.status_code == 200 and "Rp 300.000" in page.text
    assert url("sales-settlement-statement", settled.pk) in page.text
