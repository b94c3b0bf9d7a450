import pytest
from django.urls import reverse

from kriya.sales.models import StockMove
from kriya.sales.tests.factories import sell

pytestmark = pytest.mark.django_db


def url(model: str, action: str, *args) -> str:
    return reverse(f"admin:sales_{model}_{action}", args=args)


def test_the_gallery_sees_its_outlet_sales_and_ledger(
    client, badung_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    client.force_login(badung_secretary)
    page = client.get(url("sale", "change", sale.pk))
    assert page.status_code == 200 and "Payung Hias Mini" in page.text
    assert client.get(url("outlet", "change", gallery.pk)).status_code == 200
    intake = client.get(url("consignmentintake", "change", umbrellas.intake_id))
    assert umbrellas.code in intake.text
    moves = client.get(url("stockmove", "changelist"))
    assert set(moves.context["cl"].queryset) == set(StockMove.objects.all())


def test_the_ledger_cannot_be_edited_in_the_admin(
    client, badung_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    client.force_login(badung_secretary)
    assert client.get(url("sale", "add")).status_code == 403
    assert client.post(url("sale", "delete", sale.pk), {"post": "yes"}).status_code == 403
    move = StockMove.objects.filter(sale=sale).get()
    client.post(url("stockmove", "change", move.pk), {"quantity": "-5"})
    move.refresh_from_db()
    assert move.quantity == -1


def test_gianyar_cannot_see_badungs_outlet_or_sales(
    client, gianyar_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    client.force_login(gianyar_secretary)
    assert client.get(url("outlet", "change", gallery.pk)).status_code == 404
    assert client.get(url("sale", "change", sale.pk)).status_code == 404
    assert client.get(url("consignmentintake", "change", umbrellas.intake_id)).status_code == 404
    for model in ["outlet", "sale", "stockmove", "consignmentintake"]:
        listed = client.get(url(model, "changelist"))
        assert listed.status_code == 200 and listed.context["cl"].result_count == 0
