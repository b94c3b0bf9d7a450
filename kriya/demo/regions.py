"""Demo councils and boards: Dekranas, Bali, Badung and its sibling Gianyar."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kriya.regions import services
from kriya.regions.models import BoardMember, BoardTerm, Council, Regency

BADUNG, GIANYAR, BALI = "51.03", "51.04", "51"

# Invented people: the demo holds no personal data of real persons.
BOARDS = {
    BADUNG: [
        ("Ni Luh Putu Ayu Lestari", BoardMember.Position.CHAIR, ""),
        ("Ni Made Sari Wahyuni", BoardMember.Position.VICE_CHAIR, ""),
        ("I Gusti Ayu Ratna Dewi", BoardMember.Position.SECRETARY, ""),
        ("Ni Kadek Sri Utami", BoardMember.Position.TREASURER, ""),
        ("Ni Wayan Kartika Sari", BoardMember.Position.DIVISION_HEAD, "Bidang Pemasaran"),
        ("I Made Arya Wiguna", BoardMember.Position.DIVISION_HEAD, "Bidang Pengembangan Produk"),
    ],
    GIANYAR: [
        ("Ni Nyoman Suarni", BoardMember.Position.CHAIR, ""),
        ("Ni Ketut Rahayu", BoardMember.Position.SECRETARY, ""),
    ],
    BALI: [
        ("Ni Putu Eka Pratiwi", BoardMember.Position.CHAIR, ""),
        ("Ni Komang Ayu Widya", BoardMember.Position.SECRETARY, ""),
    ],
}


def load() -> dict[str, Council]:
    if not Regency.objects.filter(code=BADUNG).exists():
        raise ValidationError(_("Load the regions first: python manage.py load_regions"))
    councils = {code: services.create_council(code=code) for code in ["ID", BALI, BADUNG, GIANYAR]}
    for code, seats in BOARDS.items():
        council = councils[code]
        BoardTerm.objects.get_or_create(
            council=council,
            name="2021–2024",
            defaults={"starts_on": date(2021, 3, 1), "ends_on": date(2025, 2, 28)},
        )
        term, _created = BoardTerm.objects.get_or_create(
            council=council,
            name="2025–2030",
            defaults={"starts_on": date(2025, 3, 1), "ends_on": date(2030, 2, 28)},
        )
        services.activate_term(term=term)
        for order, (name, position, title) in enumerate(seats):
            BoardMember.objects.get_or_create(
                term=term,
                name=name,
                defaults={
                    "position": position,
                    "title": title,
                    "order": order,
                    "starts_on": term.starts_on,
                },
            )
    return councils
