"""Year-over-year comparison: the library (``diff.py``) and ``[[metric|change:YYYY]]``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from baocao.commands.validate import validate_report
from baocao.errors import DiffError, UnresolvedReference
from baocao.load.year_file import load_year
from baocao.metrics.years import change, change_text, compare, comparison_sentence, year_value
from baocao.prose.resolve import resolve as resolve_with
from baocao.workspace import Workspace

from .diff_years import build_years, report_text, year_text
from .helpers import shipped


def resolve(data, metric_id, fmt, where, data_dir=Path("data")):
    """A reference resolved as validation does: other years read from ``data_dir``."""
    return resolve_with(data, metric_id, fmt, where, Workspace(data=data_dir).earlier_years(None))


@pytest.fixture
def data_dir(tmp_path):
    return build_years(tmp_path)


def years(data_dir, *wanted):
    return compare([load_year(str(y), data_dir) for y in wanted])


def metric(comparison, metric_id):
    return next(m for m in comparison.metrics if m.id == metric_id)


def test_count_changes_by_amount_and_percent(data_dir):
    subscribers = metric(years(data_dir, 2022, 2024), "thue_bao_di_dong")
    assert [v.text for v in subscribers.values] == ["2.471.745 thuê bao", "2.164.505 thuê bao"]
    assert [v.as_of for v in subscribers.values] == ["2022", "2024-12"]  # the latest reading
    assert subscribers.change.absolute == Decimal(-307240)
    assert subscribers.change.percent == Decimal("-12.43")
    assert subscribers.change.direction == "giảm"
    assert change_text(subscribers.change) == "giảm 307.240 thuê bao (12,43%)"
    assert comparison_sentence(subscribers.change) == (
        "giảm 307.240 thuê bao (12,43%) so với năm 2022"
    )


def test_rate_changes_in_percentage_points_never_percent_of_percent(data_dir):
    households = metric(years(data_dir, 2022, 2024), "ho_gia_dinh_cap_quang")
    assert households.change.absolute == Decimal("4.26")
    assert households.change.percent is None
    assert households.change.unit == "điểm phần trăm"
    assert comparison_sentence(households.change) == (
        "tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)"
    )


def test_rate_from_numerator_and_denominator_is_compared_unrounded(data_dir):
    online = metric(years(data_dir, 2022, 2024), "ho_so_truc_tuyen")
    # 298.710/699.678 = 42,6925…% (prints 42,7%); 605.172/686.283 = 88,1811…% (88,18%):
    # the change is 45,4886… points, printed 45,49 (not 88,18 - 42,7 = 45,48).
    assert [v.text for v in online.values] == ["42,7%", "88,18%"]
    assert online.change.rounded == Decimal("45.49")
    assert comparison_sentence(online.change) == (
        "tăng 45,49 điểm phần trăm so với năm 2022 (42,7%)"
    )


def test_the_same_counts_in_two_years_are_unchanged_whatever_the_rounding(data_dir):
    """8/11 in both years printed with decimals: 0 used to read 'tăng 0,27 điểm phần trăm'
    when one year's figure came rounded; figures are compared unrounded now."""
    eight_of_eleven = """
  - id: ioc
    name: Huyện có IOC
    unit: "%"
    decimals: 0
    observations:
      - as_of: "{year}"
        numerator: 8
        denominator: 11
        source: {{ref: seed_000, line: 1, quote: "08/11"}}
"""
    build_years(
        data_dir.parent,
        (2023, 2024),
        y2023=year_text(2023, eight_of_eleven.format(year=2023)),
        y2024=year_text(2024, eight_of_eleven.format(year=2024)),
    )
    change = metric(years(data_dir, 2023, 2024), "ioc").change
    assert change.absolute == 0
    assert change_text(change) == "không đổi"


