from datetime import date

import pytest

from baocao.model.year import Metric, period_end


def observation(as_of, value, line):
    return {
        "as_of": as_of,
        "value": value,
        "source": {"ref": "nguon", "line": line, "quote": str(value)},
    }


@pytest.mark.parametrize(
    ("as_of", "end"),
    [
        ("2024", date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 28)),
        ("2024-12", date(2024, 12, 31)),
        ("2024-10-15", date(2024, 10, 15)),
    ],
)
def test_period_end(as_of, end):
    assert period_end(as_of) == end


def test_latest_observation_is_printed_whatever_its_place_in_the_list():
    metric = Metric.model_validate(
        {
            "id": "thue_bao_di_dong",
            "name": "Thuê bao di động",
            "unit": "thuê bao",
            "observations": [
                observation("2024-12", 2164505, 2),
                observation("2024-10", 2430409, 1),
            ],
        }
    )
    assert metric.latest.value == 2164505


def test_a_whole_year_figure_counts_as_year_end_and_ties_go_to_the_last_listed():
    metric = Metric.model_validate(
        {
            "id": "so_hoa",
            "name": "Số hóa",
            "unit": "%",
            "observations": [
                observation("2024-10", 80, 1),
                observation("2024-12", 85.06, 2),
                observation("2024", 85.42, 3),
            ],
        }
    )
    assert metric.latest.value == 85.42
