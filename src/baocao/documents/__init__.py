"""The documents' contexts: the one shape templates see (``types``), built from a
report and its data (``report``, ``tables``, ``units``), with heading numbers and the
line breaks of the header (``numbering``, ``line_breaks``). Nothing here knows Word."""
