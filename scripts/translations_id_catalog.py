"""Indonesian translations for the catalog's QR labels and demo catalog (see
scripts/fill-translations.py, which merges every translations_id*.py into django.po)."""

ID = {
    "Product labels": "Label produk",
    "Scan for the story and the maker's contact": "Pindai untuk kisah dan kontak perajinnya",
    "Catalog: %(products)s products, %(published)s published and %(waiting)s waiting for "
    "approval, with %(photos)s photos.": "Katalog: %(products)s produk, %(published)s tayang dan %(waiting)s menunggu "
    "persetujuan, dengan %(photos)s foto.",
}
