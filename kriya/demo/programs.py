"""Demo programs: Badung's 2026 work plan with its targets, the activities, participants,
mentoring visits, filings and financing that count towards it (so the realization is
partial and believable), a smaller plan for Gianyar and the province's own.

Generated from a fixed seed; names come from the demo register. Idempotent: a council that
already has its 2026 plan is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal

from django.db import transaction

from kriya.accounts.models import User
from kriya.programs import services
from kriya.programs.models import (
    Activity,
    ActivityKind,
    Certification,
    CertificationKind,
    Financing,
    FinancingKind,
    Indicator,
    IPFiling,
    IPKind,
    MentoringVisit,
    Participation,
    Program,
    WorkPlan,
)
from kriya.regions.models import Council, Village
from kriya.registry.models import Artisan, Business, CraftCategory

YEAR = 2026
R = Indicator.Rule


def _d(month: int, day: int) -> dt.date:
    return dt.date(YEAR, month, day)


def _plan(
    council: Council, title: str, programs: list[tuple[str, str, list[dict]]], approved_on: dt.date
) -> WorkPlan:
    plan = services.create_work_plan(council=council, title=title, start_year=YEAR)
    services.approve_work_plan(plan=plan, approved_on=approved_on)
    for name, area, indicators in programs:
        program = services.add_program(work_plan=plan, name=name, area=area)
        for values in indicators:
            manual = values.pop("manual", None)
            indicator = services.add_indicator(program=program, **values)
            if manual:
                services.enter_realization(indicator=indicator, value=manual[0], note=manual[1])
    return plan


def _category(slug: str) -> CraftCategory:
    return CraftCategory.objects.get(slug=slug)


def _activity(
    council: Council, kind: str, title: str, start: dt.date, days: int = 1, **values
) -> Activity:
    return services.create_activity(
        council=council,
        kind=kind,
        title=title,
        starts_on=start,
        ends_on=start + dt.timedelta(days=days - 1),
        organiser=council.name,
        **values,
    )


def _take_part(
    activity: Activity, businesses: list[Business], rng: random.Random, attended: float
) -> list[Participation]:
    rows = []
    for business in businesses:
        row = services.add_participant(
            activity=activity,
            business=business,
            artisan=business.owner,
            status=Participation.Status.REGISTERED,
        )
        rows.append(row)
    present = [r.pk for r in rows if rng.random() < attended]
    services.record_attendance(activity=activity, present=present)
    return rows


def _indicator(plan: WorkPlan, name: str) -> Indicator:
    return Indicator.objects.get(program__work_plan=plan, name=name)


def _badung(council: Council, mentor: User | None, rng: random.Random) -> None:
    plan = _plan(
        council,
        "Program Kerja Dekranasda Kabupaten Badung 2026",
        [
            (
                "Pengembangan produk dan SDM perajin",
                Program.Area.PRODUCT,
                [
                    {
                        "name": "IKM dibina",
                        "unit": "IKM",
                        "target": 300,
                        "rule": R.BUSINESSES_DEVELOPED,
                    },
                    {
                        "name": "Lulus uji kompetensi batik",
                        "unit": "perajin",
                        "target": 40,
                        "rule": R.COMPETENCY_PASSED,
                        "category": _category("batik"),
                    },
                    {
                        "name": "Kunjungan pendampingan",
                        "unit": "kunjungan",
                        "target": 120,
                        "rule": R.VISITS,
                    },
                    {
                        "name": "IKM didampingi",
                        "unit": "IKM",
                        "target": 50,
                        "rule": R.BUSINESSES_MENTORED,
                    },
                ],
            ),
            (
                "Pemasaran",
                Program.Area.MARKETING,
                [
                    {
                        "name": "Temu usaha",
                        "unit": "IKM",
                        "target": 60,
                        "rule": R.MANUAL,
                        "manual": (
                            24,
                            "Temu usaha dengan hotel dan eksportir di Nusa Dua, 12 Maret "
                            "2026 (daftar hadir di sekretariat).",
                        ),
                    },
                ],
            ),
            (
                "Penguatan kelembagaan",
                Program.Area.INSTITUTIONAL,
                [
                    {
                        "name": "Desa dengan ikon",
                        "unit": "desa",
                        "target": 62,
                        "rule": R.VILLAGES_WITH_ICON,
                    },
                    {
                        "name": "Merek didaftarkan",
                        "unit": "merek",
                        "target": 20,
                        "rule": R.IP_FILINGS,
                        "ip_kind": IPKind.TRADEMARK,
                    },
                ],
            ),
            (
                "Fasilitasi permodalan",
                Program.Area.FINANCE,
                [
                    {
                        "name": "KUR disetujui",
                        "unit": "Rp",
                        "target": 2_000_000_000,
                        "rule": R.FINANCING_APPROVED,
                        "financing_kind": FinancingKind.KUR,
                    },
                ],
            ),
        ],
        approved_on=dt.date(2025, 12, 10),
    )
    businesses = list(
        Business.objects.within(council)
        .active()
        .filter(owner__isnull=False)
        .select_related("owner")
        .order_by("pk")
    )
    by_craft = {}
    for business in businesses:
        for slug in business.categories.values_list("slug", flat=True):
            by_craft.setdefault(slug, []).append(business)
    getasan = Village.objects.get(code="51.03.04.2005")
    darmasaba = Village.objects.get(code="51.03.03.2001")
    weaving = _activity(
        council,
        ActivityKind.TRAINING,
        "Pelatihan tenun endek motif baru",
        _d(2, 16),
        days=5,
        village=getasan,
        category=_category("endek"),
        trainers="I Made Sutarja (Balai Besar Kerajinan dan Batik)",
        budget=Decimal(85_000_000),
        budget_source="APBD Kabupaten Badung",
        indicator=_indicator(plan, "IKM dibina"),
    )
    weavers = by_craft.get("endek", [])[:12] + rng.sample(businesses, 18)
    _take_part(weaving, list(dict.fromkeys(weavers)), rng, attended=0.9)
    silver = _activity(
        council,
        ActivityKind.TRAINING,
        "Pelatihan desain perhiasan perak",
        _d(4, 20),
        days=3,
        village=darmasaba,
        category=_category("perak"),
        partners="Asosiasi Perajin Perak Bali",
        budget=Decimal(60_000_000),
        budget_source="APBD Kabupaten Badung",
        indicator=_indicator(plan, "IKM dibina"),
    )
    _take_part(
        silver,
        list(dict.fromkeys(by_craft.get("perak", [])[:10] + rng.sample(businesses, 15))),
        rng,
        attended=0.85,
    )
    bimtek = _activity(
        council,
        ActivityKind.BIMTEK,
        "Bimtek kemasan dan foto produk",
        _d(6, 9),
        days=2,
        venue="Gedung Dekranasda Badung, Mangupura",
        budget=Decimal(40_000_000),
        budget_source="CSR Bank BPD Bali",
        indicator=_indicator(plan, "IKM dibina"),
    )
    _take_part(bimtek, rng.sample(businesses, 120), rng, attended=0.8)
    outreach = _activity(
        council,
        ActivityKind.OUTREACH,
        "Sosialisasi HAKI dan sertifikasi halal",
        _d(2, 27),
        venue="Puspem Badung",
        budget=Decimal(15_000_000),
        budget_source="APBD Kabupaten Badung",
    )
    _take_part(outreach, rng.sample(businesses, 110), rng, attended=0.75)
    # The batik competency test: artisans, scored by BNSP assessors.
    test = _activity(
        council,
        ActivityKind.COMPETENCY,
        "Uji kompetensi membatik (LSP Kriya)",
        _d(8, 18),
        days=2,
        venue="UPTD Pelatihan Kerja Badung",
        category=_category("batik"),
        trainers="Asesor LSP Kriya Nusantara",
        budget=Decimal(55_000_000),
        budget_source="APBN (Kemnaker)",
        indicator=_indicator(plan, "Lulus uji kompetensi batik"),
    )
    artisans = list(Artisan.objects.within(council).active().order_by("pk"))
    candidates = rng.sample(artisans, 30)
    for artisan in candidates:
        services.add_participant(
            activity=test, artisan=artisan, status=Participation.Status.REGISTERED
        )
    rows = list(test.participations.order_by("pk"))
    present = [r.pk for r in rows[:26]]
    services.record_attendance(activity=test, present=present)
    for n, row in enumerate(Participation.objects.filter(pk__in=present).order_by("pk")):
        score = rng.randint(72, 96) if n < 21 else rng.randint(45, 69)
        services.record_result(
            participation=row,
            passed=score >= 70,
            score=score,
            certificate_number=f"KRY.BTK.{YEAR}.{n + 1:04d}" if score >= 70 else "",
        )
        if score >= 70:
            Certification.objects.create(
                kind=CertificationKind.BNSP,
                artisan=row.artisan,
                village_id=row.artisan.village_id,
                number=f"KRY.BTK.{YEAR}.{n + 1:04d}",
                issued_on=_d(9, 1),
                expires_on=dt.date(YEAR + 3, 8, 31),
                facilitated_by=test,
            )
    # The trademark clinic: 9 filed with DJKI, 3 still being prepared, 2 granted already.
    clinic = _activity(
        council,
        ActivityKind.IP,
        "Klinik merek: pendaftaran merek kolektif",
        _d(3, 11),
        venue="Gedung Dekranasda Badung, Mangupura",
        partners="Kanwil Kemenkumham Bali",
        budget=Decimal(30_000_000),
        budget_source="APBD Kabupaten Badung",
        indicator=_indicator(plan, "Merek didaftarkan"),
    )
    clients = rng.sample(businesses, 12)
    _take_part(clinic, clients, rng, attended=1.0)
    by = User.objects.filter(username="badung.sekretariat").first()
    for n, business in enumerate(clients):
        filing = services.create_filing(
            kind=IPKind.TRADEMARK, title=business.name, business=business, facilitated_by=clinic
        )
        if n < 9:
            filed_on = _d(3, 20) + dt.timedelta(days=n * 3)
            filing = services.advance_filing(
                filing=filing,
                status=IPFiling.Status.FILED,
                by=by,
                filed_on=filed_on,
                application_number=f"DID{YEAR}{21000 + n * 37:06d}",
            )
        if n < 4:
            filing = services.advance_filing(filing=filing, status=IPFiling.Status.EXAMINED, by=by)
        if n < 2:
            services.advance_filing(
                filing=filing,
                status=IPFiling.Status.GRANTED,
                by=by,
                granted_on=_d(10, 5 + n),
                registration_number=f"IDM00{1234560 + n}",
            )
    # A trademark of 2016 up for renewal, and a P-IRT that runs out: the expiry list.
    old = rng.choice(businesses)
    filing = services.create_filing(kind=IPKind.TRADEMARK, title=f"{old.name} (logo)", business=old)
    filing = services.advance_filing(
        filing=filing,
        status=IPFiling.Status.FILED,
        by=by,
        filed_on=dt.date(2015, 6, 1),
        application_number="DID2015034567",
    )
    services.advance_filing(
        filing=filing,
        status=IPFiling.Status.GRANTED,
        by=by,
        granted_on=dt.date(2017, 1, 20),
        registration_number="IDM000512345",
    )
    food = rng.choice(businesses)
    Certification.objects.create(
        kind=CertificationKind.PIRT,
        business=food,
        village_id=food.village_id,
        number="2065103010123-27",
        issued_on=dt.date(2021, 12, 28),
        expires_on=dt.date(2026, 12, 28),
    )
    # Mentoring: a programme, and visits by the field mentor in several villages.
    mentoring = _activity(
        council,
        ActivityKind.MENTORING,
        "Pendampingan IKM desa ikon 2026",
        _d(1, 15),
        days=320,
        indicator=_indicator(plan, "Kunjungan pendampingan"),
    )
    if mentor is not None:
        advice = [
            (
                "Pewarna alam belum konsisten.",
                "Catat takaran pewarna tiap celup.",
                "Uji tiga resep warna",
            ),
            (
                "Foto produk gelap dan tidak seragam.",
                "Foto di dekat jendela, latar polos.",
                "Kirim 10 foto baru",
            ),
            ("Belum punya NIB.", "Daftar NIB lewat OSS; dibantu sekretariat.", "NIB terbit"),
            (
                "Harga jual di bawah biaya bahan.",
                "Hitung HPP dengan lembar yang diberikan.",
                "Kirim perhitungan HPP",
            ),
        ]
        visited = rng.sample(businesses, 16)
        for n, business in enumerate(visited + visited[:6]):
            findings, tip, step = advice[n % len(advice)]
            day = _d(1 + n % 10, 5 + n % 20)
            MentoringVisit.objects.create(
                mentor=mentor,
                business=business,
                activity=mentoring,
                visited_on=day,
                findings=findings,
                advice=tip,
                next_step=step,
                next_step_due=day + dt.timedelta(days=30),
                client_key=uuid.uuid4(),
            )
    # KUR through the council's partner banks.
    financing_from = _activity(
        council,
        ActivityKind.FINANCING,
        "Fasilitasi KUR bersama BPD Bali dan BRI",
        _d(5, 14),
        venue="Gedung Dekranasda Badung, Mangupura",
        indicator=_indicator(plan, "KUR disetujui"),
    )
    for n, business in enumerate(rng.sample(businesses, 12)):
        asked = Decimal(rng.choice([50, 75, 100, 150, 200, 250])) * 1_000_000
        financing = Financing.objects.create(
            business=business,
            partner=rng.choice(["Bank BPD Bali", "BRI Unit Mengwi"]),
            kind=FinancingKind.KUR,
            amount_asked=asked,
            asked_on=_d(5, 14 + n),
            facilitated_by=financing_from,
        )
        if n < 8:
            financing = services.decide_financing(
                financing=financing,
                status=Financing.Status.APPROVED,
                on=_d(6, 10 + n),
                amount_approved=asked,
            )
            if n < 5:
                services.decide_financing(
                    financing=financing, status=Financing.Status.DISBURSED, on=_d(7, 1 + n)
                )
        elif n < 10:
            services.decide_financing(
                financing=financing, status=Financing.Status.REFUSED, on=_d(6, 20 + n)
            )


def _gianyar(council: Council, rng: random.Random) -> None:
    plan = _plan(
        council,
        "Program Kerja Dekranasda Kabupaten Gianyar 2026",
        [
            (
                "Pembinaan IKM",
                Program.Area.PRODUCT,
                [
                    {
                        "name": "IKM dibina",
                        "unit": "IKM",
                        "target": 120,
                        "rule": R.BUSINESSES_DEVELOPED,
                    },
                    {
                        "name": "Merek didaftarkan",
                        "unit": "merek",
                        "target": 10,
                        "rule": R.IP_FILINGS,
                        "ip_kind": IPKind.TRADEMARK,
                    },
                ],
            ),
        ],
        approved_on=dt.date(2026, 1, 20),
    )
    businesses = list(
        Business.objects.within(council)
        .active()
        .filter(owner__isnull=False)
        .select_related("owner")
        .order_by("pk")
    )
    training = _activity(
        council,
        ActivityKind.TRAINING,
        "Pelatihan finishing perak Celuk",
        _d(5, 4),
        days=2,
        village=Village.objects.get(code="51.04.01.2005"),
        category=_category("perak"),
        indicator=_indicator(plan, "IKM dibina"),
    )
    _take_part(training, rng.sample(businesses, min(15, len(businesses))), rng, attended=0.9)
    business = businesses[0]
    filing = services.create_filing(
        kind=IPKind.TRADEMARK, title=business.name, business=business, facilitated_by=training
    )
    services.advance_filing(
        filing=filing,
        status=IPFiling.Status.FILED,
        by=None,
        filed_on=_d(5, 20),
        application_number="DID2026033310",
    )
    Certification.objects.create(
        kind=CertificationKind.SNI,
        business=business,
        village_id=business.village_id,
        number="SNI 8023:2014-0042",
        issued_on=_d(3, 1),
        expires_on=dt.date(2030, 3, 1),
    )
    Financing.objects.create(
        business=business,
        partner="BRI Unit Sukawati",
        kind=FinancingKind.KUR,
        amount_asked=Decimal(100_000_000),
        asked_on=_d(6, 2),
    )
    mentor = User.objects.filter(username="gianyar.sekretariat").first()
    if mentor is not None:
        MentoringVisit.objects.create(
            mentor=mentor,
            business=business,
            visited_on=_d(7, 8),
            findings="Produk bagus, belum ada label harga.",
            advice="Pasang label harga dan QR katalog.",
            next_step="Label terpasang",
            client_key=uuid.uuid4(),
        )


def _bali(council: Council) -> None:
    _plan(
        council,
        "Program Kerja Dekranasda Provinsi Bali 2026",
        [
            (
                "Pembinaan IKM se-Bali",
                Program.Area.PRODUCT,
                [
                    {
                        "name": "IKM dibina",
                        "unit": "IKM",
                        "target": 1500,
                        "rule": R.BUSINESSES_DEVELOPED,
                    },
                    {
                        "name": "Desa dengan ikon",
                        "unit": "desa",
                        "target": 400,
                        "rule": R.VILLAGES_WITH_ICON,
                    },
                    {
                        "name": "Merek didaftarkan",
                        "unit": "merek",
                        "target": 100,
                        "rule": R.IP_FILINGS,
                        "ip_kind": IPKind.TRADEMARK,
                    },
                ],
            ),
            (
                "Fasilitasi permodalan",
                Program.Area.FINANCE,
                [
                    {
                        "name": "KUR disetujui",
                        "unit": "Rp",
                        "target": 10_000_000_000,
                        "rule": R.FINANCING_APPROVED,
                        "financing_kind": FinancingKind.KUR,
                    },
                ],
            ),
        ],
        approved_on=dt.date(2025, 12, 3),
    )


@transaction.atomic
def load(councils: dict[str, Council]) -> dict[str, int]:
    """Idempotent: a council that already has its 2026 plan is left as it is."""
    rng = random.Random(2026)
    badung, gianyar, bali = councils["51.03"], councils["51.04"], councils["51"]
    if not WorkPlan.objects.filter(council=badung, start_year=YEAR).exists():
        _badung(badung, User.objects.filter(username="badung.pendamping").first(), rng)
    if not WorkPlan.objects.filter(council=gianyar, start_year=YEAR).exists():
        _gianyar(gianyar, rng)
    if not WorkPlan.objects.filter(council=bali, start_year=YEAR).exists():
        _bali(bali)
    return {
        "activities": Activity.objects.within(badung).count(),
        "visits": MentoringVisit.objects.within(badung).count(),
    }
