"""Indonesian translations for the gallery till at /kasir/: scanning, the cart, payment,
receipts, returns, voids and the day close (kriya/sales/till*.py, templates/sales/till*;
merged by scripts/fill-translations.py). The JS strings are here too: the page hands
them to till.js in data-t-* attributes. The service messages the till shows are repeated
here so that the till is whole in Indonesian whatever order the areas land in."""

ID = {
    # Pages and navigation
    "Till": "Kasir",
    "Today's sales": "Penjualan hari ini",
    "Day close": "Tutup kasir",
    "Other outlet": "Ganti gerai",
    "Where do you sell today?": "Di gerai mana Anda berjualan hari ini?",
    "Your council has no active outlet. The secretariat adds outlets in the back office "
    "(Gallery sales → Outlets).":
        "Dewan Anda belum punya gerai yang aktif. Sekretariat menambahkan gerai di kantor "
        "belakang (Penjualan galeri → Gerai).",
    "The till is used by the council's gallery cashiers, secretariat and administrators. "
    "Your role in this council may not open it: switch role or ask your council's "
    "administrator.":
        "Kasir dipakai oleh kasir galeri, sekretariat dan administrator dewan. Peran Anda di "
        "dewan ini tidak dapat membukanya: ganti peran atau hubungi administrator dewan Anda.",
    # The till
    "Add items": "Tambah barang",
    "Tag code or product name": "Kode label atau nama produk",
    "Scan a tag, or type a code or name": "Pindai label, atau ketik kode/nama",
    "Add": "Tambah",
    "Camera": "Kamera",
    "A scanner types the code and Enter. Type 3*code to add three pieces.":
        "Pemindai mengetik kode lalu Enter. Ketik 3*kode untuk menambah tiga barang.",
    "Matching items": "Barang yang cocok",
    "Cart": "Keranjang",
    "The cart is empty: scan a tag or type a code or name above.":
        "Keranjang masih kosong: pindai label atau ketik kode/nama di atas.",
    "stock": "stok",
    "Price": "Harga",
    "Qty": "Jml",
    "One less": "Kurangi satu",
    "One more": "Tambah satu",
    "Discount (Rp)": "Diskon (Rp)",
    "Subtotal": "Subtotal",
    "Remove (Delete)": "Hapus (Delete)",
    "Remove": "Hapus",
    "Payment": "Pembayaran",
    "Total": "Total",
    "Your discount limit: %(limit)s%% of a line.":
        "Batas diskon Anda: %(limit)s%% dari satu baris.",
    "Paid by": "Dibayar dengan",
    "Amount paid": "Uang diterima",
    "Empty: the exact amount.": "Kosong: uang pas.",
    "Exact money": "Uang pas",
    "Change given": "Kembalian",
    "Payment reference": "Referensi pembayaran",
    "Required for a bank transfer.": "Wajib untuk transfer bank.",
    "Pay and print the receipt": "Bayar dan cetak struk",
    "Empty the cart": "Kosongkan keranjang",
    "Keyboard shortcuts": "Pintasan keyboard",
    "add the item, or choose the match": "tambah barang, atau pilih yang cocok",
    "move through the matches": "pindah di antara barang yang cocok",
    "quantity of the last line": "jumlah baris terakhir",
    "from the empty scan field: select a line, then + or − for its quantity":
        "dari kolom pindai yang kosong: pilih baris, lalu + atau − untuk jumlahnya",
    "remove the selected line": "hapus baris yang dipilih",
    "go to the payment": "ke pembayaran",
    "pay": "bayar",
    "clear the input, back to scanning": "kosongkan isian, kembali memindai",
    "Scan with the camera": "Pindai dengan kamera",
    "Close (Esc)": "Tutup (Esc)",
    "The till is closed": "Kasir sudah ditutup",
    "The day of %(day)s at %(outlet)s is closed: no more sales today. Returns can still be "
    "taken from a sale's page.":
        "Hari %(day)s di %(outlet)s sudah ditutup: tidak ada penjualan lagi hari ini. Retur "
        "masih dapat dicatat dari halaman penjualannya.",
    "See the day close": "Lihat tutup kasir",
    "%(outlet)s does not sell today (inactive, or outside its opening dates).":
        "%(outlet)s tidak berjualan hari ini (tidak aktif, atau di luar tanggal bukanya).",
    # The till's script (data-t-* attributes)
    "Nothing in stock here matches “{text}”.":
        "Tidak ada barang dengan stok di sini yang cocok dengan “{text}”.",
    "{item} has no stock at this outlet.": "{item} tidak ada stoknya di gerai ini.",
    "Sell at least one piece of {item}.": "Jual paling sedikit satu {item}.",
    "Only {n} of {item} left here.": "Stok {item} di sini tinggal {n}.",
    "The discount on {item} is above your limit of {limit}%% (at most {max}).":
        "Diskon untuk {item} melebihi batas Anda, {limit}%% (paling banyak {max}).",
    "The discount on {item} must be an amount in rupiah, for example 10.000.":
        "Diskon untuk {item} harus berupa jumlah rupiah, misalnya 10.000.",
    "{item} added.": "{item} ditambahkan.",
    "{item} removed.": "{item} dihapus.",
    "The cart is empty: scan or type an item first.":
        "Keranjang masih kosong: pindai atau ketik barang dulu.",
    "short by {amount}": "kurang {amount}",
    "The amount paid is short by {amount}.": "Uang yang diterima kurang {amount}.",
    "{n} items found: choose with ↑ ↓ and Enter.":
        "{n} barang ditemukan: pilih dengan ↑ ↓ lalu Enter.",
    "The server cannot be reached; try again.": "Server tidak dapat dihubungi; coba lagi.",
    "Saving the sale…": "Menyimpan penjualan…",
    "Point the camera at the QR code on the tag.": "Arahkan kamera ke kode QR pada label.",
    "The camera could not be opened.": "Kamera tidak dapat dibuka.",
    "Empty the cart?": "Kosongkan keranjang?",
    "This cart was sent already: paying again shows its receipt, never a second sale. Empty "
    "the cart to start a new sale.":
        "Keranjang ini sudah dikirim: membayar lagi menampilkan struknya, tidak pernah "
        "penjualan kedua. Kosongkan keranjang untuk memulai penjualan baru.",
    # The sale form and its messages
    "Quantity": "Jumlah",
    "Write how many pieces.": "Isi jumlah barang.",
    "The quantity must be a whole number.": "Jumlah harus berupa bilangan bulat.",
    "Sell at least one piece.": "Jual paling sedikit satu barang.",
    "At most %(limit_value)s pieces in one line.":
        "Paling banyak %(limit_value)s barang dalam satu baris.",
    "Discount": "Diskon",
    "The till form is incomplete; reload the page.":
        "Formulir kasir tidak lengkap; muat ulang halaman.",
    "Scan or choose at least one item.": "Pindai atau pilih paling sedikit satu barang.",
    "At most %(n)s lines in one sale.": "Paling banyak %(n)s baris dalam satu penjualan.",
    "Write the transfer's reference.": "Isi referensi transfer.",
    "%(item)s has no stock at %(outlet)s.": "%(item)s tidak ada stoknya di %(outlet)s.",
    "That item is not in stock here.": "Barang itu tidak ada stoknya di sini.",
    "Nothing in stock here matches “%(text)s”.":
        "Tidak ada barang dengan stok di sini yang cocok dengan “%(text)s”.",
    "An item of this sale is not in this council's stock.":
        "Ada barang dalam penjualan ini yang tidak ada di stok dewan ini.",
    # The receipt
    "Paper": "Kertas",
    "Print (Ctrl+P)": "Cetak (Ctrl+P)",
    "New sale": "Transaksi baru",
    "Cashier": "Kasir",
    "VOIDED": "DIBATALKAN",
    "Items": "Barang",
    "Item": "Barang",
    "Amount": "Jumlah",
    "incl. discount %(amount)s": "termasuk diskon %(amount)s",
    "Paid": "Dibayar",
    "Reference": "Referensi",
    "Thank you for supporting our craftspeople.": "Terima kasih telah mendukung perajin kami.",
    "Send by WhatsApp": "Kirim lewat WhatsApp",
    "Customer's WhatsApp number (optional)": "Nomor WhatsApp pembeli (boleh kosong)",
    "Send by WhatsApp, choosing the contact there":
        "Kirim lewat WhatsApp, pilih kontaknya di sana",
    "Return or void this sale": "Retur atau batalkan penjualan ini",
    "VOIDED: %(reason)s": "DIBATALKAN: %(reason)s",
    "discount %(amount)s": "diskon %(amount)s",
    "Total: %(amount)s": "Total: %(amount)s",
    "Paid (%(method)s): %(amount)s": "Dibayar (%(method)s): %(amount)s",
    "Change: %(amount)s": "Kembalian: %(amount)s",
    "Reference: %(reference)s": "Referensi: %(reference)s",
    "“%(phone)s” is not an Indonesian phone number.":
        "“%(phone)s” bukan nomor telepon Indonesia.",
    # Today's sales, a sale, returns and voids
    "Sales": "Penjualan",
    "Refunds": "Pengembalian uang",
    "Cash to hand over": "Tunai yang disetor",
    "Sale number": "Nomor penjualan",
    "Sale number from the receipt, for a return": "Nomor penjualan dari struk, untuk retur",
    "Open": "Buka",
    "Sale": "Penjualan",
    "Time": "Waktu",
    "voided": "dibatalkan",
    "refunded %(amount)s": "dikembalikan %(amount)s",
    "No sale yet today at this outlet.": "Belum ada penjualan hari ini di gerai ini.",
    "No sale #%(number)s in this council.": "Tidak ada penjualan #%(number)s di dewan ini.",
    "Receipt": "Struk",
    "Voided by %(who)s on %(when)s: %(reason)s":
        "Dibatalkan oleh %(who)s pada %(when)s: %(reason)s",
    "Items and returns": "Barang dan retur",
    "Pieces returned": "Jumlah diretur",
    "Reason": "Alasan",
    "Take back": "Terima retur",
    "Void the sale": "Batalkan penjualan",
    "Reason for the void": "Alasan pembatalan",
    "Only the secretariat or an administrator may void a sale. To take goods back, record a "
    "return above.":
        "Hanya sekretariat atau administrator yang dapat membatalkan penjualan. Untuk menerima "
        "barang kembali, catat retur di atas.",
    "The day of this sale is closed; take a return instead.":
        "Hari penjualan ini sudah ditutup; catat retur saja.",
    "Part of this sale was already returned; take a return for the rest.":
        "Sebagian penjualan ini sudah diretur; catat retur untuk sisanya.",
    "Choose a line of this sale.": "Pilih baris dari penjualan ini.",
    "That item was not sold in this sale.": "Barang itu tidak terjual dalam penjualan ini.",
    "%(n)s × %(item)s taken back; refund %(amount)s.":
        "%(n)s × %(item)s diterima kembali; kembalikan uang %(amount)s.",
    "Sale #%(sale)s is voided; its pieces are back in stock.":
        "Penjualan #%(sale)s dibatalkan; barangnya kembali ke stok.",
    # The day close
    "Takings per payment method": "Penerimaan per cara bayar",
    "Cash expected": "Tunai seharusnya",
    "Cash counted": "Tunai dihitung",
    "Difference": "Selisih",
    "Note": "Catatan",
    "Closed by %(who)s, %(when)s": "Ditutup oleh %(who)s, %(when)s",
    "Handed over by": "Diserahkan oleh",
    "Received by": "Diterima oleh",
    "Difference: {amount}. Write down why.": "Selisih: {amount}. Tuliskan sebabnya.",
    "No difference.": "Tidak ada selisih.",
    "Close the till for today": "Tutup kasir hari ini",
    "After the close no sale can be recorded here today; returns still can.":
        "Setelah ditutup, tidak ada penjualan yang dapat dicatat di sini hari ini; retur "
        "masih bisa.",
    "Write the cash counted.": "Isi jumlah tunai yang dihitung.",
    "Note on the difference": "Catatan selisih",
    "Required when the cash counted differs from the cash expected.":
        "Wajib bila tunai yang dihitung berbeda dari yang seharusnya.",
    "The till of %(outlet)s is closed for today.": "Kasir %(outlet)s sudah ditutup hari ini.",
    # Service messages the till shows (kriya/sales/services.py)
    "The till of %(outlet)s is already closed for today.":
        "Kasir %(outlet)s sudah ditutup hari ini.",
    "Sale #%(sale)s was voided; nothing of it can be returned.":
        "Penjualan #%(sale)s sudah dibatalkan; tidak ada yang dapat diretur.",
    "Only the secretariat or an administrator may void a sale.":
        "Hanya sekretariat atau administrator yang dapat membatalkan penjualan.",
    "Give the reason for the void.": "Isi alasan pembatalan.",
    "Sale #%(sale)s is already voided.": "Penjualan #%(sale)s sudah dibatalkan.",
    "The day of sale #%(sale)s is closed; take a return instead.":
        "Hari penjualan #%(sale)s sudah ditutup; catat retur saja.",
    "Part of sale #%(sale)s was already returned; take a return for the rest.":
        "Sebagian penjualan #%(sale)s sudah diretur; catat retur untuk sisanya.",
    "Sale #%(sale)s is already settled with its maker.":
        "Penjualan #%(sale)s sudah diselesaikan dengan perajinnya.",
    "The cash counted cannot be below zero.": "Tunai yang dihitung tidak boleh di bawah nol.",
    "%(outlet)s is already closed for %(day)s.": "%(outlet)s sudah ditutup untuk %(day)s.",
    "The cash counted differs from the %(expected)s expected; write down why.":
        "Tunai yang dihitung berbeda dari %(expected)s yang seharusnya; tuliskan sebabnya.",
}

PLURALS = {
    "%(n)s piece returned": "%(n)s barang diretur",
}
