"""The demo depends on the domain apps, never the other way round.

The demo (kriya/demo/) calls the domain apps' services to build its councils; a domain
app that imported the demo would ship test-looking data into production code paths and
tie the two together again. Read with ``ast``, so a lazy import inside a function counts.
"""

import ast
from pathlib import Path

import kriya

KRIYA = Path(kriya.__file__).resolve().parent


def demo_imports(source: str) -> list[int]:
    """Line numbers of the statements in ``source`` that import kriya.demo or a module of it."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(name == "kriya.demo" or name.startswith("kriya.demo.") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_rule_flags_every_way_of_importing_the_demo():
    bad = [
        "import kriya.demo",
        "import kriya.demo.national as national",
        "from kriya.demo import catalog",
        "from kriya.demo.registry import GIVEN",
        "def crafts():\n    from kriya.demo.catalog import CRAFTS\n    return CRAFTS",
        "from kriya import demo",
    ]
    good = [
        "from kriya.catalog import services",
        "from kriya.demonstrations import x",
        "import kriya.registry.demographics",
        "from . import demo",  # an app's own module named demo, not kriya.demo
        'call_command("load_demo")',
    ]
    assert [snippet for snippet in bad if not demo_imports(snippet)] == []
    assert [snippet for snippet in good if demo_imports(snippet)] == []


def test_no_domain_app_imports_the_demo():
    offenders = [
        f"{path.relative_to(KRIYA.parent)}:{line}"
        for path in sorted(KRIYA.rglob("*.py"))
        if path.relative_to(KRIYA).parts[0] != "demo"
        for line in demo_imports(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "kriya.demo is imported outside kriya/demo/: " + ", ".join(offenders)
