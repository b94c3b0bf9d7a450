"""`make bench`: the benchmarks behind the performance budgets (README, "Benchmarks").

Each benchmark is a function registered with ``@benchmark("key", ...)`` in a module of
this package, listed in ``MODULES``. It runs in its own process against its own SQLite
database file under ``var/bench/`` (a copy of a migrated, empty template), never against
the developer's database, and returns ``{key: number}``. Data sets that take long to build
are built once and cached under ``var/bench/`` by name and version.
"""

from __future__ import annotations

from collections.abc import Callable

MODULES = [
    "bench.regions",
    "bench.registry",
    "bench.programs",
    "bench.catalog",
    "bench.national",
    "bench.production",
    "bench.sales",
]
BENCHMARKS: dict[str, Callable[[], dict[str, float]]] = {}


def benchmark(*keys: str, dataset: str | None = None) -> Callable:
    """Register a benchmark reporting ``keys``. ``dataset`` names a function of the same
    module that fills an empty database once; its result is kept and each run starts from a
    copy of it."""

    def register(function: Callable[[], dict[str, float]]) -> Callable[[], dict[str, float]]:
        function.keys = keys
        function.dataset = dataset
        BENCHMARKS[f"{function.__module__}.{function.__name__}"] = function
        return function

    return register
