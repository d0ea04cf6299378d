"""What an editor shows on hover over each key of a year file or a report's front
matter: one Vietnamese description per model and per field of it.

Each field is described where it is declared, for what it means there: ``year`` of a
year file is the file's year, ``year`` of a target the year the target is for. Two
fields share a text only when one model repeats the other (``UnitMetric`` is a
``Metric`` of another reporting unit); a test fails on an empty or a shared text.
"""

from __future__ import annotations

MODELS = {
    "YearData": "Dữ liệu một năm (data/<năm>.yaml): nguồn, chỉ tiêu, danh sách nhiệm vụ, "
    "đơn vị báo cáo, cơ quan chủ trì.",
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
    "TextTable": "Bảng gõ sẵn chữ từng ô (ví dụ bảng lấy từ tệp Word bằng baocao convert): "
    "hàng tiêu đề và các dòng.",
    "TextGroupRow": "Dòng nhóm của bảng gõ sẵn chữ: số thứ tự và tiêu đề trải hết dòng.",
    "AppendixPart": "Một phần của Phụ lục: tiêu đề, bảng, đoạn văn.",
    "Appendix": "Phụ lục kèm văn bản.",
    "HeadingLevel": "Một cấp đề mục có kiểu riêng: kiểu số (number) và in đậm, in nghiêng, "
    "in hoa khi khác với mặc định của kiểu số đó.",
    "Agency": "Cơ quan chủ trì chỉ tiêu, nhiệm vụ: tên đầy đủ và tên ngắn.",
    "Collected": "Biểu mẫu mà số liệu hoặc tiến độ được nhập từ đó (baocao import).",
}

METRIC = {
    "id": "Mã chỉ tiêu: chữ thường không dấu, số và dấu gạch dưới; giữ nguyên qua các năm.",
    "name": "Tên chỉ tiêu, như văn bản in.",
    "unit": "Đơn vị: '%' cho tỷ lệ, hoặc danh từ đếm (thuê bao, hồ sơ...).",
    "decimals": "Số chữ số thập phân khi in (tỷ lệ mặc định 2).",
    "allow_over_100": "Cho phép tỷ lệ lớn hơn 100% (khi đúng là như vậy, ví dụ tăng trưởng).",
    "lower_is_better": "Càng thấp càng tốt: đạt mục tiêu khi số liệu bằng hoặc thấp hơn "
    "(tỷ lệ hộ nghèo, số hồ sơ trễ hạn).",
    "parts": "Mã các chỉ tiêu thành phần; tổng các phần phải bằng chỉ tiêu này.",
    "targets": "Các mục tiêu theo năm.",
    "evaluation": "Đánh giá chỉ tiêu: Đạt, Chưa đạt, Chưa đánh giá, Ước đạt, Chưa có số liệu.",
    "result": "Nội dung ô 'Kết quả thực hiện' của chỉ tiêu (có thể dùng [[mã_chỉ_tiêu]]).",
    "note": "Ghi chú về chỉ tiêu cho người đọc (in ở cột Ghi chú của bảng).",
    "remark": "Ghi chú cho người giữ số liệu (ví dụ nguồn tự mâu thuẫn); không in ra văn bản.",
    "lead": "Cơ quan chủ trì chỉ tiêu (tên hoặc tên ngắn trong 'agencies'; nhiều cơ quan "
    "cách nhau bằng ';').",
    "partners": "Cơ quan phối hợp thực hiện chỉ tiêu.",
    "collect_from": "Các cơ quan được gửi biểu mẫu để lấy số liệu chỉ tiêu (tên hoặc tên "
    "ngắn trong 'agencies'), thay cho mọi cơ quan ghi ở 'lead'.",
    "definition": "Định nghĩa: đếm cái gì.",
    "kind": "Loại chỉ tiêu: rank (thứ hạng, in 06/63) hoặc score (điểm, in 84,34/100).",
    "out_of": "Thang của thứ hạng hoặc điểm (63, 100).",
    "pending": "true khi còn chờ số liệu của năm: bản nháp in [CHỜ SỐ LIỆU: …].",
    "observations": "Các số liệu theo thời điểm; báo cáo in số liệu mới nhất.",
}

