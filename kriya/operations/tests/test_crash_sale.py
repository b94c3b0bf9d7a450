"""Crash consistency of the till (issue 7): ``kill -9`` in the middle of recording a sale
leaves no sale without its lines, no line without its stock movement, the ledger equal to
what was taken in less what the stored sales sold, and the interrupted sale can be sent
again and is stored exactly once.

As in test_crash.py, a real process (``manage.py shell``) records sales of many lines in a
loop against a database both processes reach: a migrated SQLite file of its own, or this
run's PostgreSQL test database. The test kills it while a sale's transaction holds its
writes (SQLite: another connection cannot take the write lock; PostgreSQL: the process's
backend holds a row lock on the sale line table), never by a guessed delay alone.
"""

import os
import signal
import time
import uuid

import pytest
from django.db import connection

# The database fixture (a migrated SQLite file, or this run's PostgreSQL test database, with
# Bali's regions and Badung's council) and the helpers are test_crash.py's own.
from kriya.operations.tests.test_crash import (  # noqa: F401
    database,
    integrity,
    manage,
    query,
    run,
    writing,
)

pytestmark = pytest.mark.django_db(transaction=True)

ITEMS = 10
PIECES = 100_000  # of each item: the loop never runs out
LINES = 300  # a sale's lines, one piece each, over the items in turn
SALES = 1_000  # at most, in the loop; it is killed long before
NAMESPACE = uuid.UUID("c7a5b0e1-5a1e-4000-8000-00000000c7a5")
OUTLET = "Galeri Uji Crash"
CASHIER = "crash.kasir"
SETUP = "from kriya.operations.tests.test_crash_sale import prepare; prepare()"
SELL = "from kriya.operations.tests.test_crash_sale import sell; sell({first}, {count})"


def prepare() -> None:
    """A cashier of Badung, its gallery and ITEMS consigned items of PIECES pieces, taken in
    through the services (run by the SQLite leg's own process)."""
    from conftest import make_user
    from kriya.accounts.models import Role
    from kriya.regions.models import Council
    from kriya.registry.categories import seed
    from kriya.registry.models import CraftCategory
    from kriya.sales.tests.factories import consign, make_maker_product, make_outlet

    seed(CraftCategory)  # a transactional test run before this one may have emptied it
    badung = Council.objects.get(code="51.03")
    cashier = make_user(CASHIER, badung, Role.CASHIER)
    gallery = make_outlet(badung, OUTLET)
    for n in range(ITEMS):
        consign(
            gallery,
            cashier,
            quantity=PIECES,
            price=str(25_000 + 5_000 * n),
            product=make_maker_product(name=f"Barang Uji {n:02d}"),
        )


def key(n: int) -> uuid.UUID:
    """The client key of the loop's sale ``n``: the till sends the same key on a retry."""
    return uuid.uuid5(NAMESPACE, str(n))


def sell(first: int, count: int) -> None:
    """Record sales ``first`` … ``first + count - 1`` of LINES lines each, one after another,
    as the till sends them (run in the process that is killed)."""
    from kriya.accounts.models import User
    from kriya.sales import services
    from kriya.sales.models import ConsignedItem, Outlet

    outlet = Outlet.objects.get(name=OUTLET)
    cashier = User.objects.get(username=CASHIER)
    items = list(
        ConsignedItem.objects.filter(intake__outlet=outlet)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    lines = [
        services.SaleLineInput(item_id=items[n % len(items)], quantity=1) for n in range(LINES)
    ]
    for n in range(first, first + count):
        services.record_sale(
            outlet=outlet, lines=lines, cashier=cashier, payment="qris", client_key=key(n)
        )


def stored_sales(env: dict) -> int:
    return query(env, "SELECT count(*) FROM sales_sale")[0][0]


def selling(env: dict) -> bool:
    """Whether a sale's transaction holds its writes right now."""
    return writing(env, "sales_saleline")


def kill_while_selling(env: dict) -> tuple[bool, int]:
    """Start the loop, let two sales commit, then SIGKILL it inside the next sale's
    transaction. Returns (killed, sales stored once it is dead)."""
    process = manage(env, "shell", "-c", SELL.format(first=0, count=SALES))
    started = time.monotonic()
    while process.poll() is None and not (stored_sales(env) >= 2 and selling(env)):
        assert time.monotonic() - started < 180, "the till never recorded two sales"
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if connection.vendor == "postgresql":  # the killed client's backend ends its transaction
        deadline = time.monotonic() + 30
        while selling(env):
            assert time.monotonic() < deadline, "the killed sale still holds its locks"
            time.sleep(0.01)
    return process.returncode == -signal.SIGKILL, stored_sales(env)


def assert_whole(env: dict) -> None:
    """Every stored sale has all its lines, every line its movement, and the ledger is what
    was taken in less what the stored lines sold."""
    assert (
        query(
            env,
            "SELECT count(*) FROM sales_sale s WHERE (SELECT count(*) FROM "
            f"sales_saleline l WHERE l.sale_id = s.id) <> {LINES}",
        )[0][0]
        == 0
    )
    assert (
        query(
            env,
            "SELECT count(*) FROM sales_saleline l WHERE NOT EXISTS (SELECT 1 "
            "FROM sales_stockmove m WHERE m.sale_line_id = l.id AND m.kind = 'sale' "
            "AND m.quantity = -l.quantity)",
        )[0][0]
        == 0
    )
    assert (
        query(
            env,
            "SELECT count(*) FROM sales_stockmove m WHERE m.kind = 'sale' AND NOT "
            "EXISTS (SELECT 1 FROM sales_saleline l WHERE l.id = m.sale_line_id)",
        )[0][0]
        == 0
    )
    ledger = dict(query(env, "SELECT item_id, sum(quantity) FROM sales_stockmove GROUP BY item_id"))
    sold = dict(query(env, "SELECT item_id, sum(quantity) FROM sales_saleline GROUP BY item_id"))
    assert len(ledger) == ITEMS
    assert ledger == {item: PIECES - sold.get(item, 0) for item in ledger}
    assert integrity(env) == "ok"


def test_kill_9_during_a_sale_leaves_whole_sales_and_the_sale_goes_through_once_again(database):  # noqa: F811
    if connection.vendor == "postgresql":
        prepare()  # the subprocess reaches this run's test database
    else:
        run(database, "shell", "-c", SETUP)
    killed, stored = kill_while_selling(database)
    assert killed, "the loop of a thousand sales ended before the kill"
    assert stored >= 2
    assert_whole(database)
    # The interrupted sale left nothing (it never committed), and the sales before it are
    # all there, under their own keys.
    keys = {
        str(row[0]).replace("-", "") for row in query(database, "SELECT client_key FROM sales_sale")
    }
    assert keys == {key(n).hex for n in range(stored)}

    # The till sends the interrupted sale again, twice (a retry and a double click): stored
    # once, whole, and the ledger still adds up.
    run(database, "shell", "-c", SELL.format(first=stored, count=1))
    run(database, "shell", "-c", SELL.format(first=stored, count=1))
    assert stored_sales(database) == stored + 1
    assert_whole(database)
