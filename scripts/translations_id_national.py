"""Indonesian translations for the national data set command (see
scripts/fill-translations.py, which merges every translations_id*.py into django.po)."""

ID = {
    "The number of businesses must be at least 1.": "Jumlah usaha paling sedikit 1.",
    "The register already holds artisans, businesses or products; generate the national data "
    "set into an empty database.": "Basis data sudah berisi perajin, usaha, atau produk; buat data set nasional di basis "
    "data yang kosong.",
    "National data set: %(councils)s councils, %(businesses)s businesses with their owners, "
    "%(products)s products.": "Data set nasional: %(councils)s dewan, %(businesses)s usaha beserta pemiliknya, "
    "%(products)s produk.",
}
