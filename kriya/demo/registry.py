"""Demo register: Badung's artisans, businesses, clusters and village icons (and a little
of Gianyar's), invented but shaped like a real council's.

41 of Badung's 62 villages get an icon, so the coverage page shows work still to do. All
names and numbers are generated from a fixed seed: no real person's data.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from kriya.accounts.models import User
from kriya.regions.models import Council, Village
from kriya.registry import services
from kriya.registry.categories import seed as seed_categories
from kriya.registry.exports import export_register
from kriya.registry.models import (
    Artisan,
    Business,
    Cluster,
    CraftCategory,
    VillageIcon,
    scale_for,
)

# Village code → (craft slug, icon title, business name stem). The first ones are Badung's
# known crafts; the rest give the demo its believable spread.
BADUNG_ICONS = {
    "51.03.04.2005": ("endek", "Kain tenun endek Getasan", "Tenun Endek"),
    "51.03.03.2004": ("ukir-kayu", "Ukiran kayu Jagapati", "Ukiran Kayu"),
    "51.03.03.2005": ("ukir-kayu", "Ukiran kayu Angantaka", "Ukiran Kayu"),
    "51.03.03.2006": ("ukir-kayu", "Ukiran kayu Sedang", "Ukiran Kayu"),
    "51.03.02.2009": ("payung-upacara", "Payung tedung Mengwi", "Payung Tedung"),
    "51.03.02.2006": ("payung-upacara", "Payung upacara Penarungan", "Payung"),
    "51.03.03.2001": ("perak", "Perhiasan perak Darmasaba", "Perak"),
    "51.03.03.2007": ("anyaman-bambu", "Anyaman bambu Mambal", "Anyaman Bambu"),
    "51.03.04.2006": ("anyaman-bambu", "Sokasi bambu Pangsan", "Sokasi"),
    "51.03.04.2003": ("anyaman-ate", "Anyaman ate Belok Sidan", "Anyaman Ate"),
    "51.03.04.2001": ("kendang", "Kendang Carangsari", "Kendang"),
    "51.03.02.2001": ("ukir-batu", "Ukiran batu paras Munggu", "Batu Paras"),
    "51.03.01.1001": ("lukisan", "Lukisan Tuban", "Galeri Lukis"),
    "51.03.06.2005": ("gerabah-tanah-liat", "Gerabah Canggu", "Gerabah"),
}
CRAFT_ROTATION = [
    ("ukir-kayu", "Ukiran kayu", "Ukiran"),
    ("anyaman-pandan", "Anyaman pandan", "Anyaman Pandan"),
    ("janur", "Kerajinan janur", "Janur"),
    ("sesajen", "Perlengkapan upacara", "Sarana Upacara"),
    ("perak", "Perhiasan perak", "Perak"),
    ("songket", "Tenun songket", "Songket"),
    ("topeng", "Topeng", "Topeng"),
    ("mainan-kayu", "Mainan kayu", "Mainan Kayu"),
    ("rajut", "Rajutan", "Rajut"),
]
ICON_COUNT = 41
GIANYAR_ICONS = {
    "51.04.01.2005": ("perak", "Perhiasan perak Celuk", "Perak Celuk"),
    "51.04.05.2002": ("ukir-kayu", "Ukiran kayu Mas", "Ukiran Mas"),
    "51.04.01.2001": ("ukir-batu", "Ukiran batu Batubulan", "Batu Paras"),
    "51.04.03.2002": ("endek", "Tenun Sidan", "Tenun"),
    "51.04.06.2002": ("ukir-kayu", "Kerajinan kayu Tegallalang", "Kerajinan Kayu"),
}

BIRTH_ORDER = [("Wayan", "Putu", "Gede"), ("Made", "Kadek"), ("Nyoman", "Komang"), ("Ketut",)]
GIVEN = [
    "Sudarsana",
    "Ariani",
    "Sukerti",
    "Mertha",
    "Dharma",
    "Suarta",
    "Widiastuti",
    "Budiasa",
    "Rai",
    "Sari",
    "Astawa",
    "Murniati",
    "Suparta",
    "Yasa",
    "Darmini",
    "Wirawan",
    "Ariasa",
    "Purnami",
    "Sutama",
    "Kariasih",
    "Artawan",
    "Sumerti",
    "Juliarta",
    "Suardana",
    "Redi",
]
SUFFIXES = ["Jaya", "Sari", "Mertha", "Dharma", "Lestari", "Asri", "Kencana", "Utama", "Mandiri"]


def _person(rng: random.Random) -> tuple[str, str]:
    sex = rng.choice("LP")
    order = rng.choice(BIRTH_ORDER)
    return f"{'I' if sex == 'L' else 'Ni'} {rng.choice(order)} {rng.choice(GIVEN)}", sex


def _nik(rng: random.Random, village: Village, sex: str) -> str:
    district = village.district_id.replace(".", "")
    day = rng.randint(1, 28) + (40 if sex == "P" else 0)
    return (
        f"{district}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}"
        f"{rng.randint(1, 9999):04d}"
    )


def _business(
    rng: random.Random, village: Village, category: CraftCategory, stem: str, used_names: set
) -> Business:
    name, sex = _person(rng)
    while (village.code, name) in used_names:  # namesakes exist, but not by accident here
        name, sex = _person(rng)
    used_names.add((village.code, name))
    artisan = Artisan.objects.create(
        name=name,
        sex=sex,
        village=village,
        birth_year=rng.randint(1960, 2000),
        nik=_nik(rng, village, sex) if rng.random() < 0.6 else "",
        phone=f"+62812{rng.randint(1000000, 9999999)}" if rng.random() < 0.8 else "",
        address=f"Banjar {rng.choice(['Dangin', 'Dauh', 'Kaja', 'Kelod', 'Tengah'])} "
        f"Pura, {village.name}",
    )
    artisan.skills.add(category)
    while True:
        business_name = f"{stem} {rng.choice(SUFFIXES)} {rng.choice(GIVEN)}"
        if business_name not in used_names:
            used_names.add(business_name)
            break
    turnover = Decimal(rng.choice([60, 120, 240, 480, 900, 1800, 3600])) * 1_000_000
    business = Business.objects.create(
        name=business_name,
        owner=artisan,
        village=village,
        address=artisan.address,
        phone=artisan.phone,
        workers=rng.randint(1, 25),
        yearly_turnover=turnover,
        scale=scale_for(capital=None, turnover=turnover),
        year_founded=rng.randint(1975, 2024),
        nib=f"{rng.randint(10**12, 10**13 - 1)}" if rng.random() < 0.5 else "",
        membership=rng.choice([Business.Membership.MEMBER] * 4 + [Business.Membership.CANDIDATE]),
        member_since=date(rng.randint(2015, 2025), rng.randint(1, 12), 1),
    )
    business.categories.add(category)
    return business


def _council_register(
    council: Council, icons: dict, icon_total: int, seed: int, by: User | None
) -> None:
    rng = random.Random(seed)
    villages = list(council.villages().select_related("district").order_by("code"))
    categories = {c.slug: c for c in CraftCategory.objects.all()}
    plan = dict(icons)
    others = [v for v in villages if v.code not in plan]
    rng.shuffle(others)
    for village in others[: icon_total - len(plan)]:
        plan[village.code] = rng.choice(CRAFT_ROTATION)
    used_names: set = set()
    for village in villages:
        if village.code in plan:
            slug, title, stem = plan[village.code]
            category = categories[slug]
            made = [
                _business(rng, village, category, stem, used_names)
                for _ in range(rng.randint(4, 9))
            ]
            cluster = None
            if len(made) >= 7:
                cluster = Cluster.objects.create(
                    name=f"Sentra {title}", village=village, main_category=category
                )
                Business.objects.filter(pk__in=[b.pk for b in made]).update(cluster=cluster)
            icon = services.set_village_icon(
                council=council,
                village=village,
                category=category,
                title=title,
                by=by,
                since_year=rng.choice([1960, 1975, 1990, 2005, 2015]),
                cluster=cluster,
            )
            icon.businesses.set(made[:3])
        else:
            for _ in range(rng.randint(0, 3)):
                slug, _title, stem = rng.choice(CRAFT_ROTATION)
                _business(rng, village, categories[slug], stem, used_names)


def _suspected_duplicates(council: Council) -> None:
    """The same carver typed three ways by three offices: shown on the duplicates page."""
    jagapati = Village.objects.get(code="51.03.03.2004")
    for name, nik in [
        ("I Made Sudarsana", "5103031203780004"),
        ("I Md Sudarsana", ""),
        ("MADE SUDARSANA", ""),
    ]:
        Artisan.objects.create(name=name, nik=nik, sex="L", village=jagapati, birth_year=1978)


def _merged_history(village_code: str, name: str, by: User | None) -> None:
    """One duplicate already merged, so the register shows a merge in its history."""
    village = Village.objects.get(code=village_code)
    keep = Artisan.objects.create(name=name, sex="P", village=village, birth_year=1984)
    drop = Artisan.objects.create(
        name=name.upper(), sex="P", village=village, phone="+6281338001122"
    )
    services.merge_artisans(keep=keep, drop=drop, by=by)


def _first_export(council: Council, username: str) -> None:
    """The secretariat's first full export, so the personal-data log has history."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        export_register(
            queryset=Business.objects.active(),
            council=council,
            user=user,
            fmt="xlsx",
            reveal_personal=True,
            filters={},
        )


@transaction.atomic
def load(councils: dict[str, Council], by: User | None = None) -> dict[str, int]:
    """Idempotent: a register that already has businesses is left as it is."""
    badung, gianyar = councils["51.03"], councils["51.04"]
    seed_categories(CraftCategory)  # normally there since the migration; not after a flush
    if not Business.objects.within(badung).exists():
        _council_register(badung, BADUNG_ICONS, ICON_COUNT, seed=5103, by=by)
        _suspected_duplicates(badung)
        _merged_history("51.03.04.2005", "Ni Wayan Sukerti", by)
        _first_export(badung, "badung.sekretariat")
    if not Business.objects.within(gianyar).exists():
        _council_register(gianyar, GIANYAR_ICONS, 22, seed=5104, by=by)
        _merged_history("51.04.01.2005", "Ni Ketut Rahayu", by)
        _first_export(gianyar, "gianyar.sekretariat")
    return {
        "businesses": Business.objects.within(badung).count(),
        "icons": VillageIcon.objects.within(badung).count(),
        "villages": badung.villages().count(),
    }
