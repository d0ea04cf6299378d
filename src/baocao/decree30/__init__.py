"""The official layout of administrative documents (Nghị định 30/2020/NĐ-CP), as data
and small pure functions.

One place for the rules of the decree's Phụ lục I and III (see
``official-format.md``): the template builder (``render/template_build.py``) takes
its settings from here and ``baocao kiemtra`` checks any .docx against the same
values, so the tool never writes what its own checker rejects.

- ``layout``: where each rule comes from (``*_CLAUSE``), the page, margins, fonts and
  sizes of every element, the fixed words, the body's spacing, the rules' lengths;
- ``kinds``: the kinds of documents (BÁO CÁO, KẾ HOẠCH, CÔNG VĂN…) and what each drives;
- ``lines``: what is wrong with one typed line (number and symbol, date, recipients,
  signer, agency, trích yếu);
- ``widths``: how wide a text is set in Times New Roman.

Everything is read as ``decree30.NAME``.
"""

from .kinds import *
from .layout import *
from .lines import *
from .widths import *
