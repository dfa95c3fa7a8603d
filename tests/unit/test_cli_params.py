"""`partnergraph cypher -p`: values as analysts type them (plain values are strings), a named
query's declared types, typed values, and one-line errors for what Neo4j cannot take."""

from __future__ import annotations

import datetime as dt

import pytest

from api.cli.params import ParamError, parse_param


def test_a_plain_value_is_a_string_with_or_without_quotes() -> None:
    assert parse_param("cluster=cluster:odense-robotics") == ("cluster", "cluster:odense-robotics")
    assert parse_param('country="DE"') == ("country", "DE")
    assert parse_param("country='DE'") == ("country", "DE")
    assert parse_param("n=42") == ("n", "42")  # untyped: as typed, a string
    assert parse_param("x=a=b") == ("x", "a=b")


def test_a_named_query_reads_values_as_its_declared_types() -> None:
    declared = {"n": "integer", "share": "float", "flag": "boolean", "today": "date", "s": "string"}
    assert parse_param("n=42", declared) == ("n", 42)
    assert parse_param("share=0.5", declared) == ("share", 0.5)
    assert parse_param("flag=TRUE", declared) == ("flag", True)
    assert parse_param("today=2026-12-01", declared) == ("today", dt.date(2026, 12, 1))
    assert parse_param("s=null", declared) == ("s", None)
    with pytest.raises(ParamError, match=r"no such parameter .*it takes: flag, n, s, share, today"):
        parse_param("clustr=x", declared)


def test_typed_values() -> None:
    assert parse_param("n:integer=-7") == ("n", -7)
    assert parse_param("ids:list=a, b,c") == ("ids", ["a", "b", "c"])
    assert parse_param('m:json={"a": [1, true]}') == ("m", {"a": [1, True]})
    assert parse_param("s:string=null") == ("s", "null")  # typed outright: the text itself


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("n:integer=99999999999999999999", "outside the 64-bit range"),
        ("n:json=[1, 99999999999999999999]", "outside the 64-bit range"),
        ("n:integer=4.5", "not an integer"),
        ("d:date=1 Dec", "not a date; use YYYY-MM-DD"),
        ("b:boolean=yes", "use true or false"),
        ("x:colour=red", "unknown type 'colour'"),
        ("novalue", "expected KEY=VALUE"),
    ],
)
def test_what_cannot_be_read_is_one_line_naming_the_parameter(item: str, message: str) -> None:
    with pytest.raises(ParamError, match=message) as raised:
        parse_param(item)
    assert "\n" not in str(raised.value)
