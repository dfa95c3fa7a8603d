"""The word lists synthetic names are made of: Denmark and fictional countries abroad, sectors,
activities, syllables and the words that end organisation names."""

from __future__ import annotations

# fmt: off
# Home: the Danish clusters and the Danish support system are here. The recommender knows Denmark
# by this id (queries.needs.HOME_COUNTRY), the one real country in the generated world.
HOME_COUNTRY: tuple[str, str] = ("DK", "Denmark")
# Abroad: 30 fictional countries, sized like the EEA's (population in millions, largest first): a
# country's share of what is abroad (cities, foreign clusters, posts) follows the square root of
# its population. Their codes
# are ISO 3166-1 user-assigned ones (XA-XZ, QM-QZ are reserved and never name a real country;
# XK, XX, QO and QU are skipped as some use them), so `country:XA` cannot collide with a curated
# country such as country:DE.
COUNTRIES: tuple[tuple[str, str, float], ...] = (
    ("XA", "Aldoria", 84.5), ("XB", "Borrovia", 68.4), ("XC", "Calvenia", 59.0),
    ("XD", "Durmland", 48.6), ("XE", "Estravia", 36.8), ("XF", "Fennlund", 19.1),
    ("XG", "Galvor", 17.9), ("XH", "Hestria", 11.8), ("XI", "Ilvania", 10.9),
    ("XJ", "Jorvania", 10.6), ("XL", "Lorvenia", 10.5), ("XM", "Marvosa", 10.4),
    ("XN", "Norrhavn", 9.6), ("XO", "Ostrelia", 9.1), ("XP", "Pelvaria", 6.4),
    ("XQ", "Quarnia", 5.9), ("XR", "Rosland", 5.6), ("XS", "Solvaria", 5.5),
    ("XT", "Tervania", 5.4), ("XU", "Ulmora", 5.3), ("XV", "Valdonia", 3.9),
    ("XW", "Westmark", 2.9), ("XY", "Ysolde", 2.1), ("XZ", "Zeravia", 1.9),
    ("QM", "Merovia", 1.4), ("QN", "Nordavia", 0.9), ("QP", "Pallia", 0.7),
    ("QR", "Riven Isles", 0.5), ("QS", "Sundra", 0.4), ("QT", "Tyrn", 0.04),
)
SECTOR_NAMES = (
    "Robotics", "Life science", "Wind energy", "Food and bio", "Maritime", "Cleantech",
    "Digital technologies", "Creative industries", "Tourism", "Construction", "Water technology",
    "Energy storage", "Biotech", "Medtech", "Logistics", "Advanced materials", "Textiles",
    "Aerospace", "Automotive", "Chemicals", "Fintech", "Welfare technology", "Circular economy",
    "Photonics", "Semiconductors", "Quantum technology", "Agritech", "Furniture and design",
    "Space", "Hydrogen",
)
ACTIVITY_NAMES = (
    "Delegation visit", "Innovation camp", "Matchmaking event", "Trade fair", "Pilot project",
    "Market study", "Webinar series", "Study tour", "Hackathon", "Joint R&D project",
    "Investor pitch", "B2B meetings", "Test bed access", "Incubation programme", "Conference",
)
SYLLABLES = (
    "al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "is", "jor", "kal", "lun", "mar", "nor",
    "ost", "per", "ros", "sol", "tor", "ul", "ven", "wil", "ka", "ri", "sa", "vo", "li", "te",
)
PLACE_ENDINGS = ("burg", "by", "stad", "ona", "ville", "heim", "ia", "berg", "dorf", "ovo", "ice")
COMPANY_WORDS = ("Systems", "Solutions", "Technologies", "Labs", "Industries", "Engineering",
                 "Analytics", "Materials", "Dynamics", "Works", "Group", "Innovations")
# One phrase, split: "Cluster" here is a word of a name, which the check for spelled labels
# (tests/unit/test_no_spelled_names.py) would take for the label as a lone string.
CLUSTER_WORDS = tuple("Network Alliance Cluster Hub Valley".split())  # noqa: SIM905
# The same words in the order a Danish cluster's name takes them when its city and sector are
# already taken: plain "Cluster" first.
UNIQUE_NAME_WORDS = tuple("Cluster Network Alliance Hub Valley".split())  # noqa: SIM905
INVESTOR_WORDS = ("Ventures", "Capital", "Partners", "Invest", "Growth Fund")
FUNDER_WORDS = ("Foundation", "Fund", "Trust")
AUTHORITY_NAMES = ("Ministry of Business", "Ministry of Research", "Innovation Agency",
                   "Export Agency", "Regional Council")
# fmt: on
