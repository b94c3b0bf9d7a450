"""Backups that restore: one archive holds the database, the media files and a manifest.

SQLite is copied with its online backup API, PostgreSQL with ``pg_dump`` inside the same
snapshot the manifest is computed from, so both are consistent while the app keeps running.
The manifest lists every table's row count and checksum; a restore is verified against it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
# Rows that `migrate` itself writes; a database holding only these counts as empty.
FILLED_BY_MIGRATE = frozenset(
    {"django_migrations", "django_content_type", "auth_permission", "registry_craftcategory"}
)

Fingerprints = dict[str, dict[str, int | str]]


@dataclass(frozen=True)
class RestoreResult:
    archive: Path
    tables: int
    rows: int
    media_files: int


# Checksums ------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, default=str)
    return str(value)


def _fingerprint_rows(rows: Iterable[tuple]) -> tuple[int, str]:
    """Row count and an order-independent checksum (sum of per-row SHA-256 prefixes)."""
    count, total = 0, 0
    for row in rows:
        digest = hashlib.sha256("\x1f".join(map(_text, row)).encode()).digest()
        total = (total + int.from_bytes(digest[:16], "big")) % (1 << 128)
        count += 1
    return count, f"{total:032x}"


def _sqlite_fingerprints(path: Path) -> Fingerprints:
    """Every table of a SQLite file, read raw (no Django type converters)."""
    db = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        out: Fingerprints = {}
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            count, checksum = _fingerprint_rows(db.execute(f"SELECT * FROM {quoted}"))
            out[name] = {"rows": count, "checksum": checksum}
        return out
    finally:
        db.close()


def _postgres_fingerprints() -> Fingerprints:
    """Every table of the current schema, streamed through a server-side cursor."""
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
    out: Fingerprints = {}
    for name in names:
        with transaction.atomic():  # a named cursor lives inside a transaction
            cursor = connection.chunked_cursor()
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(name)}")
            count, checksum = _fingerprint_rows(_fetch_all(cursor))
            cursor.close()
        out[name] = {"rows": count, "checksum": checksum}
    return out


def _fetch_all(cursor: CursorWrapper) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(2000):
        yield from rows


def _sqlite_copy(target: Path) -> None:
    """A consistent copy of the live SQLite database, taken while others go on writing."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def fingerprints() -> Fingerprints:
    """Row count and checksum of every table in the current database."""
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            _sqlite_copy(Path(tmp) / SQLITE_FILE)
            return _sqlite_fingerprints(Path(tmp) / SQLITE_FILE)
    return _postgres_fingerprints()


# PostgreSQL tools -----------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    """pg_dump/pg_restore of the server's major version (they refuse newer servers)."""
    # Only PostgreSQL's DatabaseWrapper has pg_version; this runs on PostgreSQL alone.
    major = connection.pg_version // 10000  # type: ignore[attr-defined]
    for folder in (os.environ.get("PG_BIN", ""), f"/usr/lib/postgresql/{major}/bin"):
        if folder and (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    found = shutil.which(name)
    if not found:
        raise ValidationError(
            _("%(tool)s was not found; install the PostgreSQL client tools or set PG_BIN.")
            % {"tool": name}
        )
    return found


# libpq settings that DATABASE_URL may carry in OPTIONS (e.g. ?host=/run/pg&sslmode=require).
_LIBPQ_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "options": "PGOPTIONS",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def _pg_env() -> dict[str, str]:
    """The connection settings of DATABASES["default"] as libpq environment variables."""
    db = connection.settings_dict
    env = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
    }
    for key, value in db.get("OPTIONS", {}).items():
        if key in _LIBPQ_ENV:
            env[_LIBPQ_ENV[key]] = value
    return {**os.environ, **{k: str(v) for k, v in env.items() if v not in (None, "")}}


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise ValidationError(
            _("%(tool)s failed: %(error)s")
            % {"tool": Path(command[0]).name, "error": result.stderr.strip()}
        )


@contextmanager
def _pg_snapshot() -> Iterator[str]:
    """A repeatable-read transaction whose snapshot pg_dump shares (``--snapshot``)."""
    connection.ensure_connection()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            yield cursor.fetchone()[0]


# Backup -----------------------------------------------------------------------------------


def _media_root() -> Path | None:
    """The local public media folder, or None when media live in object storage."""
    public = storages["public"]
    return Path(settings.MEDIA_ROOT) if isinstance(public, FileSystemStorage) else None


def _private_root() -> Path | None:
    """The local folder of private files, or None when they live in object storage."""
    return (
        Path(default_storage.location) if isinstance(default_storage, FileSystemStorage) else None
    )


def _files_under(root: Path | None, arcname: str) -> list[tuple[Path, str]]:
    if root is None:
        return []
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return [(file, f"{arcname}/{file.relative_to(root).as_posix()}") for file in files]


def _migrations() -> dict[str, str]:
    applied = MigrationRecorder(connection).applied_migrations()
    latest: dict[str, str] = {}
    for app, name in sorted(applied):
        latest[app] = max(latest.get(app, ""), name)
    return latest


