import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from kriya.accounts.models import Role
from kriya.catalog.tests.factories import make_business, make_product
from kriya.sales import consignors, services
from kriya.sales.models import Consignor, ConsignorApplication, ConsignorReview
from kriya.sales.reports import add_months
from kriya.sales.tests.factories import consign, make_maker_product, sell

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    """Reversed under the autouse English override, so the page answers in English."""
    return reverse(f"admin:{name}", args=args)


def review_url() -> str:
    return url("sales-consignor-review")


def apply(council, business, **criteria) -> ConsignorApplication:
    values = {"has_ktp": True, "domiciled": True, "own_production": True, **criteria}
    return consignors.submit_application(council=council, business=business, **values)


def period() -> dict:
    today = timezone.localdate()
    return {"period_start": add_months(today, -4), "period_end": today}


def intake(outlet, business, product, by):
    return services.receive_consignment(
        outlet=outlet,
        business=business,
        by=by,
        lines=[
            services.IntakeLineInput(
                product=product, quantity=1, price=Decimal(50000), consignment_price=Decimal(40000)
            )
        ],
    )


# Applications ------------------------------------------------------------------------------
def test_an_application_missing_a_criterion_is_never_accepted(badung, badung_secretary):
    business = make_maker_product().business
    application = apply(
        badung, business, own_production=False, is_food=True, pirt_number="P-IRT 2015103010123-26"
    )
    with pytest.raises(ValidationError) as refused:
        consignors.decide_application(
            application=application, accept=True, reason="Produk bagus", by=badung_secretary
        )
    message = refused.value.messages[0]
    assert "does not make the goods" in message
    assert "food without both a P-IRT number and a halal certificate" in message
    application.refresh_from_db()
    assert application.status == ConsignorApplication.Status.PENDING
    assert not Consignor.objects.exists()


def test_accepting_admits_the_business_until_its_review_in_four_months(
    badung, badung_secretary, gallery
):
    product = make_maker_product()
    application = apply(
        badung,
        product.business,
        is_food=True,
        pirt_number="P-IRT 1",
        halal_number="ID00410000123450124",
    )
    decided = consignors.decide_application(
        application=application, accept=True, reason="Memenuhi semua kriteria", by=badung_secretary
    )
    today = timezone.localdate()
    assert (decided.status, decided.reason, decided.decided_by, decided.decided_on) == (
        "accepted",
        "Memenuhi semua kriteria",
        badung_secretary,
        today,
    )
    consignor = Consignor.objects.get(council=badung, business=product.business)
    assert consignor.is_active and consignor.next_review_on == add_months(today, 4)
    assert intake(gallery, product.business, product, badung_secretary).items.count() == 1


def test_a_rejection_keeps_its_reason_and_the_business_out(badung, badung_secretary, gallery):
    product = make_maker_product()
    application = apply(badung, product.business)
    consignors.decide_application(
        application=application,
        accept=False,
        reason="Sudah ada tiga perajin payung",
        by=badung_secretary,
    )
    application.refresh_from_db()
    assert (application.status, application.reason) == ("rejected", "Sudah ada tiga perajin payung")
    with pytest.raises(ValidationError, match="not one of the gallery's consignors"):
        intake(gallery, product.business, product, badung_secretary)


def test_a_decision_needs_a_reason_and_is_taken_once(badung, badung_secretary):
    application = apply(badung, make_maker_product().business)
    with pytest.raises(ValidationError, match="Give the reason for the decision"):
        consignors.decide_application(
            application=application, accept=False, reason="  ", by=badung_secretary
        )
    consignors.decide_application(
        application=application, accept=False, reason="Belum", by=badung_secretary
    )
    with pytest.raises(ValidationError, match="already decided"):
        consignors.decide_application(
            application=application, accept=True, reason="Ya", by=badung_secretary
        )


def test_a_second_waiting_application_and_one_from_another_region_are_refused(badung):
    business = make_maker_product().business
    apply(badung, business)
    with pytest.raises(ValidationError, match="already has an application waiting"):
        apply(badung, business)
    elsewhere = make_business(village="51.04.01.2005", name="Perak Celuk")
    with pytest.raises(ValidationError, match="not registered in the region"):
        apply(badung, elsewhere)


