"""How lists read in reasons and sentences."""

from queries.wording import listing


def test_a_listing_names_a_few_and_counts_the_rest() -> None:
    assert listing(["MADE", "DigitalLead"]) == "MADE, DigitalLead"
    assert listing(["a", "b", "c", "d", "e"]) == "a, b, c and 2 more"


def test_names_with_commas_of_their_own_are_not_split_by_the_reader() -> None:
    shared = ["Invest in Denmark", "Trade Council, Embassy of Denmark in Berlin"]
    assert listing(shared) == "Invest in Denmark; Trade Council, Embassy of Denmark in Berlin"
