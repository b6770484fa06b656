"""PyInstaller hook for python-docx (takes precedence over the contrib hook of the same name).

python-docx opens its default header/footer/settings/styles XML through paths like
`docx/parts/../templates/default-header.xml`. In a bundle whose modules live only in the PYZ
archive the `docx/parts` folder does not exist, so that path fails and the frozen app crashes on
the first document with a header or footer. Collecting the sources as files too ("pyz+py")
creates the folder; the templates themselves are collected as data.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")  # docx/templates/*.xml, default.docx, default-docx-template/
module_collection_mode = {"docx": "pyz+py"}
