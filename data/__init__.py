"""The bundled datasets: curated Danish facts (denmark/) and a flagged illustrative layer."""

from pathlib import Path

DATA_DIR = Path(__file__).parent
DENMARK_DIR = DATA_DIR / "denmark"
ILLUSTRATIVE_DIR = DATA_DIR / "illustrative"
