"""The named cast (healthchecks' Alice, Bob and Charlie), shared by every test.

- ``badung_secretary``: secretariat of Dekranasda Kabupaten Badung (51.03)
- ``bali_officer``: secretariat of the provincial council of Bali (51), reads Badung's roll-up
- ``gianyar_secretary``: a sibling regency (51.04); plays Charlie in every view test

The test database holds the real official regions (all 83,762 villages), loaded once per
test database by the same service ``load_regions`` uses.
"""

import pytest

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
