"""Each automatic rule against a world small enough to count by hand."""

import datetime as dt
from decimal import Decimal

import pytest

from kriya.programs import services
from kriya.programs.models import (
    Financing,
    Indicator,
    IPKind,
    MentoringVisit,
    Participation,
)
from kriya.programs.realization import compare, realize, realize_many, records
from kriya.programs.tests.conftest import CELUK, GETASAN, JAGAPATI, activity, business
from kriya.regions.models import Village
from kriya.registry.coverage import coverage_totals
from kriya.registry.models import Artisan, CraftCategory, VillageIcon

pytestmark = pytest.mark.django_db
R = Indicator.Rule
ATT, REG = Participation.Status.ATTENDED, Participation.Status.REGISTERED


@pytest.fixture
def world(badung, gianyar, bali, badung_secretary):
    """Badung: b1, b2, b3 (and g1 in Gianyar).
    - training A1 (Badung, Mar 2026): b1 attended, b2 attended, b3 absent
    - bimtek A2 (Badung, May 2026): b1 attended, b3 only registered
    - training A3 (Badung, Nov 2025): b3 attended            → not in 2026
    - training P (Bali, Jul 2026): b3 attended, g1 attended   → b3 counts for Badung
    - batik test C1 (Badung, 2026): a1 passed 80, a2 failed 50, a3 absent
    - silver test C2 (Badung, 2026): a4 passed 90
    - trademarks: f1 b1 filed 2026; f2 b2 filed 2025, granted 2026; f3 b3 prepared;
      design f4 b1 filed 2026; trademark f5 g1 filed 2026 (Gianyar)
    - financing: KUR b1 approved 100 jt 2026; KUR b2 approved 50 jt 2026 then disbursed;
      KUR b3 refused; grant b1 approved 20 jt; KUR b1 approved 70 jt in 2025
    - visits: b1 Feb, b1 Mar, b2 Apr 2026; b3 Dec 2025; g1 2026
    - icons: Getasan and Jagapati (Badung), Celuk (Gianyar)
    """
    b1, b2, b3 = business("b1", GETASAN), business("b2", JAGAPATI), business("b3", GETASAN)
    g1 = business("g1", CELUK)
    a1, a2, a3, a4 = (Artisan.objects.create(name=f"a{n}", village_id=GETASAN) for n in range(1, 5))
    batik = CraftCategory.objects.get(slug="batik-tulis")
    silver = CraftCategory.objects.get(slug="perak")

    def run(council, kind, start, present, absent=(), **values):
        act = activity(council, kind=kind, start=start, **values)
        rows = {}
        for who in [*present, *absent]:
            field = "artisan" if isinstance(who, Artisan) else "business"
            rows[who.name] = services.add_participant(activity=act, status=REG, **{field: who})
        services.record_attendance(activity=act, present=[rows[w.name].pk for w in present])
        return act, rows

    run(badung, "training", dt.date(2026, 3, 1), [b1, b2], [b3])
    bimtek, _rows = run(badung, "bimtek", dt.date(2026, 5, 1), [b1])
    services.add_participant(activity=bimtek, business=b3, status=REG)
    run(badung, "training", dt.date(2025, 11, 1), [b3])
    run(bali, "training", dt.date(2026, 7, 1), [b3, g1])
    _c1, rows = run(badung, "competency", dt.date(2026, 6, 1), [a1, a2], [a3], category=batik)
    services.record_result(participation=rows["a1"], passed=True, score=80)
    services.record_result(participation=rows["a2"], passed=False, score=50)
    _c2, rows = run(badung, "competency", dt.date(2026, 8, 1), [a4], category=silver)
    services.record_result(participation=rows["a4"], passed=True, score=90)

    def filing(kind, owner, filed=None, granted=None, number="DID2026012345"):
        f = services.create_filing(kind=kind, title=f"{owner.name}", business=owner)
        if filed:
            f = services.advance_filing(
                filing=f, status="filed", by=None, filed_on=filed, application_number=number
            )
        if granted:
            f = services.advance_filing(
                filing=f, status="granted", by=None, granted_on=granted, registration_number="IDM1"
            )
        return f

    filing(IPKind.TRADEMARK, b1, dt.date(2026, 2, 1))
    filing(IPKind.TRADEMARK, b2, dt.date(2025, 6, 1), dt.date(2026, 4, 1), "DID2025000111")
    filing(IPKind.TRADEMARK, b3)
    filing(IPKind.DESIGN, b1, dt.date(2026, 2, 1), number="A00202600001")
    filing(IPKind.TRADEMARK, g1, dt.date(2026, 2, 1), number="DID2026000222")

    def financing(owner, kind, status, amount, on):
        f = Financing.objects.create(
            business=owner, partner="BPD Bali", kind=kind, amount_asked=amount, asked_on=on
        )
        if status == "refused":
            return services.decide_financing(financing=f, status="refused", on=on)
        f = services.decide_financing(financing=f, status="approved", on=on, amount_approved=amount)
        if status == "disbursed":
            services.decide_financing(financing=f, status="disbursed", on=on)

    M = Decimal(1_000_000)
    financing(b1, "kur", "approved", 100 * M, dt.date(2026, 3, 1))
    financing(b2, "kur", "disbursed", 50 * M, dt.date(2026, 4, 1))
    financing(b3, "kur", "refused", 80 * M, dt.date(2026, 4, 1))
    financing(b1, "grant", "approved", 20 * M, dt.date(2026, 5, 1))
    financing(b1, "kur", "approved", 70 * M, dt.date(2025, 5, 1))
    for owner, day in [
        (b1, (2026, 2, 1)),
        (b1, (2026, 3, 1)),
        (b2, (2026, 4, 1)),
        (b3, (2025, 12, 1)),
        (g1, (2026, 1, 1)),
    ]:
        MentoringVisit.objects.create(
            mentor=badung_secretary, business=owner, visited_on=dt.date(*day)
        )
    for code in [GETASAN, JAGAPATI, CELUK]:
        VillageIcon.objects.create(
            village=Village.objects.get(code=code), category=silver, title=f"Ikon {code}"
        )
    return {"b": [b1, b2, b3], "g1": g1}


