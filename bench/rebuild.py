"""Time a full build, then a dirty rebuild after one snippet changes, in one process: what
`mkdocs serve --dirty` does on a change (it loads the configuration again, then builds).

```bash
python -m bench.rebuild <project> <snippet ref> <page html>   # prints JSON: full, rebuild
```
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from bench.course import edit_snippet


def _config(root: Path, site: str) -> MkDocsConfig:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site, strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    return config


def measure(root: Path, ref: str, page: str) -> dict[str, float]:
    """Seconds for the full build and for the rebuild after editing `ref`; raises if the
    page `page` (HTML, relative to the site) does not show the edit."""
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        build(_config(root, site))
        full = time.perf_counter() - start
        note = f"edited by the benchmark {time.time_ns()}"
        start = time.perf_counter()
        edit_snippet(root, ref, note)
        build(_config(root, site), dirty=True)
        rebuild = time.perf_counter() - start
        if note not in (Path(site) / page).read_text(encoding="utf-8"):
            raise RuntimeError(f"the dirty rebuild did not update {page}")
    return {"full": full, "rebuild": rebuild}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2], sys.argv[3])))
