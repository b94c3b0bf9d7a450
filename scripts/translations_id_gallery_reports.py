"""Indonesian for the gallery's consignors (applications, decisions, reviews), goods near
their best-before date, the sales reports and their Excel file, the read-only lists of day
closes and settlements, and the artisan's consignment page in the portal (kriya/sales
consignors, reports, report_views, admin; kriya/public portal; merged by
scripts/fill-translations.py)."""

ID = {
    # consignors: services and their messages
    "%(business)s is not registered in the region of %(council)s.":
        "%(business)s tidak terdaftar di wilayah %(council)s.",
    "%(business)s already consigns at the gallery.": "%(business)s sudah menitip di galeri.",
    "%(business)s already has an application waiting for a decision.":
        "%(business)s sudah memiliki permohonan yang menunggu keputusan.",
    "The application of %(business)s was already decided.":
        "Permohonan %(business)s sudah diputuskan.",
    "Give the reason for the decision.": "Isi alasan keputusan.",
    "%(business)s cannot be accepted: %(unmet)s.": "%(business)s tidak dapat diterima: %(unmet)s.",
    "Rate the quality from 1 to 5.": "Beri nilai mutu dari 1 sampai 5.",
    "Choose keep, rotate out or invite in.": "Pilih pertahankan, rotasi keluar, atau undang.",
    "%(business)s is not an active consignor; only an invitation can be decided.":
        "%(business)s bukan penitip aktif; hanya undangan yang dapat diputuskan.",
    "The period ends before it starts.": "Periode berakhir sebelum dimulai.",
    "Give the reason for returning the goods to their maker.":
        "Isi alasan mengembalikan barang kepada perajinnya.",
    # consignors: admin
    "review": "tinjauan",
    "due": "jatuh tempo",
    "standing": "status",
    "consigns": "menitip",
    "rotated out": "dirotasi keluar",
    "next review": "tinjauan berikutnya",
    "The gallery's criteria": "Kriteria galeri",
    "Decision": "Keputusan",
    "decision": "keputusan",
    "Decide": "Putuskan",
    "decide": "putuskan",
    "criteria": "kriteria",
    "all met": "semua terpenuhi",
    "KTP shown": "KTP diperlihatkan",
    "P-IRT number": "nomor P-IRT",
    # consignors: the decision page
    "Decide an application": "Putuskan permohonan",
    "Consignor application": "Permohonan penitip",
    "Lives in the region": "Berdomisili di wilayah ini",
    "Makes the goods themselves": "Membuat barangnya sendiri",
    "Halal certificate number": "Nomor sertifikat halal",
    "Sells food": "Menjual makanan",
    "not met": "tidak terpenuhi",
    "%(status)s on %(day)s by %(by)s: %(reason)s":
        "%(status)s pada %(day)s oleh %(by)s: %(reason)s",
    "It cannot be accepted yet: %(unmet)s.": "Belum dapat diterima: %(unmet)s.",
    "Accept": "Terima",
    "Reject": "Tolak",
    "Save the decision": "Simpan keputusan",
    "The application of %(business)s is decided.": "Permohonan %(business)s sudah diputuskan.",
    # consignors: the review page
    "Consignor review": "Tinjauan penitip",
    "Quality (1–5)": "Mutu (1–5)",
    "Quality": "Mutu",
    "Record": "Catat",
    "Invite": "Undang",
    "Show": "Tampilkan",
    "%(business)s: %(decision)s.": "%(business)s: %(decision)s.",
    "Hand back to the maker: %(items)s.": "Kembalikan kepada perajinnya: %(items)s.",
    "Sales at the gallery's outlets from %(start)s to %(end)s, net of voids and returns.":
        "Penjualan di gerai galeri dari %(start)s sampai %(end)s, bersih dari pembatalan dan "
        "retur.",
    "Consignors, weakest sellers first": "Penitip, yang paling sedikit terjual lebih dulu",
    "Former consignors": "Mantan penitip",
    "No consignors yet, and no business of the region has published products to invite.":
        "Belum ada penitip, dan belum ada usaha di wilayah ini dengan produk tayang untuk "
        "diundang.",
    "Last review %(day)s: %(decision)s, quality %(quality)s/5 (%(reason)s)":
        "Tinjauan terakhir %(day)s: %(decision)s, mutu %(quality)s/5 (%(reason)s)",
    "Choose a period of at most a year.": "Pilih periode paling lama satu tahun.",
    # best-before
    "Best-before dates in the next %(days)s days":
        "Tanggal kedaluwarsa dalam %(days)s hari ke depan",
    "Goods near their best-before date": "Barang mendekati tanggal kedaluwarsa",
    "Food and other goods with a best-before date that are still on the shelves, soonest "
    "first. Hand them back to their maker in time; the return is written to the stock "
    "ledger.":
        "Makanan dan barang lain bertanggal kedaluwarsa yang masih di rak, yang paling dekat "
        "lebih dulu. Kembalikan kepada perajinnya tepat waktu; pengembaliannya tercatat di "
        "buku stok.",
    "Best before": "Baik digunakan sebelum",
    "today": "hari ini",
    "Past its best-before date": "Melewati tanggal kedaluwarsa",
    "Near its best-before date": "Mendekati tanggal kedaluwarsa",
    "Return to the maker": "Kembalikan ke perajin",
    "Pieces": "Jumlah",
    "%(n)s × %(item)s returned to the maker.": "%(n)s × %(item)s dikembalikan ke perajin.",
    # the sales report and its Excel file
    "Gallery sales report": "Laporan penjualan galeri",
    "Sales report": "Laporan penjualan",  # the sidebar entry (kriya/admin_site.py PAGES)
    "Download Excel": "Unduh Excel",
    "This month is shown instead.": "Yang ditampilkan bulan ini.",
    "Sales (net)": "Penjualan (bersih)",
    "Receipts": "Transaksi",
    "Pieces sold (net)": "Barang terjual (bersih)",
    "Commission": "Komisi",
    "Makers' share": "Bagian perajin",
    "Returned by customers": "Diretur pembeli",
    "Sales (net) per day": "Penjualan (bersih) per hari",
    "The figures per day": "Angka per hari",
    "No sales in this period.": "Tidak ada penjualan pada periode ini.",
    "Per day": "Per hari",
    "Per outlet": "Per gerai",
    "Per craft category": "Per jenis kriya",
    "Per category": "Per jenis kriya",
    "Per business": "Per usaha",
    "Outlet": "Gerai",
    "Craft category": "Jenis kriya",
    "Day": "Hari",
    "Total": "Total",
    "Sales": "Penjualan",
    "Item": "Barang",
    "Pieces (net)": "Jumlah (bersih)",
    "Pieces returned": "Jumlah diretur",
    "Sales (Rp, net)": "Penjualan (Rp, bersih)",
    "Commission (Rp)": "Komisi (Rp)",
    "Makers' share (Rp)": "Bagian perajin (Rp)",
    "Stock value": "Nilai stok",
    "Stock value today": "Nilai stok hari ini",
    "Pieces on hand": "Stok",
    "At consignment price": "Dengan harga titip",
    "At selling price": "Dengan harga jual",
    "At consignment price (Rp)": "Dengan harga titip (Rp)",
    "At selling price (Rp)": "Dengan harga jual (Rp)",
    "Nothing on the shelves.": "Rak kosong.",
    "Slow movers": "Barang kurang laku",
    "Tag code": "Kode label",
    "Received on": "Diterima pada",
    "Last sold": "Terakhir terjual",
    "On hand": "Stok",
    "Consignment price (Rp)": "Harga titip (Rp)",
    "Value (Rp)": "Nilai (Rp)",
    "never": "belum pernah",
    "Every item on the shelves sold lately.": "Semua barang di rak terjual akhir-akhir ini.",
    # day closes and settlements (read-only lists)
    "cash expected": "tunai seharusnya",
    "cash counted": "tunai dihitung",
    "difference": "selisih",
    "payment": "pembayaran",
    "paid": "dibayar",
    "not paid in full": "belum lunas",
    "commission": "komisi",
    "amount due": "jumlah terutang",
    "balance": "sisa",
    "period": "periode",
    # the artisan's portal page
    "My goods at the gallery": "Barang titipan saya di galeri",
    "My goods at the gallery: stock, sales and settlements":
        "Barang titipan saya di galeri: stok, penjualan, dan pembayaran",
    "What the council's gallery and outlets hold of your goods, what sold, and what the "
    "gallery has paid you.":
        "Barang Anda yang ada di galeri dan gerai dewan, yang sudah terjual, dan yang sudah "
        "dibayarkan galeri kepada Anda.",
    "On the shelves now": "Di rak sekarang",
    "None of your goods is on the council's shelves now.":
        "Saat ini tidak ada barang Anda di rak dewan.",
    "Sales in the last three months": "Penjualan tiga bulan terakhir",
    "sold": "terjual",
    "your share": "bagian Anda",
    "returned by the customer": "diretur pembeli",
    "Your share <strong>%(share)s</strong> of %(total)s":
        "Bagian Anda <strong>%(share)s</strong> dari %(total)s",
    "No sales since %(since)s.": "Belum ada penjualan sejak %(since)s.",
    "Settlements": "Pembayaran hasil penjualan",
    "Paid": "Dibayar",
    "Amount due to you": "Hak Anda",
    "Still to be paid": "Belum dibayar",
    "No settlement yet. The gallery settles sold goods with their makers every month.":
        "Belum ada pembayaran. Galeri membayar hasil penjualan kepada perajin setiap bulan.",
}

PLURALS = {
    "%(n)s piece on the shelf": "%(n)s buah di rak",
    "%(n)s piece on hand": "%(n)s buah di rak",
    "expired %(n)s day ago": "kedaluwarsa %(n)s hari lalu",
    "in %(n)s day": "%(n)s hari lagi",
    "Nothing on the shelves reaches its best-before date in the next %(days)s day.":
        "Tidak ada barang di rak yang mencapai tanggal kedaluwarsa dalam %(days)s hari ke "
        "depan.",
    "%(n)s published product": "%(n)s produk tayang",
    "%(n)s piece sold, %(amount)s": "%(n)s buah terjual, %(amount)s",
    "%(n)s on hand": "stok %(n)s",
    "Businesses to invite: the %(n)s with the most published products":
        "Usaha untuk diundang: %(n)s usaha dengan produk tayang terbanyak",
    "%(n)s piece returned (%(amount)s)": "%(n)s buah diretur (%(amount)s)",
    "On the shelf for at least %(days)s day without a sale, oldest intake first.":
        "Sudah paling sedikit %(days)s hari di rak tanpa terjual, penerimaan terlama lebih "
        "dulu.",
}
