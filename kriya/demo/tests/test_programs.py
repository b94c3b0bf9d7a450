"""The demo: Badung's 2026 plan with the targets the issue names, partly realized."""

from kriya.demo import programs as programs_demo
from kriya.programs.models import Activity, Indicator, IPFiling, MentoringVisit, WorkPlan
from kriya.programs.realization import realize
from kriya.regions.models import Council


def test_the_demo_plan_is_partly_realized_and_loads_once(demo):
    plan = WorkPlan.objects.get(council__code="51.03", start_year=2026)
    results = {r.indicator.name: r for r in realize(plan)}
    targets = {name: (int(r.target), r.unit) for name, r in results.items()}
    assert targets["IKM dibina"] == (300, "IKM")
    assert targets["Temu usaha"] == (60, "IKM")
    assert targets["Desa dengan ikon"] == (62, "desa")
    assert targets["Merek didaftarkan"] == (20, "merek")
    assert targets["Lulus uji kompetensi batik"] == (40, "perajin")
    assert targets["KUR disetujui"] == (2_000_000_000, "Rp")
    assert all(0 < r.percent < 100 for r in results.values()), {
        n: r.percent for n, r in results.items()
    }
    assert results["Desa dengan ikon"].value == 41
    assert (
        MentoringVisit.objects.within(plan.council).values("business__village").distinct().count()
        > 3
    )
    counts = (
        Activity.objects.count(),
        IPFiling.objects.count(),
        Indicator.objects.count(),
        MentoringVisit.objects.count(),
    )
    programs_demo.load({c.code: c for c in Council.objects.all()})
    assert counts == (
        Activity.objects.count(),
        IPFiling.objects.count(),
        Indicator.objects.count(),
        MentoringVisit.objects.count(),
    )
    assert WorkPlan.objects.filter(council__code="51.04").exists()
