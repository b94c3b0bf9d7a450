"""Adds up the JUnit files of the test legs; fails when a leg is missing or ran no test."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

totals = {"passed": 0, "failed": 0, "skipped": 0}
ok = True
for path in map(Path, sys.argv[1:]):
    if not path.exists():
        print(f"{path.stem}: no results (the leg did not run)")
        ok = False
        continue
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    passed = tests - failed - skipped
    print(f"{path.stem}: {passed} passed, {failed} failed, {skipped} skipped")
    if tests == 0:
        print(f"{path.stem}: ran no test")
        ok = False
    totals["passed"] += passed
    totals["failed"] += failed
    totals["skipped"] += skipped
print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(0 if ok and totals["failed"] == 0 else 1)
