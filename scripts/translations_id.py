"""Indonesian translations, kept as data and merged into django.po by fill-translations.

One place to review the Indonesian wording; `python scripts/fill-translations.py` writes
any entry whose msgstr is empty. The .po file stays the source Django reads.
"""

ID = {
    "role in this council": "peran di dewan ini",
    "Personal info": "Data pribadi",
    "Status": "Status",
    "Accounts": "Akun",
    "Wrong user name or password. Check both (capital letters count) and try again.":
        "Nama pengguna atau sandi salah. Periksa keduanya (huruf besar dan kecil dibedakan) "
        "lalu coba lagi.",
    "This account has been switched off. Ask your council's administrator.":
        "Akun ini dinonaktifkan. Hubungi administrator dewan Anda.",
    "Demo ready. Every demo login uses the password: %(pw)s":
        "Demo siap. Semua akun demo memakai sandi: %(pw)s",
    "Badung's register: %(businesses)s businesses; %(icons)s of %(villages)s villages have a "
    "craft icon.":
        "Daftar Badung: %(businesses)s usaha; %(icons)s dari %(villages)s desa/kelurahan "
        "memiliki ikon kerajinan.",
    "phone": "telepon",
    "user": "pengguna",
    "users": "pengguna",
    "administrator": "administrator",
    "secretariat": "sekretariat",
    "field mentor": "pendamping lapangan",
    "gallery cashier": "kasir galeri",
    "board (read-only)": "pengurus (hanya baca)",
    "artisan": "perajin",
    "council": "dewan",
    "role": "peran",
    "active": "aktif",
    "created": "dibuat",
    "membership": "keanggotaan",
    "memberships": "keanggotaan",
    "This user already has this role in this council.":
        "Pengguna ini sudah memegang peran ini di dewan ini.",
    "at": "waktu",
    "what": "data",
    "filter": "saringan",
    "rows": "baris",
    "format": "format",
    "personal-data export": "ekspor data pribadi",
    "personal-data exports": "ekspor data pribadi",
    "“%(role)s” is not a role.": "“%(role)s” bukan peran yang dikenal.",
    "%(council)s is outside your council's region; ask that council instead.":
        "%(council)s berada di luar wilayah dewan Anda; mintalah kepada dewan tersebut.",
    "Your account": "Akun Anda",
    "Welcome, %(name)s": "Selamat datang, %(name)s",
    "You act for:": "Anda bertindak untuk:",
    "Switch council or role": "Ganti dewan atau peran",
    "Your account does not act for any council yet. Ask your council's administrator for a "
    "membership.":
        "Akun Anda belum terhubung dengan dewan mana pun. Mintalah keanggotaan kepada "
        "administrator dewan Anda.",
    "Change password": "Ubah sandi",
    "Account locked for a while": "Akun dikunci sementara",
    "Too many wrong passwords": "Terlalu banyak sandi yang salah",
    "For safety, logging in with this user name from this device is locked for 15 minutes. "
    "Wait, then try again, or reset your password.":
        "Demi keamanan, masuk dengan nama pengguna ini dari perangkat ini dikunci selama "
        "15 menit. Tunggu, lalu coba lagi, atau atur ulang sandi Anda.",
    "Reset your password": "Atur ulang sandi",
    "Log in": "Masuk",
    "Forgot your password?": "Lupa sandi?",
    "You now act for %(m)s.": "Sekarang Anda bertindak untuk %(m)s.",
    "Kriya": "Kriya",
    "Kriya back office": "Kantor Kriya",
    "Dashboard": "Dasbor",
    "Village icon coverage": "Cakupan ikon desa",
    "regency/city": "kabupaten/kota",
    "Make the selected term the active one": "Jadikan kepengurusan terpilih yang aktif",
    "%(term)s is now the active term.": "%(term)s sekarang kepengurusan yang aktif.",
    "This record lies outside the region of %(council)s.":
        "Data ini berada di luar wilayah %(council)s.",
    "No such record in your council's region.": "Data ini tidak ada di wilayah dewan Anda.",
    "Regions and councils": "Wilayah dan dewan",
    "Load the regions first: python manage.py load_regions":
        "Muat data wilayah lebih dulu: python manage.py load_regions",
    "Regions: %(p)s provinces, %(r)s regencies/cities, %(d)s districts, %(v)s villages.":
        "Wilayah: %(p)s provinsi, %(r)s kabupaten/kota, %(d)s kecamatan, %(v)s desa/kelurahan.",
    "No changes: the regions were already up to date.":
        "Tidak ada perubahan: data wilayah sudah mutakhir.",
    "added": "ditambahkan",
    "renamed": "berganti nama",
    "moved": "berpindah induk",
    "deactivated": "dinonaktifkan",
    "reactivated": "diaktifkan kembali",
    "code": "kode",
    "name": "nama",
    "province": "provinsi",
    "provinces": "provinsi",
    "regencies/cities": "kabupaten/kota",
    "district": "kecamatan",
    "districts": "kecamatan",
    "village (desa)": "desa",
    "urban village (kelurahan)": "kelurahan",
    "kind": "jenis",
    "village": "desa/kelurahan",
    "villages": "desa/kelurahan",
    "Kel.": "Kel.",
    "Desa": "Desa",
    "Kec.": "Kec.",
    "national": "nasional",
    "region code": "kode wilayah",
    "ID for Dekranas, a province code (51) or a regency/city code (51.03).":
        "ID untuk Dekranas, kode provinsi (51) atau kode kabupaten/kota (51.03).",
    "level": "tingkat",
    "Leave empty for the usual name, e.g. “Dekranasda Kabupaten Badung”.":
        "Kosongkan untuk nama baku, misalnya “Dekranasda Kabupaten Badung”.",
    "address": "alamat",
    "email": "surel",
    "councils": "dewan",
    "“%(code)s” is not ID, a province code or a regency/city code.":
        "“%(code)s” bukan ID, kode provinsi, atau kode kabupaten/kota.",
    "For example “2021–2024”.": "Misalnya “2021–2024”.",
    "starts on": "mulai",
    "ends on": "berakhir",
    "active term": "kepengurusan aktif",
    "decree number": "nomor SK",
    "board term": "kepengurusan",
    "board terms": "kepengurusan",
    "A term must end after it starts.": "Kepengurusan harus berakhir setelah dimulai.",
    "This council already has an active term: end it first.":
        "Dewan ini sudah memiliki kepengurusan aktif: akhiri dulu kepengurusan itu.",
    "patron": "pembina",
    "chair": "ketua",
    "vice chair": "wakil ketua",
    "secretary": "sekretaris",
    "treasurer": "bendahara",
    "division head": "ketua bidang",
    "member": "anggota",
    "term": "kepengurusan",
    "position": "jabatan",
    "title": "sebutan jabatan",
    "For example “Head of Marketing”.": "Misalnya “Ketua Bidang Pemasaran”.",
    "user account": "akun pengguna",
    "order": "urutan",
    "board member": "pengurus",
    "board members": "pengurus",
    "A seat must end on or after the day it starts.":
        "Masa jabatan harus berakhir pada atau setelah tanggal mulainya.",
    "The region file %(name)s.csv is missing.": "Berkas wilayah %(name)s.csv tidak ada.",
    "row %(row)s": "baris %(row)s",
    "“%(code)s” is not a valid code.": "“%(code)s” bukan kode yang sah.",
    "code %(code)s appears twice.": "kode %(code)s muncul dua kali.",
    "code %(code)s has no name.": "kode %(code)s tidak bernama.",
    "code %(code)s names an unknown parent %(parent)s.":
        "kode %(code)s menyebut induk %(parent)s yang tidak dikenal.",
    "%(code)s is outside the region of %(council)s.":
        "%(code)s berada di luar wilayah %(council)s.",
    "craft category": "jenis kriya",
    "cluster (sentra)": "sentra IKM",
    "“%(drop)s” was merged into “%(keep)s”.": "“%(drop)s” telah digabungkan ke “%(keep)s”.",
    "Suspected duplicates: %(what)s": "Dugaan data ganda: %(what)s",
    "NIK": "NIK",
    "phone / WhatsApp": "telepon / WhatsApp",
    "Size": "Skala usaha",
    "Council": "Dewan",
    "Online": "Daring",
    "National systems": "Sistem nasional",
    "History": "Riwayat",
    "Register": "Pendataan",
    "Business name": "Nama usaha",
    "Owner": "Pemilik",
    "Owner NIK": "NIK pemilik",
    "NIB": "NIB",
    "Craft categories": "Jenis kriya",
    "Scale": "Skala",
    "Village code": "Kode desa",
    "Village": "Desa/kelurahan",
    "District": "Kecamatan",
    "Address": "Alamat",
    "Phone / WhatsApp": "Telepon / WhatsApp",
    "Workers": "Tenaga kerja",
    "Yearly turnover (Rp)": "Omzet per tahun (Rp)",
    "Year founded": "Tahun berdiri",
    "Council membership": "Keanggotaan Dekranasda",
    "SIINas ID": "ID SIINas",
    "SIDT-KUMKM ID": "ID SIDT-KUMKM",
    "e-Katalog ID": "ID e-Katalog",
    "Name": "Nama",
    "Sex": "Jenis kelamin",
    "Birth year": "Tahun lahir",
    "16 digits, from the identity card (KTP).": "16 angka, sesuai KTP.",
    "Business identity number from OSS: 13 digits.": "Nomor Induk Berusaha dari OSS: 13 angka.",
    "Capital or turnover makes this business %(scale)s (PP 7/2021).":
        "Menurut modal atau omzetnya, usaha ini berskala %(scale)s (PP 7/2021).",
    "name in English": "nama dalam bahasa Inggris",
    "slug": "slug",
    "family": "rumpun",
    "craft categories": "jenis kriya",
    "male": "laki-laki",
    "female": "perempuan",
    "sex": "jenis kelamin",
    "birth year": "tahun lahir",
    "skills": "keahlian",
    "photo": "foto",
    "notes": "catatan",
    "merged into": "digabungkan ke",
    "updated": "diperbarui",
    "artisans": "perajin",
    "An artisan with this NIK is already registered.":
        "Perajin dengan NIK ini sudah terdaftar.",
    "sole proprietor": "perorangan",
    "UD (trading business)": "UD (usaha dagang)",
    "CV (limited partnership)": "CV (persekutuan komanditer)",
    "PT (limited company)": "PT (perseroan terbatas)",
    "cooperative": "koperasi",
    "other": "lainnya",
    "micro": "mikro",
    "small": "kecil",
    "medium": "menengah",
    "large": "besar",
    "candidate": "calon anggota",
    "not a member": "bukan anggota",
    "lapsed": "tidak aktif lagi",
    "owner": "pemilik",
    "legal form": "bentuk usaha",
    "scale": "skala",
    "Set from capital or turnover (PP 7/2021) when either is given.":
        "Ditentukan dari modal atau omzet (PP 7/2021) bila salah satunya diisi.",
    "cluster": "sentra",
    "workers": "tenaga kerja",
    "business capital (Rp)": "modal usaha (Rp)",
    "Excluding land and buildings.": "Tidak termasuk tanah dan bangunan.",
    "yearly turnover (Rp)": "omzet per tahun (Rp)",
    "year founded": "tahun berdiri",
    "council membership": "keanggotaan Dekranasda",
    "member since": "anggota sejak",
    "website": "situs web",
    "Instagram": "Instagram",
    "Facebook": "Facebook",
    "marketplace shop": "toko di lokapasar",
    "business": "usaha",
    "businesses": "usaha",
    "A business with this NIB is already registered.": "Usaha dengan NIB ini sudah terdaftar.",
    "main craft": "kriya utama",
    "description": "keterangan",
    "clusters (sentra)": "sentra IKM",
    "craft": "kriya",
    "what it is": "nama ikon",
    "For example “Endek cloth of Getasan”.": "Misalnya “Kain endek Getasan”.",
    "story": "kisah",
    "since (year)": "sejak (tahun)",
    "businesses behind it": "usaha pendukung",
    "village craft icon": "ikon kerajinan desa",
    "village craft icons": "ikon kerajinan desa",
    "kept record": "data yang dipertahankan",
    "merged record": "data yang digabungkan",
    "merged record as it was": "isi data yang digabungkan",
    "related records moved": "data terkait yang dipindahkan",
    "by": "oleh",
    "merge record": "catatan penggabungan",
    "merge records": "catatan penggabungan",
    "%(village)s is outside the region of %(council)s.":
        "%(village)s berada di luar wilayah %(council)s.",
    "A record cannot be merged into itself.":
        "Data tidak dapat digabungkan dengan dirinya sendiri.",
    "One of these records was already merged.": "Salah satu data ini sudah pernah digabungkan.",
    "Download XLSX": "Unduh XLSX",
    "Download CSV": "Unduh CSV",
    "Suspected duplicates": "Dugaan data ganda",
    "Similar names in the same village. Merging keeps every related record and the history "
    "of both; the other record stays, marked as merged.":
        "Nama mirip di desa yang sama. Penggabungan mempertahankan semua data terkait dan "
        "riwayat keduanya; data yang lain tetap tersimpan dengan tanda sudah digabungkan.",
    "No suspected duplicates.": "Tidak ada dugaan data ganda.",
    "NIK / NIB": "NIK / NIB",
    "Registered": "Terdaftar",
    "Keep this one, merge the other into it": "Pertahankan yang ini, gabungkan yang lain ke sini",
    "villages have a signature craft": "desa/kelurahan memiliki ikon kerajinan",
    "Printable page": "Halaman cetak",
    "Coverage": "Cakupan",
    "Regency/city": "Kabupaten/kota",
    "Province": "Provinsi",
    "With icon": "Ber-ikon",
    "Villages": "Desa/kelurahan",
    "Only the first villages are listed; see each regency's page for the rest.":
        "Hanya desa pertama yang ditampilkan; lihat halaman tiap kabupaten/kota untuk sisanya.",
    "NIK must be exactly 16 digits (this one has %(n)s).":
        "NIK harus tepat 16 angka (yang ini %(n)s angka).",
    "NIK starts with %(code)s, which is not a district code.":
        "NIK diawali %(code)s, yang bukan kode kecamatan.",
    "NIK digits 7–12 (%(digits)s) are not a plausible birth date.":
        "Angka ke-7 sampai ke-12 NIK (%(digits)s) bukan tanggal lahir yang masuk akal.",
    "%(phone)s is not an Indonesian phone number.":
        "%(phone)s bukan nomor telepon Indonesia.",
    "NIB must be exactly 13 digits.": "NIB harus tepat 13 angka.",
    "Village craft icons": "Ikon kerajinan desa",
    "Reports": "Laporan",
    "Villages (desa/kelurahan)": "Desa/kelurahan",
    "Districts (kecamatan)": "Kecamatan",
    "Regencies/cities": "Kabupaten/kota",
    "Councils below": "Dewan di bawahnya",
    "People with an account": "Pemilik akun",
    "Craft businesses": "Usaha kerajinan",
    "Artisans": "Perajin",
    "Villages with a craft icon": "Desa dengan ikon kerajinan",
    "Indonesian": "Bahasa Indonesia",
    "English": "Bahasa Inggris",
    "Not allowed": "Tidak diizinkan",
    "Your role in this council may not open this page. Switch role or ask your council's "
    "administrator.":
        "Peran Anda di dewan ini tidak boleh membuka halaman ini. Ganti peran atau hubungi "
        "administrator dewan Anda.",
    "Page not found": "Halaman tidak ditemukan",
    "This page does not exist, or it belongs to another council's region.":
        "Halaman ini tidak ada, atau termasuk wilayah dewan lain.",
    "Back to the home page": "Kembali ke beranda",
    "Something went wrong": "Terjadi kesalahan",
    "The error has been recorded. Please try again in a moment; nothing you typed was saved "
    "twice.":
        "Kesalahan ini sudah dicatat. Silakan coba lagi sebentar lagi; tidak ada isian Anda "
        "yang tersimpan dua kali.",
    "you act as": "Anda bertindak sebagai",
    "Board": "Pengurus",
    "Active term": "Kepengurusan aktif",
    "No active board term yet.": "Belum ada kepengurusan aktif.",
    "Log out": "Keluar",
    "Kriya, the information system of Indonesia's craft councils.":
        "Kriya, sistem informasi Dewan Kerajinan Nasional dan Daerah.",
    "Region data: Kemendagri via idn-area-data, ODbL 1.0.":
        "Data wilayah: Kemendagri melalui idn-area-data, ODbL 1.0.",
    "The information system of Indonesia's craft councils: artisans and craft businesses "
    "village by village, every village its signature craft, trainings, exhibitions and the "
    "council's gallery.":
        "Sistem informasi Dewan Kerajinan: perajin dan usaha kerajinan desa demi desa, ikon "
        "kerajinan untuk setiap desa, pelatihan, pameran, dan galeri dewan.",
    "Log in to your council": "Masuk ke dewan Anda",
    "Password changed": "Sandi sudah diubah",
    "Your new password is in use from now on.": "Sandi baru Anda berlaku mulai sekarang.",
    "Continue": "Lanjut",
    "Save the new password": "Simpan sandi baru",
    "Password set": "Sandi sudah diatur",
    "Set a new password": "Atur sandi baru",
    "This link no longer works": "Tautan ini tidak berlaku lagi",
    "It was already used or is too old. Ask for a new one.":
        "Tautan sudah pernah dipakai atau sudah kedaluwarsa. Mintalah tautan baru.",
    "Check your e-mail": "Periksa surel Anda",
    "If an account has this address, a link to set a new password is on its way. It works once.":
        "Jika ada akun dengan alamat ini, tautan untuk mengatur sandi baru sedang dikirim. "
        "Tautan hanya berlaku satu kali.",
    "Someone asked to set a new password for your Kriya account %(user)s.":
        "Ada permintaan untuk mengatur sandi baru akun Kriya Anda, %(user)s.",
    "Open this link to choose a new password:": "Buka tautan ini untuk memilih sandi baru:",
    "If it was not you, ignore this e-mail: your password stays as it is.":
        "Jika bukan Anda yang meminta, abaikan surel ini: sandi Anda tetap seperti semula.",
    "Type the e-mail address of your account. We will send a link to set a new password.":
        "Ketik alamat surel akun Anda. Kami akan mengirim tautan untuk mengatur sandi baru.",
    "Send the link": "Kirim tautan",
    "Set a new Kriya password": "Atur sandi Kriya yang baru",
    # Unfold's own words (kriya/lib/third_party_strings.py)
    "Add new item": "Tambah data baru",
    "Add row": "Tambah baris",
    "After you've created a user, you’ll be able to edit more user options.":
        "Setelah pengguna dibuat, Anda dapat mengubah pilihan lainnya.",
    "All applications": "Semua aplikasi",
    "Apply Filters": "Terapkan saringan",
    "Cancel": "Batal",
    "Choose file to upload": "Pilih berkas untuk diunggah",
    "Click to cancel": "Klik untuk membatalkan",
    "Click to download": "Klik untuk mengunduh",
    "Collapse": "Ciutkan",
    "Current file": "Berkas saat ini",
    "Dark": "Gelap",
    "Date from": "Dari tanggal",
    "Date to": "Sampai tanggal",
    "Default": "Bawaan",
    "Edit": "Ubah",
    "Enter an URL": "Masukkan URL",
    "Expand row": "Bentangkan baris",
    "False": "Tidak",
    "Filters": "Saringan",
    "Forgotten your password or username?": "Lupa sandi atau nama pengguna?",
    "From": "Dari",
    "General": "Umum",
    "Go back": "Kembali",
    "Image preview": "Pratinjau gambar",
    "Light": "Terang",
    "Loading more results...": "Memuat hasil lainnya…",
    "More actions": "Tindakan lain",
    "New": "Baru",
    "Next": "Berikutnya",
    "No data": "Tidak ada data",
    "No recent searches": "Belum ada pencarian",
    "No results found": "Tidak ada hasil",
    "No results matching your query": "Tidak ada hasil yang cocok",
    "None": "Tidak ada",
    "Previous": "Sebelumnya",
    "Recent searches": "Pencarian terakhir",
    "Record picture": "Gambar data",
    "Reset filters": "Hapus saringan",
    "Return to site": "Kembali ke situs",
    "Run": "Jalankan",
    "Search apps and models...": "Cari aplikasi dan data…",
    "Select action": "Pilih tindakan",
    "Select action to run": "Pilih tindakan yang dijalankan",
    "Select all rows": "Pilih semua baris",
    "Select record": "Pilih data",
    "Select value": "Pilih nilai",
    "Submit": "Kirim",
    "System": "Sistem",
    "This item will be deleted.": "Data ini akan dihapus.",
    "This page yielded into no results. Create a new item or reset your filters.":
        "Tidak ada hasil di halaman ini. Tambah data baru atau hapus saringan.",
    "To": "Sampai",
    "Toggle password visibility": "Tampilkan atau sembunyikan sandi",
    "True": "Ya",
    "Type to search": "Ketik untuk mencari",
    "Update": "Perbarui",
    "Welcome back to": "Selamat datang kembali di",
}

