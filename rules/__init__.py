"""okrlint's built-in rules: one module per rule, each defining ``RULE``.

This folder is installed as the ``okrlint.rules`` package; the engine finds
rules by scanning it (see ``okrlint.registry``), so adding a rule is adding a
module. Language knowledge lives in ``lexicons/<lang>.yaml``, not here.
"""
