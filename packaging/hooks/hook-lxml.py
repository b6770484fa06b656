"""PyInstaller hook for lxml (takes precedence over the contrib hook, which takes every submodule).

python-docx (and openpyxl) use only `lxml.etree`; lxml.html, lxml.objectify and the
schematron schemas would add ~4 MB that nothing loads.
"""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("lxml.html", "lxml.objectify", "lxml.isoschematron")

hiddenimports = collect_submodules("lxml", filter=lambda name: not name.startswith(UNUSED))
excludedimports = list(UNUSED)