# Reviews ------------------------------------------------------------------------------------
def test_a_review_reads_sales_from_the_ledger_without_voids_and_returns(
    badung, gallery, umbrellas, badung_secretary, badung_cashier
):
    other = consign(gallery, badung_secretary, product=make_maker_product(name="Tas Ate"))
    sold = sell(gallery, umbrellas, badung_cashier, quantity=2)  # Rp 250.000
    sell(gallery, umbrellas, badung_cashier)  # Rp 125.000
    voided = sell(gallery, umbrellas, badung_cashier)
    services.void_sale(sale=voided, reason="Salah input", by=badung_secretary)
    services.return_from_customer(
        sale_line=sold.lines.get(), quantity=1, reason="Rusak", by=badung_cashier
    )
    sell(gallery, other, badung_cashier, quantity=3)  # another maker's: not counted
    review = consignors.review_consignor(
        council=badung,
        business=umbrellas.intake.business,
        quality=4,
        decision="keep",
        reason="Laku dan rapi",
        by=badung_secretary,
        **period(),
    )
    assert (review.pieces_sold, review.gross) == (2, Decimal(250000))
    consignor = Consignor.objects.get(business=umbrellas.intake.business)
    assert consignor.next_review_on == add_months(timezone.localdate(), 4)


def test_rotating_out_stops_intakes_and_lists_the_stock_to_hand_back(
    badung, gallery, umbrellas, badung_secretary
):
    business = umbrellas.intake.business
    consignors.review_consignor(
        council=badung,
        business=business,
        quality=2,
        decision="rotate_out",
        reason="Tidak laku empat bulan",
        by=badung_secretary,
        **period(),
    )
    assert not Consignor.objects.get(business=business).is_active
    back = consignors.stock_to_return(council=badung, business=business)
    assert [(row.code, row.on_hand, row.outlet) for row in back] == [
        (umbrellas.code, 5, gallery.name)
    ]
    with pytest.raises(ValidationError, match="not one of the gallery's consignors"):
        intake(gallery, business, umbrellas.product, badung_secretary)
    with pytest.raises(ValidationError, match="only an invitation"):
        consignors.review_consignor(
            council=badung,
            business=business,
            quality=3,
            decision="keep",
            reason="x",
            by=badung_secretary,
            **period(),
        )
    consignors.review_consignor(
        council=badung,
        business=business,
        quality=4,
        decision="invite",
        reason="Motif baru",
        by=badung_secretary,
        **period(),
    )
    assert Consignor.objects.get(business=business).is_active
    assert intake(gallery, business, umbrellas.product, badung_secretary)


@pytest.mark.parametrize(
    "values,message",
    [
        ({"quality": 0}, "Rate the quality from 1 to 5"),
        ({"decision": "promote"}, "Choose keep, rotate out or invite in"),
        ({"reason": ""}, "Give the reason"),
        ({"decision": "invite"}, "already consigns"),
    ],
)
def test_a_review_refuses_bad_input(badung, umbrellas, badung_secretary, values, message):
    review = {"quality": 3, "decision": "keep", "reason": "Cukup", **values}
    with pytest.raises(ValidationError, match=message):
        consignors.review_consignor(
            council=badung,
            business=umbrellas.intake.business,
            by=badung_secretary,
            **period(),
            **review,
        )
    assert not ConsignorReview.objects.exists()


def test_candidates_list_weak_sellers_first_then_businesses_to_invite(
    badung, gallery, umbrellas, badung_secretary, badung_cashier
):
    strong = consign(gallery, badung_secretary, product=make_maker_product(name="Tas Ate"))
    sell(gallery, strong, badung_cashier, quantity=3)
    sell(gallery, umbrellas, badung_cashier)
    newcomer = make_product(make_business(name="Gerabah Pejaten"), name="Guci")
    rows = consignors.review_candidates(
        badung, **{"period_start": period()["period_start"], "period_end": period()["period_end"]}
    )
    mine = [r for r in rows if r.standing == "active"]
    assert [(r.name, r.pieces, r.gross, r.on_hand) for r in mine] == [
        ("Usaha Payung Hias Mini", 1, Decimal(125000), 4),
        ("Usaha Tas Ate", 3, Decimal(375000), 2),
    ]
    invite = [r for r in rows if r.standing == "invite"]
    assert newcomer.business.name in [r.name for r in invite]
    assert rows.index(mine[-1]) < rows.index(invite[0])


# The review page ----------------------------------------------------------------------------
def test_the_review_page_records_a_rotation_and_names_the_stock_to_return(
    client, badung, umbrellas, badung_secretary
):
    client.force_login(badung_secretary)
    page = client.get(review_url())
    assert page.status_code == 200 and "Usaha Payung Hias Mini" in page.text
    today = timezone.localdate()
    r = client.post(
        review_url(),
        {
            "usaha": umbrellas.intake.business_id,
            "mutu": "2",
            "keputusan": "rotate_out",
            "alasan": "Kurang laku",
            "dari": f"{add_months(today, -4):%Y-%m-%d}",
            "sampai": f"{today:%Y-%m-%d}",
        },
        follow=True,
    )
    assert r.status_code == 200
    assert f"5 × Payung Hias Mini ({umbrellas.code}" in r.text
    review = ConsignorReview.objects.get()
    assert (review.decision, review.quality, review.by) == ("rotate_out", 2, badung_secretary)


