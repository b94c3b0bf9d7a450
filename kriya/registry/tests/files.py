"""Real spreadsheet files for the import tests, written with openpyxl."""

import io

from openpyxl import Workbook


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
