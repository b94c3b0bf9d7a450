"""The demo catalog, loaded as `make demo` loads it: through ``load_demo``, twice.

``demo`` (root conftest.py) is the demo as load_demo built it, with its photos in
``demo.media``, this test's MEDIA_ROOT."""

from io import StringIO

from django.core.management import call_command

from kriya.accounts.models import User
from kriya.catalog.models import Product, ProductPhoto
from kriya.catalog.search import search_products
from kriya.regions.models import Council


def counts() -> dict[str, int]:
    return {
        "products": Product.objects.count(),
        "photos": ProductPhoto.objects.count(),
        "published": Product.objects.published().count(),
        "waiting": Product.objects.filter(status=Product.Status.SUBMITTED).count(),
    }


def test_loading_twice_adds_nothing_and_says_what_is_there(demo):
    before = counts()
    files = sorted(p for p in demo.media.rglob("*") if p.is_file())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert files and sorted(p for p in demo.media.rglob("*") if p.is_file()) == files
    line = next(
        line for line in out.getvalue().splitlines() if "Katalog" in line or "Catalog" in line
    )
    assert str(before["products"]) in line and str(before["waiting"]) in line
    assert line in demo.output.splitlines()  # the first run printed the same figures


def test_both_councils_have_a_catalog_of_their_crafts_with_photos(demo):
    for code, businesses in [("51.03", 50), ("51.04", 12)]:
        council = Council.objects.get(code=code)
        products = Product.objects.within(council)
        assert products.values("business").distinct().count() >= businesses
        assert products.filter(status=Product.Status.SUBMITTED).exists()
        assert products.published().count() > products.count() * 0.75
    assert 200 <= Product.objects.count() <= 400
    assert Product.objects.published().filter(featured=True).count() >= 4

    # Every published product has a photo, with its renditions on disk.
    published = Product.objects.published().prefetch_related("photos")
    for product in published:
        photo = product.photos.all()[0]
        for file in (photo.image, photo.thumb, photo.small):
            assert (demo.media / file.name).is_file()
        assert (photo.width, photo.height) == (640, 480)

    # Badung's known craft villages are there, found as a visitor searches.
    for village, word in [("Getasan", "endek"), ("Mengwi", "tedung"), ("Jagapati", "kayu")]:
        found = search_products(published, f"{word} {village}").queryset
        assert found.exists(), (word, village)
    endek = published.filter(category__slug="endek").first()
    assert endek.price >= 100_000 and endek.story and endek.local_material


def test_the_demo_artisan_login_has_her_own_business_and_products(demo):
    artisan = User.objects.get(username="badung.perajin").artisan
    assert artisan.name == "Ni Ketut Sukerti"
    products = Product.objects.filter(business__owner=artisan)
    assert {p.status for p in products} == {"published", "submitted", "draft"}
    assert all(p.business.village.name == "Getasan" for p in products)
