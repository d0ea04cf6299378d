"""Reading user files: text (``text``), YAML fast and careful (``yaml_fast``,
``yaml_careful``, ``yaml_positions``), a year file (``year_file``), a report file
(``report_file``), and the Vietnamese messages for what is wrong in them."""
