# A small Thai project (text from the office's source document) for the search tests.
project = "ทดสอบการค้นหา"
language = "th"
extensions = ["sop_helpers.sphinx_ext"]
html_theme = "sphinx_book_theme"
exclude_patterns = ["_build"]
