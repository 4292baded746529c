"""The folder put first on `PYTHONPATH` of every snippet run; see `sitecustomize`."""
