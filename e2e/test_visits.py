"""The mentor's visit form on a phone with the network cut: filled and saved offline, kept
through a reload and a closed tab, sent when the network returns, stored exactly once."""

import os
import re
import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import PHONE, accessibility_problems, log_in
from kriya.programs.models import MentoringVisit

FORM = "/pendampingan/kunjungan/baru/"
STORED = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("kriya-visits");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction("submissions").objectStore("submissions").getAll();
    all.onsuccess = () => resolve(all.result.map(r => ({
      key: r.client_key, status: r.status, findings: r.fields.findings,
      photos: (r.photos || []).filter(p => p.blob instanceof Blob && p.blob.size > 0).length})));
  };
})"""
SHOTS = os.environ.get("KRIYA_SCREENSHOTS")  # a folder: phone screenshots for a look


def jpeg(folder: Path) -> Path:
    path = folder / "bengkel.jpg"
    Image.new("RGB", (1600, 1200), "darkred").save(path, "JPEG", quality=85)
    return path


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


# The page retries every 30 s on its own; coming back online must send long before that.
RETRY_EVERY = 30


def stored(page, status: str) -> list[dict]:
    return [r for r in page.evaluate(STORED) if r["status"] == status]


def wait_for_stored(page, status: str) -> None:
    """Until the phone's storage holds a submission with ``status`` (polled in the page)."""
    page.wait_for_function(
        f"async (status) => (await ({STORED})()).some(r => r.status === status)",
        arg=status,
        polling=100,
    )


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["phone"])
def test_a_visit_saved_offline_arrives_once_with_its_photo(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    context = page.context
    log_in(page, "badung.pendamping")
    expect(page).not_to_have_url(re.compile("/akun/masuk/"))
    page.goto("/pendampingan/")
    expect(page.locator("#visit-queue")).to_be_visible()
    assert accessibility_problems(page) == []
    shot(page, "visits-home")
    page.goto(FORM)
    # The service worker has precached the form, its CSS/JS and htmx once it controls the page.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()  # activated while this page was loading: the next load is controlled
    page.wait_for_function("navigator.serviceWorker.controller !== null", polling=100)

    assert accessibility_problems(page) == []

    context.set_offline(True)
    choice = page.locator("#business-choices label.choice").first
    business = choice.locator("strong").inner_text()
    choice.click()
    page.fill("#id_findings", "Pewarna alam belum rata di kain endek.")
    page.fill("#id_advice", "Celup dua kali dan jemur di tempat teduh.")
    page.fill("#id_next_step", "Kirim contoh kain baru ke sekretariat.")
    page.set_input_files("#id_photos", str(jpeg(tmp_path)))
    expect(page.locator("#photo-previews img")).to_have_count(1)
    shot(page, "visits-form")
    page.locator("button.visit-save").click()

    waiting = page.locator("#queue-waiting li")
    expect(waiting).to_have_count(1)
    expect(waiting).to_contain_text(business)
    expect(page.locator("[data-count=waiting]")).to_have_text("1")
    [queued] = stored(page, "waiting")
    assert queued["photos"] == 1
    assert not MentoringVisit.objects.filter(client_key=queued["key"]).exists()

    # A second visit started but not saved: a draft, kept on every keystroke.
    page.fill("#id_findings", "Draf: belum selesai.")
    wait_for_stored(page, "draft")
    page.reload()  # still offline: the service worker serves the form
    expect(page.locator("#queue-waiting li")).to_have_count(1)
    expect(page.locator("#id_findings")).to_have_value("Draf: belum selesai.")

    # The tab closed and opened again, still offline.
    page.close()
    page = context.new_page()
    opened = time.monotonic()  # the page's 30 s retry cannot fire before opened + 30 s
    page.goto(FORM)
    expect(page.locator("#id_findings")).to_have_value("Draf: belum selesai.")
    expect(page.locator("[data-count=waiting]")).to_have_text("1")
    shot(page, "visits-form-offline")

    # Back online: the browser's "online" event sends the visit within seconds.
    online = time.monotonic()
    context.set_offline(False)
    arrived = page.locator("#queue-arrived li")
    expect(arrived).to_have_count(1, timeout=(RETRY_EVERY - 5) * 1000)
    took, since_opened = time.monotonic() - online, time.monotonic() - opened
    assert took < 10 and since_opened < RETRY_EVERY, (took, since_opened)
    expect(arrived).to_contain_text(business)
    expect(page.locator("[data-count=waiting]")).to_have_text("0")
    expect(page.locator("[data-count=arrived]")).to_have_text("1")
    assert stored(page, "arrived")[0]["photos"] == 0  # the blobs are dropped once arrived

    visits = MentoringVisit.objects.filter(client_key=queued["key"])
    assert visits.count() == 1
    visit = visits.get()
    assert visit.business.name == business and visit.mentor.username == "badung.pendamping"
    assert visit.findings == "Pewarna alam belum rata di kain endek."
    [photo] = visit.photos.all()
    assert Path(photo.image.path).is_file()
    with Image.open(photo.image.path) as picture:
        assert picture.format == "JPEG" and max(picture.size) == 1600

    # Sending again (the Send now button, a flaky retry) stores nothing twice.
    page.evaluate(
        """(key) => { const open = indexedDB.open("kriya-visits");
      open.onsuccess = () => { const store = open.result.transaction("submissions", "readwrite")
        .objectStore("submissions"); const get = store.get(key);
        get.onsuccess = () => { get.result.status = "waiting"; store.put(get.result); }; }; }""",
        queued["key"],
    )
    page.reload()
    expect(page.locator("[data-count=arrived]")).to_have_text("1")
    expect(page.locator("[data-count=waiting]")).to_have_text("0")
    assert MentoringVisit.objects.filter(client_key=queued["key"]).count() == 1
    # The draft is still in the form, untouched by all this.
    expect(page.locator("#id_findings")).to_have_value("Draf: belum selesai.")
    page.goto("/pendampingan/")
    expect(page.locator("#queue-arrived li")).to_have_count(1)
    shot(page, "visits-home-after")
