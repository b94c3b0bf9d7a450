"""Small hand-made worlds for the programs tests, set up through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from kriya.programs import services
from kriya.programs.models import ActivityKind, Participation
from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business


def business(name: str, village_code: str, owner: bool = True) -> Business:
    village = Village.objects.get(code=village_code)
    artisan = Artisan.objects.create(name=f"Pemilik {name}", village=village) if owner else None
    return Business.objects.create(name=name, village=village, owner=artisan)


GETASAN, JAGAPATI, CELUK = "51.03.04.2005", "51.03.03.2004", "51.04.01.2005"


@pytest.fixture
def badung_businesses(db) -> list[Business]:
    return [
        business("Tenun Sari", GETASAN),
        business("Ukir Jaya", JAGAPATI),
        business("Endek Lestari", GETASAN),
    ]


@pytest.fixture
def gianyar_business(db) -> Business:
    return business("Perak Celuk Asri", CELUK)


def activity(
    council,
    kind=ActivityKind.TRAINING,
    title="Pelatihan tenun",
    start=dt.date(2026, 3, 1),
    days=1,
    **values,
):
    return services.create_activity(
        council=council,
        kind=kind,
        title=title,
        starts_on=start,
        ends_on=start + dt.timedelta(days=days - 1),
        **values,
    )


def attended(activity_, *businesses):
    rows = [
        services.add_participant(
            activity=activity_, business=b, status=Participation.Status.REGISTERED
        )
        for b in businesses
    ]
    return rows
