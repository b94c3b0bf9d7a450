"""Demo logins: one per role in Badung, plus the sibling, the province and the nation."""

import os

from django.contrib.auth.hashers import make_password

from kriya.accounts.models import Membership, Role, User
from kriya.regions.models import Council

DEMO_PASSWORD = os.environ.get("KRIYA_DEMO_PASSWORD", "kriya-demo-2026")

# (user name, full name, [(council code, role), ...])
PEOPLE = [
    ("badung.admin", "Ketut Adi Pranata", [("51.03", Role.ADMIN)]),
    (
        "badung.sekretariat",
        "Ni Wayan Sudiani",
        [("51.03", Role.SECRETARIAT), ("51.03", Role.CASHIER)],
    ),
    ("badung.pendamping", "I Nyoman Darmawan", [("51.03", Role.MENTOR)]),
    ("badung.kasir", "Ni Putu Mirah", [("51.03", Role.CASHIER)]),
    ("badung.pengurus", "Ni Made Sari Wahyuni", [("51.03", Role.BOARD)]),
    ("badung.perajin", "Ni Ketut Sukerti", [("51.03", Role.ARTISAN)]),
    ("gianyar.sekretariat", "I Wayan Sutama", [("51.04", Role.SECRETARIAT)]),
    ("bali.sekretariat", "Ni Luh Gede Astiti", [("51", Role.SECRETARIAT)]),
    ("dekranas.admin", "Sri Handayani", [("ID", Role.ADMIN)]),
]


def load(councils: dict[str, Council]) -> list[tuple[str, str]]:
    """Create or refresh the demo users; return (user name, what they do) for printing."""
    printed = []
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    for username, full_name, roles in PEOPLE:
        first, _space, last = full_name.rpartition(" ")
        user, _created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        user.password = password
        user.save(update_fields=["password"])
        for code, role in roles:
            Membership.objects.get_or_create(user=user, council=councils[code], role=role)
        printed.append((username, ", ".join(f"{councils[c].name} · {r.label}" for c, r in roles)))
    return printed
