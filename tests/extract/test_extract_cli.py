"""`minutebook extract` and `minutebook eval` as a person runs them: real files, real extractor."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from minutebook.cli.extract import eval_cmd, extract_cmd
from tests.conftest import CORPUS, ROOT, SHARED
from tests.extract.schema_check import assert_valid

XML_MEETING = ROOT / "tests" / "fixtures" / "moderngov" / "meeting_non_ascii.xml"


def run(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(extract_cmd, args, input=stdin, catch_exceptions=False)


def test_seeds_give_one_valid_object_each(seed_paths: list[Path]) -> None:
    result = run([str(p) for p in seed_paths] + ["--format", "json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert isinstance(out, list) and len(out) == 2
    for path, obj in zip(seed_paths, out, strict=True):
        assert_valid(obj, path)
        assert obj["source"] == str(path)
        assert obj["item"]["minutes_text"].strip()
    titles = [o["item"]["title"] for o in out]
    assert titles == [
        "Executive Member Annual Presentation",
        "Executive Member Update and Questions",
    ]
    assert result.stderr == ""


def test_json_is_the_default_format(seed_paths: list[Path]) -> None:
    result = run([str(seed_paths[0])])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 1


def test_stdin_is_read_with_a_dash(seed_paths: list[Path]) -> None:
    text = seed_paths[1].read_text(encoding="utf-8")
    result = run(["-", "--format", "json"], stdin=text)
    assert result.exit_code == 0, result.stderr
    [obj] = json.loads(result.stdout)
    assert_valid(obj, "stdin")
    assert obj["source"] == "-"
    assert obj["item"]["title"] == "Executive Member Update and Questions"
    # The same item read from its file extracts to the same records.
    [from_file] = json.loads(run([str(seed_paths[1])]).stdout)
    assert {k: v for k, v in obj.items() if k != "source"} == {
        k: v for k, v in from_file.items() if k != "source"
    }


def test_a_bad_input_is_one_line_on_stderr_and_the_good_one_still_comes_out(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    result = run([str(missing), str(seed_paths[0]), "--format", "json"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [f"error: {missing}: no such file"]
    [obj] = json.loads(result.stdout)
    assert obj["source"] == str(seed_paths[0])


def test_several_bad_inputs_each_get_their_line(seed_paths: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><meeting><agendaitems>", encoding="utf-8")
    result = run([str(empty), str(seed_paths[1]), str(broken), "--format", "text"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0] == f"error: {empty}: empty file"
    assert lines[1].startswith(f"error: {broken}: ")
    assert "Executive Member Update and Questions" in result.stdout


def test_a_file_with_several_items_gives_an_object_per_item(tmp_path: Path) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:3]
    jsonl = tmp_path / "three.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([str(jsonl)])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    ids = [json.loads(line)["id"] for line in lines]
    assert [o["source"] for o in out] == [f"{jsonl}#{i}" for i in ids]
    for obj in out:
        assert_valid(obj, obj["source"])


def test_getmeeting_xml_gives_an_object_per_agenda_item_with_minutes() -> None:
    result = run([str(XML_MEETING)])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert len(out) >= 2
    assert len({o["source"] for o in out}) == len(out)
    for obj in out:
        assert_valid(obj, obj["source"])


def test_meeting_date_resolves_relative_dates(tmp_path: Path) -> None:
    item = tmp_path / "item.txt"
    item.write_text(
        "Library opening hours\n\nThe Committee noted that the consultation would close "
        "next Tuesday.\n",
        encoding="utf-8",
    )
    without = json.loads(run([str(item)]).stdout)[0]
    with_date = json.loads(run([str(item), "--meeting-date", "2018-02-20"]).stdout)[0]
    assert "2018-02-27" in {d["date"] for d in with_date["dates"]}  # Tuesday after Tue 20 Feb
    assert "2018-02-27" not in {d["date"] for d in without["dates"]}
    bad = run([str(item), "--meeting-date", "20/02/2018"])
    assert bad.exit_code == 2  # click's usage error: the date format is named


def test_text_format_is_a_summary_for_a_person(seed_paths: list[Path]) -> None:
    result = run([str(p) for p in seed_paths] + ["--format", "text"])
    assert result.exit_code == 0
    text = result.stdout
    assert "== Executive Member Annual Presentation ==" in text
    assert "== Executive Member Update and Questions ==" in text
    for heading in ("Decisions", "Commitments", "Questions", "Amounts", "Dates", "People"):
        assert heading in text
    assert "£8,270,211" in text  # the reserves figure, as written
    assert "Joe Caluori" in text
    assert not text.lstrip().startswith("[")  # not JSON


def test_eval_prints_a_table_per_type_and_the_macro_f1() -> None:
    result = CliRunner().invoke(eval_cmd, [str(SHARED / "gold" / "dev")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    for name in ("questions", "commitments", "decisions", "amounts", "dates", "people"):
        assert name in result.stdout
    assert "entities" in result.stdout
    assert "macro-F1" in result.stdout
    assert "2 gold items" in result.stdout


def test_eval_json_and_confusions_agree_with_each_other() -> None:
    gold = str(ROOT / "tests" / "gold")
    result = CliRunner().invoke(eval_cmd, [gold, "--format", "json", "--confusions"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["items"] == 42
    assert 0.0 <= doc["macro_f1"] <= 1.0
    f1s = [doc["types"][t]["f1"] for t in doc["types"]]
    assert len(f1s) == 7
    assert abs(sum(f1s) / 7 - doc["macro_f1"]) < 1e-3
    fps = sum(doc["types"][t]["fp"] for t in doc["types"])
    fns = sum(doc["types"][t]["fn"] for t in doc["types"])
    # Each set value and each list record missed or spurious is listed once.
    assert len([c for c in doc["confusions"] if c["error"] == "fp"]) == fps
    assert len([c for c in doc["confusions"] if c["error"] == "fn"]) == fns
    assert all(c["source"].startswith("corpus/") for c in doc["confusions"])


def test_eval_table_confusions_name_the_item(tmp_path: Path) -> None:
    """A gold amount the minutes never state is a confusion for certain, named by its item."""
    name = "kent-agenda_kent_cc_6115__20851.json"
    gold = json.loads((ROOT / "tests" / "gold" / name).read_text(encoding="utf-8"))
    gold["amounts"].append({"text": "£987,654,321", "value": 987654321, "currency": "GBP"})
    (tmp_path / name).write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(eval_cmd, [str(tmp_path), "--confusions"])
    assert result.exit_code == 0, result.output
    assert "No confusions" not in result.stdout
    assert "corpus/kent-minutes-sample.jsonl#agenda_kent_cc_6115__20851" in result.stdout
    assert "missed" in result.stdout and "987,654,321" in result.stdout


def test_eval_bad_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_cmd, [str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {tmp_path / 'nope'}: no such file or directory"]
    (tmp_path / "links.json").write_text('{"links": []}', encoding="utf-8")
    result = CliRunner().invoke(eval_cmd, [str(tmp_path)])
    assert result.exit_code == 1
    assert "no item gold files" in result.stderr


def test_both_commands_are_registered_on_the_minutebook_group(seed_paths: list[Path]) -> None:
    from minutebook.cli.main import cli

    result = CliRunner().invoke(cli, ["extract", str(seed_paths[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "--confusions" in result.stdout


def test_printed_minutes_pdf_gives_an_object_per_item(tmp_path: Path) -> None:
    from tests.moderngov.pdfs import minutes_pdf

    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(
        minutes_pdf(
            ["Minutes of a meeting of the Audit Committee held on Tuesday 20 February 2018"],
            [
                ("1. Apologies for Absence", ["Apologies were received from Councillor Curley."]),
                (
                    "2. Treasury Management",
                    [
                        "The Treasurer said that investments of £2.5m had been repaid. The "
                        "Treasurer would report again next Tuesday.",
                        "RESOLVED that the mid-year treasury report be noted.",
                    ],
                ),
            ],
        )
    )
    result = run([str(pdf)])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert [o["item"]["title"] for o in out] == ["Apologies for Absence", "Treasury Management"]
    for obj in out:
        assert_valid(obj, obj["source"])
    treasury = out[1]
    assert {(a["value"], a["currency"]) for a in treasury["amounts"]} == {(2500000, "GBP")}
    # The meeting date printed in the heading resolves "next Tuesday".
    assert "2018-02-27" in {d["date"] for d in treasury["dates"]}
    assert any("be noted" in d["text"] for d in treasury["decisions"])


DIVERSE = SHARED / "gold" / "diverse"


def test_eval_scores_exactly_what_extract_outputs_for_the_same_files() -> None:
    """The graded sets are scored from `extract --format json FILES`; eval must agree."""
    from minutebook.core.evaluate import load_gold, score

    folder = DIVERSE / "uk-england"
    cases = load_gold([folder / "gold"])
    texts = [str(folder / case.source) for case in cases]
    result = CliRunner().invoke(extract_cmd, [*texts, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    extracted = json.loads(result.stdout)
    assert len(extracted) == len(cases) == 36
    from_extract = score(
        (case.source, case.gold, out) for case, out in zip(cases, extracted, strict=True)
    ).to_dict()
    # --no-cv: the shipped name model on every item, as extract uses it (by default eval
    # tags items the model was trained on with the fold model that did not see them)
    evaluated = json.loads(
        CliRunner().invoke(eval_cmd, [str(folder / "gold"), "--format", "json", "--no-cv"]).stdout
    )
    assert evaluated["types"] == from_extract["types"]
    assert evaluated["macro_f1"] == from_extract["macro_f1"]


def test_eval_takes_a_tree_of_gold_folders_and_scores_each_folder() -> None:
    result = CliRunner().invoke(eval_cmd, [str(DIVERSE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["items"] == 100  # manifest.json files are not item gold
    folders = doc["folders"]
    assert set(folders) == {"uk-england", "north-america-oceania", "celtic-and-small"}
    assert sum(f["items"] for f in folders.values()) == 100
    table = CliRunner().invoke(eval_cmd, [str(DIVERSE)], catch_exceptions=False).stdout
    assert "macro-F1" in table
    assert "F1 per folder" in table and "north-america-oceania" in table
