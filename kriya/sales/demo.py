"""Demo gallery sales: Badung's gallery and airport outlet, Gianyar's gallery, each with
consignment intakes of the demo catalog and a few till sales. Built through the services,
as the gallery would; a council that already has outlets is left as it is."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.db import transaction

from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.regions.models import Council
from kriya.sales import services
from kriya.sales.models import Consignor, Outlet, Sale

OUTLETS = {
    "51.03": [("Galeri Dekranasda Badung", Outlet.Kind.GALLERY),
              ("Gerai Bandara I Gusti Ngurah Rai", Outlet.Kind.AIRPORT)],
    "51.04": [("Galeri Dekranasda Gianyar", Outlet.Kind.GALLERY)],
}
STAFF = {"51.03": ("badung.sekretariat", "badung.kasir"),
         "51.04": ("gianyar.sekretariat", "gianyar.sekretariat")}
# Fixed keys, so a re-run can never record the demo sales twice.
NAMESPACE = uuid.UUID("5a1e5a1e-0000-4000-8000-000000005103")


def load(councils: dict[str, Council]) -> dict[str, int]:
    """Idempotent: a council that already has outlets is left as it is."""
    with transaction.atomic():
        for code, outlets in OUTLETS.items():
            council = councils[code]
            if not Outlet.objects.within(council).exists():
                _council_sales(council, outlets, *STAFF[code])
    scope = [councils[code] for code in OUTLETS]
    return {"outlets": sum(Outlet.objects.within(c).count() for c in scope),
            "sales": sum(Sale.objects.within(c).count() for c in scope)}


def _council_sales(council: Council, outlets, receiver: str, cashier: str) -> None:
    by, till = User.objects.get(username=receiver), User.objects.get(username=cashier)
    created = [Outlet.objects.create(council=council, name=name, kind=kind)
               for name, kind in outlets]
    products = list(Product.objects.within(council).filter(status=Product.Status.PUBLISHED)
                    .select_related("business").order_by("business_id", "pk")[:24])
    by_business: dict[int, list[Product]] = {}
    for product in products:
        by_business.setdefault(product.business_id, []).append(product)
    items = []
    for number, (_business, group) in enumerate(sorted(by_business.items())[:4]):
        outlet = created[number % len(created)]
        Consignor.objects.get_or_create(council=council, business=group[0].business)
        intake = services.receive_consignment(
            outlet=outlet, business=group[0].business, by=by,
            lines=[services.IntakeLineInput(
                product=p, quantity=5 + index, price=p.price,
                consignment_price=(p.price * Decimal("0.8")).quantize(Decimal(1)),
                commission_rate=Decimal(20)) for index, p in enumerate(group[:3])])
        items += [(outlet, item) for item in intake.items.all()]
    for number, (outlet, item) in enumerate(items[:6]):
        key = uuid.uuid5(NAMESPACE, f"{council.code}-{number}")
        services.record_sale(
            outlet=outlet, cashier=till, client_key=key,
            payment=[Sale.Payment.CASH, Sale.Payment.QRIS][number % 2],
            lines=[services.SaleLineInput(item_id=item.pk, quantity=1 + number % 2)])
