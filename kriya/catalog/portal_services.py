"""Writes an artisan makes to their own products in the artisan portal: the catalog services,
with the maker's limits (a maker never publishes; the secretariat approves)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.catalog import services
from kriya.catalog.models import Product

Status = Product.Status
# The moves a maker may make: ask for approval, take a product off the catalog, bring it back.
MAKER_MOVES = {
    Status.SUBMITTED: {Status.DRAFT},
    Status.ARCHIVED: {Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED},
    Status.DRAFT: {Status.ARCHIVED},
}


@transaction.atomic
def save_own_product(*, product: Product, by: User | None, **values) -> Product:
    """Save the maker's changes; a changed published product goes back to the secretariat
    (published → submitted, logged) and leaves the public catalog until approved again."""
    was_published = product.pk and product.status == Status.PUBLISHED
    product = services.save_product(product=product, by=by, **values)
    if was_published:
        note = _("Changed by its maker; waiting for approval again.")
        product = services.move_product(product=product, status=Status.SUBMITTED, by=by, note=note)
    return product


def move_own_product(*, product: Product, status: str, by: User | None) -> Product:
    """Move ``product`` as its maker may (never to published); ValidationError says why not."""
    if status not in MAKER_MOVES:
        raise ValidationError(_("This change of status is not possible here."))
    if product.status not in MAKER_MOVES[status]:
        raise ValidationError(
            _("A product that is “%(old)s” cannot become “%(new)s” here.")
            % {"old": product.get_status_display(), "new": Status(status).label}
        )
    if status == Status.SUBMITTED and not product.photos.exists():
        raise ValidationError(_("Add at least one photo before you ask for approval."))
    if status == Status.SUBMITTED:
        return services.submit_product(product=product, by=by)
    return services.move_product(product=product, status=status, by=by)
