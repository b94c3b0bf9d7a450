"""The maker's statement link (titip/laporan/<token>/): the PDF of one settlement, opened
from WhatsApp without an account. The signed token is the only key, it expires after
``statements.STATEMENT_LINK_DAYS`` days, and an altered or expired one is a plain 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from kriya.sales import statements


@never_cache
def statement(request: HttpRequest, token: str) -> HttpResponse:
    settlement = statements.settlement_for_token(token)
    if settlement is None:
        raise Http404
    try:
        data = statements.statement_pdf(settlement)
    except ValueError:
        raise Http404 from None  # the ledger no longer adds up: print nothing wrong
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="laporan-titip-{settlement.period_end:%Y-%m}.pdf"'
    )
    # The link is the key: keep it out of search engines and other sites' logs.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