INDICATORS = [
    ("developed", {"rule": R.BUSINESSES_DEVELOPED}, 3),
    ("at training", {"rule": R.BUSINESSES_AT_KIND, "activity_kind": "training"}, 3),
    ("at bimtek", {"rule": R.BUSINESSES_AT_KIND, "activity_kind": "bimtek"}, 1),
    ("icons", {"rule": R.VILLAGES_WITH_ICON}, 2),
    ("tm filed", {"rule": R.IP_FILINGS, "ip_kind": "trademark"}, 1),
    ("tm granted", {"rule": R.IP_FILINGS, "ip_kind": "trademark", "ip_stage": "granted"}, 1),
    ("design filed", {"rule": R.IP_FILINGS, "ip_kind": "design"}, 1),
    ("passed batik", {"rule": R.COMPETENCY_PASSED, "category_slug": "batik"}, 1),
    ("passed any", {"rule": R.COMPETENCY_PASSED}, 2),
    ("kur", {"rule": R.FINANCING_APPROVED, "financing_kind": "kur"}, 150_000_000),
    ("financing", {"rule": R.FINANCING_APPROVED}, 170_000_000),
    ("visits", {"rule": R.VISITS}, 3),
    ("mentored", {"rule": R.BUSINESSES_MENTORED}, 2),
    ("manual", {"rule": R.MANUAL}, 0),
]


def make_plan(council, year=2026):
    plan = services.create_work_plan(council=council, title=f"Program {council}", start_year=year)
    program = services.add_program(work_plan=plan, name="Semua aturan")
    for name, params, _expected in INDICATORS:
        params = dict(params)
        if slug := params.pop("category_slug", None):
            params["category"] = CraftCategory.objects.get(slug=slug)
        services.add_indicator(program=program, name=name, unit="x", target=10, **params)
    return plan


def test_every_rule_counts_what_was_counted_by_hand(world, badung, django_assert_max_num_queries):
    plan = make_plan(badung)
    # One query for the indicators, one per rule and parameters, one for the craft family.
    with django_assert_max_num_queries(len(INDICATORS) + 2):
        results = realize(plan)
    assert {r.indicator.name: int(r.value) for r in results} == {
        name: expected for name, _params, expected in INDICATORS
    }


def test_villages_with_an_icon_are_counted_as_the_coverage_page_counts_them(world, badung):
    results = {r.indicator.name: r for r in realize(make_plan(badung))}
    assert results["icons"].value == coverage_totals(badung)[0]


def test_a_province_plan_adds_up_its_regencies_and_its_own_activities(world, bali, gianyar, badung):
    plans = [make_plan(bali), make_plan(badung), make_plan(gianyar)]
    results = realize_many(plans)
    by = {
        plan.council.code: {r.indicator.name: int(r.value) for r in results[plan.pk]}
        for plan in plans
    }
    assert by["51.04"]["developed"] == 1 and by["51.04"]["tm filed"] == 1
    assert by["51.04"]["visits"] == 1 and by["51.04"]["icons"] == 1
    assert by["51"]["developed"] == 4  # b1, b2, b3 and g1
    assert by["51"]["tm filed"] == 2 and by["51"]["icons"] == 3


def test_percent_and_manual_values(world, badung):
    plan = make_plan(badung)
    manual = plan.programs.get().indicators.get(name="manual")
    services.enter_realization(indicator=manual, value=4, note="Temu usaha Maret")
    results = {r.indicator.name: r for r in realize(plan)}
    assert results["manual"].value == 4 and results["manual"].percent == 40
    assert results["developed"].percent == 30  # 3 of 10
    assert results["kur"].percent == 1_500_000_000 and results["kur"].bar == 100


def test_the_records_behind_a_number_are_the_ones_counted(world, badung):
    plan = make_plan(badung)
    indicators = {i.name: i for i in plan.programs.get().indicators.all()}
    b1, b2, b3 = world["b"]
    assert set(records(indicators["developed"])) == {b1, b2, b3}
    assert set(records(indicators["mentored"])) == {b1, b2}
    assert [p.artisan.name for p in records(indicators["passed batik"])] == ["a1"]
    assert [f.business for f in records(indicators["tm granted"])] == [b2]
    assert records(indicators["manual"]) is None


def test_another_year_counts_other_records(world, badung):
    results = {r.indicator.name: int(r.value) for r in realize(make_plan(badung, 2025))}
    assert results["developed"] == 1  # b3 at the 2025 training
    assert results["visits"] == 1 and results["tm filed"] == 1
    assert results["kur"] == 70_000_000


def test_the_comparison_matches_indicators_by_rule(world, bali, badung, gianyar):
    make_plan(bali), make_plan(badung)
    comparison = compare(bali, 2026)
    assert [plan.council.code for plan, _cells, _overall in comparison.rows] == ["51", "51.03"]
    developed = [c.name for c in comparison.columns].index("developed")
    assert [int(cells[developed].value) for _plan, cells, _o in comparison.rows] == [4, 3]
    # Badung's secretary sees only Badung's row.
    assert [p.council.code for p, _c, _o in compare(badung, 2026).rows] == ["51.03"]
    assert compare(gianyar, 2026).rows == []
