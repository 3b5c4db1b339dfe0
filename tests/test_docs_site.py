"""The reference documentation in docs/ builds (mkdocs, strict: no broken link or reference) without network."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow
def test_the_reference_builds_offline_and_loads_nothing_from_elsewhere(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                             str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    for page in ("cli/index.html", "api/index.html", "viewer/index.html", "data-model/index.html"):
        assert page in pages, sorted(pages)
    # the command line's reference comes from its own definition, the API's from the docstrings
    assert "--case" in pages["cli/index.html"] and "--queries" in pages["cli/index.html"]
    assert "CaseGraph" in pages["api/index.html"] and "Examples" in pages["api/index.html"]
    # nothing the pages load comes from elsewhere: they read offline
    for name, html in pages.items():
        outside = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=\"(https?:)?//[^\"]+\"", html)
        assert not outside, (name, outside)
