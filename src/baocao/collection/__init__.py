"""A collection round: which agency owes which figures and task updates
(``agencies``), what each has sent (``status``), and the version a form was made
from (``version``). Pure functions of a year's data, no I/O."""
