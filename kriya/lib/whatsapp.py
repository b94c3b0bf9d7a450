"""WhatsApp links (wa.me): how a buyer reaches a maker, and how a page is shared.

Indonesian numbers are written many ways ("0812-3456-7890", "+62 812 3456 7890",
"812 3456 7890"); wa.me wants the international digits only ("6281234567890").
"""

from urllib.parse import quote

from kriya.lib.phones import normalize_phone, phone_problem


def wa_number(phone: str | None) -> str:
    """The digits wa.me expects ("6281234567890"), or "" when ``phone`` is not an
    Indonesian number; read the way the register reads phones."""
    normalized = normalize_phone(phone or "")
    return normalized.removeprefix("+") if normalized and not phone_problem(normalized) else ""


def chat_url(phone: str | None, text: str = "") -> str:
    """A link that opens a chat with ``phone`` with ``text`` typed in; "" without a number."""
    number = wa_number(phone)
    if not number:
        return ""
    return f"https://wa.me/{number}" + (f"?text={quote(text, safe='')}" if text else "")


def share_url(text: str) -> str:
    """A link that lets the user pick a WhatsApp contact to send ``text`` to."""
    return f"https://wa.me/?text={quote(text, safe='')}"


def facebook_share_url(url: str) -> str:
    """Facebook's share dialog for ``url`` (a plain link: nothing is loaded from Facebook)."""
    return f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"
