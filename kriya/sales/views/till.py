"""The gallery till (kasir) at /kasir/: a page made for speed at a counter, outside the
admin. Scan or type a tag code, build the cart, take the payment, print or send the
receipt; the day's sales with their returns and voids; the day close.

The cart lives in the page (JS keeps it as form fields) and is posted as an ordinary form;
the same form also works without JS, one round trip per item. Every rule (stock, discount
limit, closed day, a resent form) is the service's; these views fetch through
``.within(request.council)``, validate the input's shape and show the service's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kriya.accounts import roles
from kriya.accounts.roles import role_required
from kriya.lib.money import format_rupiah, parse_rupiah
from kriya.lib.slugs import id_from_slug
from kriya.lib.whatsapp import chat_url, share_url
from kriya.regions.models import Council
from kriya.sales import services
from kriya.sales.forms.till import CloseForm, LineForm, ReturnForm, SaleForm, VoidForm
from kriya.sales.models import ConsignedItem, DayClose, Outlet, Sale, SaleLine, StockMove

OUTLET_KEY = "kriya_till_outlet"  # the outlet this browser sells at, kept in the session
PAPER_KEY = "kriya_till_paper"  # the receipt printer's paper width, chosen once
PAPERS = ("80", "58")
MATCHES = 8
# A tag code anywhere in what was scanned: "K-000123", "k000123", or a link holding one.
CODE = re.compile(r"(?<![A-Z0-9])K-?(\d{6,12})(?!\d)", re.IGNORECASE)
# The QR code on a product's price label links to its public page (catalog/labels.py).
PRODUCT_LINK = re.compile(r"/produk/([\w-]+)")
RETURNED = Q(moves__kind=StockMove.Kind.CUSTOMER_RETURN)


# Logged in, and acting as a cashier, the secretariat or an administrator of a council.
till_required = role_required(roles.TILL, forbidden="sales/till_forbidden.html")


# A till sells at the council's own outlets only: a province reads its regencies' sales in
# the back office but never rings up a sale at their counters (scoping: write only its own).
def _outlets(request: HttpRequest) -> QuerySet[Outlet]:
    return Outlet.objects.own(request.council).filter(is_active=True).order_by("name")


def _outlet(request: HttpRequest, outlet_id: int) -> Outlet:
    return get_object_or_404(
        Outlet.objects.own(request.council).select_related("council"), pk=outlet_id
    )


def _sale(request: HttpRequest, sale_id: int) -> Sale:
    return get_object_or_404(
        Sale.objects.own(request.council).select_related("outlet__council", "cashier", "voided_by"),
        pk=sale_id,
    )


def _day_close(council: Council, outlet: Outlet, day) -> DayClose | None:
    return (
        DayClose.objects.within(council)
        .filter(outlet=outlet, day=day)
        .select_related("closed_by")
        .first()
    )


@till_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Choose the outlet; straight to it when there is one, or when this browser chose one
    before (``?ganti=1`` shows the choice again)."""
    outlets = list(_outlets(request))
    remembered = request.session.get(OUTLET_KEY)
    if "ganti" not in request.GET:
        if len(outlets) == 1:
            return redirect("till:till", outlets[0].pk)
        if remembered in {outlet.pk for outlet in outlets}:
            return redirect("till:till", remembered)
    return render(request, "sales/till_outlets.html", {"outlets": outlets})


# ---- The cart ----


@dataclass
class CartLine:
    """One line of the cart as the page shows it: the item read afresh from the ledger,
    and the quantity and discount as they were typed (kept when the sale is refused)."""

    item: ConsignedItem
    on_hand: int
    quantity: str = "1"
    discount: str = ""
    form: LineForm | None = None

    @property
    def total(self) -> Decimal | None:
        try:
            return self.item.price * int(self.quantity) - (parse_rupiah(self.discount) or 0)
        except ValueError:
            return None

    @property
    def errors(self) -> list[str]:
        if self.form is None or not self.form.is_bound:
            return []
        return [error for errors in self.form.errors.values() for error in errors]


