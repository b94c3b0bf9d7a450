"""Indonesian for the catalog's back office: products, photos, approval, labels."""

ID = {
    "draft": "draf",
    "waiting for approval": "menunggu persetujuan",
    "published": "terbit",
    "archived": "diarsipkan",
    "ready stock": "stok siap",
    "made to order": "dibuat sesuai pesanan",
    "description in English": "deskripsi dalam bahasa Inggris",
    "Who made it, how, and what it means.":
        "Siapa pembuatnya, bagaimana dibuat, dan apa maknanya.",
    "story in English": "cerita dalam bahasa Inggris",
    "materials": "bahan",
    "local material": "bahan lokal",
    "material origin": "asal bahan",
    "technique": "teknik",
    "length (cm)": "panjang (cm)",
    "width (cm)": "lebar (cm)",
    "height (cm)": "tinggi (cm)",
    "weight (g)": "berat (g)",
    "price (Rp)": "harga (Rp)",
    "The price, or the lowest price of a range.": "Harga, atau harga terendah dari rentang harga.",
    "highest price (Rp)": "harga tertinggi (Rp)",
    "Only for a price range.": "Hanya untuk rentang harga.",
    "availability": "ketersediaan",
    "lead time (days)": "lama pembuatan (hari)",
    "featured on the home page": "ditampilkan di beranda",
    "approved by": "disetujui oleh",
    "approved at": "disetujui pada",
    "product": "produk",
    "products": "produk",
    "The highest price must not be below the price.":
        "Harga tertinggi tidak boleh di bawah harga.",
    "thumbnail": "gambar kecil",
    "small thumbnail": "gambar kecil sekali",
    "description of the photo": "keterangan foto",
    "product photo": "foto produk",
    "product photos": "foto produk",
    "from": "dari",
    "to": "menjadi",
    "note": "catatan",
    "product status change": "perubahan status produk",
    "product status changes": "perubahan status produk",
    "The photo is %(mb)s MB; at most %(max)s MB is accepted. Take it again at a lower "
    "resolution or send a smaller copy.":
        "Ukuran foto %(mb)s MB; paling besar %(max)s MB. Ambil ulang dengan resolusi lebih "
        "rendah atau kirim salinan yang lebih kecil.",
    "The photo is larger than %(max)s MB.": "Foto lebih besar dari %(max)s MB.",
    "This file is not a JPEG, PNG or WebP photo (it is %(kind)s).":
        "Berkas ini bukan foto JPEG, PNG, atau WebP (berkas ini %(kind)s).",
    "unknown": "tidak dikenal",
    "The photo has too many pixels.": "Foto ini memiliki terlalu banyak piksel.",
    "The photo file is incomplete (the upload was cut off). Send it again.":
        "Berkas foto tidak lengkap (unggahan terputus). Kirim ulang.",
    "This file is not a photo that can be opened (JPEG, PNG or WebP). It may be damaged, or "
    "another kind of file renamed.":
        "Berkas ini bukan foto yang dapat dibuka (JPEG, PNG, atau WebP). Mungkin berkas rusak, "
        "atau berkas jenis lain yang diganti namanya.",
    "A product that is “%(old)s” cannot become “%(new)s”.":
        "Produk yang berstatus “%(old)s” tidak dapat diubah menjadi “%(new)s”.",
    "Add at least one photo before the product is published.":
        "Tambahkan paling sedikit satu foto sebelum produk diterbitkan.",
    "A product has at most %(n)s photos; remove one first.":
        "Satu produk paling banyak %(n)s foto; hapus satu terlebih dahulu.",
    "Material and making": "Bahan dan pembuatan",
    "Approval": "Persetujuan",
    "price": "harga",
    "Approve and publish in the gallery": "Setujui dan terbitkan di galeri",
    "%(n)s products published.": "%(n)s produk diterbitkan.",
    "Send back to the maker as a draft": "Kembalikan ke pembuat sebagai draf",
    "%(n)s products sent back.": "%(n)s produk dikembalikan.",
    "Archive (take out of the gallery)": "Arsipkan (keluarkan dari galeri)",
    "%(n)s products archived.": "%(n)s produk diarsipkan.",
    "Print QR labels": "Cetak label QR",
    "A4, 24 labels of 70 × 37 mm (3 × 8)": "A4, 24 label 70 × 37 mm (3 × 8)",
    "A4, 10 labels of 105 × 57 mm (2 × 5)": "A4, 10 label 105 × 57 mm (2 × 5)",
    "For example 1.250.000 or Rp 1,25 jt.": "Misalnya 1.250.000 atau Rp 1,25 jt.",
    "add a photo": "tambah foto",
    "JPEG, PNG or WebP from a camera or phone, at most 15 MB. Location data is removed and "
    "the photo is turned upright.":
        "JPEG, PNG, atau WebP dari kamera atau ponsel, paling besar 15 MB. Data lokasi dihapus "
        "dan foto ditegakkan.",
    "label paper": "kertas label",
    "Choose at least one product and one label.":
        "Pilih paling sedikit satu produk dan satu label.",
    "%(field)s must be above zero.": "%(field)s harus di atas nol.",
    "amount": "jumlah",
    "Products in the gallery (waiting for approval)": "Produk di galeri (menunggu persetujuan)",
    "Catalog": "Katalog",
    "Public gallery": "Galeri publik",
    "One tag for each piece: type how many tags each product needs (20 umbrellas, 20 tags). "
    "The QR code on each tag opens the product's page in the public gallery.":
        "Satu label untuk setiap barang: isi berapa label yang diperlukan tiap produk (20 "
        "payung, 20 label). Kode QR pada label membuka halaman produk di galeri publik.",
    "Product": "Produk",
    "Tags": "Label",
    "Make the PDF": "Buat PDF",
    "Choose products in the product list first, then the action “Print QR labels”.":
        "Pilih produk di daftar produk terlebih dahulu, lalu tindakan “Cetak label QR”.",
    "login for the artisan portal": "akun untuk portal perajin",
    "“%(value)s” is too large an amount.": "“%(value)s” terlalu besar sebagai jumlah uang.",
    "Rights and certificates": "Hak kekayaan intelektual dan sertifikat",
    "valid until %(date)s": "berlaku sampai %(date)s",
}
