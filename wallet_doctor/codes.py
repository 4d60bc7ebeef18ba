"""Stable codes for every problem a tree file can have: WD1xx the file and its YAML, WD2xx structure and
types, WD3xx references and the graph, WD4xx content, safety and the outcome's shape.

A problem's code is found from its message here, in one table, rather than passed at each of the places
that word a problem: those places (the YAML reader, the value reader, the loader, the validator) stay as
they are, and a test holds every code to a fixture in tests/trees/invalid/ with its whole message, so a
message reworded past its pattern, or a rule deleted, fails that test. docs/tree-format.md lists the codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNKNOWN = "WD000"  # a message no rule below matches: a test keeps every message of the fixtures off it


@dataclass(frozen=True, slots=True)
class Rule:
    """One code: the pattern of its messages (matched from end to end) and a title for tables and annotations."""

    code: str
    title: str
    pattern: str


RULES: tuple[Rule, ...] = (
    # WD1xx: the file and its YAML
    Rule("WD101", "File cannot be read", r"Cannot read the file: .*"),
    Rule("WD102", "File too large", r"The file is [0-9.]+ MB; .*"),
    Rule("WD103", "File not UTF-8", r"The file is not UTF-8 .*"),
    Rule("WD104", "File empty", r"The file is empty\."),
    Rule("WD105", "YAML syntax error", r"YAML syntax error: .*"),
    Rule("WD106", "Tab indentation", r"A tab is used for indentation\."),
    Rule("WD107", "Control character", r"The file holds the control character .*"),
    Rule("WD108", "More than one document", r"The file holds more than one YAML document\."),
    Rule("WD109", "YAML tag", r"The YAML tag '.*' is not allowed\."),
    Rule("WD110", "YAML alias", r"A value is reused .* through YAML aliases \(\*name\), which are not supported\."),
    Rule("WD111", "Key not a plain word", r"A mapping key is not a plain word\."),
    Rule("WD112", "Duplicate key", r"Duplicate key '.*' \(first at line [0-9]+\)\."),
    Rule("WD113", "Nested too deep", r"The YAML is nested more than [0-9]+ levels deep\."),
    Rule("WD114", "YAML error", r"YAML error: .*"),
    # WD2xx: structure and types
    Rule("WD201", "Not a mapping", r".* should be a mapping, not (a mapping|a list|nothing|'.*')\."),
    Rule("WD202", "Not a list", r"'.*' should be a list, not (a mapping|a list|nothing|'.*')\."),
    Rule("WD203", "Not text", r"'.*' should be text, not (a mapping|a list|nothing|'.*')\."),
    Rule("WD204", "Empty text", r"'.*' is empty\."),
    Rule("WD205", "Not a whole number", r"'.*' should be a whole number from 1 up\."),
    Rule("WD206", "Not true or false", r"'.*' should be true or false( \(YAML 1\.1 yes/no are not booleans here\))?\."),
    Rule("WD207", "Unknown key", r"Unknown key '.*' in .*\."),
    Rule("WD208", "Invalid id", r"The [\w ]+ '.*' is not a valid id\."),
    Rule("WD209", "Unknown node kind", r"Unknown node kind '.*'\."),
    Rule("WD210", "Value not allowed", r"Unknown (probe|severity|opens) '.*'(?: \(did you mean '.*'\?\))?\."),
    Rule("WD211", "Neither a tree nor shared steps", r"The file is neither a tree .*"),
    Rule("WD212", "Required key missing", r"(The \w+|A choice|A conditional group) has no '\w+'\."),
    Rule("WD213", "Translation missing", r"'.*' has no [A-Za-z-]+ text\."),
    Rule("WD214", "Reserved tree id", r"The tree id '.*' is taken: .*"),
    Rule("WD215", "Tree without nodes", r"The tree has no nodes\."),
    Rule("WD216", "Too few choices", r"The \w+ has [0-9]+ choice\(s\); a question needs at least 2\."),
    Rule("WD217", "Check choice named wrong", r"A check's choice is '.*'\."),
    Rule("WD218", "Check without pass or fail", r"The check has no '\w+' choice\."),
    Rule("WD219", "Choice id used twice", r"Choice id '.*' is used twice \(first at line [0-9]+\)\."),
    Rule("WD220", "Item with text and use", r"An item of .* has both 'text' and 'use'\."),
    Rule("WD221", "Item without text or use", r"An item of .* has neither 'text' nor 'use'\."),
    Rule(
        "WD222",
        "Conditional group outside steps",
        r"An item of .* has 'if'; a conditional group belongs only in an outcome's steps\.",
    ),
    Rule("WD223", "Conditional group nested", r"A conditional group is nested inside another one\."),
    Rule("WD224", "Conditional group without steps", r"A conditional group has no steps\."),
    Rule("WD225", "Shared block empty", r"Shared block '\w+' is empty\."),
    # WD3xx: references and the graph
    Rule("WD301", "Choice leads nowhere", r"Choice '\w+' leads to '\w+', which does not exist\."),
    Rule("WD302", "Start missing", r"The tree starts at '\w+', which does not exist\."),
    Rule("WD303", "Jump to a missing tree", r"The jump goes to tree '\w+', which does not exist\."),
    Rule("WD304", "Jump lands on a missing node", r"The jump lands on '\w+', which is not a node of tree '\w+'\."),
    Rule("WD305", "Jump lands on a jump", r"The jump lands on '\w+', which is itself a jump\."),
    Rule("WD306", "Related tree missing", r"'related' names tree '\w+', which does not exist\."),
    Rule("WD307", "Shared block missing", r"'use: \w+' names a shared block that does not exist\."),
    Rule("WD308", "Shared blocks in a circle", r"Shared blocks use each other in a circle: .*\."),
    Rule("WD309", "Walk goes round for ever", r"A walk can go round for ever: .*\."),
    Rule("WD310", "Tree or shared block id used twice", r"The (tree|shared block) id '\w+' is already used at .*\."),
    Rule("WD311", "Node id used in two trees", r"The node id '\w+' is also used in tree '\w+' at .*\."),
    Rule("WD312", "Node unreachable", r"No walk of tree '\w+' reaches this node\."),
    Rule("WD313", "Shared block unused", r"Nothing uses the shared block '\w+'\."),
    # WD4xx: content, safety and the outcome's shape
    Rule(
        "WD401",
        "Outcome without steps",
        r"The outcome gives no steps, so a user who reaches it is left with nothing to do\.",
    ),
    Rule("WD402", "Expands too far", r"(Shared block '\w+'|The outcome) expands to more than [0-9,]+ items: .*"),
    Rule("WD403", "Question without help", r"The \w+ has no help text\."),
    Rule(
        "WD404",
        "Support without the fraud check",
        r"The outcome sends the user to support but does not offer the fraud check\.",
    ),
    Rule("WD405", "Too many steps", r"The outcome has [0-9]+ steps of its own; .*"),
    Rule(
        "WD406",
        "Too many steps in a conditional group",
        r"The conditional group '.*' has [0-9]+ steps; at most [0-9]+\.",
    ),
    Rule(
        "WD407",
        "Shared block used twice in an outcome",
        r"The shared block '\w+' is used twice in this outcome \(first at line [0-9]+\)\.",
    ),
    Rule(
        "WD408", "Text said twice in an outcome", r"The \w+ '.*' is said twice in this outcome \(first at line .*\)\."
    ),
    Rule("WD409", "Menu too long", r"The \w+ offers [0-9]+ answers; a person in trouble reads at most [0-9]+\."),
    Rule(
        "WD410",
        "Outcome too long to read",
        r"The outcome holds [0-9]+ steps counting those in its conditional groups; a person in trouble reads at most"
        r" [0-9]+\.",
    ),
)

_TITLES = {rule.code: rule.title for rule in RULES}
# Patterns that begin with fixed words are tried first: a value quoted inside a message (a node kind written
# as "x should be a mapping, not 'y") must not make it match a pattern that begins with anything.
_MATCHERS = tuple(
    (re.compile(rule.pattern, re.DOTALL), rule.code)
    for rule in sorted(RULES, key=lambda rule: rule.pattern.startswith(".*"))
)


def code_for(message: str) -> str:
    """The code of a problem's message (UNKNOWN when no rule matches)."""
    for pattern, code in _MATCHERS:
        if pattern.fullmatch(message):
            return code
    return UNKNOWN


def title(code: str) -> str:
    """A code's short title, as annotations and the docs show it."""
    return _TITLES.get(code, "Unclassified problem")
