"""Realization of work-plan indicators, counted from the records (never typed twice).

Every automatic rule counts rows of one *source* (participations, filings, financing,
visits, villages) over a council's region and a plan's period, with its own condition and
aggregate. ``realize(plan)`` and ``realize_many(plans)`` compute all indicators of many
plans together: one grouped query per source and period, with one conditional aggregate
per distinct rule, whatever the number of plans, councils or indicators. That works
because every rule is additive over regencies: a business, village, filing or visit lies
in exactly one regency, so a province's figure is the sum of its regencies' groups.
``records(indicator)`` gives the rows behind a number, through the same source and
condition.

Where a record is placed: a participation where its participant lived when taking part
(the artisan's village, else the business's; copied on the row as ``region_code``), an IP
filing by its village, financing and visits by the business's village. Villages with an
icon are counted as the coverage page counts them (active villages, kelurahan included)
and are a state, not a period's work. A participation counts in the year its activity
starts.

Businesses that exhibited are not counted yet: exhibitions belong to the events app, which
does not exist; such an indicator is entered by hand meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connections, models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr

from kriya.programs.models import (
    ActivityKind,
    Financing,
    Indicator,
    IPFiling,
    MentoringVisit,
    Participation,
    WorkPlan,
)
from kriya.regions.models import Council, Village
from kriya.regions.scoping import CODE_LENGTHS, REGENCY, code_covers, regions_q
from kriya.registry.models import Business, CraftCategory

Period = tuple[dt.date, dt.date]


@dataclass
class IndicatorResult:
    indicator: Indicator
    value: Decimal
    target: Decimal
    percent: int
    unit: str

    @property
    def bar(self) -> int:
        """The percentage, capped at 100, for a progress bar."""
        return min(self.percent, 100)

    @property
    def is_manual(self) -> bool:
        return self.indicator.rule == Indicator.Rule.MANUAL


def _percent(value: Decimal, target: Decimal) -> int:
    return int(round(100 * value / target)) if target else 0


# Sources: the rows of a period that rules count, and the path to their region code ------
@dataclass(frozen=True)
class Source:
    rows: Callable[[Period], models.QuerySet]
    region: str


SOURCES = {
    "participation": Source(
        lambda period: Participation.objects.filter(
            status=Participation.Status.ATTENDED, held_on__range=period
        ),
        "region_code",
    ),
    "filed": Source(
        lambda period: IPFiling.objects.exclude(status=IPFiling.Status.PREPARED).filter(
            filed_on__range=period
        ),
        "village__code",
    ),
    "granted": Source(
        lambda period: IPFiling.objects.filter(
            status=IPFiling.Status.GRANTED, granted_on__range=period
        ),
        "village__code",
    ),
    "financing": Source(
        lambda period: Financing.objects.filter(
            status__in=[Financing.Status.APPROVED, Financing.Status.DISBURSED],
            decided_on__range=period,
        ),
        "business__village__code",
    ),
    "visits": Source(
        lambda period: MentoringVisit.objects.filter(visited_on__range=period),
        "business__village__code",
    ),
    "icons": Source(
        lambda period: Village.objects.filter(is_active=True, icon__isnull=False), "code"
    ),
}


def _categories(category_id: int | None) -> list[int]:
    """A craft family takes in its crafts (batik → batik tulis, batik cap …)."""
    if not category_id:
        return []
    return [
        category_id,
        *CraftCategory.objects.filter(parent_id=category_id).values_list("pk", flat=True),
    ]


# Rules: which source, which rows of it, and how they are summed up ----------------------
@dataclass(frozen=True)
class Rule:
    source: str
    condition: Q
    aggregate: Callable[[Q], models.Aggregate]
    businesses: bool = False  # the list behind the number is the businesses, not the rows


def _distinct_businesses(condition: Q) -> models.Aggregate:
    return Count("business", distinct=True, filter=condition or None)


def _rows(condition: Q) -> models.Aggregate:
    return Count("pk", filter=condition or None)


def rule_for(indicator: Indicator) -> Rule | None:
    """The rule of an automatic indicator with its parameters applied; None if manual."""
    R = Indicator.Rule
    craft = _categories(indicator.category_id)
    in_craft = Q(activity__category__in=craft) if craft else Q()
    match indicator.rule:
        case R.BUSINESSES_DEVELOPED:
            return Rule(
                "participation",
                Q(business__isnull=False) & in_craft,
                _distinct_businesses,
                businesses=True,
            )
        case R.BUSINESSES_AT_KIND:
            return Rule(
                "participation",
                Q(business__isnull=False, activity__kind=indicator.activity_kind) & in_craft,
                _distinct_businesses,
                businesses=True,
            )
        case R.COMPETENCY_PASSED:
            return Rule(
                "participation",
                Q(passed=True, activity__kind=ActivityKind.COMPETENCY) & in_craft,
                _rows,
            )
        case R.IP_FILINGS:
            stage = "granted" if indicator.ip_stage == Indicator.IPStage.GRANTED else "filed"
            return Rule(stage, Q(kind=indicator.ip_kind), _rows)
        case R.FINANCING_APPROVED:
            kind = Q(kind=indicator.financing_kind) if indicator.financing_kind else Q()
            return Rule("financing", kind, lambda c: Sum("amount_approved", filter=c or None))
        case R.VISITS:
            return Rule("visits", Q(), _rows)
        case R.BUSINESSES_MENTORED:
            return Rule("visits", Q(), _distinct_businesses, businesses=True)
        case R.VILLAGES_WITH_ICON:
            return Rule("icons", Q(), _rows)
    return None


def _scope(source: Source, model: type[models.Model], codes: Iterable[str]) -> Q:
    return regions_q(source.region, codes, connections[model.objects.db].vendor)


# What a list of each kind of record shows beside it, fetched with it.
RELATED = {
    Village: (["icon"], ["code"]),
    Participation: (["artisan", "business", "activity"], ["held_on", "pk"]),
    IPFiling: (["business", "village"], ["-filed_on", "pk"]),
    Financing: (["business"], ["-decided_on", "pk"]),
    MentoringVisit: (["business", "mentor"], ["-visited_on", "pk"]),
}


def records(indicator: Indicator, council: Council | None = None) -> models.QuerySet | None:
    """The rows behind an automatic indicator's number, for its plan's council (or a
    narrower ``council``); the businesses for rules that count businesses. None for a
    manual indicator."""
    rule = rule_for(indicator)
    if rule is None:
        return None
    plan = indicator.program.work_plan
    source = SOURCES[rule.source]
    rows = source.rows(plan.period)
    rows = rows.filter(rule.condition, _scope(source, rows.model, [(council or plan.council).code]))
    if rule.businesses:
        return (
            Business.objects.filter(pk__in=rows.values("business_id"))
            .select_related("village")
            .order_by("name")
        )
    related, order = RELATED[rows.model]
    return rows.select_related(*related).order_by(*order)


def _figures(
    source: Source, period: Period, rules: dict[tuple, Rule], codes: list[str]
) -> dict[tuple, dict[str, Decimal]]:
    """For each rule, its figure per regency inside the union of ``codes``: one query."""
    rows = source.rows(period)
    names = {key: f"r{n}" for n, key in enumerate(rules)}
    grouped = (
        rows.filter(_scope(source, rows.model, codes))
        .annotate(regency=Substr(source.region, 1, CODE_LENGTHS[REGENCY]))
        .values("regency")
        .annotate(**{names[key]: rule.aggregate(rule.condition) for key, rule in rules.items()})
        .order_by()
    )
    figures: dict[tuple, dict[str, Decimal]] = {key: {} for key in rules}
    for group in grouped:
        for key, name in names.items():
            figures[key][group["regency"]] = Decimal(group[name] or 0)
    return figures


def _key(indicator: Indicator) -> tuple:
    return (
        indicator.rule,
        indicator.activity_kind,
        indicator.category_id,
        indicator.ip_kind,
        indicator.ip_stage,
        indicator.financing_kind,
    )


def realize_many(plans: Iterable[WorkPlan]) -> dict[int, list[IndicatorResult]]:
    """Every indicator of every plan, by plan id: one query for the indicators, then one
    per source and period."""
    plans = {plan.pk: plan for plan in plans}
    indicators = list(
        Indicator.objects.filter(program__work_plan__in=plans.keys())
        .select_related("program")
        .order_by("program__order", "program_id", "order", "id")
    )
    # Which rules each (source, period) must answer, and for which councils.
    needed: dict[tuple, tuple[dict[tuple, Rule], set[str]]] = {}
    known: dict[tuple, Rule | None] = {}  # rule_for reads a craft's sub-crafts: once per key
    for indicator in indicators:
        if _key(indicator) not in known:
            known[_key(indicator)] = rule_for(indicator)
        rule = known[_key(indicator)]
        if rule is not None:
            plan = plans[indicator.program.work_plan_id]
            rules, codes = needed.setdefault((rule.source, plan.period), ({}, set()))
            rules.setdefault(_key(indicator), rule)
            codes.add(plan.council.code)
    figures: dict[tuple, dict[str, Decimal]] = {}
    for (source, period), (rules, codes) in needed.items():
        for key, by_regency in _figures(SOURCES[source], period, rules, sorted(codes)).items():
            figures[(key, period)] = by_regency
    results: dict[int, list[IndicatorResult]] = defaultdict(list)
    for indicator in indicators:
        plan = plans[indicator.program.work_plan_id]
        by_regency = figures.get((_key(indicator), plan.period))
        if by_regency is not None:
            value = sum(
                (v for regency, v in by_regency.items() if code_covers(plan.council.code, regency)),
                Decimal(0),
            )
        else:
            value = indicator.manual_value or Decimal(0)
        results[plan.pk].append(
            IndicatorResult(
                indicator=indicator,
                value=value,
                target=indicator.target,
                percent=_percent(value, indicator.target),
                unit=indicator.unit,
            )
        )
    return {pk: results.get(pk, []) for pk in plans}


def realize(plan: WorkPlan) -> list[IndicatorResult]:
    """Every indicator of ``plan`` with its realization and percentage of target."""
    return realize_many([plan])[plan.pk]


def plan_percent(results: list[IndicatorResult]) -> int:
    """The plan's overall progress: the mean of its indicators' percentages (each capped
    at 100, so one overshoot does not hide a shortfall elsewhere)."""
    return round(sum(r.bar for r in results) / len(results)) if results else 0


@dataclass
class Comparison:
    """A province's plan beside its regencies' plans of the same year."""

    year: int
    columns: list[Indicator]  # the council's own plan's indicators, or the first plan's
    rows: list[tuple[WorkPlan, list[IndicatorResult | None], int]]


def compare(council: Council, year: int) -> Comparison:
    """The council's own plan and those of the councils below it for ``year``, indicators
    matched by their rule and parameters (manual ones by name)."""
    plans = list(
        WorkPlan.objects.within(council)
        .filter(start_year__lte=year, end_year__gte=year)
        .select_related("council")
        .order_by("council__code", "-start_year")
    )
    results = realize_many(plans)
    own = next((p for p in plans if p.council_id == council.pk), None)
    first = own or (plans[0] if plans else None)
    columns = [r.indicator for r in results[first.pk]] if first else []

    def match_key(indicator: Indicator) -> tuple:
        return (
            _key(indicator)
            if indicator.rule != Indicator.Rule.MANUAL
            else ("manual", indicator.name)
        )

    rows = []
    for plan in plans:
        mine = {match_key(r.indicator): r for r in results[plan.pk]}
        rows.append(
            (plan, [mine.get(match_key(c)) for c in columns], plan_percent(results[plan.pk]))
        )
    return Comparison(year=year, columns=columns, rows=rows)
