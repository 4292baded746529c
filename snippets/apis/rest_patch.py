"""Why a PATCH handler must use model_dump(exclude_unset=True): the naive version erases fields."""

from __future__ import annotations

from snippets.apis.rest_app.models import BookRead, BookUpdate

DEPENDS = ("rest_app/",)


def main() -> None:
    """Apply the same PATCH body two ways and compare the books they produce."""
    # --8<-- [start:parse]
    stored = BookRead(id=1, title="The Dispossessed", author="Ursula K. Le Guin",
                      year=1974, isbn="9780060512750")
    changes = BookUpdate.model_validate({"year": 1975})  # the body of PATCH /books/1
    print("fields the client sent:    ", sorted(changes.model_fields_set))
    print("model_dump():              ", changes.model_dump())
    print("exclude_unset=True:        ", changes.model_dump(exclude_unset=True))  # [mark:unset]
    # --8<-- [end:parse]
    # --8<-- [start:apply]
    naive = stored.model_copy(update=changes.model_dump())  # [mark:naive]
    right = stored.model_copy(update=changes.model_dump(exclude_unset=True))
    print("naive PATCH gives:         ", naive.model_dump())
    print("exclude_unset PATCH gives: ", right.model_dump())
    # --8<-- [end:apply]


if __name__ == "__main__":
    main()
