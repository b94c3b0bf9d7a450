"""Loading the official regions (issue: foundation)."""

import time

from bench import benchmark


@benchmark("regions_load_s", "regions_reload_s")
def regions_load() -> dict[str, float]:
    from kriya.regions.services import load_regions

    start = time.perf_counter()
    report = load_regions()
    first = time.perf_counter() - start
    assert report.counts()["villages"] == 83762
    start = time.perf_counter()
    again = load_regions()
    second = time.perf_counter() - start
    assert not again.changed
    return {"regions_load_s": first, "regions_reload_s": second}
