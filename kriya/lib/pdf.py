"""PDFs from templates with WeasyPrint, fetching nothing: no host, no file on disk. Only
``data:`` URIs load (the QR codes drawn by segno), so a template cannot leak a request or
read a file, and rendering never waits on the network."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def render_pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
