"""Indonesian for kriya/operations (backups, restore, the 503 page); merged by fill-translations."""

ID = {
    "Operations": "Operasional",
    "Service temporarily unavailable": "Layanan sedang tidak tersedia",
    "Kriya cannot reach its database right now. Wait a moment and try again; if you were "
    "saving something, send it again.": "Kriya sedang tidak dapat menghubungi basis datanya. Tunggu sebentar lalu coba lagi; "
    "bila Anda sedang menyimpan sesuatu, kirimkan lagi.",
    "%(tool)s was not found; install the PostgreSQL client tools or set PG_BIN.": "%(tool)s tidak ditemukan; pasang perangkat klien PostgreSQL atau atur PG_BIN.",
    "%(tool)s failed: %(error)s": "%(tool)s gagal: %(error)s",
    "Backups support SQLite and PostgreSQL, not %(vendor)s.": "Cadangan hanya untuk SQLite dan PostgreSQL, bukan %(vendor)s.",
    "%(file)s is not a Kriya backup.": "%(file)s bukan berkas cadangan Kriya.",
    "This backup is of a %(backup)s database; this one is %(current)s.": "Cadangan ini dari basis data %(backup)s; basis data ini %(current)s.",
    "The database is not empty; restoring would overwrite: %(tables)s. Confirm with --yes.": "Basis data tidak kosong; pemulihan akan menimpa: %(tables)s. Tegaskan dengan --yes.",
    "The restored data differ from the backup in: %(tables)s.": "Data yang dipulihkan berbeda dari cadangan pada: %(tables)s.",
    "Backed up %(tables)s tables (%(rows)s rows) and %(media)s media files to %(archive)s "
    "(%(size).1f MB).": "Mencadangkan %(tables)s tabel (%(rows)s baris) dan %(media)s berkas media ke "
    "%(archive)s (%(size).1f MB).",
    "%(file)s does not exist.": "%(file)s tidak ada.",
    "Restored %(archive)s: %(tables)s tables (%(rows)s rows) and %(media)s media files; every "
    "table matches the manifest.": "Memulihkan %(archive)s: %(tables)s tabel (%(rows)s baris) dan %(media)s berkas media; "
    "setiap tabel cocok dengan manifes.",
}
