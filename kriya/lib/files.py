"""Where uploaded files live and how the private ones are served.

Two storages (``settings.STORAGES``): ``public`` holds what anyone may fetch from
``/media/`` (photos of published products, village-icon photos); ``default`` holds the
private files (import spreadsheets, visit photos, artisan photos, activity attachments,
indicator evidence, photos of products not published), which never have a URL of their own:
``PrivateFileField`` answers ``.url`` with the one view that checks scope and role first
(``kriya/views/files.py``), and :func:`serve` hands the bytes out by the means the server has.
"""

from __future__ import annotations

import mimetypes
import os
import secrets
from pathlib import PurePosixPath
from typing import Any, cast
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

# Files shown in the browser rather than downloaded: only images, and only as images
# (``nosniff``), so an HTML or SVG file renamed .jpg never runs as a page of this site.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


def public_storage() -> Storage:
    return storages["public"]


def private_storage() -> Storage:
    return storages["default"]


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk under ``PRIVATE_ROOT``, outside what nginx serves."""

    @cached_property
    def base_location(self) -> str:
        # FileSystemStorage.__init__ keeps its location argument in _location; the stubs omit it.
        return self._value_or_setting(self._location, settings.PRIVATE_ROOT)  # type: ignore[attr-defined]

    @cached_property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        # Django calls this on every setting_changed, with any setting's name; the stubs
        # allow only the four that the parent reacts to.
        super()._clear_cached_properties(setting, **kwargs)  # type: ignore[arg-type]
        if setting == "PRIVATE_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; serve them with lib.files.serve.")


@deconstructible
class RandomName:
    """``upload_to`` that keeps only the extension of the uploader's name: the path of a
    file says nothing about it (no NIK in a spreadsheet's name) and cannot be guessed.

    ``keep_name_in`` names a field of the model, declared *after* the file field (fields are
    saved in order), that receives the uploader's name for display and as the download's
    file name; admin forms and services then need not each remember to copy it.
    """

    def __init__(self, folder: str, keep_name_in: str = "") -> None:
        self.folder = folder
        self.keep_name_in = keep_name_in

    def __call__(self, instance: models.Model, filename: str) -> str:
        if self.keep_name_in:
            # keep_name_in names a concrete field (a CharField), never a relation.
            field = cast("models.Field[Any, Any]", instance._meta.get_field(self.keep_name_in))
            limit = field.max_length or 255
            setattr(instance, self.keep_name_in, PurePosixPath(filename).name[:limit])
        suffix = PurePosixPath(filename).suffix.lower()[:10]
        return f"{self.folder}/{secrets.token_urlsafe(24)}{suffix}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RandomName) and (other.folder, other.keep_name_in) == (
            self.folder,
            self.keep_name_in,
        )


def private_url(file: FieldFile) -> str:
    """The address of ``file`` through the checking view."""
    instance = file.instance
    return reverse("private-file", args=[instance._meta.label_lower, instance.pk, file.field.name])


class PrivateFieldFile(FieldFile):
    @property
    def url(self) -> str:
        self._require_file()  # type: ignore[attr-defined]  # FieldFile's own check; not in the stubs
        return private_url(self)


class PrivateImageFieldFile(ImageFieldFile):
    @property
    def url(self) -> str:
        self._require_file()  # type: ignore[attr-defined]  # FieldFile's own check; not in the stubs
        return private_url(self)


class PrivateFileField(models.FileField):
    """A file in the private (default) storage, reachable only through ``/berkas/…``."""

    attr_class = PrivateFieldFile


class PrivateImageField(models.ImageField):
    """An image in the private storage, reachable only through ``/berkas/…``."""

    attr_class = PrivateImageFieldFile


def content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def serve(request: HttpRequest, file: FieldFile, *, filename: str = "") -> HttpResponseBase:
    """The bytes of the private ``file``, for a request already allowed to have them.

    Images are shown, anything else downloads under ``filename`` (the uploader's name).
    S3: a redirect to a signed link that expires in ``PRIVATE_FILES_URL_SECONDS``.
    Local disk: ``X-Accel-Redirect`` (nginx) or ``X-Sendfile`` (Apache, lighttpd) when
    ``PRIVATE_FILES_SERVER`` says so, else Django streams the file itself.
    """
    name = file.name
    if not name:
        raise FileNotFoundError("serve() needs a stored file")
    kind = content_type(name)
    filename = filename or PurePosixPath(name).name
    download = kind not in INLINE_TYPES
    disposition = "attachment" if download else "inline"
    disposition += f"; filename*=UTF-8''{quote(filename)}"
    storage = file.storage
    if not isinstance(storage, FileSystemStorage):
        parameters = {"ResponseContentType": kind, "ResponseContentDisposition": disposition}
        response: HttpResponseBase = HttpResponseRedirect(
            # S3Storage.url (django-storages) takes these; the base Storage stub does not.
            storage.url(name, parameters=parameters, expire=settings.PRIVATE_FILES_URL_SECONDS)  # type: ignore[call-arg]
        )
    elif settings.PRIVATE_FILES_SERVER == "nginx":
        response = HttpResponse(content_type=kind)
        response["X-Accel-Redirect"] = quote(settings.PRIVATE_FILES_INTERNAL_URL + name)
    elif settings.PRIVATE_FILES_SERVER == "sendfile":
        response = HttpResponse(content_type=kind)
        response["X-Sendfile"] = storage.path(name)
    else:
        response = FileResponse(storage.open(name, "rb"), content_type=kind)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data: never kept by a shared cache, nor by the browser past this visit.
    response["Cache-Control"] = "private, no-store"
    return response
