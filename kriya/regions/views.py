from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from kriya.regions.selectors import search_villages


@require_GET
@login_required
def village_search(request: HttpRequest) -> JsonResponse:
    """Typeahead for every village picker: a few letters in, a short list of full paths out."""
    query = request.GET.get("q", "")[:100]
    villages = search_villages(query, council=request.council)
    return JsonResponse({"results": [{"code": v.code, "label": v.full_name} for v in villages]})
