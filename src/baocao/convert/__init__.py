"""``baocao convert``: a Word document an office already has, as a report of baocao.

``guard`` inspects the file before anything parses it; ``kiemtra.reader`` reads it into
facts and ``kiemtra.structure`` finds the decree's parts; ``document`` turns them into
front matter, body blocks and footnotes (``header``, ``body`` with ``items``,
``numbering`` and ``headings``, ``appendix``, ``inline``); ``figures`` finds the figures
of the prose; ``markdown`` and ``frontmatter`` write the report file. Nothing here writes
files: ``commands.convert`` does.
"""
