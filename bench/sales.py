"""The gallery (issue: consignment sales): a till sale against a ledger of 5,000,000
movements, and settling one month with 2,000 makers."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from bench import benchmark

MOVES = 5_000_000
ITEMS = 200_000
ITEMS_PER_INTAKE = 5
BUSINESSES = 20_000
PRODUCTS = 100_000  # five a business: product n belongs to business n % BUSINESSES
OUTLET_KINDS = ["gallery", "airport", "tourist_spot", "exhibition_booth"]  # four a council
DAYS = 3 * 365  # the ledger's history
TIMED_SALES = 200
WARM_SALES = 10
LINES = 3
PRICES = [45_000, 65_000, 95_000, 125_000, 175_000, 225_000, 350_000, 650_000, 1_250_000]

SETTLED_BUSINESSES = 2_000
LINES_EACH = 20  # a month's sale lines of one business
RETURN_SHARE = 0.02


def log(message: str) -> None:
    print(f"bench.sales: {message}", file=sys.stderr, flush=True)


@contextmanager
def bulk_load() -> Iterator[None]:
    """A throwaway data set's load on SQLite: no rollback journal, no fsync, no foreign-key
    lookup per row (the generator's ids are consistent), and a 1 GB page cache for building
    the indexes; the file is put back in WAL mode afterwards. Rebuilt from scratch if the
    load dies, so nothing is lost by skipping the journal."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=MEMORY")
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-1048576")
    with connection.constraint_checks_disabled():
        yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")


@contextmanager
def indexes_dropped(*tables: str) -> Iterator[None]:
    """On SQLite, build the tables' indexes once after a bulk load instead of keeping them up
    row by row (as kriya.demo.national.insert_participations does)."""
    from django.db import connection

    dropped = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                    "tbl_name = %s AND sql IS NOT NULL",
                    [table],
                )
                found = cursor.fetchall()
                for name, _sql in found:
                    cursor.execute(f'DROP INDEX "{name}"')
                dropped += found
    yield
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for _name, sql in dropped:
            cursor.execute(sql)
    log(f"{len(dropped)} indexes built in {time.perf_counter() - start:.0f} s")


def _prepared(field_owner, name: str, values: list) -> list:
    """``values`` as the database stores them for the field (dates and times as text on
    SQLite), adapted once instead of once per row."""
    from django.db import connection

    field = field_owner._meta.get_field(name)
    return [field.get_db_prep_save(value, connection) for value in values]


def _register(*, businesses: int, region: str, products: int, rng: random.Random) -> list[str]:
    """``businesses`` makers with their owners in ``region``'s villages and ``products``
    products round-robin over them, through the national generator; returns each business's
    village (index n for business n + 1)."""
    from kriya.catalog.search import words
    from kriya.demo.national import Maker, crafts, insert_products, insert_register
    from kriya.demo.national import place_words as village_words
    from kriya.regions.models import Village
    from kriya.registry.categories import seed
    from kriya.registry.models import CraftCategory

    seed(CraftCategory)
    codes = list(Village.objects.filter(code__startswith=region).values_list("code", flat=True))
    villages = [rng.choice(codes) for _n in range(businesses)]
    table = crafts()
    craft_of = [rng.randrange(len(table)) for _n in range(businesses)]
    insert_register(
        villages=villages,
        categories=[table[c][0] for c in craft_of],
        rng=rng,
        artisan_name=lambda n: f"Perajin {n:06d}",
        business_name=lambda n: f"Usaha Titip {n:06d}",
    )
    places = village_words()
    makers = [
        Maker(
            n + 1,
            villages[n],
            craft_of[n],
            " ".join(words(f"Usaha Titip {n:06d}")) + " " + places[villages[n]],
        )
        for n in range(businesses)
    ]
    insert_products(makers=makers, count=products)
    return villages


def _cashier(council):
    from kriya.accounts.models import Membership, Role, User

    user = User.objects.create_user(username=f"bench.kasir.{council.code}", password="x")
    Membership.objects.create(user=user, council=council, role=Role.CASHIER)
    return user


