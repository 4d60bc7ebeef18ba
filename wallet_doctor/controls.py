"""The characters text from outside (trees, answers, file names) may not carry to a terminal: one list, used
by the renderers' cleaner and by the errors that quote what the user gave."""

# Terminal control characters, bidirectional marks and overrides (U+061C is Arabic's), and the Unicode line
# and paragraph separators, which some terminals and editors break lines at (newline and tab are kept).
CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