def _stocked(council: Council, outlet: Outlet) -> QuerySet[ConsignedItem]:
    """The council's consigned items, each with ``on_hand`` at ``outlet`` (one GROUP BY)."""
    return (
        ConsignedItem.objects.within(council)
        .select_related("product")
        .annotate(on_hand=Coalesce(Sum("moves__quantity", filter=Q(moves__outlet=outlet)), 0))
    )


def find_items(council: Council, outlet: Outlet, text: str) -> tuple[bool, list[ConsignedItem]]:
    """What was scanned or typed: ``(True, [item])`` for a tag code (bare, or inside a QR
    link), also when none is left here, so the till can say so; the pieces with stock here
    of a product whose label link was scanned; else up to 8 items with stock here whose
    product name or code holds ``text``."""
    text = text.strip()[:200]
    items = _stocked(council, outlet)
    code = CODE.search(text)
    if code:
        return True, list(items.filter(code=ConsignedItem.code_for(int(code.group(1)))))
    link = PRODUCT_LINK.search(text)
    product_id = id_from_slug(link.group(1)) if link else None
    if product_id:
        found = list(items.filter(product_id=product_id, on_hand__gt=0).order_by("pk")[:MATCHES])
        return len(found) == 1, found
    if len(text) < 2:
        return False, []
    found = items.filter(
        Q(product__name__icontains=text) | Q(code__icontains=text), on_hand__gt=0
    ).order_by("product__name", "pk")[:MATCHES]
    return False, list(found)


def _cart(request: HttpRequest, outlet: Outlet, form: SaleForm) -> tuple[list[CartLine], bool]:
    """The posted lines with their items (this council's only) and stock here; the flag
    says a line named an item the council does not have (it is left out)."""
    ids = [
        int(raw)
        for raw in (str(line.data["item"]) for line in form.lines)
        if raw.isdigit() and len(raw) < 16
    ]
    items = {item.pk: item for item in _stocked(request.council, outlet).filter(pk__in=ids)}
    cart = []
    for line in form.lines:
        raw = str(line.data["item"])
        item = items.get(int(raw)) if raw.isdigit() and len(raw) < 16 else None
        if item is not None:
            cart.append(
                CartLine(
                    item=item,
                    on_hand=item.on_hand,
                    form=line,
                    quantity=str(line.data["quantity"]).strip()[:12],
                    discount=str(line.data["discount"]).strip()[:30],
                )
            )
    return cart, len(cart) < len(form.lines)


def _add(cart: list[CartLine], item: ConsignedItem, outlet: Outlet) -> str:
    """Put one more piece of ``item`` in the cart (no-JS till); the reason when it cannot."""
    if item.on_hand < 1:
        return _("%(item)s has no stock at %(outlet)s.") % {"item": item, "outlet": outlet}
    for line in cart:
        if line.item.pk == item.pk:
            line.quantity = str(int(line.quantity) + 1) if line.quantity.isdigit() else "1"
            return ""
    cart.append(CartLine(item=item, on_hand=item.on_hand))
    return ""


def _edit_cart(request: HttpRequest, outlet: Outlet, cart: list[CartLine]) -> tuple[list, str]:
    """The till without JS: a line removed, a scanned code or a chosen match added.
    Returns the matches to choose from, and a notice. Nothing is checked yet, so the
    lines show no errors."""
    post = request.POST
    for line in cart:
        line.form = None
    if post.get("remove", "").isdigit() and int(post["remove"]) < len(cart):
        cart.pop(int(post["remove"]))
        return [], ""
    if post.get("add_item", "").isdigit() and len(post["add_item"]) < 16:
        found = _stocked(request.council, outlet).filter(pk=post["add_item"]).first()
        return [], _add(cart, found, outlet) if found else _("That item is not in stock here.")
    text = post.get("q", "").strip()
    if post.get("action") != "add" or not text:
        return [], ""
    exact, found = find_items(request.council, outlet, text)
    if exact and found:
        return [], _add(cart, found[0], outlet)
    if not found:
        return [], _("Nothing in stock here matches “%(text)s”.") % {"text": text[:60]}
    return found, ""