PLURALS = {
    "%(n)s village still without an icon": "%(n)s desa/kelurahan belum memiliki ikon",
}

ID.update({
    "Import from Excel": "Impor dari Excel",
    "What the file holds": "Isi berkas",
    "Spreadsheet (XLSX or CSV)": "Lembar kerja (XLSX atau CSV)",
    "Up to 50 MB. The first sheet is read; headings may be in Indonesian or English, in any "
    "order.":
        "Paling besar 50 MB. Lembar pertama yang dibaca; judul kolom boleh berbahasa "
        "Indonesia atau Inggris, dengan urutan bebas.",
    "“%(name)s” is not a spreadsheet: upload an .xlsx or .csv file.":
        "“%(name)s” bukan lembar kerja: unggah berkas .xlsx atau .csv.",
    "The file is larger than 50 MB; split it into parts.":
        "Berkas lebih besar dari 50 MB; pecah menjadi beberapa bagian.",
    "The file is empty.": "Berkas kosong.",
    "business name": "nama usaha",
    "artisan name": "nama perajin",
    "village code": "kode desa",
    "yearly turnover": "omzet per tahun",
    "monthly turnover": "omzet per bulan",
    "capital": "modal",
    "Unknown import mode “%(mode)s”.": "Cara impor “%(mode)s” tidak dikenal.",
    "All or nothing: %(n)s rows have errors or are duplicates, so nothing was imported. Fix "
    "them or import the valid rows.":
        "Semua atau tidak sama sekali: %(n)s baris bermasalah atau ganda, jadi tidak ada yang "
        "diimpor. Perbaiki baris itu atau impor baris yang sah saja.",
    "No heading row found. The file needs headings such as “Nama Usaha”, “Nama Perajin”, "
    "“Desa”, “Kecamatan”.":
        "Baris judul kolom tidak ditemukan. Berkas memerlukan judul seperti “Nama Usaha”, "
        "“Nama Perajin”, “Desa”, “Kecamatan”.",
    "business name (Nama Usaha)": "nama usaha (Nama Usaha)",
    "name (Nama Perajin)": "nama (Nama Perajin)",
    "village (Desa) or village code (Kode Desa)": "desa (Desa) atau kode desa (Kode Desa)",
    "Required column missing: %(columns)s. Found: %(found)s.":
        "Kolom wajib tidak ada: %(columns)s. Yang ditemukan: %(found)s.",
    "“%(column)s” is a monthly figure: it is multiplied by 12 for the yearly turnover.":
        "“%(column)s” adalah angka bulanan: dikalikan 12 untuk omzet per tahun.",
    "Columns not used: %(columns)s.": "Kolom yang tidak dipakai: %(columns)s.",
    "No artisan name: the business is registered without an owner.":
        "Nama perajin kosong: usaha didaftarkan tanpa pemilik.",
    "The NIK is left empty.": "NIK dikosongkan.",
    "The phone is left empty.": "Nomor telepon dikosongkan.",
    "The sex does not agree with the NIK (women have 40 added to the birth day).":
        "Jenis kelamin tidak sesuai dengan NIK (tanggal lahir perempuan ditambah 40).",
    "The business name is empty.": "Nama usaha kosong.",
    "The NIB is left empty.": "NIB dikosongkan.",
    "“%(value)s” is not mikro, kecil or menengah.":
        "“%(value)s” bukan mikro, kecil, atau menengah.",
    "Unknown craft category “%(value)s”: the row is imported without it.":
        "Jenis kriya “%(value)s” tidak dikenal: baris diimpor tanpa jenis kriya itu.",
    "Same as row %(row)s of this file: this row is skipped.":
        "Sama dengan baris %(row)s dari berkas ini: baris ini dilewati.",
    "Looks like “%(name)s”, already registered in this village (#%(pk)s): skipped; merge or "
    "correct it first.":
        "Mirip “%(name)s” yang sudah terdaftar di desa ini (#%(pk)s): dilewati; gabungkan atau "
        "perbaiki lebih dulu.",
    "“%(name)s” is not a real spreadsheet (it may be another kind of file renamed). Save it "
    "from Excel as .xlsx and upload again.":
        "“%(name)s” bukan lembar kerja yang sebenarnya (mungkin berkas lain yang diganti "
        "namanya). Simpan dari Excel sebagai .xlsx lalu unggah lagi.",
    "The spreadsheet cannot be read (%(reason)s). Open it in Excel, save it as .xlsx and "
    "upload again.":
        "Lembar kerja tidak dapat dibaca (%(reason)s). Buka di Excel, simpan sebagai .xlsx, "
        "lalu unggah lagi.",
    "“%(name)s” is not a spreadsheet or a CSV file.":
        "“%(name)s” bukan lembar kerja atau berkas CSV.",
    "How to fill in this register": "Cara mengisi daftar ini",
    "1. Fill one row per business (or artisan) on the sheet “Data”, from row 2.":
        "1. Isi satu baris untuk setiap usaha (atau perajin) di lembar “Data”, mulai baris 2.",
    "2. Give the village by its official code (Kode Desa) or by name; add the district "
    "(Kecamatan) when two villages share a name.":
        "2. Tulis desa dengan kode resminya (Kode Desa) atau namanya; isi kecamatan bila ada "
        "dua desa dengan nama yang sama.",
    "3. Type NIK and NIB as text (the columns are already text): Excel keeps only 15 digits "
    "of a number.":
        "3. Ketik NIK dan NIB sebagai teks (kolomnya sudah berformat teks): Excel hanya "
        "menyimpan 15 angka dari sebuah bilangan.",
    "4. Amounts in rupiah may be written 25000000, 25.000.000, Rp 25.000.000 or 25 jt.":
        "4. Jumlah rupiah boleh ditulis 25000000, 25.000.000, Rp 25.000.000, atau 25 jt.",
    "5. Choose sex, scale, craft and membership from the dropdowns.":
        "5. Pilih jenis kelamin, skala, jenis kriya, dan keanggotaan dari daftar pilihan.",
    "6. Upload the file in Kriya: Register → Import. You will see every row checked before "
    "anything is saved.":
        "6. Unggah berkas di Kriya: Pendataan → Impor dari Excel. Setiap baris diperiksa dan "
        "ditampilkan sebelum ada yang disimpan.",
    "Choose a value from the list.": "Pilih nilai dari daftar.",
    "“%(value)s” is not an amount in rupiah.": "“%(value)s” bukan jumlah rupiah.",
    "“%(value)s” is not a whole number.": "“%(value)s” bukan bilangan bulat.",
    "%(value)s is outside %(low)s–%(high)s.": "%(value)s di luar rentang %(low)s–%(high)s.",
    "“%(value)s” is not L or P.": "“%(value)s” bukan L atau P.",
    "The NIK arrived as a number: Excel keeps only 15 digits, so check its last digit and "
    "format the column as text.":
        "NIK tersimpan sebagai angka: Excel hanya menyimpan 15 angka, jadi periksa angka "
        "terakhirnya dan ubah format kolom menjadi teks.",
    "The NIK arrived in scientific notation (%(raw)s): its last digits are lost. Format the "
    "column as text and type it again.":
        "NIK tersimpan dalam notasi ilmiah (%(raw)s): angka terakhirnya hilang. Ubah format "
        "kolom menjadi teks lalu ketik ulang.",
    "Village code %(code)s is not in the region of %(council)s.":
        "Kode desa %(code)s tidak ada di wilayah %(council)s.",
    "The village is empty.": "Desa kosong.",
    "“%(name)s” is in %(where)s, not in Kec. %(district)s. Correct the district or the "
    "village.":
        "“%(name)s” ada di %(where)s, bukan di Kec. %(district)s. Perbaiki kecamatan atau "
        "desanya.",
    "There is more than one “%(name)s” (districts: %(districts)s). Fill in the district.":
        "Ada lebih dari satu “%(name)s” (kecamatan: %(districts)s). Isi kecamatannya.",
    "No village “%(name)s” in the region of %(council)s. Did you mean: %(options)s?":
        "Tidak ada desa “%(name)s” di wilayah %(council)s. Mungkin maksud Anda: %(options)s?",
    "No village “%(name)s” in the region of %(council)s.":
        "Tidak ada desa “%(name)s” di wilayah %(council)s.",
    "This file is not waiting for confirmation (it is %(status)s).":
        "Berkas ini tidak sedang menunggu konfirmasi (statusnya: %(status)s).",
    "The file could not be checked because of an internal error; it has been logged.":
        "Berkas tidak dapat diperiksa karena kesalahan internal; kesalahan sudah dicatat.",
    "Nothing was imported because of an internal error; it has been logged.":
        "Tidak ada yang diimpor karena kesalahan internal; kesalahan sudah dicatat.",
    "uploaded": "diunggah",
    "checking rows": "memeriksa baris",
    "checked, waiting for confirmation": "sudah diperiksa, menunggu konfirmasi",
    "importing": "mengimpor",
    "imported": "sudah diimpor",
    "failed": "gagal",
    "businesses with their owners": "usaha beserta pemiliknya",
    "file": "berkas",
    "file name": "nama berkas",
    "status": "status",
    "mode": "cara",
    "summary": "ringkasan",
    "problem rows": "baris bermasalah",
    "result": "hasil",
    "error": "galat",
    "register import": "impor pendataan",
    "register imports": "impor pendataan",
    "%(done)s of %(total)s rows checked": "%(done)s dari %(total)s baris sudah diperiksa",
    "Waiting for the worker…": "Menunggu giliran diproses…",
    "Refresh": "Muat ulang",
    "Rows": "Baris",
    "OK": "Baik",
    "Warnings": "Peringatan",
    "Errors": "Galat",
    "Duplicates": "Ganda",
    "All or nothing": "Semua atau tidak sama sekali",
    "Created %(created)s, updated %(updated)s, unchanged %(unchanged)s, skipped %(skipped)s.":
        "Dibuat %(created)s, diperbarui %(updated)s, tidak berubah %(unchanged)s, dilewati "
        "%(skipped)s.",
    "Open the register": "Buka daftar usaha",
    "Row": "Baris",
    "Column": "Kolom",
    "Reason": "Alasan",
    "duplicate": "ganda",
    "warning": "peringatan",
    "Import another file": "Impor berkas lain",
    "Upload the spreadsheet you received (from the industry office, a district, a cluster). "
    "Every row is checked first and nothing is saved until you confirm.":
        "Unggah lembar kerja yang Anda terima (dari dinas perindustrian, kecamatan, atau "
        "sentra). Setiap baris diperiksa lebih dulu dan tidak ada yang disimpan sebelum Anda "
        "menyetujuinya.",
    "Blank template: businesses with owners": "Templat kosong: usaha beserta pemiliknya",
    "Blank template: artisans": "Templat kosong: perajin",
    "Check the file": "Periksa berkas",
    "Recent imports": "Impor terakhir",
    "Import a register": "Impor daftar",
    "Register import: %(name)s": "Impor daftar: %(name)s",
})
ID["No row can be imported: correct the file and upload it again."] = (
    "Tidak ada baris yang dapat diimpor: perbaiki berkas lalu unggah lagi.")
PLURALS.update({"Import the %(n)s valid row": "Impor %(n)s baris yang sah"})
