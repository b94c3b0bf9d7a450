from django.http import HttpRequest


def council(request: HttpRequest) -> dict:
    return {
        "council": getattr(request, "council", None),
        "membership": getattr(request, "membership", None),
    }
