"""The same tiny books endpoint in four languages, started by `lang_compare` (not run alone)."""
