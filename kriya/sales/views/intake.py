"""Back-office pages of the gallery's stock, served inside the admin site: recording a
consignment intake (titip jual) with its lines, one intake with its tagged items and
papers, and the stock on hand per outlet with a transfer and a stock-take correction per row.

The cashier, the secretariat and administrators record and move stock; the board reads.
Every query starts with ``.within(request.council)``, so another council's id is a 404.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import DecimalField, F, Q, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from kriya.accounts import roles
from kriya.accounts.roles import require_role, role_allows
from kriya.catalog.models import Product
from kriya.lib.backoffice import admin_page
from kriya.lib.money import parse_rupiah
from kriya.registry.models import Business
from kriya.sales import services
from kriya.sales.forms.intake import (
    CorrectionForm,
    IntakeForm,
    LineFormSet,
    StockSearchForm,
    TransferForm,
    consignment_default,
)
from kriya.sales.models import ConsignedItem, ConsignmentIntake, Consignor, Outlet, StockMove
from kriya.sales.views.till import OUTLET_KEY

# Who takes goods in and moves stock; the board only reads.
PER_PAGE = 50
MONEY = DecimalField(max_digits=20, decimal_places=0)
LINE_FIELDS = (
    "product",
    "quantity",
    "price",
    "consignment_price",
    "commission_rate",
    "best_before",
    "is_unique",
    "auto_price",
    "auto_consignment",
)


def _outlets(request: HttpRequest) -> QuerySet[Outlet]:
    """The council's own outlets (a province reads its regencies' stock, never moves it)."""
    return Outlet.objects.own(request.council)


def _consignors(request: HttpRequest) -> QuerySet[Business]:
    ids = Consignor.objects.own(request.council).filter(is_active=True).values("business_id")
    # scoped by: the council's own consignors (a maker may live outside its region)
    return Business.objects.filter(pk__in=ids).order_by("name", "pk")


def _products(business: Business | None) -> QuerySet[Product]:
    if business is None:
        return Product.objects.none()  # scoped by: nothing at all
    return (
        # scoped by: a business picked from _consignors()
        Product.objects.filter(business=business)
        .exclude(status=Product.Status.ARCHIVED)
        .order_by("name", "pk")
    )


def _pick(queryset: QuerySet, value: object):
    return queryset.filter(pk=value).first() if str(value or "").isdigit() else None


# ---- Recording an intake ----


@vary_on_headers("HX-Request")
def intake_new(request: HttpRequest) -> HttpResponse:
    """The intake form: outlet, business, date, note, and its product lines. A reload
    (after choosing the business, or to add a line) keeps what was typed and fills in the
    defaults; only the save button writes."""
    require_role(request, roles.GALLERY)
    may_record = role_allows(request, roles.TILL)
    if request.method == "POST" and not may_record:
        raise PermissionDenied
    outlets, businesses = _outlets(request).filter(is_active=True), _consignors(request)
    source = request.POST if request.method == "POST" else request.GET
    outlet = _pick(outlets, source.get("outlet")) or _default_outlet(request, outlets)
    business = _pick(businesses, source.get("business"))
    products = _products(business)
    reload = request.method != "POST" or "choose" in request.POST or "add_line" in request.POST
    if reload:
        form = IntakeForm(
            outlets=outlets,
            businesses=businesses,
            initial={
                "outlet": outlet and outlet.pk,
                "business": business and business.pk,
                "note": source.get("note", ""),
                "received_on": source.get("received_on") or timezone.localdate(),
            },
        )
        rows = _typed_lines(request, products, outlet)
        if "add_line" in request.POST:
            rows.append({"commission_rate": _percent(outlet)})
        lines = LineFormSet(initial=rows, products=products, outlet=outlet)
    else:
        form = IntakeForm(request.POST, outlets=outlets, businesses=businesses)
        lines = LineFormSet(request.POST, products=products, outlet=outlet)
        if form.is_valid() and lines.is_valid():
            try:
                intake = services.receive_consignment(
                    lines=lines.lines(), by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Intake from %(business)s recorded: %(n)s pieces.")
                    % {
                        "business": intake.business,
                        "n": sum(line.quantity for line in lines.lines()),
                    },
                )
                return redirect("admin:sales-intake", intake_id=intake.pk)
    _hint(lines, outlet)
    template = "sales/intake_new.html"
    if request.htmx and reload and not request.htmx.history_restore_request:
        template += "#lines"
    return admin_page(
        request,
        template,
        {
            "title": _("New consignment intake"),
            "form": form,
            "lines": lines,
            "outlet": outlet,
            "business": business,
            "products": products,
            "may_record": may_record,
            "no_outlet": not outlets.exists(),
            "errors": _all_errors(form, lines),
        },
    )


def _default_outlet(request: HttpRequest, outlets: QuerySet[Outlet]) -> Outlet | None:
    """The outlet this browser's till sells at, or the first."""
    return _pick(outlets, request.session.get(OUTLET_KEY)) or outlets.first()


