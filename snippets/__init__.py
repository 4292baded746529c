"""Every piece of code shown on Backend Skills Lab, as modules you can run.

Each chapter is a sub-package and each topic a module with a `main()`:
run one with `python -m snippets.<chapter>.<topic>`, list them all with
`python -m snippets list`.
"""
