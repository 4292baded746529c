"""The machinery behind Backend Skills Lab.

`labkit` turns the runnable modules in `snippets/` into pages: it finds named
regions, runs snippets in a sandbox, stores and checks their real output, checks
exercises, validates page front matter and renders quizzes. Learners meet only
[`labkit.measure`][labkit.measure] (for measured figures) and
[`labkit.db`][labkit.db] (to pick a database engine).
"""
