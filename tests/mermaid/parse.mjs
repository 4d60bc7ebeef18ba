// Parse Mermaid diagrams with Mermaid's own parser, under Node with jsdom standing in for the browser.
// Input on stdin: a JSON array of diagram sources. Output on stdout: a JSON array, one entry per diagram:
// null when it parses, else the parser's message. Used by tests/test_docs_mermaid.py.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const sources = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const source of sources) {
  try {
    await mermaid.parse(source);
    results.push(null);
  } catch (error) {
    results.push(String(error.message || error));
  }
}
process.stdout.write(JSON.stringify(results));
