"""Indonesian for the consignment ledger's later parts: consignors, one-of-a-kind pieces,
voids, the day close, refunds and settlements (kriya/sales models, services, settlement)."""

ID = {
    # models
    "The outlet's usual commission; an intake may agree another.":
        "Komisi yang biasa berlaku di gerai ini; penerimaan titip dapat menyepakati yang lain.",
    "one of a kind": "satu-satunya (unik)",
    "day": "hari",
    "voided at": "dibatalkan pada",
    "voided by": "dibatalkan oleh",
    "reason for the void": "alasan pembatalan",
    "commission (Rp)": "komisi (Rp)",
    "settlement": "penyelesaian",
    "settlements": "penyelesaian",
    "voided sale": "penjualan dibatalkan",
    "refund (Rp)": "pengembalian uang (Rp)",
    "commission refunded (Rp)": "komisi yang dikembalikan (Rp)",
    "day close": "tutup kas harian",
    "day closes": "tutup kas harian",
    "sales": "penjualan",
    "totals per payment method": "total per cara bayar",
    "cash expected (Rp)": "kas seharusnya (Rp)",
    "cash counted (Rp)": "kas dihitung (Rp)",
    "note on the difference": "catatan selisih",
    "closed by": "ditutup oleh",
    "closed at": "ditutup pada",
    "period from": "periode dari",
    "period to": "periode sampai",
    "pieces sold": "barang terjual",
    "sales (Rp)": "penjualan (Rp)",
    "amount due (Rp)": "jumlah terutang (Rp)",
    "paid (Rp)": "dibayar (Rp)",
    "paid on": "dibayar pada",
    "paid by": "dibayar oleh",
    "settled by": "diselesaikan oleh",
    "consignor": "penitip",
    "consignors": "penitip",
    "may consign": "boleh menitip",
    "since": "sejak",
    "next review": "tinjauan berikutnya",
    "waiting for a decision": "menunggu keputusan",
    "accepted": "diterima",
    "rejected": "ditolak",
    "consignor application": "permohonan penitip",
    "consignor applications": "permohonan penitip",
    "submitted on": "diajukan pada",
    "KTP shown": "KTP diperlihatkan",
    "lives in the region": "berdomisili di wilayah ini",
    "makes the goods themselves": "memproduksi barang sendiri",
    "sells food": "menjual makanan",
    "P-IRT number": "nomor P-IRT",
    "halal certificate number": "nomor sertifikat halal",
    "reason for the decision": "alasan keputusan",
    "decided by": "diputuskan oleh",
    "decided on": "diputuskan pada",
    "no KTP shown": "KTP tidak diperlihatkan",
    "does not live in the region": "tidak berdomisili di wilayah ini",
    "does not make the goods": "tidak memproduksi barangnya sendiri",
    "food without both a P-IRT number and a halal certificate":
        "makanan tanpa nomor P-IRT dan sertifikat halal sekaligus",
    "keep": "pertahankan",
    "rotate out": "rotasi keluar",
    "invite in": "undang masuk",
    "reviewed on": "ditinjau pada",
    "quality (1–5)": "mutu (1–5)",
    "decision": "keputusan",
    "consignor review": "tinjauan penitip",
    "consignor reviews": "tinjauan penitip",
    # services
    "%(business)s is not one of the gallery's consignors; accept its application first.":
        "%(business)s belum menjadi penitip galeri; terima dulu permohonannya.",
    "Line %(n)s: %(product)s is not a product of %(business)s.":
        "Baris %(n)s: %(product)s bukan produk %(business)s.",
    "Line %(n)s: bring in at least one piece of %(product)s.":
        "Baris %(n)s: terima paling sedikit satu barang %(product)s.",
    "Line %(n)s: %(product)s cannot have a price below zero.":
        "Baris %(n)s: harga %(product)s tidak boleh di bawah nol.",
    "The till of %(outlet)s is already closed for today.":
        "Kas %(outlet)s sudah ditutup untuk hari ini.",
    "Sale #%(sale)s was voided; nothing of it can be returned.":
        "Penjualan #%(sale)s sudah dibatalkan; tidak ada yang dapat diretur.",
    "Only the secretariat or an administrator may void a sale.":
        "Hanya sekretariat atau administrator yang boleh membatalkan penjualan.",
    "Give the reason for the void.": "Isi alasan pembatalan.",
    "Sale #%(sale)s is already voided.": "Penjualan #%(sale)s sudah dibatalkan.",
    "The day of sale #%(sale)s is closed; take a return instead.":
        "Kas hari penjualan #%(sale)s sudah ditutup; catat sebagai retur.",
    "Part of sale #%(sale)s was already returned; take a return for the rest.":
        "Sebagian penjualan #%(sale)s sudah diretur; catat retur untuk sisanya.",
    "Sale #%(sale)s is already settled with its maker.":
        "Penjualan #%(sale)s sudah diselesaikan dengan perajinnya.",
    "The cash counted cannot be below zero.": "Kas yang dihitung tidak boleh di bawah nol.",
    "%(outlet)s is already closed for %(day)s.": "Kas %(outlet)s sudah ditutup untuk %(day)s.",
    "The cash counted differs from the %(expected)s expected; write down why.":
        "Kas yang dihitung berbeda dari %(expected)s yang seharusnya; tuliskan sebabnya.",
    "Give the reason for returning the goods to their maker.":
        "Isi alasan mengembalikan barang kepada perajinnya.",
    # settlement
    "The period ends before it starts.": "Periode berakhir sebelum dimulai.",
    "Settle a period only after its last day (%(day)s).":
        "Periode baru dapat diselesaikan setelah hari terakhirnya (%(day)s).",
    "%(business)s has nothing to settle up to %(day)s.":
        "%(business)s tidak memiliki penjualan yang perlu diselesaikan sampai %(day)s.",
    "Already settled for a period reaching into this one: %(names)s.":
        "Sudah diselesaikan untuk periode yang tumpang tindih dengan periode ini: %(names)s.",
    "Give the payment's reference (transfer number or receipt).":
        "Isi referensi pembayaran (nomor transfer atau kuitansi).",
    "The amount paid must be above zero.": "Jumlah yang dibayar harus lebih dari nol.",
    "%(amount)s is more than the balance of %(balance)s.":
        "%(amount)s melebihi sisa %(balance)s.",
    "The till": "Kasir",
    "The till of %(outlet)s is already closed for today; take the return tomorrow.":
        "Kas %(outlet)s sudah ditutup untuk hari ini; catat returnya besok.",
    "Sale #%(sale)s is from an earlier day; take a return instead.":
        "Penjualan #%(sale)s dari hari sebelumnya; catat sebagai retur.",
    "Take in consigned goods": "Terima titipan",
    "Stock per outlet": "Stok per gerai",
    "Statement": "Laporan",
}
