"""``okrlint server``, the language server: okrlint in the editor as you type.

- ``places``: where a finding sits in a buffer (highlights placed in the file's text)
- ``edits``: the code actions' edits (suppression comments, the rules' fixes)
- ``session``: open buffers, config, the OKR set and the checks (no protocol)
- ``protocol``: LSP over stdio on pygls; the only module that imports it
"""
