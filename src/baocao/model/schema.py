"""JSON Schemas of a year file and of a report's front matter, for editors that check
YAML while it is typed.

Built from the pydantic models, with Vietnamese descriptions in place of the models'
English docstrings. ``schema/year.schema.json`` and ``schema/report.schema.json`` in
the repository are this output; a test keeps them equal (regenerate with
``baocao schema > schema/year.schema.json`` and ``baocao schema --report >
schema/report.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"

MODELS = {
    "YearData": "Dữ liệu một năm (data/<năm>.yaml): nguồn, chỉ tiêu, danh sách nhiệm vụ, "
    "đơn vị báo cáo.",
    "ReportSettings": "Phần khai báo đầu tệp báo cáo (reports/<năm>/<mã>.md): thể thức văn "
    "bản, cách đánh số đề mục, các phụ lục.",
    "Attachment": "Văn bản mà phụ lục được kèm theo (Kế hoạch, Quyết định...).",
    "Unit": "Đơn vị báo cáo (tỉnh, sở...) có chỉ tiêu đặt cạnh nhau.",
    "UnitMetric": "Chỉ tiêu của một đơn vị báo cáo khác.",
    "SourceRef": "Nơi đọc được số liệu: mã nguồn trong 'sources', số dòng và câu chữ gốc.",
    "Observation": "Một số liệu của chỉ tiêu tại một thời điểm: value, hoặc tử số và mẫu số.",
    "Target": "Mục tiêu của một năm: số theo đơn vị của chỉ tiêu, hoặc chữ.",
    "Metric": "Chỉ tiêu: mã (id) giữ nguyên qua các năm.",
    "Task": "Một dòng của danh sách nhiệm vụ.",
    "TaskGroup": "Nhóm nhiệm vụ có tiêu đề.",
    "TaskList": "Danh sách nhiệm vụ (bảng nhiệm vụ của Phụ lục).",
    "Signer": "Người ký: các dòng thẩm quyền (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC) và họ tên.",
    "Document": "Thông tin văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
    "GroupRow": "Dòng tiêu đề nhóm trong bảng.",
    "MetricRow": "Dòng bảng cho một chỉ tiêu (hoặc nhiều chỉ tiêu xếp chồng).",
    "Table": "Bảng chỉ tiêu (rows) hoặc bảng nhiệm vụ (task_list).",
    "AppendixPart": "Một phần của Phụ lục: tiêu đề, bảng, đoạn văn.",
    "Appendix": "Phụ lục kèm báo cáo.",
    "HeadingLevel": "Một cấp đề mục có kiểu riêng: kiểu số (number) và in đậm, in nghiêng, "
    "in hoa khi khác với mặc định của kiểu số đó.",
    "Agency": "Cơ quan chủ trì chỉ tiêu, nhiệm vụ: tên đầy đủ và tên ngắn.",
    "Collected": "Biểu mẫu mà số liệu hoặc tiến độ được nhập từ đó (baocao import).",
}

FIELDS = {
    "year": "Năm báo cáo; phải trùng tên tệp (2024 → data/2024.yaml).",
    "sources": "Các văn bản nguồn: mã nguồn → mô tả.",
    "metrics": "Các chỉ tiêu.",
    "task_lists": "Các danh sách nhiệm vụ.",
    "units": "Các đơn vị báo cáo; đơn vị đầu tiên là đơn vị của tệp.",
    "kind": "Chỉ tiêu: rank (thứ hạng, in 06/63) hoặc score (điểm, in 84,34/100). "
    "Báo cáo: report (BÁO CÁO kèm phụ lục) hoặc appendix (chỉ phụ lục kèm văn bản khác).",
    "out_of": "Thang của thứ hạng hoặc điểm (63, 100).",
    "attached_to": "Văn bản mà phụ lục được kèm theo (khi kind: appendix).",
    "leading_zero": "In số đếm dưới 10 có số 0 đứng trước (05 nhiệm vụ, 08/11).",
    "template": "Tên tệp mẫu BÁO CÁO trong thư mục mẫu (mặc định BaoCao.docx).",
    "appendix_template": "Tên tệp mẫu Phụ lục (mặc định PhuLuc.docx).",
    "id": "Mã: chữ thường không dấu, số và dấu gạch dưới.",
    "name": "Tên.",
    "unit": "Đơn vị: '%' cho tỷ lệ, hoặc danh từ đếm (thuê bao, hồ sơ...).",
    "decimals": "Số chữ số thập phân khi in (tỷ lệ mặc định 2).",
    "allow_over_100": "Cho phép tỷ lệ lớn hơn 100% (khi đúng là như vậy).",
    "lower_is_better": "Càng thấp càng tốt: đạt mục tiêu khi số liệu bằng hoặc thấp hơn "
    "(tỷ lệ hộ nghèo, số hồ sơ trễ hạn).",
    "parts": "Mã các chỉ tiêu thành phần; tổng các phần phải bằng chỉ tiêu này.",
    "targets": "Các mục tiêu theo năm.",
    "evaluation": "Đánh giá: Đạt, Chưa đạt, Chưa đánh giá, Ước đạt, Chưa có số liệu.",
    "result": "Nội dung ô 'Kết quả thực hiện' (có thể dùng [[mã_chỉ_tiêu]]).",
    "note": "Ghi chú cho người đọc (in ở cột Ghi chú của bảng).",
    "remark": "Ghi chú cho người giữ số liệu (ví dụ nguồn tự mâu thuẫn); không in ra văn bản.",
    "lead": "Cơ quan chủ trì.",
    "partners": "Cơ quan phối hợp.",
    "definition": "Định nghĩa: đếm cái gì.",
    "observations": "Các số liệu theo thời điểm; báo cáo in số liệu mới nhất.",
    "pending": "true khi còn chờ số liệu của năm: bản nháp in [CHỜ SỐ LIỆU: …].",
    "as_of": "Thời điểm số liệu: YYYY, YYYY-MM hoặc YYYY-MM-DD.",
    "value": "Số (viết kiểu YAML: 2471745, 97.14; không dấu chấm nghìn, không dấu %).",
    "numerator": "Tử số.",
    "denominator": "Mẫu số.",
    "printed": "Số như văn bản nguồn in (88,18%); phải khớp với số liệu.",
    "text": "Số liệu hoặc mục tiêu bằng chữ.",
    "source": "Nguồn của số liệu.",
    "ref": "Mã nguồn trong 'sources'.",
    "line": "Số dòng trong văn bản nguồn.",
    "quote": "Câu chữ gốc trong văn bản nguồn.",
    "plan": "Văn bản đặt ra mục tiêu.",
    "time": "Thời gian thực hiện.",
    "progress": "Tiến độ.",
    "group": "Tiêu đề nhóm.",
    "tasks": "Các nhiệm vụ trong nhóm.",
    "title": "Tiêu đề.",
    "items": "Các nhiệm vụ hoặc nhóm nhiệm vụ.",
    "authority": "Các dòng thẩm quyền ký.",
    "parent_agency": "Cơ quan chủ quản (viết hoa).",
    "agency": "Cơ quan ban hành (viết hoa).",
    "agency_name": "Tên cơ quan ban hành.",
    "number": "Số văn bản; để trống khi chưa đăng ký số.",
    "symbol": "Ký hiệu văn bản (BC-STTTT).",
    "place": "Địa danh.",
    "date": "Ngày ban hành (YYYY-MM-DD), hoặc chỉ năm khi chưa có ngày.",
    "type": "Tên loại văn bản.",
    "summary": "Trích yếu nội dung.",
    "signer": "Người ký.",
    "recipients": "Nơi nhận, mỗi nơi một dòng.",
    "bullets": "Các dòng gạch đầu dòng.",
    "marker": "Ký hiệu đầu dòng.",
    "body": "Các đoạn văn hoặc danh sách gạch đầu dòng.",
    "sections": "Các mục con.",
    "metric": "Mã chỉ tiêu (hoặc danh sách mã).",
    "label": "Nhãn hiển thị thay cho tên chỉ tiêu.",
    "columns": "Các cột: stt, name, result, evaluation, note, lead, partners, time, "
    "progress, target:YYYY.",
    "headers": "Tiêu đề cột thay cho mặc định.",
    "numbering": "Cách đánh số. Báo cáo: một kiểu cho mỗi cấp đề mục (Phần I, Chương I, "
    "Mục 1, Điều 1., I., 1., 1.1., a), (1), -, +, none), hoặc {number: 1., bold: false} để "
    "đổi kiểu chữ của cấp đó. Bảng: roman hoặc decimal.",
    "appendix_numbering": "Đánh số phụ lục: roman (Phụ lục I, II; như Nghị định 30) hoặc "
    "arabic (Phụ lục 1, 2).",
    "to": "Kính gửi: một nơi, hoặc danh sách nhiều nơi (tờ trình, báo cáo gửi cấp trên, công văn).",
    "bold": "In đậm (true/false).",
    "italic": "In nghiêng (true/false).",
    "caps": "In hoa (true/false).",
    "rows": "Các dòng của bảng.",
    "task_list": "Mã danh sách nhiệm vụ trong 'task_lists'.",
    "heading": "Tiêu đề phần.",
    "subheading": "Tiêu đề phụ.",
    "table": "Bảng.",
    "paragraphs": "Các đoạn văn.",
    "subtitle": "Tiêu đề phụ.",
    "document": "Thông tin văn bản.",
    "grounds": "Các căn cứ.",
    "opening": "Các đoạn mở đầu.",
    "closing": "Đoạn kết thúc ('Trên đây là báo cáo ...').",
    "footnotes": "Chú thích: mã → nội dung; dùng [^mã] trong văn bản.",
    "appendices": "Các phụ lục.",
    "agencies": "Các cơ quan chủ trì (lead): mỗi cơ quan một lần, có tên ngắn.",
    "short_name": "Tên ngắn (dùng trong bảng, thông báo).",
    "collect_from": "Các cơ quan được gửi biểu mẫu để lấy số liệu (tên hoặc tên ngắn trong "
    "'agencies'), thay cho mọi cơ quan ghi ở 'lead'.",
    "collected": "Biểu mẫu mà số liệu hoặc tiến độ được nhập từ đó.",
    "form": "Tên tệp biểu mẫu.",
    "cell": "Ô của biểu mẫu (trang tính!ô).",
}

MODEL_FIELDS = {
    ("Collected", "agency"): "Mã cơ quan (trong 'agencies') đã gửi biểu mẫu.",
    ("Collected", "date"): "Ngày nhập biểu mẫu (YYYY-MM-DD).",
    ("TaskList", "lead"): "Cơ quan chủ trì của mọi nhiệm vụ trong danh sách không ghi 'lead'.",
}
"""Descriptions of a field that means something else in this model than elsewhere."""


def _describe(node: dict[str, Any], model: str) -> None:
    node.pop("title", None)
    if model in MODELS:
        node["description"] = MODELS[model]
    else:
        node.pop("description", None)
    for name, prop in node.get("properties", {}).items():
        prop.pop("title", None)
        prop.pop("description", None)
        described = MODEL_FIELDS.get((model, name)) or FIELDS.get(name)
        if described:
            prop["description"] = described


def build_schema(report: bool = False) -> dict[str, Any]:
    """The JSON Schema of a year file (``YearData``) or, with ``report``, of a report's
    front matter (``ReportSettings``), with Vietnamese descriptions."""
    from .report import ReportSettings
    from .year import YearData

    model = ReportSettings if report else YearData
    schema = model.model_json_schema()
    for name, node in schema.get("$defs", {}).items():
        _describe(node, name)
    _describe(schema, model.__name__)
    if report:
        for name in ("Document", "Attachment"):
            schema["$defs"][name]["properties"]["number"]["anyOf"].append({"type": "integer"})
        title = "Phần khai báo của tệp báo cáo baocao"
    else:
        observation = schema["$defs"]["Observation"]["properties"]
        as_of = observation["as_of"]
        observation["as_of"] = {
            "description": as_of.pop("description"),
            "anyOf": [as_of, {"type": "integer"}],
        }
        title = "Tệp dữ liệu năm của baocao"
    return {"$schema": SCHEMA_ID, "title": title, **schema}


def schema_text(report: bool = False) -> str:
    return json.dumps(build_schema(report), ensure_ascii=False, indent=2) + "\n"
