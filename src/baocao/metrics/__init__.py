"""How a metric prints (``printing``) and how metrics compare across years
(``years``) and across reporting units (``units``): pure functions, no I/O."""
