"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Each test gets Bali's regions and the demo council (live-server tests use a database that
is emptied after every test). On SQLite they are built once per run and copied back into
the database before each test (SQLite's backup API, a few milliseconds); elsewhere each test
builds them. The browser is Debian's /usr/bin/chromium; nothing is downloaded. Run with
DJANGO_ALLOW_ASYNC_UNSAFE=true (the make targets set it).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from playwright.sync_api import expect, sync_playwright
from pytest_django import DjangoDbBlocker
from pytest_django.fixtures import Settings as SettingsFixture

from kriya.demo.accounts import DEMO_PASSWORD
from kriya.regions.services import load_regions

HERE = Path(__file__).resolve().parent
AXE = HERE.parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path(os.environ.get("KRIYA_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Assertions wait for what the page shows as long as actions do (Playwright's expect gives
# up after 5 s by default, too short on a loaded machine); none waits a fixed time.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items):
    # The hook sees every collected test (`pytest kriya e2e`): mark only this folder's.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
            "(make test does this)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def build_demo() -> None:
    load_regions(only="51")
    call_command("load_demo", verbosity=0)


@dataclass
class DemoCopy:
    database: sqlite3.Connection  # the whole database after build_demo(), in memory
    media: Path  # the demo's public photos
    private: Path  # the demo's private files (photos of products not published, …)


@pytest.fixture(scope="session")
def demo_copy(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DemoCopy | None]:
    if connection.vendor != "sqlite":
        yield None
        return
    media = tmp_path_factory.mktemp("demo-media")
    private = tmp_path_factory.mktemp("demo-private")
    with django_db_blocker.unblock():
        # The state every test starts from: emptied as after a live-server test, then built.
        call_command("flush", interactive=False, verbosity=0)
        with override_settings(MEDIA_ROOT=media, PRIVATE_ROOT=private):
            build_demo()
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:")
        connection.connection.backup(copy)
    yield DemoCopy(database=copy, media=media, private=private)
    copy.close()


@pytest.fixture
def demo(transactional_db: None, demo_copy: DemoCopy | None, settings: SettingsFixture) -> None:
    if demo_copy is None:
        build_demo()
        return
    demo_copy.database.backup(connection.connection)  # every table, as build_demo left it
    # Hard links: files the test adds or deletes leave the shared photos as they were.
    for shared, own in [
        (demo_copy.media, settings.MEDIA_ROOT),
        (demo_copy.private, settings.PRIVATE_ROOT),
    ]:
        shutil.copytree(shared, own, dirs_exist_ok=True, copy_function=os.link)


@pytest.fixture
def page(browser, live_server, demo, request):
    viewport = getattr(request, "param", DESKTOP)
    context = browser.new_context(viewport=viewport, locale="id-ID", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main button[type=submit]").click()


def accessibility_problems(page) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now, one line each.
    axe-core comes from npm (package-lock.json) and is injected from disk: no network."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make install-test does this).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["passes"], "axe-core checked nothing"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
