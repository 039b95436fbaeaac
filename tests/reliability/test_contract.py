"""Reliability, hostile JSON and bytes (docs/reliability.md, "Validation, sidecars and decoding"): validate never
crashes, a bad sidecar is ignored as promised, a guessed encoding is said, sidecar values are bounded."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from audit.contract.jsonable import to_jsonable
from tests.conftest import ROOT
from tests.reliability.captures import ARTICLE, audit

VALID = ROOT / "tests" / "schema_examples" / "audit" / "valid" / "minimal.json"


def _validate(*paths: Path) -> tuple[int, list[dict[str, str]], str]:
    outcome = CliRunner().invoke(main, ["validate", "--format", "json", *map(str, paths)])
    assert "Traceback" not in outcome.output
    return outcome.exit_code, json.loads(outcome.output)["problems"], outcome.output


def test_validate_reports_deep_nesting_and_goes_on_to_the_next_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    deep_object = tmp_path / "deep_object.json"
    deep_object.write_text(
        json.dumps(json.loads(VALID.read_text()) | {"run": {}}).replace(
            '"run": {}', '"run": ' + "[" * 90 + "]" * 90
        )
    )
    code, problems, _ = _validate(deep, deep_object, VALID)
    assert code == 1
    assert {p["file"] for p in problems} == {str(deep), str(deep_object)}
    assert all("nested" in p["message"] for p in problems)


def test_validate_reports_wrong_types_as_problems(tmp_path: Path) -> None:
    valid = json.loads(VALID.read_text())
    cases = {
        "sources_number": valid | {"sources": 5},
        "list_source_id": valid | {"claims": [valid["claims"][0] | {"source_id": ["src-0"]}]},
        "string_span": valid | {"claims": [valid["claims"][0] | {"span": "0-10"}]},
        "claims_object": valid | {"claims": {"a": 1}},
    }
    paths = []
    for name, data in cases.items():
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(data))
    code, problems, _ = _validate(*paths)
    assert code == 1 and {p["file"] for p in problems} == set(map(str, paths))


def test_validate_refuses_nan(tmp_path: Path) -> None:
    data = json.loads(VALID.read_text())
    data["claims"][0]["checkworthiness"] = float("nan")
    path = tmp_path / "nan.json"
    path.write_text(json.dumps(data))  # Python writes NaN, which is not JSON
    code, problems, _ = _validate(path)
    assert code == 1 and "NaN is not valid JSON" in problems[0]["message"]


def test_a_sidecar_nested_too_deep_is_ignored_and_the_capture_audited(tmp_path: Path) -> None:
    (tmp_path / "strike.txt").write_text(ARTICLE)
    (tmp_path / "strike.meta.json").write_text(
        '{"title": ' + "[" * 30_000 + "]" * 30_000 + "}"
    )  # under the size cap
    result, messages = audit(tmp_path)
    (source,) = result.sources
    assert source.status == "ok" and "sidecar_invalid" in [w.code for w in source.warnings]
    assert any("strike.meta.json: ignored (JSON nested too deep)" in m for m in messages), messages


def test_sidecar_values_are_bounded(tmp_path: Path) -> None:
    for name, size in (("huge", 200_000), ("long", 5_000)):
        (tmp_path / f"{name}.txt").write_text(ARTICLE)
        (tmp_path / f"{name}.meta.json").write_text(
            json.dumps({"title": "T" * size, "url": "https://a.example/"})
        )
    result, messages = audit(tmp_path)
    assert all(source.status == "ok" for source in result.sources)
    assert "T" * 1001 not in json.dumps(to_jsonable(result)), "an unbounded sidecar value reached the outputs"
    assert any("huge.meta.json: ignored (200,0" in m and "cap for a sidecar" in m for m in messages), messages
    assert any("long.meta.json: ignored ($.title: longer than 1,000 characters)" in m for m in messages), (
        messages
    )


def test_a_guessed_encoding_is_a_warning(tmp_path: Path) -> None:
    text = ARTICLE.replace("Maria Lopez", "Mar\xeda L\xf3pez").replace("6% pay", "6\u2013 pay")
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    result, _ = audit(tmp_path)
    (source,) = result.sources
    assert "encoding_guessed" in [w.code for w in source.warnings]