def _typed_lines(
    request: HttpRequest, products: QuerySet[Product], outlet: Outlet | None
) -> list[dict]:
    """The lines as typed (on a reload), with the defaults filled in where a value is
    empty or still the default filled in before: the product's price, and the
    consignment price from the commission."""
    data, rows = request.POST, []
    try:
        total = min(int(data.get("form-TOTAL_FORMS", 0)), LineFormSet.absolute_max)
    except ValueError:
        total = 0
    typed = [data.get(f"form-{i}-product", "") for i in range(total)]
    chosen = {p.pk: p for p in products.filter(pk__in=[v for v in typed if v.isdigit()])}
    for i in range(total):
        row = {name: data.get(f"form-{i}-{name}", "").strip() for name in LINE_FIELDS}
        row["is_unique"] = bool(row["is_unique"])
        product = chosen.get(int(row["product"])) if row["product"].isdigit() else None
        row["product"] = product and product.pk
        if product is not None and row["price"] in ("", row["auto_price"]):
            row["price"] = row["auto_price"] = _digits(product.price)
        rate = _rate(row["commission_rate"], outlet)
        row["commission_rate"] = row["commission_rate"] or _percent(outlet)
        price = _amount(row["price"])
        if (
            price is not None
            and rate is not None
            and row["consignment_price"] in ("", row["auto_consignment"])
        ):
            row["consignment_price"] = row["auto_consignment"] = _digits(
                consignment_default(price, rate)
            )
        rows.append(row)
    return rows or [{"commission_rate": _percent(outlet)}]


def _percent(outlet: Outlet | None) -> str:
    """The outlet's usual commission as typed: "20", "17.5"."""
    return format(outlet.commission_rate.normalize(), "f") if outlet else ""


