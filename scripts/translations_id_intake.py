"""Indonesian for recording a consignment intake (titip jual) and the stock per outlet:
the intake form, the intake's page, the stock page with its transfer and correction
(kriya/sales intake_views, intake_forms, templates sales/intake_*.html and stock.html;
merged by scripts/fill-translations.py). Words shared with other sales areas carry the
same Indonesian."""

ID = {
    # shared words, as the other sales areas translate them
    "Outlet": "Gerai",
    "Business": "Usaha",
    "Product": "Produk",
    "Pieces": "Jumlah",
    "Note": "Catatan",
    "Reason": "Alasan",
    "Received on": "Diterima pada",
    "Best before": "Baik digunakan sebelum",
    "Tag code": "Kode label",
    "Commission": "Komisi",
    "Commission (%)": "Komisi (%)",
    "Consignment price (Rp)": "Harga titip (Rp)",
    "Selling price (Rp)": "Harga jual (Rp)",
    "Total": "Total",
    "Show": "Tampilkan",
    "Search": "Cari",
    "Previous": "Sebelumnya",
    "Next": "Berikutnya",
    "Pages": "Halaman",
    "closed": "tutup",
    "by": "oleh",
    # the intake form (intake_forms.py, intake_new.html)
    "New consignment intake": "Terima titipan baru",
    "Consignment intake": "Penerimaan titipan",
    "Outlet: choose where the goods go.": "Gerai: pilih ke mana barang masuk.",
    "Outlet: choose an open outlet of the council.":
        "Gerai: pilih gerai dewan yang masih buka.",
    "— choose the maker's business —": "— pilih usaha perajin —",
    "Business: choose the maker's business.": "Usaha: pilih usaha perajin.",
    "Business: only the gallery's active consignors may bring goods; accept the "
    "business's application first.":
        "Usaha: hanya penitip aktif galeri yang boleh menitipkan barang; terima dulu "
        "permohonan usaha ini.",
    "Received on: give the date.": "Diterima pada: isi tanggalnya.",
    "Received on: write the date as dd-mm-yyyy.":
        "Diterima pada: tulis tanggal sebagai hh-bb-tttt.",
    "Received on: the date cannot be in the future.":
        "Diterima pada: tanggal tidak boleh di masa depan.",
    "Note: at most 255 characters.": "Catatan: paling banyak 255 karakter.",
    "— choose a product —": "— pilih produk —",
    "— choose the business first —": "— pilih usaha dulu —",
    "Product: choose a product.": "Produk: pilih produknya.",
    "Product: choose a product of the chosen business.":
        "Produk: pilih produk milik usaha yang dipilih.",
    "Pieces: give how many pieces.": "Jumlah: isi berapa buah.",
    "Pieces: write a whole number.": "Jumlah: tulis bilangan bulat.",
    "Pieces: at least 1.": "Jumlah: paling sedikit 1.",
    "Pieces: at most %(limit_value)s.": "Jumlah: paling banyak %(limit_value)s.",
    "Commission: write a percentage, for example 20.":
        "Komisi: tulis persentase, misalnya 20.",
    "Commission: not below 0%.": "Komisi: tidak boleh di bawah 0%.",
    "Commission: not above 100%.": "Komisi: tidak boleh di atas 100%.",
    "Commission: at most two decimals.": "Komisi: paling banyak dua angka desimal.",
    "Best before: write the date as dd-mm-yyyy.":
        "Baik digunakan sebelum: tulis tanggal sebagai hh-bb-tttt.",
    "One of a kind": "Satu-satunya",
    "one of a kind": "satu-satunya (unik)",
    "One of a kind (a tag per piece)": "Satu-satunya (satu label per buah)",
    "Line %(n)s: %(error)s": "Baris %(n)s: %(error)s",
    "Line %(n)s": "Baris %(n)s",
    "Add at least one product to the intake.": "Tambahkan paling sedikit satu produk.",
    "Intake from %(business)s recorded: %(n)s pieces.":
        "Titipan dari %(business)s dicatat: %(n)s buah.",
    "Consignment price": "Harga titip",
    "leave it empty to use this": "kosongkan untuk memakai ini",
    "Consignment price: left empty, it is the selling price less the commission.":
        "Harga titip: bila kosong, harga jual dikurangi komisi.",
    "Only the cashier, the secretariat and administrators record intakes; you can read "
    "the intakes and the stock.":
        "Hanya kasir, sekretariat, dan administrator yang mencatat titipan; Anda dapat "
        "melihat titipan dan stok.",
    "The council has no open outlet yet; add one first.":
        "Dewan belum punya gerai yang buka; tambahkan dulu.",
    "The intake is not recorded yet:": "Titipan belum dicatat:",
    "commission": "komisi",
    "Choose": "Pilih",
    "Only the gallery's active consignors are listed.":
        "Hanya penitip aktif galeri yang ditampilkan.",
    "Add a line": "Tambah baris",
    "Record the intake": "Catat titipan",
    "The commission is the outlet's usual one; change it on a line for a different "
    "agreement. One-of-a-kind work gets an item and a tag per piece.":
        "Komisi mengikuti komisi biasa gerai; ubah di baris untuk kesepakatan lain. Karya "
        "satu-satunya mendapat satu barang dan satu label per buah.",
    "%(business)s has no products in the catalogue yet; add them first.":
        "%(business)s belum punya produk di katalog; tambahkan dulu.",
    # the intake's page (intake_detail.html)
    "received on": "diterima pada",
    "Print the receipt (PDF)": "Cetak tanda terima (PDF)",
    "Print the price tags (PDF)": "Cetak label harga (PDF)",
    "Another intake from this business": "Titipan lain dari usaha ini",
    "Selling price": "Harga jual",
    # the stock page (stock.html)
    "Stock on hand": "Stok",
    "transfer · correct": "pindah · koreksi",
    "Transfer": "Pindahkan",
    "Correct": "Koreksi",
    "To outlet": "Ke gerai",
    "To outlet: choose where the pieces go.": "Ke gerai: pilih ke mana barang dipindah.",
    "To outlet: choose another open outlet of the council.":
        "Ke gerai: pilih gerai lain dewan yang masih buka.",
    "Pieces: give how many pieces to move.": "Jumlah: isi berapa buah yang dipindah.",
    "Pieces: move at least 1.": "Jumlah: pindahkan paling sedikit 1.",
    "Pieces (+ found, − missing)": "Jumlah (+ ditemukan, − hilang)",
    "Pieces ±": "Jumlah ±",
    "Pieces: give the correction, e.g. -2.": "Jumlah: isi koreksinya, misalnya -2.",
    "Pieces: write a whole number, e.g. -2.": "Jumlah: tulis bilangan bulat, misalnya -2.",
    "Pieces: at least %(limit_value)s.": "Jumlah: paling sedikit %(limit_value)s.",
    "Reason: give the reason for the stock correction.":
        "Alasan: isi alasan koreksi stok.",
    "Reason: at most 255 characters.": "Alasan: paling banyak 255 karakter.",
    "Stock-take": "Stock opname",
    "%(n)s × %(item)s moved to %(outlet)s.": "%(n)s × %(item)s dipindah ke %(outlet)s.",
    "Stock of %(item)s corrected by %(n)+d.": "Stok %(item)s dikoreksi %(n)+d.",
    "The council has no outlet yet.": "Dewan belum punya gerai.",
    "Tag code or product name": "Kode label atau nama produk",
    "Consignment value": "Nilai titip",
    "Total at this outlet": "Total di gerai ini",
    "Page %(n)s of %(total)s": "Halaman %(n)s dari %(total)s",
    "Nothing on hand at %(outlet)s matches “%(q)s”.":
        "Tidak ada stok di %(outlet)s yang cocok dengan “%(q)s”.",
    "Nothing on hand at %(outlet)s.": "Tidak ada stok di %(outlet)s.",
}

PLURALS = {
    "%(n)s item, %(pieces)s pieces, worth %(value)s.":
        "%(n)s barang, %(pieces)s buah, senilai %(value)s.",
}
