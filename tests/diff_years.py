"""Small year files for the ``diff`` tests, with real figures of the seed reports.

Each observation quotes its seed line (``/work/shared/seeds``): seed 000 for 2022,
seed 004 for 2023, seeds 001, 002 and 003 for 2024.
"""

from __future__ import annotations

from pathlib import Path

from .helpers import build_file_tree

SOURCES = {
    2022: 'seed_000: "Sơ kết chuyển đổi số 2022 (seeds/000_5b22c48f649f9988.txt)"',
    2023: 'seed_004: "Báo cáo ngành 2023 (seeds/004_b7321dedacbf830e.txt)"',
    2024: (
        'seed_001: "Báo cáo cải cách hành chính 2024 (seeds/001_c50d28fc021f57be.txt)"\n'
        '  seed_002: "Báo cáo số 1045/BC-UBND (seeds/002_214f387d7a739551.txt)"\n'
        '  seed_003: "Phụ lục I chỉ tiêu năm 2024 (seeds/003_c9bd02f703823f2b.txt)"'
    ),
}

METRICS = {
    2022: """
  - id: thue_bao_di_dong
    name: Thuê bao điện thoại di động
    unit: thuê bao
    observations:
      - as_of: "2022"
        value: 2471745
        source: {ref: seed_000, line: 281, quote: "Thuê bao điện thoại di động: 2.471.745"}
  - id: ho_gia_dinh_cap_quang
    name: Tỷ lệ hộ gia đình có kết nối băng rộng cố định
    unit: "%"
    observations:
      - as_of: "2022"
        value: 78.91
        source: {ref: seed_000, line: 287, quote: "kết nối băng rộng cố định: 78,91%"}
  - id: ho_so_truc_tuyen
    name: Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến
    unit: "%"
    decimals: 1
    observations:
      - as_of: "2022-09-16"
        numerator: 298710
        denominator: 699678
        source: {ref: seed_000, line: 77, quote: "tiếp nhận 699.678 hồ sơ"}
  - id: dnnvv_su_dung_nen_tang_so
    name: Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số
    unit: "%"
    evaluation: Đạt
    observations:
      - as_of: "2022"
        value: 30
        source: {ref: seed_000, line: 249, quote: "sử dụng nền tảng số đạt 30%"}
  - id: tram_bts
    name: Trạm thu phát sóng thông tin di động (BTS)
    unit: trạm
    definition: Số trạm BTS; nguồn không nói rõ đếm trạm hay vị trí nhà trạm
    observations:
      - as_of: "2022"
        value: 2160
        source: {ref: seed_000, line: 279, quote: "(BTS): 2.160"}
  - id: dvc_tong_so
    name: Tổng số dịch vụ hành chính công
    unit: thủ tục
    observations:
      - as_of: "2022-09-16"
        value: 2088
        source: {ref: seed_000, line: 69, quote: "thủ tục hành chính của tỉnh): 2.088 dịch vụ"}
  - id: ioc_linh_vuc
    name: Lĩnh vực vận hành thử nghiệm tại IOC tỉnh
    unit: lĩnh vực
    observations:
      - as_of: "2022"
        value: 10
        source: {ref: seed_000, line: 213, quote: "thử nghiệm với 10 lĩnh vực"}
""",
    2023: """
  - id: ho_gia_dinh_cap_quang
    name: Tỷ lệ hộ gia đình có kết nối băng rộng cố định
    unit: "%"
    observations:
      - as_of: "2023"
        value: 78.91
        source: {ref: seed_004, line: 362, quote: "kết nối băng rộng cố định: 78,91%"}
""",
    2024: """
  - id: thue_bao_di_dong
    name: Thuê bao điện thoại di động
    unit: thuê bao
    observations:
      - as_of: "2024-10"
        value: 2430409
        source: {ref: seed_002, line: 113, quote: "thuê bao điện thoại di động: 2.430.409"}
      - as_of: "2024-12"
        value: 2164505
        source: {ref: seed_001, line: 362, quote: "Thuê bao điện thoại di động: 2.164.505"}
  - id: ho_gia_dinh_cap_quang
    name: Tỷ lệ hộ gia đình có kết nối băng rộng cố định
    unit: "%"
    observations:
      - as_of: "2024-12"
        value: 83.17
        source: {ref: seed_001, line: 370, quote: "kết nối băng rộng cố định: 83,17%"}
  - id: ho_so_truc_tuyen
    name: Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến
    unit: "%"
    observations:
      - as_of: "2024"
        numerator: 605172
        denominator: 686283
        printed: "88,18%"
        source: {ref: seed_003, line: 161, quote: "88,18%"}
  - id: dnnvv_su_dung_nen_tang_so
    name: Doanh nghiệp nhỏ và vừa sử dụng nền tảng số
    unit: "%"
    evaluation: Ước đạt
    observations:
      - as_of: "2024"
        value: 84.32
        source: {ref: seed_003, line: 2392, quote: "Ước đạt 84,32% Ước đạt"}
  - id: tram_bts
    name: Trạm thu phát sóng thông tin di động
    unit: trạm
    definition: Số trạm thu phát sóng (không phải số vị trí cột, nhà trạm BTS)
    observations:
      - as_of: "2024-12"
        value: 4918
        source: {ref: seed_001, line: 360, quote: "tin di động là: 4.918"}
  - id: dvc_tong_so
    name: Tổng số dịch vụ hành chính công
    unit: dịch vụ công
    observations:
      - as_of: "2024-11-13"
        value: 2206
        source: {ref: seed_001, line: 546, quote: "2.206 dịch vụ công"}
  - id: hai_long_tthc
    name: Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính
    unit: "%"
    observations:
      - as_of: "2024"
        value: 97.14
        source: {ref: seed_003, line: 55, quote: "quyết thủ tục hành chính là 97,14%"}
""",
}


def year_text(year: int, metrics: str | None = None) -> str:
    """A complete, valid year file holding ``metrics``."""
    return f"""year: {year}
sources:
  {SOURCES.get(year, 'seed_000: "Nguồn"')}
metrics:
{METRICS[year] if metrics is None else metrics}
"""


def report_text(year: int, prose: str = "Nội dung báo cáo.") -> str:
    """A report of ``year`` with one paragraph of ``prose`` (Markdown)."""
    return f"""---
document:
  parent_agency: ỦY BAN NHÂN DÂN TỈNH AN GIANG
  agency: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
  agency_name: Sở Thông tin và Truyền thông
  symbol: BC-STTTT
  place: An Giang
  date: {year}
  summary: Kết quả chuyển đổi số năm {year}
  signer:
    authority: [GIÁM ĐỐC]
    name: Nguyễn Thanh Hải
  recipients: ["Lưu: VT, VP"]
---
# KẾT QUẢ

{prose}

Trên đây là báo cáo.
"""


def build_years(root: Path, years=(2022, 2023, 2024), **overrides: str) -> Path:
    """``root/data/<year>.yaml`` and ``root/reports/<year>/bao-cao.md`` for each year;
    ``overrides`` maps ``y2024`` to a whole year file, ``r2024`` to a whole report."""
    files = {f"data/{y}.yaml": overrides.get(f"y{y}", year_text(y)) for y in years}
    files |= {f"reports/{y}/bao-cao.md": overrides.get(f"r{y}", report_text(y)) for y in years}
    build_file_tree(root, files)
    return root / "data"
