"""Fills empty or fuzzy entries of kriya/locale/id/LC_MESSAGES/django.po from
scripts/translations_id.py and scripts/translations_id_<area>.py (one file per domain area,
so that work on two areas never edits the same file) and lists what is still untranslated
(exit 1 if anything is).

Run after `manage.py makemessages -l id`: `python scripts/fill-translations.py`.
"""

import ast
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ID: dict[str, str] = {}
PLURALS: dict[str, str] = {}
for source in sorted(HERE.glob("translations_id*.py")):
    module = importlib.import_module(source.stem)
    ID.update(module.ID)
    PLURALS.update(getattr(module, "PLURALS", {}))

PO = Path(__file__).resolve().parent.parent / "kriya/locale/id/LC_MESSAGES/django.po"


def unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line[line.index('"') :]) for line in lines)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fields(block: list[str]) -> dict[str, list[str]]:
    """{"msgid": [lines], "msgstr": [lines], ...} for one entry; comments under "#"."""
    out: dict[str, list[str]] = {"#": []}
    key = None
    for line in block:
        if line.startswith("#"):
            out["#"].append(line)
        elif line.startswith('"'):
            out[key].append(line)
        else:
            key = line.split(" ", 1)[0]
            out[key] = [line]
    return out


def fill(block: list[str], missing: list[str]) -> list[str]:
    f = fields(block)
    msgid = unquote(f.get("msgid", []))
    fuzzy = any("fuzzy" in c for c in f["#"] if c.startswith("#,"))
    comments = [c for c in f["#"] if not (c.startswith("#,") and "fuzzy" in c)]
    if not msgid:
        return block
    if "msgid_plural" in f:
        if unquote(f["msgstr[0]"]) and not fuzzy:
            return block
        text = PLURALS.get(msgid)
        if text is None:
            missing.append(msgid)
            return block
        return comments + f["msgid"] + f["msgid_plural"] + [f"msgstr[0] {quote(text)}"]
    if unquote(f["msgstr"]) and not fuzzy:
        return block
    text = ID.get(msgid)
    if text is None:
        missing.append(msgid)
        return block
    return comments + f["msgid"] + [f"msgstr {quote(text)}"]


blocks = PO.read_text(encoding="utf-8").split("\n\n")
header = blocks[0].replace(
    "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;", "Plural-Forms: nplurals=1; plural=0;"
)
header = header.replace('"Language: \\n"', '"Language: id\\n"').replace("#, fuzzy\n", "")
missing: list[str] = []
entries = ["\n".join(fill(b.strip("\n").split("\n"), missing)) for b in blocks[1:] if b.strip()]
PO.write_text("\n\n".join([header, *entries]) + "\n", encoding="utf-8")
for msgid in missing:
    print("untranslated:", msgid)
sys.exit(1 if missing else 0)
