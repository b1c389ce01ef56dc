"""Sums the TRX files that `dotnet test` wrote and prints one line: `N passed, M failed`."""
import pathlib
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
files = sorted(pathlib.Path(sys.argv[1]).glob("*.trx")) if pathlib.Path(sys.argv[1]).is_dir() else []
for trx in files:
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(f"{passed} passed, {failed} failed")
sys.exit(0 if files else 1)
