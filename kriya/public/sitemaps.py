"""The sitemap: published products, the businesses and villages that show them.

Each URL is listed once, in Indonesian (the site's default); every page names its English
twin with hreflang. (Django's i18n sitemaps build the whole item list in memory, which a
million products would not survive.)
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from kriya.catalog.models import Product
from kriya.public.views.gallery import makers, published
from kriya.regions.models import Village
from kriya.registry.models import Business


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return published().only("id", "name", "updated_at").order_by("id")

    def lastmod(self, item: Product):
        return item.updated_at

    def location(self, item: Product) -> str:
        with translation.override("id"):
            return item.get_absolute_url()


class BusinessSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return makers(published()).only("id", "name").order_by("id")

    def location(self, item: Business) -> str:
        with translation.override("id"):
            return reverse("public:business", args=[item.slug])


class VillageSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return (
            Village.objects.public()
            .filter(code__in=published().values("business__village_id"))
            .only("code")
            .order_by("code")
        )

    def location(self, item: Village) -> str:
        with translation.override("id"):
            return reverse("public:village", args=[item.code])


SITEMAPS = {"produk": ProductSitemap, "usaha": BusinessSitemap, "desa": VillageSitemap}