def backup(*, path: Path) -> Path:
    """Write one consistent archive of the database and media into the folder ``path``.
    The archive holds personal data: it is written 0600 into a folder made 0700."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = path / f"kriya-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if connection.vendor == "sqlite":
            dump = work / SQLITE_FILE
            _sqlite_copy(dump)
            tables = _sqlite_fingerprints(dump)
        elif connection.vendor == "postgresql":
            dump = work / PG_FILE
            with _pg_snapshot() as snapshot:
                _run(
                    [
                        _pg_tool("pg_dump"),
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        f"--file={dump}",
                    ]
                )
                tables = _postgres_fingerprints()
        else:
            raise ValidationError(
                _("Backups support SQLite and PostgreSQL, not %(vendor)s.")
                % {"vendor": connection.vendor}
            )
        media = _media_root()
        media_files = _files_under(media, "media")
        private_files = _files_under(_private_root(), "private")
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": {"vendor": connection.vendor, "file": dump.name},
            "migrations": _migrations(),
            "tables": tables,
            "media": {
                "included": media is not None,
                "files": len(media_files),
                "private_files": len(private_files),
            },
        }
        partial = archive.with_name(archive.name + ".part")
        # Created 0600 before a byte is written, whatever the umask.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        partial.chmod(0o600)
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for file, arcname in media_files + private_files:
                tar.add(file, arcname=arcname)
        partial.rename(archive)  # never leave a half-written archive under the final name
    return archive


# Restore ----------------------------------------------------------------------------------


def read_manifest(*, path: Path) -> dict:
    with tarfile.open(path, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        if member is None:
            raise ValidationError(_("%(file)s is not a Kriya backup.") % {"file": path.name})
        return json.load(member)


def data_in_database() -> dict[str, int]:
    """Tables of the current database that hold rows beyond what `migrate` writes."""
    with connection.cursor() as cursor:
        names = connection.introspection.django_table_names(only_existing=True)
        held = {}
        for name in sorted(set(names) - FILLED_BY_MIGRATE):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            if count := cursor.fetchone()[0]:
                held[name] = count
    return held


def restore(*, path: Path, replace: bool = False) -> RestoreResult:
    """Bring back an archive into this database and media folder; verified table by table."""
    manifest = read_manifest(path=path)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise ValidationError(
            _("This backup is of a %(backup)s database; this one is %(current)s.")
            % {"backup": vendor, "current": connection.vendor}
        )
    held = data_in_database()
    if held and not replace:
        tables = ", ".join(f"{name} ({count})" for name, count in held.items())
        raise ValidationError(
            _(
                "The database is not empty; restoring would overwrite: "
                "%(tables)s. Confirm with --yes."
            )
            % {"tables": tables}
        )
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as tar:
        work = Path(tmp)
        tar.extractall(work, filter="data")
        dump = work / manifest["database"]["file"]
        if vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            connection.close()
            # --clean replaces what a migrated (or previous) schema holds; all or nothing.
            _run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={connection.settings_dict['NAME']}",
                    str(dump),
                ]
            )
        media_files = _restore_media(work / "media", _media_root())
        media_files += _restore_media(work / "private", _private_root())
    _verify(manifest["tables"], fingerprints())
    return RestoreResult(
        archive=path,
        tables=len(manifest["tables"]),
        rows=sum(t["rows"] for t in manifest["tables"].values()),
        media_files=media_files,
    )


def _restore_media(source: Path, media: Path | None) -> int:
    if media is None or not source.is_dir():
        return 0
    count = 0
    for file in source.rglob("*"):
        if file.is_file():
            target = media / file.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
            count += 1
    return count


def _verify(expected: Fingerprints, actual: Fingerprints) -> None:
    wrong = [name for name, want in expected.items() if actual.get(name) != want]
    if wrong:
        raise ValidationError(
            _("The restored data differ from the backup in: %(tables)s.")
            % {"tables": ", ".join(wrong)}
        )


def split_media() -> tuple[int, int]:
    """Upgrade from the days when every upload sat in public media: move each file of every
    private field (a file field not stored in public media) into the private storage under
    the same name, keeping the public copy only of photos of published products, which are
    then marked public. Returns (files moved to private, photos left public). Safe to
    re-run."""
    from django.apps import apps
    from django.db import models

    from kriya.catalog.models import Product, ProductPhoto
    from kriya.lib.files import private_storage, public_storage

    public, private = public_storage(), private_storage()
    moved = kept = 0
    published = set(Product.objects.published().values_list("pk", flat=True))
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.get_fields()
            # A field kept in public media names public_storage as its storage.
            if isinstance(f, models.FileField)
            and f.deconstruct()[3].get("storage") is not public_storage
        ]
        if not fields:
            continue
        for row in model._base_manager.iterator():
            stays_public = isinstance(row, ProductPhoto) and row.product_id in published
            for field in fields:
                name = getattr(row, field).name
                if not name or not public.exists(name):
                    continue
                if not private.exists(name):
                    with public.open(name, "rb") as source:
                        private.save(name, source)
                if stays_public:
                    kept += 1
                else:
                    public.delete(name)
                    moved += 1
            if stays_public:
                ProductPhoto.objects.filter(pk=row.pk).update(public=True)
    return moved, kept
