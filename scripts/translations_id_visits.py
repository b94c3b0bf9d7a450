"""Indonesian for the field mentor's pages: mentoring visits recorded on a phone, offline
first (kriya/programs/visits.py, visit_forms.py, visit_services.py, templates visit_*)."""

ID = {
    "Not allowed": "Tidak diizinkan",
    "Mentoring visits are recorded by the council's field mentors, secretariat and "
    "administrators. Your role in this council may not open these pages: switch role or "
    "ask your council's administrator.":
        "Kunjungan pendampingan dicatat oleh pendamping lapangan, sekretariat dan "
        "administrator dewan. Peran Anda di dewan ini tidak dapat membuka halaman ini: ganti "
        "peran atau hubungi administrator dewan Anda.",
    "Record a mentoring visit": "Catat kunjungan pendampingan",
    "Mentoring visits": "Kunjungan pendampingan",
    "Mentoring visit": "Kunjungan pendampingan",
    "Business visited": "Usaha yang dikunjungi",
    "Business name": "Nama usaha",
    "Find": "Cari",
    "Businesses you visited recently:": "Usaha yang baru Anda kunjungi:",
    "No business of your council has that name.":
        "Tidak ada usaha di wilayah dewan Anda dengan nama itu.",
    "Search the business by name above.": "Cari usaha berdasarkan nama di atas.",
    "Photos": "Foto",
    "Location (optional)": "Lokasi (tidak wajib)",
    "Use my location": "Pakai lokasi saya",
    "Save the visit": "Simpan kunjungan",
    "Discard this draft": "Buang draf ini",
    "Search a business by name": "Cari usaha berdasarkan nama",
    "Businesses whose name holds “%(query)s”:": "Usaha yang namanya memuat “%(query)s”:",
    "Village": "Desa",
    "Date of the visit": "Tanggal kunjungan",
    "Mentor": "Pendamping",
    "Findings": "Temuan",
    "Advice given": "Saran yang diberikan",
    "Agreed next step": "Langkah berikutnya yang disepakati",
    "Next step due": "Tenggat langkah berikutnya",
    "Next step": "Langkah berikutnya",
    "Location": "Lokasi",
    "Received": "Diterima",
    "Record another visit": "Catat kunjungan lain",
    "Photo %(n)s of the visit": "Foto %(n)s kunjungan",
    "On this phone": "Di ponsel ini",
    "waiting to be sent": "menunggu dikirim",
    "arrived": "sudah terkirim",
    "Waiting to be sent (on this phone)": "Menunggu dikirim (di ponsel ini)",
    "Nothing is waiting.": "Tidak ada yang menunggu.",
    "Send now": "Kirim sekarang",
    "Arrived": "Sudah terkirim",
    "Nothing has been sent from this phone yet.": "Belum ada yang dikirim dari ponsel ini.",
    "Record a visit": "Catat kunjungan",
    "Follow-ups due": "Tindak lanjut yang jatuh tempo",
    "overdue since": "lewat tenggat sejak",
    "due": "tenggat",
    "No next step falls due in the next 14 days.":
        "Tidak ada langkah berikutnya yang bertenggat dalam 14 hari ke depan.",
    "My visits": "Kunjungan saya",
    "You have not recorded a visit yet.": "Anda belum mencatat kunjungan.",
    "Waiting to be sent": "Menunggu dikirim",
    "Not accepted: open it, correct it and save again":
        "Tidak diterima: buka, perbaiki, lalu simpan lagi",
    "Discard": "Buang",
    "Open in the form": "Buka di formulir",
    "See on the server": "Lihat di server",
    "photos": "foto",
    "This visit has not reached the server yet. Discard it from this phone for good, with "
    "its photos?":
        "Kunjungan ini belum sampai ke server. Buang dari ponsel ini untuk selamanya, "
        "beserta fotonya?",
    "Discard the unsent draft on this phone, with its photos?":
        "Buang draf yang belum dikirim di ponsel ini, beserta fotonya?",
    "The form holds an unsent draft. Save or discard it first.":
        "Formulir masih berisi draf yang belum dikirim. Simpan atau buang dulu.",
    "Saved on this phone. It is sent as soon as there is a connection.":
        "Tersimpan di ponsel ini. Akan dikirim begitu ada sinyal.",
    "Sending…": "Mengirim…",
    "The visit has arrived.": "Kunjungan sudah terkirim.",
    "No connection: it waits on this phone and is sent automatically.":
        "Tidak ada sinyal: kunjungan menunggu di ponsel ini dan dikirim otomatis.",
    "Your login has ended: log in again, then press Send now.":
        "Sesi masuk Anda berakhir: masuk lagi, lalu tekan Kirim sekarang.",
    "The server could not take it now; it is tried again.":
        "Server belum dapat menerimanya sekarang; akan dicoba lagi.",
    "Draft kept on this phone.": "Draf tersimpan di ponsel ini.",
    "Your unsent draft was restored.": "Draf Anda yang belum dikirim dipulihkan.",
    "No connection: showing the businesses you visited recently.":
        "Tidak ada sinyal: menampilkan usaha yang baru Anda kunjungi.",
    "Finding your location…": "Mencari lokasi Anda…",
    "Location added.": "Lokasi ditambahkan.",
    "The location could not be read. You can leave it empty.":
        "Lokasi tidak dapat dibaca. Boleh dibiarkan kosong.",
    "Remove photo": "Hapus foto",
    "This visit had already arrived; it is stored once.":
        "Kunjungan ini sudah terkirim sebelumnya; disimpan satu kali saja.",
    "Business": "Usaha",
    "Choose the business you visited.": "Pilih usaha yang Anda kunjungi.",
    "Choose a business of your own council.": "Pilih usaha di wilayah dewan Anda sendiri.",
    "Latitude": "Lintang",
    "Longitude": "Bujur",
    "A visit cannot be in the future.": "Tanggal kunjungan tidak boleh di masa depan.",
    "At most %(n)s photos per visit.": "Paling banyak %(n)s foto per kunjungan.",
    "The next step cannot be due before the visit.":
        "Tenggat langkah berikutnya tidak boleh sebelum tanggal kunjungan.",
    "Give both latitude and longitude, or neither.":
        "Isi lintang dan bujur sekaligus, atau kosongkan keduanya.",
    "%(business)s is not a business in the region of %(council)s; a visit can only be "
    "recorded for a business of your own council.":
        "%(business)s bukan usaha di wilayah %(council)s; kunjungan hanya dapat dicatat "
        "untuk usaha di wilayah dewan Anda sendiri.",
    "Photo %(n)s (%(name)s): %(reason)s": "Foto %(n)s (%(name)s): %(reason)s",
    "This submission key belongs to another visit. Open a new visit form and send it again.":
        "Kunci pengiriman ini milik kunjungan lain. Buka formulir kunjungan baru dan kirim "
        "lagi.",
    "Mentoring visits (the phone form)": "Kunjungan pendampingan (formulir ponsel)",
}
