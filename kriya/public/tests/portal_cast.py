"""The portal's cast: Ni Made Sari, an artisan of Badung with her login, and I Wayan Celuk, an
artisan of Gianyar who plays Charlie (his records must stay out of her reach)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kriya.accounts.models import Membership, Role, User
from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.registry.models import Business

PASSWORD = "sandi-uji-2026"


@dataclass
class Maker:
    user: User
    business: Business
    product: Product


def make_maker(
    username: str, council, *, village: str, business: str, owner: str, product: str
) -> Maker:
    user = User.objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, council=council, role=Role.ARTISAN)
    shop = make_business(village=village, name=business, owner=owner)
    artisan = shop.owner
    artisan.user = user
    artisan.save(update_fields=["user"])
    return Maker(user=user, business=shop, product=make_product(shop, name=product, publish=False))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def made(badung, media) -> Maker:
    return make_maker(
        "made",
        badung,
        village="51.03.04.2005",
        business="Tenun Ikat Sari",
        owner="Ni Made Sari",
        product="Kain Endek Getasan",
    )


@pytest.fixture
def wayan(gianyar, media) -> Maker:
    return make_maker(
        "wayan",
        gianyar,
        village="51.04.01.2005",
        business="Perak Celuk Wayan",
        owner="I Wayan Celuk",
        product="Cincin Perak Celuk",
    )
