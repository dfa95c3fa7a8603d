"""The CSV files `load --bulk` hands to neo4j-admin: headers generated from the schema, values
in the form the import tool reads them."""

import csv
from pathlib import Path

from graph.neo4j_bulk import ARRAY_DELIMITER, write_import_files
from graph.records import STORE_MANAGED
from ontology.names import Label, Rel
from ontology.schema import load_schema
from tests.helpers import node, rel


def test_headers_come_from_the_schema_with_its_types_and_values_in_the_tools_form(
    tmp_path: Path,
) -> None:
    schema = load_schema()
    cluster = node("cluster:clean", "test/a", name='CLEAN, "the" cluster', national=True)
    icdk = node("icdk:munich", "test/a", name="ICDK München", opened_year=2013)
    link = rel("cluster:clean", Rel.PARTNERS_WITH, "icdk:munich", "test/a")
    files = write_import_files([cluster, icdk], [link], schema, tmp_path, "load-1")
    assert (files.node_count, files.relationship_count) == (2, 1)

    with (tmp_path / f"nodes-{Label.Cluster}.csv").open(newline="") as f:
        header, row = list(csv.reader(f))
    columns = dict(zip(header, row, strict=True))
    assert header[:2] == ["id:ID", ":LABEL"]
    assert columns["national:boolean"] == "true"
    assert columns["name:string"] == 'CLEAN, "the" cluster'  # quoted and read back whole
    for key in schema.node_properties(Label.Cluster):
        if key != "id" and key not in STORE_MANAGED:
            assert any(h.split(":")[0] == key for h in header), key
    assert header[-4:] == [
        "fingerprint:string",
        "firstseen:datetime",
        "lastupdated:datetime",
        "load_id:string",
    ]
    assert columns["load_id:string"] == "load-1"

    with (tmp_path / f"relationships-{Rel.PARTNERS_WITH}.csv").open(newline="") as f:
        header, row = list(csv.reader(f))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert row[:3] == ["cluster:clean", "icdk:munich", Rel.PARTNERS_WITH]
    assert ARRAY_DELIMITER not in "".join(row)  # no list property here
