"""Renderers: a walk's state as JSON data, plain text or Markdown. Each is a pure function of its input."""