def test_the_review_page_explains_bad_input_without_an_error_page(
    client, umbrellas, badung_secretary
):
    client.force_login(badung_secretary)
    r = client.post(
        review_url(),
        {
            "usaha": umbrellas.intake.business_id,
            "mutu": "9",
            "keputusan": "keep",
            "alasan": "",
            "dari": "2026-01-01",
            "sampai": "bukan tanggal",
        },
    )
    assert r.status_code == 200
    assert "Give the reason for the decision." in r.text
    assert not ConsignorReview.objects.exists()


def test_gianyar_neither_sees_nor_reviews_badungs_consignors(client, umbrellas, gianyar_secretary):
    client.force_login(gianyar_secretary)
    assert "Usaha Payung Hias Mini" not in client.get(review_url()).text
    r = client.post(
        review_url(),
        {
            "usaha": umbrellas.intake.business_id,
            "mutu": "1",
            "keputusan": "rotate_out",
            "alasan": "x",
            "dari": "2026-01-01",
            "sampai": "2026-02-01",
        },
    )
    assert r.status_code == 404
    assert Consignor.objects.get().is_active


def test_the_board_reads_the_review_page_but_cannot_decide(client, badung, umbrellas):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    page = client.get(review_url())
    assert page.status_code == 200 and "Usaha Payung Hias Mini" in page.text
    assert 'name="alasan"' not in page.text
    refused = client.post(review_url(), {"usaha": umbrellas.intake.business_id})
    assert refused.status_code == 403


def test_the_review_page_costs_a_bounded_number_of_queries(
    client, gallery, umbrellas, badung_secretary, badung_cashier, django_assert_max_num_queries
):
    for name in ["Tas Ate", "Keben", "Dulang"]:
        item = consign(gallery, badung_secretary, product=make_maker_product(name=name))
        sell(gallery, item, badung_cashier)
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(12):
        client.get(review_url())


# The decision page and the admin --------------------------------------------------------------
def decision_url(application) -> str:
    return url("sales-application-decision", application.pk)


def test_the_decision_page_refuses_an_unmet_criterion_and_records_a_rejection(
    client, badung, badung_secretary
):
    application = apply(badung, make_maker_product().business, has_ktp=False)
    client.force_login(badung_secretary)
    page = client.get(decision_url(application))
    assert page.status_code == 200 and "no KTP shown" in page.text
    r = client.post(decision_url(application), {"keputusan": "terima", "alasan": "Bagus"})
    assert r.status_code == 200 and "cannot be accepted: no KTP shown" in r.text
    r = client.post(decision_url(application), {"keputusan": "tolak", "alasan": "Tanpa KTP"})
    assert r.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.reason) == ("rejected", "Tanpa KTP")


def test_gianyar_cannot_open_or_decide_badungs_application(client, badung, gianyar_secretary):
    application = apply(badung, make_maker_product().business)
    client.force_login(gianyar_secretary)
    assert client.get(decision_url(application)).status_code == 404
    assert (
        client.post(decision_url(application), {"keputusan": "tolak", "alasan": "x"}).status_code
        == 404
    )
    assert client.get(url("sales_consignorapplication_change", application.pk)).status_code == 404


def test_an_application_added_in_the_admin_goes_through_the_service(
    client, badung, badung_secretary
):
    business = make_maker_product().business
    client.force_login(badung_secretary)
    form = {
        "council": badung.pk,
        "business": business.pk,
        "submitted_on": "2026-03-02",
        "has_ktp": "on",
        "domiciled": "on",
        "own_production": "on",
        "note": "Datang sendiri",
    }
    r = client.post(url("sales_consignorapplication_add"), form)
    assert r.status_code == 302
    application = ConsignorApplication.objects.get()
    assert (application.status, application.submitted_on, application.unmet_criteria()) == (
        "pending",
        dt.date(2026, 3, 2),
        [],
    )
    again = client.post(url("sales_consignorapplication_add"), form)
    assert again.status_code == 200 and "already has an application waiting" in again.text
    assert ConsignorApplication.objects.count() == 1


def test_the_admin_lists_consignors_reviews_day_closes_and_settlements(
    client, badung, umbrellas, badung_secretary
):
    consignors.review_consignor(
        council=badung,
        business=umbrellas.intake.business,
        quality=5,
        decision="keep",
        reason="Terlaris",
        by=badung_secretary,
        **period(),
    )
    client.force_login(badung_secretary)
    for model in ["consignor", "consignorreview", "dayclose", "settlement", "consignorapplication"]:
        page = client.get(url(f"sales_{model}_changelist"))
        assert page.status_code == 200, model
    assert "Terlaris" in client.get(url("sales_consignorreview_changelist")).text
    assert client.get(url("sales_consignorreview_add")).status_code == 403
    assert client.get(url("sales_consignor_add")).status_code == 403
