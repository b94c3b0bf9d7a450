"""The named cast (healthchecks' Alice, Bob and Charlie), shared by every test.

- ``badung_secretary``: secretariat of Dekranasda Kabupaten Badung (51.03)
- ``bali_officer``: secretariat of the provincial council of Bali (51), reads Badung's roll-up
- ``gianyar_secretary``: a sibling regency (51.04); plays Charlie in every view test

The test database holds the real official regions (all 83,762 villages), loaded once per
test database by the same service ``load_regions`` uses.

A test that asks for ``demo`` gets the demo council as ``load_demo`` builds it. The demo is
built once per test process and kept in an open transaction; each demo test runs inside it
in a savepoint that rolls back, as every database test does. The demo tests run first (so
that, under xdist, one worker builds it), and the first test without ``demo`` rolls the
demo back, so no other test ever sees it (a later demo test would build it again).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker
from pytest_django.fixtures import Settings as SettingsFixture

from kriya.accounts.models import Membership, Role, User
from kriya.regions import services as region_services
from kriya.regions.models import Council, Village

PASSWORD = "sandi-uji-2026"


def pytest_configure(config):
    from django.conf import settings

    # Real hashing takes a third of a second by design; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded and generated files (photos, imports) go to folders of this test run: public
    media and private files apart, as in production."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    settings.PRIVATE_ROOT = tmp_path_factory.mktemp("private")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        region_services.load_regions()


@dataclass(frozen=True)
class Demo:
    output: str  # what load_demo printed when it built the demo
    media: Path  # this test's MEDIA_ROOT, holding the demo's public photos
    private: Path  # this test's PRIVATE_ROOT, holding the demo's private files


class SharedDemo:
    """The demo council, built by ``load_demo`` inside a transaction left open across the
    demo tests of this process and rolled back when another test comes."""

    def __init__(self, blocker: DjangoDbBlocker, media: Path) -> None:
        self.blocker = blocker
        self.media = media
        self.private = media.parent / "private"
        self.output = ""
        self.atomic: transaction.Atomic | None = None

    def open(self) -> None:
        if self.atomic is not None:
            return
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            for folder in (self.media, self.private):
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
            out = StringIO()
            with override_settings(MEDIA_ROOT=self.media, PRIVATE_ROOT=self.private):
                call_command("load_demo", stdout=out)
            self.output = out.getvalue()

    def close(self) -> None:
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


_shared: list[SharedDemo] = []  # this process's, once a demo test has asked for it


@pytest.fixture(scope="session")
def _shared_demo(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SharedDemo]:
    # Session scope puts the demo's transaction outside the one each test runs in.
    shared = SharedDemo(django_db_blocker, tmp_path_factory.mktemp("demo") / "media")
    _shared.append(shared)
    shared.open()
    yield shared
    shared.close()


@pytest.fixture
def demo(_shared_demo: SharedDemo, db: None, settings: SettingsFixture, tmp_path: Path) -> Demo:
    """The demo council as ``load_demo`` builds it; changes made by the test roll back."""
    assert _shared_demo.atomic is not None, "the demo is opened before the test's fixtures"
    media, private = tmp_path / "media", tmp_path / "private"
    # Hard links: a test that adds or deletes files leaves the shared photos as they were.
    shutil.copytree(_shared_demo.media, media, copy_function=os.link)
    shutil.copytree(_shared_demo.private, private, copy_function=os.link)
    settings.MEDIA_ROOT, settings.PRIVATE_ROOT = media, private
    return Demo(output=_shared_demo.output, media=media, private=private)


def _wants_shared_demo(item: pytest.Item) -> bool:
    # By the session fixture, not the name: e2e/ has a `demo` of its own (live server).
    return "_shared_demo" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort, so pytest-django's order (database tests first) holds around it.
    items.sort(key=lambda item: not _wants_shared_demo(item))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the test's fixtures: the demo's transaction must enclose the test's own.
    for shared in _shared:
        if _wants_shared_demo(item):
            shared.open()
        else:
            shared.close()


def _council(code: str) -> Council:
    return region_services.create_council(code=code)


@pytest.fixture
def nation(db) -> Council:
    return _council("ID")


@pytest.fixture
def bali(db) -> Council:
    return _council("51")


@pytest.fixture
def badung(db) -> Council:
    return _council("51.03")


@pytest.fixture
def gianyar(db) -> Council:
    return _council("51.04")


def make_user(username: str, council: Council, role: str = Role.SECRETARIAT) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, first_name=username.split("_")[0].title()
    )
    Membership.objects.create(user=user, council=council, role=role)
    return user


@pytest.fixture
def badung_secretary(badung) -> User:
    return make_user("badung_secretary", badung)


@pytest.fixture
def badung_admin(badung) -> User:
    return make_user("badung_admin", badung, Role.ADMIN)


@pytest.fixture
def bali_officer(bali) -> User:
    return make_user("bali_officer", bali)


@pytest.fixture
def gianyar_secretary(gianyar) -> User:
    return make_user("gianyar_secretary", gianyar)


@pytest.fixture
def gianyar_admin(gianyar) -> User:
    return make_user("gianyar_admin", gianyar, Role.ADMIN)


@pytest.fixture
def badung_village(db) -> Village:
    return Village.objects.get(code="51.03.04.2005")  # Getasan, Kec. Petang