FIELDS: dict[str, dict[str, str]] = {
    "YearData": {
        "year": "Năm của tệp dữ liệu; phải trùng tên tệp (2024 → data/2024.yaml).",
        "sources": "Các văn bản nguồn: mã nguồn → mô tả.",
        "metrics": "Các chỉ tiêu của đơn vị của tệp.",
        "task_lists": "Các danh sách nhiệm vụ.",
        "units": "Các đơn vị báo cáo khác (ví dụ tỉnh hợp nhất), mỗi đơn vị một danh sách "
        "chỉ tiêu.",
        "agencies": "Các cơ quan chủ trì (lead): mỗi cơ quan một lần, có tên ngắn.",
    },
    "Agency": {
        "id": "Mã cơ quan (tên tệp biểu mẫu của cơ quan): chữ thường không dấu, số, '_'.",
        "name": "Tên đầy đủ của cơ quan, như văn bản viết.",
        "short_name": "Tên ngắn của cơ quan, dùng trong 'lead' và trong thông báo.",
    },
    "Collected": {
        "agency": "Mã cơ quan (trong 'agencies') đã gửi biểu mẫu.",
        "form": "Tên tệp biểu mẫu đã nhập.",
        "cell": "Ô của biểu mẫu có số liệu (trang tính!ô).",
        "date": "Ngày nhập biểu mẫu (YYYY-MM-DD).",
    },
    "Metric": METRIC,
    "UnitMetric": {
        **METRIC,
        "source": "Nguồn của dòng chỉ tiêu trong báo cáo của đơn vị đó.",
        "same_as": "Mã chỉ tiêu của đơn vị của tệp để so sánh, khi khác mã của chỉ tiêu này.",
    },
    "Observation": {
        "as_of": "Thời điểm số liệu: YYYY, YYYY-MM hoặc YYYY-MM-DD.",
        "value": "Số liệu (viết kiểu YAML: 2471745, 97.14; không dấu chấm nghìn, không dấu %).",
        "numerator": "Tử số của tỷ lệ.",
        "denominator": "Mẫu số của tỷ lệ.",
        "printed": "Số như văn bản nguồn in (88,18%); phải khớp với số liệu.",
        "text": "Số liệu bằng chữ, khi không viết được thành số.",
        "note": "Ghi chú về số liệu này (thời điểm, cách tính).",
        "source": "Nguồn của số liệu.",
        "collected": "Biểu mẫu mà số liệu được nhập từ đó.",
    },
    "SourceRef": {
        "ref": "Mã nguồn trong 'sources'.",
        "line": "Số dòng trong văn bản nguồn.",
        "quote": "Câu chữ gốc trong văn bản nguồn.",
    },
    "Target": {
        "year": "Năm của mục tiêu (mục tiêu đến năm 2025).",
        "value": "Mục tiêu bằng số, theo đơn vị của chỉ tiêu.",
        "text": "Mục tiêu bằng chữ, khi không viết được thành số.",
        "plan": "Văn bản đặt ra mục tiêu.",
    },
    "Task": {
        "name": "Tên nhiệm vụ.",
        "result": "Kết quả thực hiện nhiệm vụ.",
        "time": "Thời gian thực hiện.",
        "progress": "Tiến độ thực hiện nhiệm vụ (Hoàn thành, hoặc việc đã làm được).",
        "lead": "Cơ quan chủ trì nhiệm vụ.",
        "partners": "Cơ quan phối hợp thực hiện nhiệm vụ.",
        "collect_from": "Các cơ quan được gửi biểu mẫu để báo tiến độ nhiệm vụ, thay cho 'lead'.",
        "evaluation": "Đánh giá nhiệm vụ.",
        "note": "Ghi chú về nhiệm vụ (in ở cột Ghi chú).",
        "collected": "Biểu mẫu mà tiến độ được nhập từ đó.",
    },
    "TaskGroup": {
        "group": "Tiêu đề nhóm nhiệm vụ.",
        "tasks": "Các nhiệm vụ trong nhóm.",
    },
    "TaskList": {
        "id": "Mã danh sách nhiệm vụ, dùng trong [[tasks:mã|...]] và 'task_list' của bảng.",
        "title": "Tên danh sách nhiệm vụ.",
        "source": "Văn bản giao các nhiệm vụ (nguồn của danh sách).",
        "lead": "Cơ quan chủ trì của mọi nhiệm vụ trong danh sách không ghi 'lead'.",
        "items": "Các nhiệm vụ hoặc nhóm nhiệm vụ.",
    },
    "Unit": {
        "id": "Mã đơn vị báo cáo: chữ thường không dấu, số, '_'.",
        "name": "Tên đơn vị báo cáo (Tỉnh Kiên Giang).",
        "short_name": "Tên ngắn của đơn vị báo cáo, dùng làm tiêu đề cột khi so sánh.",
        "metrics": "Các chỉ tiêu của đơn vị báo cáo này.",
    },
    "ReportSettings": {
        "year": "Năm của dữ liệu; mặc định là tên thư mục của báo cáo (reports/2024).",
        "kind": "Loại tệp báo cáo: report (văn bản kèm phụ lục) hoặc appendix (chỉ phụ lục "
        "kèm văn bản khác, xem 'attached_to').",
        "document": "Thông tin văn bản: cơ quan, số, ngày, loại, trích yếu, người ký.",
        "attached_to": "Văn bản mà phụ lục được kèm theo (khi kind: appendix).",
        "numbering": "Cách đánh số đề mục: một kiểu cho mỗi cấp (Phần I, Chương I, Mục 1, "
        "Điều 1., I., 1., 1.1., a), (1), -, +, none), hoặc {number: 1., bold: false} để đổi "
        "kiểu chữ của cấp đó.",
        "appendix_numbering": "Đánh số phụ lục: roman (Phụ lục I, II; như Nghị định 30) hoặc "
        "arabic (Phụ lục 1, 2).",
        "leading_zero": "In số đếm dưới 10 có số 0 đứng trước (05 nhiệm vụ, 08/11).",
        "template": "Tên tệp mẫu văn bản trong thư mục mẫu (mặc định BaoCao.docx).",
        "appendix_template": "Tên tệp mẫu Phụ lục (mặc định PhuLuc.docx).",
        "appendices": "Các phụ lục.",
    },
    "Document": {
        "parent_agency": "Cơ quan chủ quản (viết hoa); bỏ trống khi không có.",
        "agency": "Tên cơ quan ban hành như in ở phần đầu (viết hoa).",
        "agency_name": "Tên cơ quan ban hành trong câu văn (Sở Thông tin và Truyền thông).",
        "number": "Số văn bản; để trống khi chưa đăng ký số.",
        "symbol": "Ký hiệu văn bản (BC-STTTT, KH-UBND, SKHCN-VP).",
        "place": "Địa danh nơi ban hành.",
        "date": "Ngày ban hành (YYYY-MM-DD), hoặc chỉ năm khi chưa có ngày.",
        "type": "Tên loại văn bản: BÁO CÁO, KẾ HOẠCH, TỜ TRÌNH, CÔNG VĂN...",
        "summary": "Trích yếu nội dung (công văn: phần sau 'V/v').",
        "signer": "Người ký.",
        "recipients": "Nơi nhận, mỗi nơi một dòng; dòng cuối '- Lưu: VT, <đơn vị soạn thảo>'.",
        "to": "Kính gửi: một nơi, hoặc danh sách nhiều nơi (tờ trình, báo cáo gửi cấp trên, "
        "công văn).",
        "draft_mark": "Chữ in ở góc trên bên trái trang đầu của bản nháp (--draft) thay cho "
        "'DỰ THẢO', ví dụ 'Dự thảo lần 2'.",
    },
    "Attachment": {
        "type": "Tên loại của văn bản được kèm theo (Kế hoạch, Quyết định).",
        "number": "Số của văn bản được kèm theo; để trống khi chưa có.",
        "symbol": "Ký hiệu của văn bản được kèm theo (KH-UBND).",
        "date": "Ngày của văn bản được kèm theo (YYYY-MM-DD), hoặc chỉ năm.",
        "agency_name": "Cơ quan ban hành văn bản được kèm theo (Ủy ban nhân dân tỉnh).",
    },
    "Signer": {
        "authority": "Các dòng thẩm quyền ký (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC).",
        "name": "Họ tên người ký, không ghi học hàm, học vị.",
    },
    "HeadingLevel": {
        "number": "Kiểu số của cấp đề mục (I., 1., a), Phần I...).",
        "bold": "In đậm đề mục cấp này (true/false).",
        "italic": "In nghiêng đề mục cấp này (true/false).",
        "caps": "In hoa đề mục cấp này (true/false).",
    },
    "GroupRow": {"group": "Tiêu đề của nhóm dòng trong bảng (Phát triển Chính quyền số)."},
    "MetricRow": {
        "metric": "Mã chỉ tiêu (hoặc danh sách mã xếp chồng trong một dòng).",
        "label": "Nhãn hiển thị thay cho tên chỉ tiêu.",
        "result": "Nội dung ô 'Kết quả thực hiện' của dòng này, thay cho của chỉ tiêu.",
        "note": "Ghi chú của dòng này, thay cho ghi chú của chỉ tiêu.",
    },
    "Table": {
        "columns": "Các cột: stt, name, result, evaluation, note, lead, partners, time, "
        "progress, target:YYYY.",
        "headers": "Tiêu đề cột thay cho mặc định.",
        "numbering": "Cách đánh số dòng nhóm của bảng: roman hoặc decimal.",
        "rows": "Các dòng của bảng.",
        "task_list": "Mã danh sách nhiệm vụ trong 'task_lists'.",
    },
    "TextTable": {
        "headers": "Chữ các ô của hàng tiêu đề, từ trái sang phải.",
        "rows": "Các dòng: mỗi dòng một danh sách chữ của từng ô (xuống dòng trong ô là "
        "sang đoạn mới), hoặc một dòng nhóm {group: …, number: I}.",
    },
    "TextGroupRow": {
        "group": "Tiêu đề của dòng nhóm, in đậm trải hết dòng.",
        "number": "Số thứ tự của dòng nhóm (I, II hoặc 1, 2), in ở ô đầu.",
    },
    "AppendixPart": {
        "heading": "Tiêu đề phần (I. TỈNH AN GIANG).",
        "subheading": "Dòng dưới tiêu đề phần (tên bảng, văn bản giao chỉ tiêu).",
        "table": "Bảng của phần: bảng chỉ tiêu, bảng nhiệm vụ (có 'columns'), hoặc bảng gõ "
        "sẵn chữ từng ô (có 'headers' là danh sách).",
        "paragraphs": "Các đoạn văn của phần, in trước bảng.",
        "unit_sections": "true: thêm sau phần này một phần cho mỗi đơn vị báo cáo khác "
        "('units'), đánh số tiếp.",
        "unit_comparison": "true: thêm sau các đoạn văn bảng so sánh chỉ tiêu giữa các đơn vị.",
    },
    "Appendix": {
        "title": "Tên phụ lục (in hoa khi in).",
        "subtitle": "Dòng dưới tên phụ lục (phạm vi, thời điểm).",
        "parts": "Các phần của phụ lục: tiêu đề, bảng, đoạn văn.",
    },
}
