"""Development programs (issue 5): a province's work plan and its regencies' plans,
realized at 1,000,000 businesses and 5,000,000 participation rows."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from bench import benchmark
from kriya.demo.national import day as _day

PARTICIPATIONS = 5_000_000
ACTIVITIES = 100_000
FILINGS = 200_000
FINANCINGS = 100_000
VISITS = 500_000
RUNS = 9


def programs_5m() -> None:
    """The register of ``register_1m`` plus five years of programme records nationwide:
    100,000 activities of the province councils, 5,000,000 participations (a business
    drawn at random, so Bali and Java are dense as in the register), filings, financing,
    mentoring visits and icons; then Bali's 2026 plan and one plan per Bali regency, each
    with an indicator of every automatic rule. Synthetic data only."""
    from django.db import connection, transaction

    from bench.registry import LIST_BUSINESSES, register_1m
    from kriya.accounts.models import User
    from kriya.demo.national import insert_activities, insert_participations
    from kriya.lib.bulk import insert_rows
    from kriya.programs import services
    from kriya.programs.models import (
        ActivityKind,
        Financing,
        Indicator,
        IPFiling,
        IPKind,
        MentoringVisit,
    )
    from kriya.regions.models import Province, Regency, Village
    from kriya.regions.services import create_council
    from kriya.registry.models import Business, CraftCategory, VillageIcon

    register_1m()
    rng = random.Random(5_000_000)
    councils = [
        create_council(code=code) for code in Province.objects.values_list("code", flat=True)
    ]
    regencies = [
        create_council(code=code)
        for code in Regency.objects.filter(province_id="51").values_list("code", flat=True)
    ]
    categories = list(CraftCategory.objects.values_list("pk", flat=True))
    user = User.objects.get(username="bench.badung")
    with transaction.atomic():
        # The shared generator (kriya/demo/national.py).
        activities = insert_activities(
            councils=[c.pk for c in councils], categories=categories, count=ACTIVITIES, rng=rng
        )
        # Owner n owns business n, in the same village (register_1m), so one list serves.
        villages = [None] + list(
            Business.objects.order_by("id").values_list("village_id", flat=True)
        )
        insert_participations(
            activities=activities, villages=villages, count=PARTICIPATIONS, rng=rng
        )
        ip_kinds = [k for k in IPKind if k != IPKind.GI]
        insert_rows(
            IPFiling,
            [
                "kind",
                "business_id",
                "village_id",
                "title",
                "status",
                "application_number",
                "filed_on",
                "granted_on",
            ],
            (
                (
                    kind,
                    b,
                    v,
                    f"Merek {n}",
                    status,
                    "DID2024000001",
                    filed,
                    filed + dt.timedelta(days=300) if status == "granted" else None,
                )
                for n in range(FILINGS)
                for b in [rng.randrange(1, LIST_BUSINESSES + 1)]
                for v in [villages[b]]
                for kind in [rng.choice(ip_kinds)]
                for status in [rng.choice(["filed", "examined", "granted"])]
                for filed in [_day(rng)]
            ),
        )
        insert_rows(
            Financing,
            [
                "business_id",
                "partner",
                "kind",
                "amount_asked",
                "amount_approved",
                "status",
                "asked_on",
                "decided_on",
            ],
            (
                (
                    rng.randrange(1, LIST_BUSINESSES + 1),
                    "Bank",
                    "kur",
                    100_000_000,
                    approved,
                    status,
                    day,
                    day + dt.timedelta(days=20),
                )
                for _ in range(FINANCINGS)
                for status in [rng.choice(["approved", "disbursed", "refused"])]
                for approved in [
                    None if status == "refused" else rng.randrange(10, 500) * 1_000_000
                ]
                for day in [_day(rng)]
            ),
        )
        insert_rows(
            MentoringVisit,
            ["mentor_id", "business_id", "visited_on", "client_key"],
            (
                (user.pk, rng.randrange(1, LIST_BUSINESSES + 1), _day(rng), f"{n:032x}")
                for n in range(VISITS)
            ),
        )
        icon_villages = rng.sample(list(Village.objects.values_list("code", flat=True)), 30_000)
        insert_rows(
            VillageIcon,
            ["village_id", "category_id", "title"],
            ((code, rng.choice(categories), "Ikon") for code in icon_villages),
        )
        R = Indicator.Rule
        rules = [
            {"rule": R.BUSINESSES_DEVELOPED, "unit": "IKM"},
            {"rule": R.BUSINESSES_AT_KIND, "activity_kind": ActivityKind.TRAINING, "unit": "IKM"},
            {"rule": R.VILLAGES_WITH_ICON, "unit": "desa"},
            {"rule": R.IP_FILINGS, "ip_kind": IPKind.TRADEMARK, "unit": "merek"},
            {
                "rule": R.IP_FILINGS,
                "ip_kind": IPKind.TRADEMARK,
                "unit": "merek",
                "ip_stage": Indicator.IPStage.GRANTED,
            },
            {"rule": R.COMPETENCY_PASSED, "unit": "perajin"},
            {"rule": R.FINANCING_APPROVED, "unit": "Rp"},
            {"rule": R.VISITS, "unit": "kunjungan"},
            {"rule": R.BUSINESSES_MENTORED, "unit": "IKM"},
            {"rule": R.MANUAL, "unit": "IKM"},
        ]
        for council in [create_council(code="51"), *regencies]:
            plan = services.create_work_plan(
                council=council, title=f"Program {council}", start_year=2026
            )
            program = services.add_program(work_plan=plan, name="Pembinaan")
            for n, params in enumerate(rules):
                services.add_indicator(program=program, name=f"Indikator {n}", target=100, **params)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@benchmark(
    "workplan_realization_ms",
    "workplan_realization_median_ms",
    "workplan_realization_indicators",
    dataset="programs_5m",
)
def workplan_realization() -> dict[str, float]:
    """Every indicator of Bali's 2026 plan and of its nine regencies' plans, as the
    province's comparison page computes them (``realize_many``)."""
    from kriya.programs.models import Participation, WorkPlan
    from kriya.programs.realization import realize_many
    from kriya.regions.models import Council

    bali = Council.objects.get(code="51")
    assert Participation.objects.count() == PARTICIPATIONS
    timings, results = [], {}
    for _ in range(RUNS):
        plans = list(WorkPlan.objects.within(bali).select_related("council"))
        start = time.perf_counter()
        results = realize_many(plans)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "workplan_realization_ms": timings[int(0.95 * (len(timings) - 1))],
        "workplan_realization_median_ms": statistics.median(timings),
        "workplan_realization_indicators": sum(len(r) for r in results.values()),
    }
