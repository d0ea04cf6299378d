"""The rules ``validate`` runs: on a year file (``year``, ``figures``, with the
``checker`` they share) and on a report file (``report``, ``period``, ``task_claims``).
Each problem is located at its line and column."""
