"""An outcome's reading, for the loader: its title, summary, steps (with conditional groups) and sections,
each item of them and of shared blocks, and the bilingual texts every node is written in.

loader.py reads the file and the tree's structure (its nodes, questions, choices and jumps) on top of this.
"""

from __future__ import annotations

from wallet_doctor.model import LANGUAGES, OPENS, SEVERITIES, Conditional, Item, Location, Outcome, Text
from wallet_doctor.values import ValueReader
from wallet_doctor.yaml_nodes import Mapping, Node, Scalar, Sequence, is_null


class OutcomeReader(ValueReader):
    """Reads outcomes, their items and texts from the node graph of one file, collecting problems instead of
    stopping (the loader's reader builds on it)."""

    # -- outcomes --------------------------------------------------------------------------------------

    def outcome(
        self, fields: dict[str, tuple[Node, Node]], node_id: str, tree_id: str, loc: Location
    ) -> Outcome | None:
        title = self.text(fields["title"][1], "title", node_id)
        summary = self.text(fields["summary"][1], "summary", node_id)
        severity = self.one_of(fields["severity"][1], SEVERITIES, "severity", node_id)
        steps = self.steps(fields["steps"][1], node_id)
        sections = {
            name: self.items(fields[name][1], name, node_id) if name in fields else ()
            for name in ("contact", "prepare", "escalate", "later")
        }
        prepare, escalate = sections["prepare"], sections["escalate"]
        related: tuple[str, ...] = ()
        related_loc = None
        if "related" in fields:
            related_node = fields["related"][1]
            related_loc = self.loc(related_node)
            values = self.sequence(related_node, "related", node_id) or []
            related = tuple(r for r in (self.ident(v, "related tree", node_id) for v in values) if r)
        opens = self.one_of(fields["opens"][1], OPENS, "opens", node_id) if "opens" in fields else None
        if None in (title, summary, severity, steps, *sections.values()) or ("opens" in fields and opens is None):
            return None
        assert title and summary and severity and steps is not None and prepare is not None and escalate is not None
        return Outcome(
            node_id,
            tree_id,
            title,
            severity,
            summary,
            steps,
            prepare,
            escalate,
            related,
            loc,
            related_loc,
            contact=sections["contact"] or (),
            later=sections["later"] or (),
            opens=opens,
        )

    def steps(self, node: Node, node_id: str) -> tuple[Item | Conditional, ...] | None:
        """An outcome's steps: items, and conditional groups (`if:` with `steps:`) one level deep."""
        entries = self.sequence(node, "steps", node_id)
        if entries is None:
            return None
        result: list[Item | Conditional] = []
        for entry in entries:
            if isinstance(entry, Mapping) and any(isinstance(k, Scalar) and k.value == "if" for k, _ in entry.pairs):
                group = self.conditional(entry, node_id)
                if group is not None:
                    result.append(group)
            else:
                item = self.item(entry, "steps", node_id)
                if item is not None:
                    result.append(item)
        return tuple(result)

    def conditional(self, node: Node, node_id: str) -> Conditional | None:
        fields = self.mapping(node, "A conditional group", node_id)
        assert fields is not None  # the caller saw a mapping with an `if` key
        self.known_keys(fields, ("if", "steps"), "a conditional group", node_id)
        condition = self.text(fields["if"][1], "if", node_id)
        if "steps" not in fields:
            self.add(
                node,
                "A conditional group has no 'steps'.",
                "Add `steps:` under `if:` with what to do when it applies.",
                node_id,
            )
            return None
        steps_node = fields["steps"][1]
        steps = self.items(steps_node, "a conditional group's steps", node_id, nested=True)
        if steps is not None and not steps and isinstance(steps_node, Sequence) and not steps_node.items:
            self.add(
                steps_node, "A conditional group has no steps.", "Add at least one step, or delete the group.", node_id
            )
            return None
        if condition is None or steps is None:
            return None
        return Conditional(self.loc(node), condition, steps)

    def items(self, node: Node, what: str, node_id: str | None, nested: bool = False) -> tuple[Item, ...] | None:
        entries = self.sequence(node, what, node_id)
        if entries is None:
            return None
        return tuple(item for item in (self.item(entry, what, node_id, nested) for entry in entries) if item)

    def item(self, entry: Node, what: str, node_id: str | None, nested: bool = False) -> Item | None:
        """One step, or item of a section or shared block: a text (maybe a warning), or `use` of a block."""
        fields = self.mapping(entry, f"An item of {what}", node_id)
        if fields is None:
            return None
        if "if" in fields:
            if nested:
                message = "A conditional group is nested inside another one."
                fix = (
                    "Nest one level only: make it a group of its own in `steps`, or write its condition into the text."
                )
            elif node_id is None:  # a shared block
                message = f"An item of {what} has 'if'; a conditional group belongs only in an outcome's steps."
                fix = (
                    "Put the group in the outcome's `steps:` (its steps may `use:` this block), "
                    "or write the condition into the text."
                )
            else:
                message = f"An item of {what} has 'if'; a conditional group belongs only in an outcome's steps."
                fix = "Move it into `steps:`, or drop `if:` and write the condition into the text."
            self.add(entry, message, fix, node_id)
            return None
        allowed: tuple[str, ...] = ("text", "warning")
        if "use" in fields and "text" in fields:
            self.add(entry, f"An item of {what} has both 'text' and 'use'.", "Split it into two items.", node_id)
            allowed = ("text", "warning", "use")  # the text is kept; the use is reported, not guessed at
        elif "use" in fields:
            self.known_keys(fields, ("use",), f"an item of {what} with 'use'", node_id)
            block = self.ident(fields["use"][1], "use", node_id)
            return Item(self.loc(entry), use=block) if block else None
        self.known_keys(fields, allowed, f"an item of {what}", node_id)
        if "text" not in fields:
            self.add(entry, f"An item of {what} has neither 'text' nor 'use'.", "Add `text:` or `use:`.", node_id)
            return None
        text = self.text(fields["text"][1], "text", node_id)
        warning = self.boolean(fields["warning"][1], "warning", node_id) if "warning" in fields else False
        if text is None:
            return None
        return Item(self.loc(entry), text=text, warning=bool(warning))  # a bad `warning` is reported; the step counts

    # -- values ----------------------------------------------------------------------------------------

    def text(self, node: Node, what: str, node_id: str | None) -> Text | None:
        # Nearly every text is a well-formed mapping of every language, in locales.py's order: read it
        # directly (this is the loader's hot path); anything else takes the checks below.
        if isinstance(node, Mapping) and len(node.pairs) == len(LANGUAGES):
            written = tuple(
                (key.value, text.value)
                for key, text in node.pairs
                if isinstance(key, Scalar) and isinstance(text, Scalar) and text.value.strip() and not is_null(text)
            )
            if tuple(code for code, _ in written) == LANGUAGES:
                return Text(written)
        fields = self.mapping(
            node, f"'{what}'", node_id, hint=f"Write `{what}:` as a mapping of {' and '.join(LANGUAGES)} texts."
        )
        if fields is None:
            return None
        self.known_keys(fields, LANGUAGES, f"'{what}'", node_id)
        pairs = []
        for lang, (_key, value) in fields.items():
            if lang in LANGUAGES:
                string = self.string(value, f"{what} ({lang})", node_id)
                if string is not None:
                    pairs.append((lang, string))
        for lang in LANGUAGES:
            if lang not in fields:
                self.add(node, f"'{what}' has no {lang} text.", f"Add `{lang}:` with the translation.", node_id)
        return Text(tuple(pairs))