def test_a_rank_goes_up_when_its_number_falls(data_dir):
    rank = """
  - id: dti
    name: Xếp hạng DTI
    unit: hạng
    kind: rank
    out_of: 63
    observations:
      - {{as_of: "{year}", value: {value}, source: {{ref: seed_000, line: 1, quote: "x"}}}}
"""
    build_years(
        data_dir.parent,
        (2023, 2024),
        y2023=year_text(2023, rank.format(year=2023, value=54)),
        y2024=year_text(2024, rank.format(year=2024, value=42)),
    )
    change = metric(years(data_dir, 2023, 2024), "dti").change
    assert (change.base.text, change.current.text) == ("54/63", "42/63")
    assert change_text(change) == "tăng 12 bậc"
    assert comparison_sentence(change) == "tăng 12 bậc so với năm 2023 (54/63)"


def test_unchanged_figure(data_dir):
    households = metric(years(data_dir, 2022, 2023), "ho_gia_dinh_cap_quang")
    assert households.change.direction == "không đổi"
    assert change_text(households.change) == "không đổi"
    assert comparison_sentence(households.change) == "không đổi so với năm 2022 (78,91%)"


def test_evaluation_change_is_shown(data_dir):
    smes = metric(years(data_dir, 2022, 2024), "dnnvv_su_dung_nen_tang_so")
    assert smes.evaluation_change == "Đạt → Ước đạt"
    assert smes.evaluation_text == "Đạt → Ước đạt"
    subscribers = metric(years(data_dir, 2022, 2024), "thue_bao_di_dong")
    assert subscribers.evaluation_change is None
    assert subscribers.evaluation_text == ""


def test_changed_unit_is_not_comparable(data_dir):
    services = metric(years(data_dir, 2022, 2024), "dvc_tong_so")
    assert not services.change.comparable
    assert services.change.absolute is None
    assert change_text(services.change) == (
        "không so sánh được: đơn vị khác nhau (thủ tục năm 2022, dịch vụ công năm 2024)"
    )
    with pytest.raises(DiffError, match="không so sánh được với năm 2022"):
        comparison_sentence(services.change)


def test_changed_definition_is_not_comparable(data_dir):
    stations = metric(years(data_dir, 2022, 2024), "tram_bts")
    assert stations.change.reason == "định nghĩa khác nhau giữa năm 2022 và năm 2024"
    assert stations.change.direction is None


def test_definition_compared_without_case_spacing_or_unicode_form(tmp_path):
    import unicodedata

    def bts(definition: str, year: int, value: int) -> str:
        return f"""
  - id: tram_bts
    name: Trạm BTS
    unit: trạm
    definition: "{definition}"
    observations:
      - as_of: "{year}"
        value: {value}
        source: {{ref: seed_000, quote: "BTS"}}
"""

    nfd = unicodedata.normalize("NFD", "Số trạm  thu phát sóng.")
    build_years(
        tmp_path,
        (2022, 2024),
        y2022=year_text(2022, bts("số trạm thu phát sóng", 2022, 2160)),
        y2024=year_text(2024, bts(nfd, 2024, 4918)).replace("seed_001:", "seed_000:", 1),
    )
    stations = metric(years(tmp_path / "data", 2022, 2024), "tram_bts")
    assert stations.change.comparable
    assert change_text(stations.change) == "tăng 2.758 trạm (127,69%)"


def test_metrics_in_only_some_years_are_listed_apart(data_dir):
    comparison = years(data_dir, 2022, 2024)
    assert [p.id for p in comparison.partial] == ["hai_long_tthc", "ioc_linh_vuc"]
    assert [p.years for p in comparison.partial] == [(2024,), (2022,)]
    assert "hai_long_tthc" not in [m.id for m in comparison.metrics]
    assert [m.id for m in comparison.not_comparable] == ["tram_bts", "dvc_tong_so"]


def test_series_of_three_years(data_dir):
    comparison = years(data_dir, 2024, 2022, 2023)  # any order: sorted by year
    assert comparison.years == (2022, 2023, 2024)
    assert [m.id for m in comparison.metrics] == ["ho_gia_dinh_cap_quang"]
    households = comparison.metrics[0]
    assert [v.text for v in households.values] == ["78,91%", "78,91%", "83,17%"]
    assert [change_text(s) for s in households.steps] == [
        "không đổi",
        "tăng 4,26 điểm phần trăm",
    ]
    assert change_text(households.change) == "tăng 4,26 điểm phần trăm"
    assert len(comparison.partial) == 7
    subscribers = next(p for p in comparison.partial if p.id == "thue_bao_di_dong")
    assert subscribers.years == (2022, 2024)


