from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kriya.accounts.models import Membership, User
from kriya.accounts.roles import Role
from kriya.regions.models import Council
from kriya.regions.scoping import code_covers


@transaction.atomic
def grant_membership(
    *, user: User, council: Council, role: str, by_council: Council | None
) -> Membership:
    """Give ``user`` a role in ``council``; refused outside the granting council's region."""
    if role not in Role.values:
        raise ValidationError(_("“%(role)s” is not a role.") % {"role": role})
    if by_council is None or not code_covers(by_council.code, council.code):
        raise ValidationError(
            _("%(council)s is outside your council's region; ask that council instead.")
            % {"council": council}
        )
    membership, created = Membership.objects.get_or_create(user=user, council=council, role=role)
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    return membership