@never_cache
@till_required
@require_http_methods(["GET", "POST"])
def till(request: HttpRequest, outlet_id: int) -> HttpResponse:
    """The till: the cart and its payment; a POST with ``action=pay`` records the sale (once
    per client key) and shows its receipt, any other POST edits the cart (no JS)."""
    outlet = _outlet(request, outlet_id)
    if request.session.get(OUTLET_KEY) != outlet.pk:
        request.session[OUTLET_KEY] = outlet.pk
    form = SaleForm(request.POST if request.method == "POST" else None)
    cart, unknown = _cart(request, outlet, form)
    matches, notice = [], ""
    if form.is_bound and request.POST.get("action") == "pay":
        sale = _pay(request, outlet, form, unknown) if form.is_valid() else None
        if sale is not None:
            return redirect("till:receipt", sale.pk)
    elif form.is_bound:
        matches, notice = _edit_cart(request, outlet, cart)
        form = form.unchecked()
    return render(
        request,
        "sales/till.html",
        {
            **_till_state(request, outlet),
            "form": form,
            "cart": cart,
            "matches": matches,
            "notice": notice,
            "total": sum((line.total or 0 for line in cart), Decimal(0)),
        },
    )


def _pay(request: HttpRequest, outlet: Outlet, form: SaleForm, unknown: bool) -> Sale | None:
    """The sale recorded, or None with the reason it was refused put on the form. An item
    of another council is refused here: the service would name it in its message."""
    if unknown:
        form.add_error(None, _("An item of this sale is not in this council's stock."))
        return None
    try:
        return services.record_sale(
            outlet=outlet, cashier=request.user, acting=request.membership, **form.sale_values()
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _till_state(request: HttpRequest, outlet: Outlet) -> dict:
    today = timezone.localdate()
    return {
        "outlet": outlet,
        "today": today,
        "open_today": outlet.is_open_on(today),
        "day_close": _day_close(request.council, outlet, today),
        "limit": services.discount_limit(request.user, outlet, request.membership),
        "outlet_count": _outlets(request).count(),
        "here": "till",
    }


@never_cache
@till_required
@require_GET
def lookup(request: HttpRequest, outlet_id: int) -> JsonResponse:
    """The items for what was scanned or typed (``q``), with their stock at this outlet:
    ``exact`` when ``q`` named one tag, so the till adds it without asking."""
    outlet = _outlet(request, outlet_id)
    exact, found = find_items(request.council, outlet, request.GET.get("q", ""))
    return JsonResponse(
        {
            "exact": exact,
            "results": [
                {
                    "id": item.pk,
                    "code": item.code,
                    "name": item.product.name,
                    "price": int(item.price),
                    "on_hand": item.on_hand,
                }
                for item in found
            ],
        }
    )


# ---- The receipt ----


def receipt_text(sale: Sale) -> str:
    """The receipt as plain text, for WhatsApp: the same figures as the printed one."""
    when = formats.date_format(timezone.localtime(sale.created_at), "DATETIME_FORMAT")
    rows = [sale.outlet.council.name, sale.outlet.name, f"{sale} · {when}"]
    if sale.is_voided:
        rows.append(_("VOIDED: %(reason)s") % {"reason": sale.void_reason})
    rows.append("")
    for line in sale.lines.all():
        rows.append(f"{line.quantity} × {line.product_name} @ {format_rupiah(line.unit_price)}")
        if line.discount:
            rows.append("  " + _("discount %(amount)s") % {"amount": format_rupiah(line.discount)})
        rows.append(f"  {format_rupiah(line.line_total)}")
    rows += [
        "",
        _("Total: %(amount)s") % {"amount": format_rupiah(sale.total)},
        _("Paid (%(method)s): %(amount)s")
        % {"method": sale.get_payment_display(), "amount": format_rupiah(sale.paid)},
    ]
    if sale.change:
        rows.append(_("Change: %(amount)s") % {"amount": format_rupiah(sale.change)})
    if sale.reference:
        rows.append(_("Reference: %(reference)s") % {"reference": sale.reference})
    return "\n".join([*rows, "", _("Thank you for supporting our craftspeople.")])


def _paper(request: HttpRequest) -> str:
    """58 or 80 mm: chosen with ``?lebar=``, then remembered for this browser's printer."""
    width = request.GET.get("lebar")
    if width in PAPERS and width != request.session.get(PAPER_KEY):
        request.session[PAPER_KEY] = width
    return request.session.get(PAPER_KEY, PAPERS[0])


@till_required
@require_GET
def receipt(request: HttpRequest, sale_id: int) -> HttpResponse:
    """The receipt, to print on 58 or 80 mm paper or to send by WhatsApp: ``?wa=<phone>``
    opens a chat with the customer, without a number the cashier picks the contact."""
    sale = _sale(request, sale_id)
    prefetch_related_objects([sale], "lines")  # for the page and its WhatsApp text
    text = receipt_text(sale)
    phone = request.GET.get("wa", "").strip()[:40]
    url = chat_url(phone, text) if phone else share_url(text)
    if "wa" in request.GET and url:
        return redirect(url)
    return render(
        request,
        "sales/till_receipt.html",
        {
            "sale": sale,
            "lines": sale.lines.all(),
            "paper": _paper(request),
            "papers": PAPERS,
            "share_url": share_url(text),
            "phone": phone,
            "here": "receipt",
            "phone_error": _("“%(phone)s” is not an Indonesian phone number.") % {"phone": phone}
            if phone
            else "",
            "outlet": sale.outlet,
        },
    )


# ---- The day's sales, returns and voids ----


@till_required
@require_GET
def today(request: HttpRequest, outlet_id: int) -> HttpResponse:
    """Today's sales at this outlet with their totals; ``?nomor=`` opens a sale by number
    (for a return of an earlier day's sale)."""
    outlet = _outlet(request, outlet_id)
    number = request.GET.get("nomor", "").strip().lstrip("#")
    sales = Sale.objects.within(request.council)
    if number:
        if number.isdigit() and len(number) < 16 and sales.filter(pk=number).exists():
            return redirect("till:sale", int(number))
        messages.error(request, _("No sale #%(number)s in this council.") % {"number": number[:20]})
    day = timezone.localdate()
    listed = (
        sales.filter(outlet=outlet, day=day)
        .select_related("cashier")
        .prefetch_related("lines")
        .annotate(refunded=Sum("moves__amount", filter=RETURNED))
        .order_by("-created_at")
    )
    return render(
        request,
        "sales/till_sales.html",
        {
            **_till_state(request, outlet),
            "sales": listed,
            "here": "today",
            "summary": _summary_rows(services.day_summary(outlet=outlet, day=day)),
        },
    )


def _summary_rows(summary: dict) -> dict:
    """``day_summary`` with each payment method's label, in the till's order."""
    totals = summary["totals"]
    return {
        **summary,
        "methods": [
            (label, Decimal(totals.get(value, 0))) for value, label in Sale.Payment.choices
        ],
    }


def _sale_page(
    request: HttpRequest,
    sale: Sale,
    bound: ReturnForm | VoidForm | None = None,
) -> HttpResponse:
    """The sale with a return form per line still returnable, and the void form for those
    who may void; ``bound`` is a refused form, shown again with its message."""
    lines = (
        _lines(request, sale)
        .select_related("item")
        .annotate(returned=Coalesce(Sum("moves__quantity", filter=RETURNED), 0))
    )
    bound_line = bound.data.get("line") if isinstance(bound, ReturnForm) else None
    rows = [
        (
            line,
            bound
            if str(line.pk) == bound_line
            else ReturnForm(lines=lines, initial={"line": line.pk}, auto_id=f"return-{line.pk}-%s"),
            line.quantity - line.returned,
        )
        for line in lines
    ]
    closed = _day_close(request.council, sale.outlet, sale.day) is not None
    return render(
        request,
        "sales/till_sale.html",
        {
            "sale": sale,
            "rows": rows,
            "outlet": sale.outlet,
            "day_closed": closed,
            "bound": bound,
            "may_void": services.may_void(request.user, sale.outlet, request.membership),
            "void_form": bound if isinstance(bound, VoidForm) else VoidForm(auto_id="void-%s"),
            "returned_any": any(line.returned for line in lines),
            "here": "today",
        },
    )


def _lines(request: HttpRequest, sale: Sale) -> QuerySet[SaleLine]:
    return SaleLine.objects.within(request.council).filter(sale=sale)


@till_required
@require_GET
def sale_detail(request: HttpRequest, sale_id: int) -> HttpResponse:
    return _sale_page(request, _sale(request, sale_id))


@till_required
@require_POST
def sale_return(request: HttpRequest, sale_id: int) -> HttpResponse:
    """Pieces a customer brings back, with the reason (any till role)."""
    sale = _sale(request, sale_id)
    line_id = request.POST.get("line", "")
    form = ReturnForm(
        request.POST,
        lines=_lines(request, sale),
        auto_id=f"return-{line_id if line_id.isdigit() else 'x'}-%s",
    )
    if form.is_valid():
        try:
            move = services.return_from_customer(
                sale_line=form.cleaned_data["line"],
                quantity=form.cleaned_data["quantity"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(n)s × %(item)s taken back; refund %(amount)s.")
                % {
                    "n": move.quantity,
                    "item": form.cleaned_data["line"].product_name,
                    "amount": format_rupiah(move.amount),
                },
            )
            return redirect("till:sale", sale.pk)
    return _sale_page(request, sale, form)


@till_required
@require_POST
def sale_void(request: HttpRequest, sale_id: int) -> HttpResponse:
    """Cancel a sale made in error, with the reason; the service allows it to the
    secretariat and administrators only, the same day before the close."""
    sale = _sale(request, sale_id)
    form = VoidForm(request.POST, auto_id="void-%s")
    if form.is_valid():
        try:
            services.void_sale(
                sale=sale,
                reason=form.cleaned_data["reason"],
                by=request.user,
                acting=request.membership,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Sale #%(sale)s is voided; its pieces are back in stock.") % {"sale": sale.pk},
            )
            return redirect("till:sale", sale.pk)
    return _sale_page(request, sale, form)


# ---- The day close ----


@till_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, outlet_id: int) -> HttpResponse:
    """The day close: what each payment method took and the cash to hand over; the cash
    counted (and a note when it differs) closes the till for today. Once closed, the
    printable summary of the close."""
    outlet = _outlet(request, outlet_id)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.close_day(outlet=outlet, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The till of %(outlet)s is closed for today.") % {"outlet": outlet}
            )
            return redirect("till:close", outlet.pk)
    state = _till_state(request, outlet)
    done = state["day_close"]
    summary = (
        services.day_summary(outlet=outlet, day=state["today"])
        if done is None
        else {
            "sales_count": done.sales_count,
            "totals": done.totals,
            "cash_expected": done.cash_expected,
            "refunds": Decimal(done.totals.get(Sale.Payment.CASH, 0)) - done.cash_expected,
        }
    )
    return render(
        request,
        "sales/till_close.html",
        {
            **state,
            "form": form,
            "summary": _summary_rows(summary),
            "here": "close",
            "paper": _paper(request),
            "papers": PAPERS,
        },
    )
