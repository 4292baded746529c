"""`python -m bench [--quick]`: run every benchmark and print the table (see README.md)."""

from bench.run import main

raise SystemExit(main())