def sales_5m() -> None:
    """Bali's ten councils with four outlets each (40), 20,000 makers with 100,000 products,
    200,000 consigned items in 40,000 intakes at their regency's outlets (a tenth at the
    province's), and three years of till sales of one to three lines: 5,000,000 stock
    movements in all (one intake each, the rest sales), every item left with 0–5 pieces.
    Rows go in through kriya.lib.bulk.insert_rows, the indexes built once after the load."""
    from django.db import connection, transaction

    from kriya.lib.bulk import insert_rows
    from kriya.regions.models import Regency
    from kriya.regions.services import create_council, load_regions
    from kriya.sales.models import (
        ConsignedItem,
        ConsignmentIntake,
        Consignor,
        Outlet,
        Sale,
        StockMove,
    )

    start = time.perf_counter()
    load_regions(only="51")
    rng = random.Random(MOVES)
    councils = [create_council(code="51")] + [
        create_council(code=code)
        for code in Regency.objects.filter(province_id="51")
        .order_by("code")
        .values_list("code", flat=True)
    ]
    cashier = _cashier(next(c for c in councils if c.code == "51.03"))
    outlets = {
        c.code: [
            Outlet.objects.create(council=c, name=f"{kind} {c.code}", kind=kind)
            for kind in OUTLET_KINDS
        ]
        for c in councils
    }
    with bulk_load(), transaction.atomic():
        villages = _register(businesses=BUSINESSES, region="51.", products=PRODUCTS, rng=rng)
        log(f"register and products in {time.perf_counter() - start:.0f} s")
        insert_rows(
            Consignor,
            ["council_id", "business_id", "since"],
            (
                (next(c.pk for c in councils if c.code == villages[n][:5]), n + 1, "2023-01-01")
                for n in range(BUSINESSES)
            ),
        )
        days = _prepared(
            Sale, "day", [dt.date(2023, 1, 2) + dt.timedelta(days=d) for d in range(DAYS)]
        )
        moments = _prepared(
            Sale,
            "created_at",
            [
                dt.datetime(2023, 1, 2, 2, tzinfo=dt.UTC) + dt.timedelta(days=d, minutes=m)
                for d in range(DAYS)
                for m in range(0, 600, 50)
            ],
        )  # 12 moments a day
        # Items: five per intake, at an outlet of the maker's regency (a tenth at Bali's).
        item_outlet, item_price, item_product = [0], [0], [0]
        intakes = []
        for number in range(ITEMS // ITEMS_PER_INTAKE):
            business = rng.randrange(BUSINESSES)
            code = "51" if rng.random() < 0.1 else villages[business][:5]
            outlet = rng.choice(outlets[code]).pk
            intakes.append((number + 1, outlet, business + 1, days[0], cashier.pk))
            for _n in range(ITEMS_PER_INTAKE):
                item_outlet.append(outlet)
                item_price.append(rng.choice(PRICES))
                item_product.append(business + 1 + BUSINESSES * rng.randrange(5))
        with indexes_dropped(
            "sales_consignmentintake",
            "sales_consigneditem",
            "sales_sale",
            "sales_saleline",
            "sales_stockmove",
        ):
            insert_rows(
                ConsignmentIntake,
                ["id", "outlet_id", "business_id", "received_on", "received_by_id"],
                intakes,
            )
            insert_rows(
                ConsignedItem,
                [
                    "id",
                    "intake_id",
                    "product_id",
                    "consignment_price",
                    "price",
                    "commission_rate",
                    "code",
                ],
                (
                    (
                        i,
                        (i - 1) // ITEMS_PER_INTAKE + 1,
                        item_product[i],
                        item_price[i] * 4 // 5,
                        item_price[i],
                        20,
                        f"K-{i:06d}",
                    )
                    for i in range(1, ITEMS + 1)
                ),
            )
            # Sale moves per item, skewed (best sellers sell far more), scaled to the total.
            weights = [0.0] + [rng.paretovariate(1.5) for _i in range(ITEMS)]
            total = sum(weights)
            sold = [int(w * (MOVES - ITEMS) / total) for w in weights]
            for i in rng.sample(range(1, ITEMS + 1), MOVES - ITEMS - sum(sold)):
                sold[i] += 1
            left = [0] + [rng.randrange(6) for _i in range(ITEMS)]
            moment = moments[0]
            insert_rows(
                StockMove,
                ["id", "item_id", "outlet_id", "quantity", "kind", "created_at", "by_id"],
                (
                    (i, i, item_outlet[i], sold[i] + left[i], "intake", moment, cashier.pk)
                    for i in range(1, ITEMS + 1)
                ),
            )
            log(f"{ITEMS} items in {time.perf_counter() - start:.0f} s")
            _insert_sales(
                outlets=[o.pk for group in outlets.values() for o in group],
                item_outlet=item_outlet,
                item_price=item_price,
                sold=sold,
                days=days,
                moments=moments,
                cashier=cashier.pk,
                rng=rng,
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"built in {time.perf_counter() - start:.0f} s")


def _insert_sales(
    *,
    outlets: list[int],
    item_outlet: list[int],
    item_price: list[int],
    sold: list[int],
    days: list,
    moments: list,
    cashier: int,
    rng: random.Random,
) -> None:
    """Each outlet's sale moves shuffled over the history and cut into sales of one to three
    lines of one piece each, in time order; a sale line and a move per piece."""
    from kriya.lib.bulk import insert_rows
    from kriya.sales.models import Sale, SaleLine, StockMove

    by_outlet: dict[int, list[int]] = {pk: [] for pk in outlets}
    for i in range(1, ITEMS + 1):
        by_outlet[item_outlet[i]].extend([i] * sold[i])
    sale_id, line_id, move_id = 0, 0, ITEMS
    payments = ["cash", "cash", "qris", "qris", "transfer", "card"]
    for outlet, pieces in by_outlet.items():
        rng.shuffle(pieces)
        sales, lines, moves = [], [], []
        at = 0
        while at < len(pieces):
            size = min(rng.choice([1, 1, 2, 2, 3]), len(pieces) - at)
            sale_id += 1
            when = at * len(moments) // len(pieces)
            total = 0
            for item in pieces[at : at + size]:
                line_id += 1
                move_id += 1
                price = item_price[item]
                total += price
                lines.append(
                    (line_id, sale_id, item, "Produk titipan", 1, price, 20, price, price // 5)
                )
                moves.append(
                    (move_id, item, outlet, -1, "sale", sale_id, line_id, moments[when], cashier)
                )
            sales.append(
                (
                    sale_id,
                    outlet,
                    cashier,
                    moments[when],
                    days[when * len(days) // len(moments)],
                    payments[sale_id % len(payments)],
                    f"{sale_id:032x}",
                    total,
                    total,
                )
            )
            at += size
        insert_rows(
            Sale,
            [
                "id",
                "outlet_id",
                "cashier_id",
                "created_at",
                "day",
                "payment",
                "client_key",
                "total",
                "paid",
            ],
            sales,
            batch_size=50_000,
        )
        insert_rows(
            SaleLine,
            [
                "id",
                "sale_id",
                "item_id",
                "product_name",
                "quantity",
                "unit_price",
                "commission_rate",
                "line_total",
                "commission",
            ],
            lines,
            batch_size=50_000,
        )
        insert_rows(
            StockMove,
            [
                "id",
                "item_id",
                "outlet_id",
                "quantity",
                "kind",
                "sale_id",
                "sale_line_id",
                "created_at",
                "by_id",
            ],
            moves,
            batch_size=50_000,
        )
    log(f"{sale_id} sales, {line_id} lines, {move_id} moves inserted")


def _on_hand_queryset(item_ids: list[int], outlet):
    """The query StockMove.objects.on_hand runs (same filter, GROUP BY and values)."""
    from django.db.models import Sum

    from kriya.sales.models import StockMove

    return (
        StockMove.objects.filter(item_id__in=set(item_ids))
        .filter(outlet=outlet)
        .order_by()
        .values("item_id")
        .annotate(n=Sum("quantity"))
        .values_list("item_id", "n")
    )


def _p(timings: list[float], share: float) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@benchmark(
    "pos_sale_p95_ms",
    "pos_sale_median_ms",
    "pos_on_hand_p95_ms",
    "pos_on_hand_uses_index",
    "pos_ledger_moves",
    dataset="sales_5m",
)
def pos_sale() -> dict[str, float]:
    """200 till sales of three lines (one piece each of three items in stock) through
    ``services.record_sale`` at one regency gallery, after 10 to warm up, against the
    5,000,000-movement ledger; and the on-hand GROUP BY alone, with its query plan."""
    from django.db import connection

    from kriya.accounts.models import User
    from kriya.sales import services
    from kriya.sales.models import Outlet, StockMove

    outlet = Outlet.objects.filter(council__code="51.03", kind="gallery").get()
    cashier = User.objects.get(username="bench.kasir.51.03")
    moves = StockMove.objects.count()
    ids = list(outlet.moves.filter(kind="intake").values_list("item_id", flat=True))
    shelf = {
        pk: n for pk, n in StockMove.objects.on_hand(item_ids=ids, outlet=outlet).items() if n > 0
    }
    rng = random.Random(TIMED_SALES)
    sql, params = _on_hand_queryset(
        rng.sample(sorted(shelf), LINES), outlet
    ).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    log(f"on-hand plan: {' | '.join(plan)}")
    uses_index = any("sales_move_on_hand" in step for step in plan)
    lookups = []
    for _n in range(TIMED_SALES):
        chosen = rng.sample(sorted(shelf), LINES)
        start = time.perf_counter()
        StockMove.objects.on_hand(item_ids=chosen, outlet=outlet)
        lookups.append((time.perf_counter() - start) * 1000)
    timings = []
    for number in range(WARM_SALES + TIMED_SALES):
        chosen = rng.sample(sorted(pk for pk, n in shelf.items() if n > 0), LINES)
        start = time.perf_counter()
        services.record_sale(
            outlet=outlet,
            cashier=cashier,
            payment="cash",
            client_key=uuid.uuid4(),
            lines=[services.SaleLineInput(item_id=pk, quantity=1) for pk in chosen],
            paid=Decimal(5_000_000),
        )
        if number >= WARM_SALES:
            timings.append((time.perf_counter() - start) * 1000)
        for pk in chosen:
            shelf[pk] -= 1
    log(
        f"record_sale p50 {statistics.median(timings):.1f} ms, p95 {_p(timings, 0.95):.1f} ms; "
        f"on_hand p95 {_p(lookups, 0.95):.2f} ms; {len(shelf)} items on the shelf"
    )
    return {
        "pos_sale_p95_ms": _p(timings, 0.95),
        "pos_sale_median_ms": statistics.median(timings),
        "pos_on_hand_p95_ms": _p(lookups, 0.95),
        "pos_on_hand_uses_index": int(uses_index),
        "pos_ledger_moves": moves,
    }


def settlement_2k() -> None:
    """Badung's gallery and airport outlet with 2,000 consignors (three items each), a month
    already settled (20 lines each) and the next month open: 20 sale lines per maker in
    sales of one to three makers' items, 2% of them returned by the customer (some of the
    settled month's too). The month to settle is the last one before the data set was
    built."""
    from django.db import connection, transaction
    from django.utils import timezone

    from kriya.lib.bulk import insert_rows
    from kriya.regions.services import create_council, load_regions
    from kriya.sales.models import (
        ConsignedItem,
        ConsignmentIntake,
        Consignor,
        Outlet,
        Sale,
        SaleLine,
        Settlement,
        StockMove,
    )
    from kriya.sales.settlement import month_bounds

    start = time.perf_counter()
    load_regions(only="51")
    rng = random.Random(SETTLED_BUSINESSES)
    council = create_council(code="51.03")
    cashier = _cashier(council)
    gallery = Outlet.objects.create(council=council, name="Galeri", kind="gallery")
    airport = Outlet.objects.create(
        council=council, name="Bandara", kind="airport", commission_rate=25
    )
    last = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    open_start, open_end = month_bounds(last.year, last.month)
    before = open_start - dt.timedelta(days=1)
    settled_start, settled_end = month_bounds(before.year, before.month)
    n = SETTLED_BUSINESSES
    with transaction.atomic():
        _register(businesses=n, region="51.03.", products=3 * n, rng=rng)
        insert_rows(
            Consignor,
            ["council_id", "business_id", "since"],
            ((council.pk, b, "2023-01-01") for b in range(1, n + 1)),
        )
        received = _prepared(ConsignmentIntake, "received_on", [settled_start])[0]
        # Business b: intake b at the gallery (two items), intake n + b at the airport (one).
        insert_rows(
            ConsignmentIntake,
            ["id", "outlet_id", "business_id", "received_on", "received_by_id"],
            [(b, gallery.pk, b, received, cashier.pk) for b in range(1, n + 1)]
            + [(n + b, airport.pk, b, received, cashier.pk) for b in range(1, n + 1)],
        )
        items = []  # (id, intake, product, price, rate, outlet, business)
        for b in range(1, n + 1):
            for k, (intake, outlet, rate) in enumerate(
                [(b, gallery.pk, 20), (b, gallery.pk, 20), (n + b, airport.pk, 25)]
            ):
                items.append(
                    (3 * (b - 1) + k + 1, intake, b + n * k, rng.choice(PRICES), rate, outlet, b)
                )
        insert_rows(
            ConsignedItem,
            [
                "id",
                "intake_id",
                "product_id",
                "consignment_price",
                "price",
                "commission_rate",
                "code",
            ],
            (
                (i, intake, product, price * (100 - rate) // 100, price, rate, f"K-{i:06d}")
                for i, intake, product, price, rate, _o, _b in items
            ),
        )
        moment = _prepared(
            StockMove, "created_at", [dt.datetime.combine(settled_start, dt.time(1), tzinfo=dt.UTC)]
        )[0]
        insert_rows(
            StockMove,
            ["item_id", "outlet_id", "quantity", "kind", "created_at", "by_id"],
            (
                (i, outlet, 2 * LINES_EACH, "intake", moment, cashier.pk)
                for i, _in, _p, _pr, _r, outlet, _b in items
            ),
        )
        settlements = _insert_month(
            items=items, start=settled_start, end=settled_end, cashier=cashier.pk, rng=rng
        )
        ids = Settlement.objects.bulk_create(
            [
                Settlement(
                    council=council,
                    business_id=b,
                    period_start=settled_start,
                    period_end=settled_end,
                    created_by=cashier,
                    **figures,
                )
                for b, figures in sorted(settlements.items())
            ]
        )
        by_business = {s.business_id: s.pk for s in ids}
        owner = {i: b for i, _in, _p, _pr, _r, _o, b in items}
        with connection.cursor() as cursor:  # the settled month points to its settlements
            cursor.executemany(
                "UPDATE sales_saleline SET settlement_id = %s WHERE id = %s",
                [
                    (by_business[owner[item]], line)
                    for line, item in SaleLine.objects.values_list("id", "item_id")
                ],
            )
            cursor.execute(
                "UPDATE sales_stockmove SET settlement_id = (SELECT settlement_id "
                "FROM sales_saleline l WHERE l.id = sale_line_id) "
                "WHERE kind = 'customer_return'"
            )
        _insert_month(
            items=items,
            start=open_start,
            end=open_end,
            cashier=cashier.pk,
            rng=rng,
            late_returns=True,
        )
    log(
        f"{Sale.objects.count()} sales, {SaleLine.objects.count()} lines; open month "
        f"{open_start:%Y-%m} ({time.perf_counter() - start:.0f} s)"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _insert_month(
    *,
    items: list[tuple],
    start: dt.date,
    end: dt.date,
    cashier: int,
    rng: random.Random,
    late_returns: bool = False,
) -> dict[int, dict]:
    """LINES_EACH sale lines per business in the month (one piece of one of its items each),
    in sales of one to three lines at one outlet, and RETURN_SHARE of them returned by the
    customer a few days later (with ``late_returns``, some lines of earlier months too).
    Returns each business's settlement figures of the month."""
    from django.db.models import Max

    from kriya.lib.bulk import insert_rows
    from kriya.sales.models import Sale, SaleLine, StockMove

    first_sale = (Sale.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    first_line = (SaleLine.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    days = (end - start).days + 1
    day_values = _prepared(Sale, "day", [start + dt.timedelta(days=d) for d in range(days)])
    moments = _prepared(
        Sale,
        "created_at",
        [
            dt.datetime.combine(start + dt.timedelta(days=d), dt.time(3), tzinfo=dt.UTC)
            for d in range(days)
        ],
    )
    by_outlet: dict[int, list[tuple]] = {item[5]: [] for item in items}
    per_business = {}
    grouped: dict[int, list[tuple]] = {}
    for item in items:
        grouped.setdefault(item[6], []).append(item)
    for b, own in grouped.items():
        per_business[b] = {"pieces_sold": 0, "gross": Decimal(0), "commission": Decimal(0)}
        for _n in range(LINES_EACH):
            item = rng.choice(own)
            by_outlet[item[5]].append(item)
    sales, lines, moves, returns = [], [], [], []
    sale_id, line_id = first_sale - 1, first_line - 1
    for outlet, pieces in by_outlet.items():
        rng.shuffle(pieces)
        at = 0
        while at < len(pieces):
            size = min(rng.choice([1, 2, 3]), len(pieces) - at)
            sale_id += 1
            day = at * days // len(pieces)
            total = 0
            for i, _in, _p, price, rate, _o, b in pieces[at : at + size]:
                line_id += 1
                commission = price * rate // 100
                total += price
                lines.append(
                    (line_id, sale_id, i, "Produk titipan", 1, price, rate, price, commission)
                )
                moves.append((i, outlet, -1, "sale", sale_id, line_id, moments[day], cashier))
                figures = per_business[b]
                figures["pieces_sold"] += 1
                figures["gross"] += price
                figures["commission"] += commission
                if rng.random() < RETURN_SHARE:  # settled with the month's sales
                    figures["pieces_sold"] -= 1
                    figures["gross"] -= price
                    figures["commission"] -= commission
                    back = min(days - 1, day + rng.randrange(1, 5))
                    returns.append(
                        (
                            i,
                            outlet,
                            1,
                            "customer_return",
                            sale_id,
                            line_id,
                            "Dikembalikan pembeli",
                            price,
                            commission,
                            moments[back],
                            cashier,
                        )
                    )
            sales.append(
                (
                    sale_id,
                    outlet,
                    cashier,
                    moments[day],
                    day_values[day],
                    "cash",
                    uuid.uuid4().hex,
                    total,
                    total,
                )
            )
            at += size
    if late_returns:  # a customer brings back a piece bought last month, already settled
        for line, item, outlet, sale, price, commission in SaleLine.objects.filter(
            settlement__isnull=False
        ).values_list("id", "item_id", "sale__outlet_id", "sale_id", "line_total", "commission")[
            :200
        ]:
            returns.append(
                (
                    item,
                    outlet,
                    1,
                    "customer_return",
                    sale,
                    line,
                    "Dikembalikan pembeli",
                    price,
                    commission,
                    moments[rng.randrange(days)],
                    cashier,
                )
            )
    insert_rows(
        Sale,
        [
            "id",
            "outlet_id",
            "cashier_id",
            "created_at",
            "day",
            "payment",
            "client_key",
            "total",
            "paid",
        ],
        sales,
    )
    insert_rows(
        SaleLine,
        [
            "id",
            "sale_id",
            "item_id",
            "product_name",
            "quantity",
            "unit_price",
            "commission_rate",
            "line_total",
            "commission",
        ],
        lines,
    )
    insert_rows(
        StockMove,
        [
            "item_id",
            "outlet_id",
            "quantity",
            "kind",
            "sale_id",
            "sale_line_id",
            "created_at",
            "by_id",
        ],
        moves,
    )
    insert_rows(
        StockMove,
        [
            "item_id",
            "outlet_id",
            "quantity",
            "kind",
            "sale_id",
            "sale_line_id",
            "reason",
            "amount",
            "commission",
            "created_at",
            "by_id",
        ],
        returns,
    )
    for figures in per_business.values():
        figures["amount_due"] = figures["gross"] - figures["commission"]
    return per_business


@benchmark(
    "settlement_month_s",
    "settlement_month_businesses",
    "settlement_month_lines",
    dataset="settlement_2k",
)
def settlement_month() -> dict[str, float]:
    """``settle_month`` once for Badung's open month: 2,000 makers, 40,000 sale lines and
    their customer returns, on a fresh copy of the data set (settling marks the rows)."""
    from django.db.models import Max

    from kriya.accounts.models import User
    from kriya.regions.models import Council
    from kriya.sales.models import Sale, SaleLine
    from kriya.sales.settlement import settle_month

    council = Council.objects.get(code="51.03")
    by = User.objects.get(username="bench.kasir.51.03")
    last = Sale.objects.aggregate(m=Max("day"))["m"]
    lines = SaleLine.objects.filter(settlement__isnull=True).count()
    start = time.perf_counter()
    settlements = settle_month(council=council, year=last.year, month=last.month, by=by)
    elapsed = time.perf_counter() - start
    assert len(settlements) == SETTLED_BUSINESSES, len(settlements)
    assert not SaleLine.objects.filter(settlement__isnull=True).exists()
    log(f"settle_month: {len(settlements)} settlements, {lines} lines in {elapsed:.2f} s")
    return {
        "settlement_month_s": elapsed,
        "settlement_month_businesses": len(settlements),
        "settlement_month_lines": lines,
    }
