"""Changes to a year file's text that keep every comment and key order: a new year
from the last (``rollover``), figures written in (``observations``), an old file split
(``migrate``)."""
