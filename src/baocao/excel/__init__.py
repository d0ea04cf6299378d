"""Excel, the only package that imports openpyxl: the form to fill in (``form``,
``form_layout``), reading it back (``read_form``, ``cells``), and tables written as
.xlsx (``tables``)."""
