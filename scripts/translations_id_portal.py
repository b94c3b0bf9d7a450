"""Indonesian for the artisan portal (kriya/public/portal*.py, templates/portal/)."""

ID = {
    # Forms
    "%(field)s cannot be below zero.": "%(field)s tidak boleh di bawah nol.",
    "%(field)s must be an amount in rupiah, for example 1.250.000.": "%(field)s harus berupa jumlah rupiah, misalnya 1.250.000.",
    "%(field)s is too large.": "%(field)s terlalu besar.",
    "For example 0812 3456 7890. Buyers reach you on WhatsApp.": "Misalnya 0812 3456 7890. Pembeli menghubungi Anda lewat WhatsApp.",
    "Your account name, for example @tenunsari.": "Nama akun Anda, misalnya @tenunsari.",
    "Anything the council should know about your business.": "Hal yang perlu diketahui dewan tentang usaha Anda.",
    "Craft": "Jenis kriya",
    "Price (Rp)": "Harga (Rp)",
    "The price, or the lowest price of a range.": "Harga, atau harga terendah dari rentang harga.",
    "Highest price (Rp)": "Harga tertinggi (Rp)",
    "Only for a price range; leave empty otherwise.": "Hanya untuk rentang harga; kosongkan jika tidak.",
    "For example: cotton thread, natural dyes.": "Misalnya: benang katun, pewarna alam.",
    "Where the material comes from.": "Dari mana bahan berasal.",
    "For made-to-order products: days until ready.": "Untuk produk pesanan: berapa hari sampai jadi.",
    "Add photos": "Tambah foto",
    "JPEG, PNG or WebP, up to 15 MB each. You can choose several at once.": "JPEG, PNG, atau WebP, paling besar 15 MB per foto. Anda dapat memilih beberapa "
    "sekaligus.",
    "Choose at least one photo.": "Pilih sedikitnya satu foto.",
    # Views and services
    "The profile of %(b)s is saved.": "Profil %(b)s tersimpan.",
    "Saved. Now add photos of the product.": "Tersimpan. Sekarang tambahkan foto produk.",
    "Saved; it waits for the secretariat's approval again.": "Tersimpan; produk menunggu persetujuan sekretariat lagi.",
    "Saved.": "Tersimpan.",
    "The photo is deleted.": "Foto sudah dihapus.",
    "The product is now “%(status)s”.": "Produk sekarang berstatus “%(status)s”.",
    "Changed by its maker; waiting for approval again.": "Diubah oleh pembuatnya; menunggu persetujuan lagi.",
    "This change of status is not possible here.": "Perubahan status ini tidak dapat dilakukan di sini.",
    "A product that is “%(old)s” cannot become “%(new)s” here.": "Produk berstatus “%(old)s” tidak dapat menjadi “%(new)s” di sini.",
    "Add at least one photo before you ask for approval.": "Tambahkan sedikitnya satu foto sebelum mengajukan persetujuan.",
    # Templates
    "Next: ask the secretariat for approval.": "Berikutnya: ajukan persetujuan ke sekretariat.",
    "Next: add at least one photo, then ask for approval.": "Berikutnya: tambahkan sedikitnya satu foto, lalu ajukan persetujuan.",
    "The secretariat is checking it; nothing to do for now.": "Sekretariat sedang memeriksanya; untuk sekarang tidak ada yang perlu dilakukan.",
    "Buyers can see it in the catalog.": "Pembeli dapat melihatnya di katalog.",
    "Hidden from the catalog. Bring it back as a draft to sell it again.": "Disembunyikan dari katalog. Kembalikan sebagai draf untuk menjualnya lagi.",
    "My products": "Produk saya",
    "Hello, %(name)s": "Halo, %(name)s",
    "Here you keep your business profile and your products. The council's secretariat "
    "approves a product before buyers see it in the catalog.": "Di sini Anda mengelola profil usaha dan produk Anda. Sekretariat dewan menyetujui "
    "produk sebelum pembeli dapat melihatnya di katalog.",
    "Edit profile": "Ubah profil",
    "Add a product": "Tambah produk",
    "no photo": "belum ada foto",
    "See it in the catalog": "Lihat di katalog",
    "No products yet. A name, a price and one good photo are enough to start.": "Belum ada produk. Nama, harga, dan satu foto yang baik sudah cukup untuk memulai.",
    "No business is registered under your name yet. Ask your council's secretariat to "
    "register it.": "Belum ada usaha yang terdaftar atas nama Anda. Minta sekretariat dewan Anda untuk "
    "mendaftarkannya.",
    "Artisan portal": "Portal perajin",
    "This page is for artisans registered by their council.": "Halaman ini untuk perajin yang didaftarkan oleh dewan kerajinannya.",
    "Your login is not linked to an artisan in the register. If you are an artisan, ask "
    "your council's secretariat to link it.": "Akun Anda belum terhubung dengan data perajin. Jika Anda perajin, minta sekretariat "
    "dewan Anda untuk menghubungkannya.",
    "Go to the back office": "Ke Kantor Kriya",
    "Back to my products": "Kembali ke produk saya",
    "Name, NIB, scale and membership are kept by your council's secretariat; ask them to "
    "change these.": "Nama, NIB, skala usaha, dan keanggotaan dikelola sekretariat dewan Anda; hubungi "
    "mereka untuk mengubahnya.",
    "Save the profile": "Simpan profil",
    "Delete the photo?": "Hapus foto ini?",
    "This photo of “%(product)s” will be deleted. This cannot be undone.": "Foto “%(product)s” ini akan dihapus dan tidak dapat dikembalikan.",
    "Delete the photo": "Hapus foto",
    "Cancel": "Batal",
    "New product": "Produk baru",
    "Ask for approval": "Ajukan persetujuan",
    "Bring back as a draft": "Kembalikan sebagai draf",
    "Archive (hide from the catalog)": "Arsipkan (sembunyikan dari katalog)",
    "Photos (%(n)s of at most %(max)s)": "Foto (%(n)s dari paling banyak %(max)s)",
    "main photo": "foto utama",
    "Make main photo": "Jadikan foto utama",
    "Delete": "Hapus",
    "No photos yet. A clear photo in daylight, on a plain background, sells best.": "Belum ada foto. Foto yang jelas, di bawah cahaya siang, dengan latar polos paling "
    "menarik bagi pembeli.",
    "Upload the photos": "Unggah foto",
    "About the product": "Tentang produk",
    "This product is in the public catalog. If you save changes, it goes back to the "
    "secretariat for approval and is hidden from the catalog until they approve it again.": "Produk ini tampil di katalog publik. Jika Anda menyimpan perubahan, produk kembali "
    "ke sekretariat untuk disetujui dan disembunyikan dari katalog sampai disetujui lagi.",
    "In English (optional, for foreign buyers)": "Dalam bahasa Inggris (tidak wajib, untuk pembeli mancanegara)",
    "Save the changes": "Simpan perubahan",
    "Save and add photos": "Simpan lalu tambah foto",
}
ID.update(
    {
        "Material and technique": "Bahan dan teknik",
        "Size and weight": "Ukuran dan berat",
        "Price and availability": "Harga dan ketersediaan",
        "Not saved yet: please correct these fields.": "Belum tersimpan: mohon perbaiki isian berikut.",
    }
)
