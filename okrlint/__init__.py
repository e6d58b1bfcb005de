"""okrlint: a static checker for OKR documents."""

__version__ = "0.1.0"
