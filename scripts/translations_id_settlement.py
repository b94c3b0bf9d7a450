"""Indonesian for settling with the makers: the settlement pages, the payment form, the
statement (laporan penjualan titip jual), the intake receipt (tanda terima titip jual) and
the price tags (kriya/sales settlement_views, statements; merged by
scripts/fill-translations.py). Words shared with other areas carry the same Indonesian."""

ID = {
    # shared words, as the other sales areas translate them
    "Sales": "Penjualan",
    "Commission": "Komisi",
    "Paid": "Dibayar",
    "paid": "dibayar",
    "Pieces": "Jumlah",
    "Total": "Total",
    "Outlet": "Gerai",
    "Tag code": "Kode label",
    "Show": "Tampilkan",
    "Note": "Catatan",
    "Best before": "Baik digunakan sebelum",
    "Received by": "Diterima oleh",
    "Reference": "Referensi",
    "Phone": "Telepon",
    # settlement pages (settlement_views.py, settlement_list.html, settlement_detail.html)
    "Month": "Bulan",
    "Month: choose the month to settle.": "Bulan: pilih bulan yang akan diselesaikan.",
    "Month: write it as year-month, for example 2026-10.": "Bulan: tulis sebagai tahun-bulan, misalnya 2026-10.",
    "Settlements with the makers": "Penyelesaian dengan perajin",
    "%(n)s settlements made for %(month)s.": "%(n)s penyelesaian dibuat untuk %(month)s.",
    "Nothing to settle up to %(day)s.": "Tidak ada yang perlu diselesaikan sampai %(day)s.",
    "Amount paid (Rp)": "Jumlah dibayar (Rp)",
    "Amount paid: give the amount transferred or handed over.": "Jumlah dibayar: isi jumlah yang ditransfer atau diserahkan.",
    "The transfer number or the receipt number.": "Nomor transfer atau nomor kuitansi.",
    "Reference: give the transfer or receipt number.": "Referensi: isi nomor transfer atau nomor kuitansi.",
    "Reference: at most 100 characters.": "Referensi: paling banyak 100 karakter.",
    "Paid on": "Tanggal bayar",
    "Paid on: give the date of the payment.": "Tanggal bayar: isi tanggal pembayaran.",
    "Paid on: write the date as dd-mm-yyyy.": "Tanggal bayar: tulis tanggalnya sebagai hh-bb-tttt.",
    "Paid on: the date cannot be in the future.": "Tanggal bayar: tanggalnya tidak boleh di masa depan.",
    "Paid on: the date must be after the period (%(day)s).": "Tanggal bayar: tanggalnya harus sesudah periode (%(day)s).",
    "Payment of %(amount)s recorded.": "Pembayaran %(amount)s dicatat.",
    "%(business)s, your consignment statement for %(period)s: amount due %(due)s, paid "
    "%(paid)s, balance %(balance)s. Open it here: %(link)s": "%(business)s, laporan titip jual Anda untuk %(period)s: jumlah terutang %(due)s, "
    "dibayar %(paid)s, sisa %(balance)s. Buka di sini: %(link)s",
    "The sales of this settlement no longer add up to its figures; no statement can be "
    "printed. Tell the administrator.": "Penjualan dalam penyelesaian ini tidak lagi cocok dengan angkanya; laporan tidak "
    "dapat dicetak. Beri tahu administrator.",
    "Copies per piece": "Salinan per barang",
    "Tags already used on the sheet": "Label yang sudah terpakai di lembar",
    "Too many tags for one PDF; print fewer copies.": "Terlalu banyak label untuk satu PDF; cetak lebih sedikit salinan.",
    "Settlements of %(month)s": "Penyelesaian %(month)s",
    "Settled on %(day)s by %(by)s.": "Diselesaikan pada %(day)s oleh %(by)s.",
    "Pieces sold": "Barang terjual",
    "Gallery commission": "Komisi galeri",
    "Due to the maker": "Hak perajin",
    "%(day)s, ref. %(reference)s": "%(day)s, ref. %(reference)s",
    "nothing yet": "belum ada",
    "Balance": "Sisa",
    "Unpaid from earlier settlements": "Belum dibayar dari penyelesaian sebelumnya",
    "Statement (PDF)": "Laporan (PDF)",
    "Send on WhatsApp": "Kirim lewat WhatsApp",
    "Send on WhatsApp (choose the contact)": "Kirim lewat WhatsApp (pilih kontaknya)",
    "The business has no WhatsApp number in the register.": "Usaha ini belum memiliki nomor WhatsApp di pendataan.",
    "Link for the maker (opens without logging in, for %(days)s days)": "Tautan untuk perajin (dibuka tanpa masuk, berlaku %(days)s hari)",
    "Record a payment": "Catat pembayaran",
    "Record the payment": "Simpan pembayaran",
    "Sales settled": "Penjualan yang diselesaikan",
    "Sale total": "Total penjualan",
    "Maker's share": "Bagian perajin",
    "No sales in this settlement.": "Tidak ada penjualan dalam penyelesaian ini.",
    "Sold": "Terjual",
    "Returns deducted": "Retur yang dipotong",
    "Refund": "Pengembalian uang",
    "Returned": "Diretur",
    "deducted from the next": "dipotong dari penyelesaian berikutnya",
    "nothing due": "tidak ada yang terutang",
    "partly paid": "dibayar sebagian",
    "unpaid": "belum dibayar",
    "Previous month": "Bulan sebelumnya",
    "Next month": "Bulan berikutnya",
    "Waiting to be settled up to %(day)s": "Menunggu diselesaikan sampai %(day)s",
    "Sales lines": "Baris penjualan",
    "Returns": "Retur",
    "Settle this month": "Selesaikan bulan ini",
    "Every sale and return not yet settled up to %(day)s is settled, once, one settlement "
    "per business.": "Setiap penjualan dan retur yang belum diselesaikan sampai %(day)s diselesaikan, "
    "sekali saja, satu penyelesaian per usaha.",
    "This month can be settled from %(day)s, after its last day.": "Bulan ini dapat diselesaikan mulai %(day)s, setelah hari terakhirnya.",
    "Nothing is waiting to be settled.": "Tidak ada yang menunggu diselesaikan.",
    "No settlement for this month yet.": "Belum ada penyelesaian untuk bulan ini.",
    # the intake admin's buttons to these papers (kriya/sales/admin.py, when wired)
    "Receipt to sign (PDF)": "Tanda terima untuk ditandatangani (PDF)",
    "Price tags, one per piece (PDF)": "Label harga, satu per barang (PDF)",
    # the papers (statements.py and its templates)
    "Consignment receipt": "Tanda terima titip jual",
    "Price tags": "Label harga",
    "Consignment sales statement": "Laporan penjualan titip jual",
    "Date received": "Tanggal diterima",
    "Consignment price": "Harga titip",
    "Selling price": "Harga jual",
    "Value at consignment price": "Nilai dengan harga titip",
    "The goods above are left with %(outlet)s to be sold on consignment (titip jual) and "
    "stay the maker's property until they are sold. The gallery sells each piece at its "
    "selling price and keeps the commission shown; for each piece sold the maker receives "
    "the rest (the consignment price when sold at the full price). Sales are settled with "
    "the maker monthly, after the month ends, with a statement of every piece sold. The "
    "maker may take back unsold goods, and the gallery may return goods that do not sell, "
    "with a record in the ledger. Keep this receipt.": "Barang di atas dititipkan kepada %(outlet)s untuk dijual secara titip jual "
    "(konsinyasi) dan tetap menjadi milik perajin sampai terjual. Galeri menjual setiap "
    "barang dengan harga jualnya dan mengambil komisi yang tertera; untuk setiap barang "
    "yang terjual perajin menerima sisanya (harga titip bila terjual dengan harga penuh). "
    "Penjualan diselesaikan dengan perajin setiap bulan, setelah bulan berakhir, disertai "
    "laporan setiap barang yang terjual. Perajin dapat mengambil kembali barang yang "
    "belum terjual, dan galeri dapat mengembalikan barang yang tidak laku, dengan "
    "catatan di buku stok. Simpan tanda terima ini.",
    "The maker": "Perajin",
    "Gallery officer": "Petugas galeri",
    "Settled on": "Diselesaikan pada",
    "Printed on": "Dicetak pada",
    "Totals": "Rekapitulasi",
    "Gross sales": "Penjualan kotor",
    "Amount due to the maker": "Jumlah terutang kepada perajin",
    "ref.": "ref.",
    "Balance of this statement": "Sisa laporan ini",
    "Unpaid from earlier statements": "Belum dibayar dari laporan sebelumnya",
    "Still owed to the maker": "Masih terutang kepada perajin",
    "Received by the maker": "Diterima oleh perajin",
}
