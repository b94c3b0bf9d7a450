"""Indonesian for the public gallery (home, catalog, product, business, village, region)."""

ID = {
    "Page %(n)s of %(total)s": "Halaman %(n)s dari %(total)s",
    "“%(text)s” is not a price. Write it like 250000, Rp 1.250.000 or 1,2 jt.":
        "“%(text)s” bukan harga. Tulis seperti 250000, Rp 1.250.000 atau 1,2 jt.",
    "All crafts": "Semua kerajinan",
    "All of %(family)s": "Semua %(family)s",
    "Search": "Cari",
    "Endek, silver ring, bamboo …": "Endek, cincin perak, bambu …",
    "Lowest price": "Harga terendah",
    "Highest price": "Harga tertinggi",
    "Local materials only": "Hanya bahan lokal",
    "Sort": "Urutkan",
    "Newest": "Terbaru",
    "Price: low to high": "Harga: termurah dulu",
    "Price: high to low": "Harga: termahal dulu",
    "All provinces": "Semua provinsi",
    "All regencies/cities": "Semua kabupaten/kota",
    "There is no village with the code “%(code)s”.":
        "Tidak ada desa/kelurahan dengan kode “%(code)s”.",
    "The highest price is below the lowest price.":
        "Harga tertinggi lebih rendah daripada harga terendah.",
    "Crafts of %(business)s, %(village)s, %(regency)s.":
        "Kerajinan %(business)s, %(village)s, %(regency)s.",
    "Chat on WhatsApp": "Hubungi lewat WhatsApp",
    "Products": "Produk",
    "Catalog of Indonesian crafts": "Katalog kerajinan Indonesia",
    "Filters and sorting": "Saring dan urutkan",
    "Apply filters": "Terapkan saringan",
    "Showing results for <strong>%(corrected)s</strong>. Nothing was found for “%(q)s”.":
        "Menampilkan hasil untuk <strong>%(corrected)s</strong>. Tidak ada hasil untuk "
        "“%(q)s”.",
    "1,000+ products": "1.000+ produk",
    "Remove the village filter": "Hapus saringan desa",
    "There are no products on this page.": "Tidak ada produk di halaman ini.",
    "Go to the first page": "Ke halaman pertama",
    "No products match. Try fewer or other words, or remove a filter.":
        "Tidak ada produk yang cocok. Coba kata yang lebih sedikit atau lain, atau hapus "
        "saringan.",
    "Show all products": "Tampilkan semua produk",
    "Events": "Acara",
    "No exhibitions, trainings or business meetings are announced yet. The craft councils "
    "will list them here.":
        "Belum ada pameran, pelatihan, atau temu usaha yang diumumkan. Dekranasda akan "
        "mencantumkannya di sini.",
    "Meanwhile, browse the catalog": "Sementara itu, jelajahi katalog",
    "Pages": "Halaman",
    "‹ Previous": "‹ Sebelumnya",
    "Page %(n)s": "Halaman %(n)s",
    "Next ›": "Berikutnya ›",
    "Crafts of Indonesia's villages": "Kerajinan desa-desa Indonesia",
    "Crafts of Indonesia's villages, straight from the artisans":
        "Kerajinan desa-desa Indonesia, langsung dari perajinnya",
    "Woven cloth, carvings, silver, plaiting and more, made by the members of the craft "
    "councils. Contact the maker directly.":
        "Kain tenun, ukiran, perak, anyaman, dan lainnya, buatan anggota Dekranasda. "
        "Hubungi pembuatnya langsung.",
    "From the gallery": "Dari galeri",
    "See the whole catalog": "Lihat seluruh katalog",
    "No products are published yet.": "Belum ada produk yang diterbitkan.",
    "No village has its craft icon recorded yet.":
        "Belum ada desa yang ikon kerajinannya tercatat.",
    "Upcoming events": "Acara mendatang",
    "No exhibitions or events are announced yet.":
        "Belum ada pameran atau acara yang diumumkan.",
    "You are here": "Anda di sini",
    "Made to order": "Dibuat sesuai pesanan",
    "Ready stock": "Stok tersedia",
    "Ask the maker on WhatsApp": "Tanya perajin lewat WhatsApp",
    "Made by %(business)s": "Dibuat oleh %(business)s",
    "All products of this business": "Semua produk usaha ini",
    "The story": "Kisahnya",
    "Details": "Rincian",
    "Materials": "Bahan",
    "Technique": "Teknik",
    "Weight": "Berat",
    "Share": "Bagikan",
    "Copy the link": "Salin tautan",
    "More from %(business)s": "Produk lain dari %(business)s",
    "Crafts of %(region)s": "Kerajinan %(region)s",
    "with a craft icon": "memiliki ikon kerajinan",
    "products in the catalog": "produk di katalog",
    "Regencies and cities": "Kabupaten dan kota",
    "No village here has its craft icon recorded yet.":
        "Belum ada desa di sini yang ikon kerajinannya tercatat.",
    "Newest products": "Produk terbaru",
    "All products from here in the catalog": "Semua produk dari sini di katalog",
    "No products from here are published yet.": "Belum ada produk dari sini yang diterbitkan.",
    "Village craft icon": "Ikon kerajinan desa",
    "since %(year)s": "sejak %(year)s",
    "Makers": "Perajin",
    "No products from this village are published yet.":
        "Belum ada produk dari desa ini yang diterbitkan.",
    "Hello %(business)s, I am interested in “%(product)s” (%(url)s), which I saw in the "
    "Kriya gallery. Is it still available?":
        "Halo %(business)s, saya tertarik dengan “%(product)s” (%(url)s) yang saya lihat di "
        "galeri Kriya. Apakah masih tersedia?",
    "Website": "Situs web",
    "Online shop": "Toko daring",
    "Search the catalog": "Cari di katalog",
    "Crafts of Indonesia's villages, straight from the artisans: the online catalog of the "
    "craft councils.":
        "Kerajinan desa-desa Indonesia, langsung dari perajinnya: katalog daring Dekranas "
        "dan Dekranasda.",
    "Main": "Utama",
}

PLURALS = {
    "%(n)s product": "%(n)s produk",
    "ready in about %(days)s day": "siap dalam sekitar %(days)s hari",
}
