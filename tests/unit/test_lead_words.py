"""The text matching behind a lead's sector match: Danish and English words meet each other's
stems, Danish compounds meet their parts, and short stems do not meet unrelated compounds."""

from queries.leads.words import matches, term_stems, terms


def test_danish_letters_are_spelled_out_and_function_words_dropped() -> None:
    assert terms("Velfærdsteknologi til ældreplejen og robotter") == [
        "velfaerdsteknologi",
        "aeldreplejen",
        "robotter",
    ]


def test_danish_and_english_inflections_meet() -> None:
    robots = term_stems(["Robots, automation and drones"])
    assert matches("robotter", robots)  # Danish plural
    assert matches("automatisering", robots)  # Danish for automation
    assert matches("drone", robots)


def test_a_danish_compound_meets_its_first_part() -> None:
    assert matches("robotteknologi", term_stems(["robots"]))
    assert matches("velfaerdsteknologi", term_stems(["velfærd"]))


def test_short_stems_do_not_meet_unrelated_compounds() -> None:
    assert not matches("lifestyle", term_stems(["life science"]))
    assert matches("lyd", term_stems(["lyd"]))  # a short word still meets itself
    assert not matches("lydbog", term_stems(["lyd"]))  # but begins no compound
    assert not matches("fintech", term_stems(["food"]))