def _digits(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", ".")


def _amount(text: str) -> Decimal | None:
    try:
        amount = parse_rupiah(text)
    except ValueError:
        return None
    return amount if amount is not None and amount >= 0 else None


def _rate(text: object, outlet: Outlet | None) -> Decimal | None:
    text = str(text or "").strip().replace(",", ".")
    if not text:
        return outlet.commission_rate if outlet else None
    try:
        rate = Decimal(text)
    except ArithmeticError:
        return None
    return rate if 0 <= rate <= 100 else None


def _hint(lines: LineFormSet, outlet: Outlet | None) -> None:
    """Each line's consignment price as worked out from its price and commission."""
    for line in lines.forms:
        price, rate = (
            _amount(line["price"].value() or ""),
            _rate(line["commission_rate"].value(), outlet),
        )
        line.hint = None
        if price is not None and rate is not None:
            line.hint = {
                "price": price,
                "rate": format(rate.normalize(), "f"),
                "result": consignment_default(price, rate),
            }


def _all_errors(form: IntakeForm, lines: LineFormSet) -> list[str]:
    """Every message of a refused save, for the summary at the top of the page."""
    if not form.is_bound:
        return []
    found = [str(e) for errors in form.errors.values() for e in errors]
    if lines.is_bound:
        found += [str(e) for e in lines.non_form_errors()]
        found += [str(e) for line in lines.forms for errors in line.errors.values() for e in errors]
    return found


def intake_detail(request: HttpRequest, intake_id: int) -> HttpResponse:
    """One intake: its items with their tag codes, pieces and prices, and its papers."""
    require_role(request, roles.GALLERY)
    intake = get_object_or_404(
        ConsignmentIntake.objects.within(request.council).select_related(
            "outlet", "business", "received_by"
        ),
        pk=intake_id,
    )
    items = list(
        ConsignedItem.objects.within(request.council)
        .filter(intake=intake)
        .select_related("product")
        .order_by("pk")
    )
    pieces = dict(
        StockMove.objects.within(request.council)
        .filter(item__intake=intake, kind=StockMove.Kind.INTAKE)
        .order_by()
        .values("item_id")
        .annotate(n=Sum("quantity"))
        .values_list("item_id", "n")
    )
    for item in items:
        item.pieces = pieces.get(item.pk, 0)
    return admin_page(
        request,
        "sales/intake_detail.html",
        {
            "title": _("Consignment intake"),
            "intake": intake,
            "items": items,
            "totals": {
                "pieces": sum(i.pieces for i in items),
                "value": sum((i.pieces * i.price for i in items), Decimal(0)),
                "consignment": sum((i.pieces * i.consignment_price for i in items), Decimal(0)),
            },
            "may_record": role_allows(request, roles.TILL),
        },
    )


# ---- Stock per outlet ----


def stock(request: HttpRequest) -> HttpResponse:
    """What an outlet holds, item by item, from one GROUP BY over its ledger; per row a
    transfer to another outlet and a stock-take correction."""
    require_role(request, roles.GALLERY)
    outlets = list(_outlets(request).order_by("-is_active", "name"))
    search = StockSearchForm(request.GET)
    search.is_valid()
    wanted = search.cleaned_data.get("gerai")
    outlet = next((o for o in outlets if o.pk == wanted), None) or (outlets[0] if outlets else None)
    query = (search.cleaned_data.get("q") or "").strip()
    if request.method == "POST":
        require_role(request, roles.TILL)
        if outlet is None or wanted != outlet.pk:
            raise PermissionDenied
        _move(request, outlet, outlets)
        return redirect(f"{reverse('admin:sales-stock')}?{request.GET.urlencode()}")
    page, rows, totals = None, [], {}
    if outlet is not None:
        page, rows, totals = _stock_rows(request, outlet, query)
    return admin_page(
        request,
        "sales/stock.html",
        {
            "title": _("Stock on hand"),
            "outlets": outlets,
            "outlet": outlet,
            "q": query,
            "page": page,
            "rows": rows,
            "totals": totals,
            "destinations": [o for o in outlets if o.is_active and o != outlet],
            "here": urlencode(
                {
                    "gerai": outlet.pk if outlet else "",
                    "q": query,
                    "page": page.number if page else 1,
                }
            ),
            "may_move": role_allows(request, roles.TILL)
            and outlet is not None
            and outlet.council_id == request.council.pk,
        },
    )


def _stock_rows(request: HttpRequest, outlet: Outlet, query: str) -> tuple:
    """One page of the outlet's stock: the per-item sums and totals come from the ledger
    grouped by item (a query for the count, one for the page, one for the totals), then
    the page's items with their product and business."""
    moves = StockMove.objects.within(request.council).filter(outlet=outlet)
    if query:
        moves = moves.filter(
            Q(item__code__icontains=query) | Q(item__product__name__icontains=query)
        )
    grouped = (
        moves.order_by()
        .values("item_id")
        .annotate(
            n=Sum("quantity"),
            value=Sum(F("quantity") * F("item__price"), output_field=MONEY),
            consignment=Sum(F("quantity") * F("item__consignment_price"), output_field=MONEY),
        )
        .filter(n__gt=0)
    )
    paginator = Paginator(grouped.order_by("item__product__name", "item_id"), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    sums = {row["item_id"]: row for row in page.object_list}
    items = {
        item.pk: item
        for item in ConsignedItem.objects.within(request.council)
        .filter(pk__in=sums)
        .select_related("product", "intake__business")
    }
    rows = [{"item": items[pk], **sums[pk]} for pk in sums if pk in items]
    totals = (
        grouped.aggregate(
            total_pieces=Sum("n"), total_value=Sum("value"), total_consignment=Sum("consignment")
        )
        if sums
        else {}
    )
    return page, rows, totals


def _move(request: HttpRequest, outlet: Outlet, outlets: list[Outlet]) -> None:
    """Transfer or correct one row; messages say what happened."""
    kind = request.POST.get("action")
    destinations = Outlet.objects.within(request.council).filter(
        pk__in=[o.pk for o in outlets if o.is_active and o != outlet]
    )
    form = (
        TransferForm(request.POST, destinations=destinations)
        if kind == "pindah"
        else CorrectionForm(request.POST)
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return
    data = form.cleaned_data
    item = get_object_or_404(
        ConsignedItem.objects.within(request.council).select_related("product"), pk=data["barang"]
    )
    try:
        if kind == "pindah":
            services.transfer_stock(
                item=item,
                source=outlet,
                destination=data["ke"],
                quantity=data["jumlah"],
                by=request.user,
            )
        else:
            services.correct_stock(
                item=item,
                outlet=outlet,
                quantity=data["jumlah"],
                reason=data["alasan"].strip(),
                by=request.user,
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    if kind == "pindah":
        messages.success(
            request,
            _("%(n)s × %(item)s moved to %(outlet)s.")
            % {"n": data["jumlah"], "item": item, "outlet": data["ke"]},
        )
    else:
        messages.success(
            request,
            _("Stock of %(item)s corrected by %(n)+d.") % {"item": item, "n": data["jumlah"]},
        )