def test_series_broken_by_a_changed_definition_in_the_middle(data_dir, tmp_path):
    middle = """
  - id: ho_gia_dinh_cap_quang
    name: Tỷ lệ hộ gia đình có đường Internet cáp quang
    unit: "%"
    definition: Chỉ tính cáp quang
    observations:
      - as_of: "2023"
        value: 78.91
        source: {ref: seed_004, line: 362, quote: "78,91%"}
"""
    (data_dir / "2023.yaml").write_text(year_text(2023, middle), encoding="utf-8")
    households = years(data_dir, 2022, 2023, 2024).metrics[0]
    assert households.change.reason == "định nghĩa khác nhau giữa năm 2022 và năm 2023"


def test_needs_two_distinct_years(data_dir):
    one = load_year("2022", data_dir)
    with pytest.raises(DiffError, match="ít nhất hai năm"):
        compare([one])
    with pytest.raises(DiffError, match="Năm 2022"):
        compare([one, load_year("2022", data_dir)])


def test_change_without_a_figure_says_why(data_dir):
    text_only = """
  - id: thue_bao_di_dong
    name: Thuê bao điện thoại di động
    unit: thuê bao
    observations:
      - as_of: "2023"
        text: Chưa có số liệu tổng hợp
        source: {ref: seed_004, quote: "thuê bao"}
"""
    data = load_year("2022", data_dir)
    later = year_text(2023, text_only)
    (data_dir / "2023.yaml").write_text(later, encoding="utf-8")
    other = load_year("2023", data_dir)
    result = change(
        year_value(2022, data.metric("thue_bao_di_dong")),
        year_value(2023, other.metric("thue_bao_di_dong")),
    )
    assert result.reason == (
        "năm 2023 không có số liệu dạng số, chỉ ghi chữ (Chưa có số liệu tổng hợp)"
    )


# --- [[metric|change:YYYY]] in prose -------------------------------------------------


def test_change_reference_in_prose_reads_the_earlier_year_from_the_same_folder(tmp_path):
    prose = (
        "Thuê bao di động [[thue_bao_di_dong]], [[thue_bao_di_dong|change:2022]]; "
        "hộ gia đình có băng rộng [[ho_gia_dinh_cap_quang]], "
        "[[ho_gia_dinh_cap_quang|change:2022]]."
    )
    data_dir = build_years(tmp_path, (2022, 2024), r2024=report_text(2024, prose))
    checked = validate_report(
        tmp_path / "reports" / "2024" / "bao-cao.md", Workspace(data=data_dir)
    )
    assert checked.all_problems == [] and checked.report is not None
    report = checked.report
    paragraph = "".join(s for s in report["body"][1]["segments"] if isinstance(s, str))
    assert paragraph == (
        "Thuê bao di động 2.164.505 thuê bao, giảm 307.240 thuê bao (12,43%) so với năm 2022; "
        "hộ gia đình có băng rộng 83,17%, tăng 4,26 điểm phần trăm so với năm 2022 (78,91%)."
    )


def test_change_reference_agrees_with_diff(data_dir):
    data = load_year("2024", data_dir)
    comparison = years(data_dir, 2022, 2024)
    for compared in comparison.metrics:
        if compared.change.comparable:
            text = resolve(data, compared.id, "change:2022", "x", data_dir)
            assert text == comparison_sentence(compared.change)


@pytest.mark.parametrize(
    ("metric_id", "fmt", "message"),
    [
        ("tram_bts", "change:2022", "định nghĩa khác nhau giữa năm 2022 và năm 2024"),
        (
            "hai_long_tthc",
            "change:2022",
            "không có chỉ tiêu 'hai_long_tthc' trong dữ liệu năm 2022",
        ),
        ("thue_bao_di_dong", "change:2021", "không có tệp"),
        ("thue_bao_di_dong", "change:2024", "chỉ so sánh được với một năm trước năm 2024"),
    ],
)
def test_change_reference_errors(data_dir, metric_id, fmt, message):
    data = load_year("2024", data_dir)
    with pytest.raises(UnresolvedReference, match=message) as caught:
        resolve(data, metric_id, fmt, "sections[0].body[0]", data_dir)
    assert str(caught.value).startswith(f"sections[0].body[0]: [[{metric_id}|{fmt}]]: ")


