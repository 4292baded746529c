"""Run one contract suite against every BlobStore backend, and against a broken one."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from labkit.clock import FakeClock
from snippets.devops.cloud_kit.blobstore import BlobStore, LocalBlobStore, Signer
from snippets.devops.cloud_kit.contract import BACKENDS, CHECKS, START, Fixture, fresh


# --8<-- [start:naive]
class NaiveLocalStore(LocalBlobStore):
    """BROKEN ON PURPOSE: joins the key to the root without checking it."""

    def _path(self, key: str) -> Path:
        return self.root / key
# --8<-- [end:naive]


# --8<-- [start:run]
def run_contract(make: Callable[[Path], Fixture]) -> list[tuple[str, str]]:
    """Each check on a fresh, empty store: ("ok" or the failure) per check."""
    results = []
    for check in CHECKS:
        with tempfile.TemporaryDirectory() as folder:
            try:
                check(make(Path(folder)))
                results.append((check.__name__, "ok"))
            except AssertionError as failure:
                results.append((check.__name__, f"FAILED: {failure}"))
    return results


def main() -> None:
    """Print a table of checks by backend, then the broken backend's results."""
    table = {name: run_contract(lambda root, name=name: fresh(name, root)) for name in BACKENDS}
    print(f"{'check':<20}" + "".join(f"{name:<8}" for name in table))
    for row, check in enumerate(CHECKS):
        print(f"{check.__name__:<20}" + "".join(f"{table[n][row][1]:<8}" for n in table))

    def naive(root: Path) -> Fixture:
        clock = FakeClock(START)
        signer = Signer(b"contract-test-key", clock)
        store: BlobStore = NaiveLocalStore(root / "blobs", signer)
        return Fixture(store, signer, clock)

    print("\nnaive local store:")
    for name, outcome in run_contract(naive):
        print(f"  {name:<20}{outcome}")
    with tempfile.TemporaryDirectory() as folder:
        naive(Path(folder)).store.put("../outside.txt", b"written outside the store")
        print(f"  after put('../outside.txt'): {sorted(p.name for p in Path(folder).iterdir())}")
# --8<-- [end:run]


if __name__ == "__main__":
    main()
