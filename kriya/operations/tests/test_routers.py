"""Reads of catalog, regions and the register go to the replica; writes, and every read after a
write, go to the primary.

The replica here is a second database alias on the same database: the one settings make from
DATABASE_REPLICA_URL (a TEST MIRROR of default), or else one this module adds for the test.
Its connection is a real, separate connection, so the queries it runs can be counted.
"""

from collections.abc import Iterator

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.operations.middleware import PIN_COOKIE
from kriya.operations.routers import PRIMARY, REPLICA, ReplicaRouter, replica_reads
from kriya.regions.models import Village
from kriya.regions.services import load_regions
from kriya.registry.categories import seed
from kriya.registry.models import Business, CraftCategory

router = ReplicaRouter()


@pytest.fixture
def replica() -> Iterator[None]:
    """The "replica" alias: from settings if configured, else a second connection to default."""
    added = REPLICA not in connections.settings
    if added:
        connections.settings[REPLICA] = {**connections[PRIMARY].settings_dict}
    yield
    if added:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]


def test_without_a_replica_every_read_goes_to_the_primary():
    if REPLICA in connections.settings:
        pytest.skip("DATABASE_REPLICA_URL is set for this run")
    with replica_reads(allowed=True):
        assert router.db_for_read(Product) == PRIMARY


@pytest.mark.usefixtures("replica")
def test_safe_requests_read_the_read_mostly_areas_from_the_replica():
    with replica_reads(allowed=True):
        assert router.db_for_read(Product) == REPLICA
        assert router.db_for_read(Business) == REPLICA
        assert router.db_for_read(Village) == REPLICA
        assert router.db_for_read(User) == PRIMARY  # accounts, sessions: always primary


@pytest.mark.usefixtures("replica")
def test_commands_tasks_and_unsafe_requests_read_from_the_primary():
    assert router.db_for_read(Product) == PRIMARY  # no request: a command or the worker
    with replica_reads(allowed=False):  # POST, or a browser pinned after a write
        assert router.db_for_read(Product) == PRIMARY


@pytest.mark.usefixtures("replica")
def test_a_request_reads_its_own_writes_from_the_primary():
    with replica_reads(allowed=True) as state:
        assert router.db_for_write(Business) == PRIMARY
        assert state.wrote
        assert router.db_for_read(Product) == PRIMARY


@pytest.mark.django_db
@pytest.mark.usefixtures("replica")
def test_reads_inside_a_transaction_stay_on_the_primary():
    with replica_reads(allowed=True), transaction.atomic():
        assert router.db_for_read(Product) == PRIMARY


def test_only_the_primary_is_migrated_and_rows_of_both_relate():
    assert router.allow_migrate(REPLICA, "catalog") is False
    assert router.allow_migrate(PRIMARY, "catalog") is None
    on_primary, on_replica = Business(), Village()
    on_primary._state.db, on_replica._state.db = PRIMARY, REPLICA
    assert router.allow_relation(on_primary, on_replica) is True


@pytest.fixture
def published_product(transactional_db, replica, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_regions(only="51")
    seed(CraftCategory)
    product = make_product(make_business(), name="Kain Endek Tenun")
    # An alias added during the test is not in the test's allowed databases; connecting it
    # directly (not lazily) tells Django's test isolation that it is meant.
    if connections[REPLICA].connection is None:
        connections[REPLICA].connect()
    return product


def catalog_queries(context: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in context.captured_queries if "catalog_product" in q["sql"]]


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_the_public_catalog_is_read_from_the_replica_until_the_browser_writes(
    client, published_product
):
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = client.get("/katalog/")
    assert "Kain Endek Tenun" in response.text
    assert catalog_queries(on_replica)
    assert PIN_COOKIE not in response.cookies

    response = client.post("/i18n/setlang/", {"language": "id", "next": "/katalog/"})
    assert response.cookies[PIN_COOKIE]["max-age"] == 10

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = client.get("/katalog/")
    assert "Kain Endek Tenun" in response.text
    assert on_replica.captured_queries == []  # pinned to the primary: sees its own writes
