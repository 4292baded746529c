"""Cold and warm invocations: count the module-level init across environments."""

from __future__ import annotations

import json

from snippets.devops.cloud_kit.runtime import FUNCTION, ExecutionEnvironment, http_event

BOOK = {"title": "Ubik", "author": "Philip K. Dick", "year": 1969, "isbn": "9780547572291"}


def main() -> None:
    """Five requests over two environments: two inits, and state that is not shared."""
    # --8<-- [start:lifecycle]
    environments: dict[str, ExecutionEnvironment] = {}

    def invoke(env_name: str, method: str, path: str, body: dict | None = None) -> None:
        cold = env_name not in environments
        if cold:  # the platform creates an environment: Init runs, then Invoke
            environments[env_name] = ExecutionEnvironment(FUNCTION, env_name)
        response = environments[env_name].invoke(
            http_event(method, path, json.dumps(body) if body else None))
        books = json.loads(response["body"])
        titles = [b["title"] for b in books] if isinstance(books, list) else books["title"]
        print(f"  {'cold' if cold else 'warm'} {env_name} {method:<4} {path:<7} -> "
              f"{response['statusCode']} {titles}  (invocation "
              f"{response['headers']['x-invocation'].split()[0]} here)")

    invoke("env-A", "POST", "/books", BOOK)
    invoke("env-A", "GET", "/books")
    invoke("env-A", "GET", "/books")
    invoke("env-B", "GET", "/books")  # two requests at once: a second environment
    invoke("env-A", "GET", "/books")
    calls = sum(env.module.INVOCATIONS for env in environments.values())
    print(f"invocations: {calls}, inits (one per environment): {len(environments)}")
    # --8<-- [end:lifecycle]


if __name__ == "__main__":
    main()