def test_existing_reference_formats_are_unchanged(data_dir):
    data = load_year("2024", data_dir)
    assert resolve(data, "thue_bao_di_dong", None, "x") == "2.164.505 thuê bao"
    assert resolve(data, "ho_so_truc_tuyen", "counts", "x") == "88,18% (605.172/686.283)"
    with pytest.raises(UnresolvedReference, match="change:YYYY"):
        resolve(data, "thue_bao_di_dong", "bogus", "x")


# --- the shipped data files ------------------------------------------------------------


def test_shipped_mobile_subscribers_2022_to_2024(in_repo):
    comparison = compare([load_year("2022"), load_year("2024")])
    subscribers = metric(comparison, "thue_bao_di_dong")
    assert comparison_sentence(subscribers.change) == (
        "giảm 307.240 thuê bao (12,43%) so với năm 2022"
    )
    households = metric(comparison, "ho_gia_dinh_cap_quang")
    assert [v.text for v in households.values] == ["78,91%", "83,17%"]
    if households.change.comparable:
        assert change_text(households.change) == "tăng 4,26 điểm phần trăm"


def test_shipped_report_change_sentences_agree_with_diff(in_repo):
    """Every ``change:`` reference of the shipped reports is what ``diff`` computes."""
    from baocao.prose.grammar import scan

    checked = 0
    for year in (2023, 2024):
        data = load_year(str(year))
        for report in shipped(f"reports/{year}/*.md"):
            text = report.read_text(encoding="utf-8")
            for found in scan(text):
                reference = found.reference
                fmt = reference.fmt if reference else None
                if not fmt or not fmt.startswith("change:"):
                    continue
                metric_id, base = reference.metric, int(fmt.split(":")[1])
                current = data.metric(metric_id)
                own = [o for o in current.observations if o.as_of[:4] == str(base)]
                if own:
                    earlier = current.model_copy(update={"observations": own})
                    found_change = change(year_value(base, earlier), year_value(data.year, current))
                    expected = comparison_sentence(found_change)
                else:
                    compared = metric(compare([load_year(str(base)), data]), metric_id)
                    expected = comparison_sentence(compared.change)
                checked += 1
                assert resolve(data, metric_id, fmt, "x") == expected
    assert checked >= 6


def test_change_reference_to_an_invalid_year_file_is_an_unresolved_reference(data_dir):
    (data_dir / "2022.yaml").write_text("year: 2022\nsources: {}\n", encoding="utf-8")
    data = load_year("2024", data_dir)
    with pytest.raises(UnresolvedReference, match="dữ liệu năm 2022 không hợp lệ"):
        resolve(data, "thue_bao_di_dong", "change:2022", "x", data_dir)


def test_validate_reports_a_change_reference_that_cannot_be_compared(tmp_path):
    prose = "Trạm BTS [[tram_bts|change:2022]]."
    data_dir = build_years(tmp_path, (2022, 2024), r2024=report_text(2024, prose))
    report = tmp_path / "reports" / "2024" / "bao-cao.md"
    messages = [p.message for p in validate_report(report, Workspace(data=data_dir)).problems]
    assert any(
        "[[tram_bts|change:2022]]: không so sánh được với năm 2022: định nghĩa khác nhau" in m
        for m in messages
    ), messages


def test_change_against_an_earlier_figure_given_in_the_same_file(in_repo):
    """Seed 001 states 2024's satisfaction (99,4%) beside 2023's (97,9%): the 2024 file
    keeps both, and the sentence uses its own 2023 figure."""
    data = load_year("2024")
    sentence = resolve(data, "chi_so_766_hai_long", "change:2023", "x")
    assert sentence == "tăng 1,5 điểm phần trăm so với năm 2023 (97,9%)"
