"""The pieces of the .docx exporter; the public entry point is `planner.export.docx`.

clean         – the one sanitiser every string passes before it reaches python-docx
typography    – the built-in Chinese look (fonts, sizes, page setup) as style XML
base          – the starting document (built-in or a research office's template), cached per process
styles        – style ids by role, with fallbacks for templates that lack a style
fields        – PAGE / NUMPAGES / SEQ fields and the header/footer lines that hold them
writer        – paragraphs, runs and list paragraphs, every string cleaned
blocks_writer – the document model (planner.document.blocks) as paragraphs, headings, lists,
                tables, figures, citation markers and the reference list
tables        – ruled Word tables (the applicant table, the text's pipe tables)
figures       – pictures fitted to the text width, or a framed placeholder for a bad image
builder       – the proposal's content in order: title block, topic, form sections, references
verify        – re-reads the written file and checks that the proposal's text is all there
"""
