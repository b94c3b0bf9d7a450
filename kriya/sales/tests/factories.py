"""Outlets, consigned stock and sales for the sales tests, set up through the services."""

from __future__ import annotations

import uuid
from decimal import Decimal

from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.regions.models import Council
from kriya.sales import services
from kriya.sales.models import ConsignedItem, Consignor, Outlet, Sale


def make_outlet(council: Council, name: str = "Galeri Dekranasda Badung", **values) -> Outlet:
    return Outlet.objects.create(council=council, name=name, **values)


def make_maker_product(
    village: str = "51.03.04.2005", name: str = "Payung Hias Mini", price: int = 125_000
) -> Product:
    business = make_business(village=village, name=f"Usaha {name}")
    return make_product(business, name=name, price=price, publish=False, photo=False)


def consign(
    outlet: Outlet,
    by: User,
    quantity: int = 5,
    price: str = "125000",
    product: Product | None = None,
    commission: str = "20",
) -> ConsignedItem:
    product = product or make_maker_product()
    admit(outlet.council, product.business)
    intake = services.receive_consignment(
        outlet=outlet,
        business=product.business,
        by=by,
        lines=[
            services.IntakeLineInput(
                product=product,
                quantity=quantity,
                consignment_price=Decimal(price) * Decimal("0.8"),
                price=Decimal(price),
                commission_rate=Decimal(commission),
            )
        ],
    )
    return intake.items.get()


def sell(
    outlet: Outlet,
    item: ConsignedItem,
    cashier: User,
    quantity: int = 1,
    key: uuid.UUID | None = None,
    discount: str = "0",
    **values,
) -> Sale:
    values.setdefault("payment", Sale.Payment.CASH)
    return services.record_sale(
        outlet=outlet,
        cashier=cashier,
        client_key=key or uuid.uuid4(),
        lines=[
            services.SaleLineInput(item_id=item.pk, quantity=quantity, discount=Decimal(discount))
        ],
        **values,
    )


def admit(council: Council, business) -> Consignor:
    """Make ``business`` one of the council's consignors (as an accepted application does)."""
    consignor, _created = Consignor.objects.get_or_create(council=council, business=business)
    return consignor
