"""labkit.linkcheck finds links to missing files and anchors in built HTML."""

from __future__ import annotations

from pathlib import Path

from labkit import linkcheck


def test_broken_files_and_anchors_are_reported_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="start">Start</h2>\n'
        '<a href="guide/#setup">ok</a>\n'
        '<a href="guide/#nowhere">bad anchor</a>\n'
        '<a href="missing/">bad page</a>\n'
        '<a href="/docs/guide/">ok, site-absolute</a>\n'
        '<a href="https://example.org/x">outside: not checked</a>\n'
        '<a href="#start">ok, same page</a>\n'
    )
    (tmp_path / "guide" / "index.html").write_text('<h2 id="setup">Setup</h2>\n')
    broken = [str(b) for b in linkcheck.check(tmp_path, "/docs/")]
    assert broken == ["index.html:3: guide/#nowhere (no such anchor)",
                      "index.html:4: missing/ (no such file)"]
