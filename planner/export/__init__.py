"""The pieces of the .docx exporter; the public entry point is `planner.export.docx`.

clean      – the one sanitiser every string passes before it reaches python-docx
typography – the built-in Chinese look (fonts, sizes, page setup) as style XML
base       – the starting document (built-in or a research office's template), cached per process
styles     – style ids by role, with fallbacks for templates that lack a style
fields     – PAGE / NUMPAGES fields and the header/footer lines that hold them
markup     – section text (light Markdown) to Word paragraphs, lists and runs
builder    – the proposal's content in order: title block, topic, form sections
verify     – re-reads the written file and checks that the proposal's text is all there
"""
