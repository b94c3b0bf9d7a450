"""The national data set (issue 7): building 1,000,000 businesses with their owners."""

from __future__ import annotations

import io
import time

from bench import benchmark

BUSINESSES = 1_000_000


@benchmark("generate_1m_s", "generate_1m_products", "generate_1m_participations")
def generate_1m() -> dict[str, float]:
    """``generate_national --businesses 1000000`` into a fresh migrated SQLite database,
    regions included (the command loads them), as a new installation would run it."""
    from django.core.management import call_command

    from kriya.catalog.models import Product
    from kriya.programs.models import Participation
    from kriya.registry.models import Business

    start = time.perf_counter()
    call_command("generate_national", businesses=BUSINESSES, seed=1, stdout=io.StringIO())
    elapsed = time.perf_counter() - start
    assert Business.objects.count() == BUSINESSES
    return {
        "generate_1m_s": elapsed,
        "generate_1m_products": Product.objects.count(),
        "generate_1m_participations": Participation.objects.count(),
    }
