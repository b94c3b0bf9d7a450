"""Writes an artisan makes to their own business in the artisan portal."""

from __future__ import annotations

from django.db import transaction

from kriya.accounts.models import User
from kriya.registry.models import Business

# What the artisan keeps up themselves; name, NIB, scale and membership are the council's.
PROFILE_FIELDS = ("address", "phone", "website", "instagram", "facebook", "marketplace", "notes")


@transaction.atomic
def update_business_profile(*, business: Business, by: User | None, **values) -> Business:
    """Change only the artisan-kept fields of ``business``, checked by the row's own rules."""
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not an artisan-kept business field: {sorted(unknown)}")
    for name, value in values.items():
        setattr(business, name, value)
    business.full_clean(exclude=[f.name for f in Business._meta.fields if f.name not in values])
    business.save(update_fields=[*values, "updated_at"])
    return business
