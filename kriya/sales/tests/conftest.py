import pytest

from conftest import make_user
from kriya.accounts.models import Role, User
from kriya.sales.models import ConsignedItem, Outlet
from kriya.sales.tests.factories import consign, make_outlet


@pytest.fixture
def badung_cashier(badung) -> User:
    return make_user("badung_kasir", badung, Role.CASHIER)


@pytest.fixture
def gallery(badung) -> Outlet:
    return make_outlet(badung)


@pytest.fixture
def airport(badung) -> Outlet:
    return make_outlet(badung, "Gerai Bandara", kind=Outlet.Kind.AIRPORT)


@pytest.fixture
def umbrellas(gallery, badung_secretary) -> ConsignedItem:
    """Five Payung Hias Mini at Rp 125.000, 20% commission, in Badung's gallery."""
    return consign(gallery, badung_secretary, quantity=5)


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages are asserted in English, whatever the Indonesian catalogue holds."""
    from django.utils import translation

    with translation.override("en"):
        yield
