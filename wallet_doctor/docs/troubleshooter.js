/* The offline troubleshooter: walks the embedded trees exactly as wallet-doctor's engine does (jumps continue
   at the target tree's start, or at the node they land on; back undoes the last answer, across jumps too). Tree text is only ever put in
   with textContent, never parsed as HTML. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("catalog").textContent);
  const ui = data.ui;
  const main = document.getElementById("main");
  const MAX_JUMPS = 1000; // a validated catalog has no cycles; this only keeps a broken one from hanging

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : null;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function append(parent, ...children) {
    children.forEach((child) => parent.appendChild(child));
    return parent;
  }

  function button(text, action, className) {
    const node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }

  // The walk lives in the address (#tree=ID&a=QUESTION.CHOICE&a=...), so the browser's back button, a reload
  // and a shared link all show the same step, in either language.
  function readState() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const answers = params.getAll("a").map((pair) => {
      const cut = pair.indexOf(".");
      return cut < 0 ? [pair, ""] : [pair.slice(0, cut), pair.slice(cut + 1)];
    });
    return { tree: params.get("tree"), answers: answers };
  }

  function stateHash(tree, answers) {
    const params = new URLSearchParams();
    if (tree) {
      params.set("tree", tree);
      answers.forEach((answer) => params.append("a", answer[0] + "." + answer[1]));
    }
    return params.toString();
  }

  function go(tree, answers) {
    const hash = stateHash(tree, answers);
    if (location.hash.replace(/^#/, "") === hash) render();
    else location.hash = hash; // the hashchange listener renders
  }

  // Follow jumps from nodeId to the next question or outcome (engine._settle).
  function settle(nodeId, trees) {
    for (let i = 0; i < MAX_JUMPS; i++) {
      const node = own(data.nodes, nodeId);
      if (!node || node.kind !== "jump") return node;
      const target = own(data.trees, node.target);
      if (!target) return null;
      trees.push(node.target);
      nodeId = node.land || target.start;
    }
    return null;
  }

  // Answer, in order, each answer that is the question asked at that point; stop at the first
  // that is not, so a stale or edited address still shows a real step.
  function walk(treeId, answers) {
    const trees = [treeId];
    let current = settle(data.trees[treeId].start, trees);
    const path = [];
    for (const [questionId, choiceId] of answers) {
      if (!current || current.kind !== "question" || current.id !== questionId) break;
      const choice = current.choices.find((c) => c.id === choiceId);
      if (!choice) break;
      path.push({ question: current, choice: choice });
      current = settle(choice.next, trees);
    }
    return { tree: treeId, current: current, path: path, trees: trees };
  }

  function controls(state, answers, extra) {
    const bar = el("nav", "controls");
    const back = button(ui.back, () => go(state.tree, answers.slice(0, -1)), "back");
    back.disabled = answers.length === 0;
    append(bar, back, button(ui.restart, () => go(state.tree, []), "restart"));
    extra.forEach((node) => bar.appendChild(node));
    const copied = el("div", "copied");
    copied.setAttribute("aria-live", "polite");
    append(bar, button(ui.copy_link, () => copyLink(copied), "copy-link"));
    bar.appendChild(button(ui.all_trees, () => go(null, []), "all-trees"));
    return append(el("div", "control-bar"), bar, copied);
  }

  // The address is the walk: copying it lets a person send this very step to someone (or keep it). Where
  // the clipboard is refused (an old browser, a locked-down one), the link is shown selected to copy by hand.
  function copyLink(copied) {
    const link = location.href;
    const manual = () => {
      const field = el("input", "link");
      field.readOnly = true;
      field.value = link;
      field.setAttribute("aria-label", ui.copy_manual);
      copied.textContent = "";
      append(copied, el("p", null, ui.copy_manual), field);
      field.focus();
      field.select();
    };
    const write = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(link)
      : Promise.reject(new Error("no clipboard"));
    // A file on this computer: the link works here only, and saying "send it" would promise too much.
    const said = location.protocol === "file:" ? ui.copied_file : ui.copied;
    write.then(() => { copied.textContent = ""; copied.appendChild(el("p", null, said)); }, manual);
  }

  function pathSection(path) {
    const section = el("section", "path");
    append(section, el("h3", null, ui.answers_so_far));
    const list = el("ol");
    path.forEach((step) => {
      const item = el("li");
      append(item, el("span", "question-text", step.question.text), document.createTextNode(" → "));
      append(item, el("span", "answer", step.choice.label));
      list.appendChild(item);
    });
    section.appendChild(list);
    return section;
  }

  // Find the tree for typed words or a pasted error message, scored exactly as wallet_doctor/search.py does
  // (tests/test_docs_browser.py holds the two to the same rankings): a keyword or title found whole in the
  // query (as a word, where its edge is a Latin letter or digit) scores three times its length; each other
  // query word of at least search_min_word characters, not a common word, that starts a word of a tree's
  // keywords or title scores its length, once per tree. Chinese needs no spaces; triage is never a match.
  const SPLIT = /[\s,.;:!?，。；：！？、"'“”()（）]+/u;
  const MAX_WORDS = 1000; // a pasted message has a few dozen words (search.MAX_WORDS)
  const COMMON = new Set(data.search_common);
  const length = (text) => [...text].length; // in characters, as Python counts
  // Python's casefold() (the keywords come casefolded already): lower case, and the few letters it folds further.
  // Then the variants people write for the same thing, as search.fold does: Chinese anywhere, English only as
  // whole words.
  const WORD_FOLD_TO = new Map(data.search_word_folds);
  const foldWords = data.search_word_folds.map(([a]) => a.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const WORD_FOLD = new RegExp("(?<![\\p{L}\\p{N}_])(" + foldWords.join("|") + ")(?![\\p{L}\\p{N}_])", "gu");
  const fold = (text) => {
    let folded = text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
    for (const [variant, form] of data.search_text_folds) folded = folded.split(variant).join(form);
    return folded.replace(WORD_FOLD, (word) => WORD_FOLD_TO.get(word));
  };
  // A letter, digit or _ that is not Chinese, Japanese or Korean (search._WORDLIKE).
  const W = "(?:(?![\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef])[\\p{L}\\p{N}_])";
  const WORD_FIRST = new RegExp("^" + W, "u");
  const WORD_LAST = new RegExp(W + "$", "u");
  const BEFORE = new RegExp("(?<=" + W + ")", "uy");
  const AFTER = new RegExp("(?=" + W + ")", "uy");

  function whole(text, query) {
    let at = query.indexOf(text);
    if (at < 0) return false;
    const first = WORD_FIRST.test(text);
    const last = WORD_LAST.test(text);
    while (at >= 0) {
      BEFORE.lastIndex = at;
      AFTER.lastIndex = at + text.length;
      if ((!first || !BEFORE.test(query)) && (!last || !AFTER.test(query))) return true;
      at = query.indexOf(text, at + 1);
    }
    return false;
  }

  function search(query) {
    const folded = fold(query);
    const split = folded.split(SPLIT).filter((w) => length(w) >= data.search_min_word && !COMMON.has(w));
    const words = [...new Set(split)].slice(0, MAX_WORDS);
    words.sort((a, b) => length(b) - length(a) || (a < b ? -1 : a > b ? 1 : 0));
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    // At each start of a word (no letter, digit or _ before it: Python's \W), the longest query word there.
    const starts = words.length ? new RegExp("(?<![\\p{L}\\p{N}_])(?=(" + escaped.join("|") + "))", "gu") : null;
    const matches = [];
    Object.keys(data.search).forEach((treeId) => {
      let total = 0;
      const wordsFound = new Set();
      data.search[treeId].forEach((text) => {
        if (text && whole(text, folded)) total += 3 * length(text);
        else if (starts) for (const m of text.matchAll(starts)) wordsFound.add(m[1]);
      });
      wordsFound.forEach((w) => {
        total += length(w);
      });
      if (total) matches.push({ tree: treeId, score: total });
    });
    return matches.sort((a, b) => b.score - a.score || (a.tree < b.tree ? -1 : a.tree > b.tree ? 1 : 0));
  }

  // Pages, found as page_search.py finds them: each query word (a pair of Chinese characters, a Latin word) a
  // page uses, by its weight ln(pages / (1 + pages using it)); a Latin word found only as the start of longer
  // words by the prefix share; the title's words once more; plus the page's tree's share of the best tree's
  // score (triage's own pages count as the best tree). The pages' words come folded, each between spaces.
  const PAGE = data.page_weights;
  const CJK_RUN = /[\u2e80-\u9fff\uf900-\ufaff]+/g;
  const LATIN_WORD = /[a-z0-9]+/g;
  const ASCII = /^[\x00-\x7f]*$/;

  // An English word without an ending that only inflects it (page_search._stem).
  function stem(word) {
    const ending = PAGE.endings.find((end) => word.endsWith(end) && word.length - end.length >= PAGE.stem_min);
    return ending ? word.slice(0, -ending.length) : word;
  }

  function pageWords(query) {
    const folded = fold(query);
    const found = new Set();
    (folded.match(CJK_RUN) || []).forEach((run) => {
      for (let at = 0; at + 1 < run.length; at++) found.add(run.slice(at, at + 2));
    });
    (folded.match(LATIN_WORD) || []).forEach((word) => {
      if (word.length >= data.search_min_word && !COMMON.has(word)) found.add(stem(word));
    });
    return [...found].sort(); // in order, as page_search sums them
  }

  function pageScores(asked, terms) {
    const scores = terms.map(() => 0);
    const add = (using, share) => {
      const weight = share * Math.max(0, Math.log(terms.length / (1 + using.length)));
      using.forEach((at) => {
        scores[at] += weight;
      });
    };
    asked.forEach((word) => {
      const whole = [];
      terms.forEach((words, at) => {
        if (words.includes(" " + word + " ")) whole.push(at);
      });
      add(whole, 1);
      if (ASCII.test(word) && word.length >= PAGE.prefix_min) {
        const seen = new Set(whole);
        const starts = [];
        terms.forEach((words, at) => {
          if (!seen.has(at) && words.includes(" " + word)) starts.push(at);
        });
        add(starts, PAGE.prefix);
      }
    });
    return scores;
  }

  function findPages(query, trees) {
    const asked = pageWords(query);
    const scores = pageScores(asked, data.pages.map((page) => page.terms));
    pageScores(asked, data.pages.map((page) => page.title_terms)).forEach((score, at) => {
      scores[at] += PAGE.title * score;
    });
    const best = trees.reduce((most, match) => Math.max(most, match.score), 0);
    const share = new Map(best ? trees.map((match) => [match.tree, match.score / best]) : []);
    share.set("triage", 1);
    return data.pages
      .map((page, at) => ({ page: page, own: scores[at], score: scores[at] + PAGE.tree * (share.get(page.tree) || 0) }))
      .filter((match) => match.own > 0)
      .sort((a, b) => b.score - a.score || (a.page.id < b.page.id ? -1 : a.page.id > b.page.id ? 1 : 0))
      .slice(0, 3);
  }

  // The answers that lead to a page picked from the search, by question: marked on each question, never
  // given for the person (they choose each one). Kept while the page is open, not in the address.
  let suggested = new Map();

  function pageButton(page) {
    const choose = button("", () => {
      suggested = new Map(page.way);
      go(page.start, []);
    }, "page");
    choose.dataset.page = page.id;
    append(choose, el("strong", null, page.title), el("span", null, data.trees[page.tree].title));
    return append(el("li"), choose);
  }

  function treeButton(treeId) {
    const tree = data.trees[treeId];
    const choose = button("", () => go(treeId, []), "tree");
    choose.dataset.tree = treeId;
    append(choose, el("strong", null, tree.title), el("span", null, tree.summary));
    return append(el("li"), choose);
  }

  // What was typed stays while the page is open (never in the address: a pasted message may be private).
  let lastQuery = "";

  // The list of trees with the box for typed words; `standsFor`, an outcome that only sends the person to that
  // box (`opens: describe`), shows it in its place, the cursor in the box, with the walk's own controls (Back
  // returns to the question that led there).
  function renderPicker(standsFor, state, answers) {
    suggested = new Map(); // back at the list: a page picked before no longer leads the answers
    const card = el("section", "card picker");
    if (standsFor) card.dataset.node = standsFor;
    const heading = el("h2", null, ui.pick);
    const form = el("form", "search");
    form.setAttribute("role", "search");
    const label = el("label", null, ui.search_label);
    const input = el("input");
    input.type = "search";
    input.id = label.htmlFor = "query";
    input.placeholder = ui.search_hint;
    input.autocomplete = "off";
    input.value = lastQuery;
    const status = el("p", "search-status");
    status.setAttribute("aria-live", "polite");
    const pagesHeading = el("h3", "pages-heading", ui.search_pages);
    const pagesFound = el("ol", "pages matches");
    const treesHeading = el("h3", "trees-heading", ui.search_trees);
    const results = el("ol", "trees matches");
    const show = () => {
      lastQuery = input.value;
      results.textContent = "";
      pagesFound.textContent = "";
      const found = input.value.trim() ? search(input.value) : null;
      const pages = found === null ? [] : findPages(input.value, found);
      const any = found !== null && (found.length > 0 || pages.length > 0);
      status.textContent = found === null ? "" : any ? ui.search_found : ui.search_none;
      pages.forEach((match) => pagesFound.appendChild(pageButton(match.page)));
      // The trees worth offering, as search.py's shown(): at least a share of the best tree's score.
      const best = found && found.length ? found[0].score : 0;
      (found || [])
        .filter((match) => match.score >= best * data.search_shown_share)
        .forEach((match) => results.appendChild(treeButton(match.tree)));
      status.hidden = found === null;
      pagesHeading.hidden = pagesFound.hidden = !pages.length;
      treesHeading.hidden = results.hidden = !(found && found.length);
    };
    input.addEventListener("input", show);
    form.addEventListener("submit", (event) => {
      event.preventDefault(); // Enter opens the closest match: the first page, or else the first tree
      const first = pagesFound.querySelector("button") || results.querySelector("button");
      if (first) first.click();
    });
    append(form, label, input, status, pagesHeading, pagesFound, treesHeading, results);
    const list = el("ul", "trees all");
    data.order.forEach((treeId) => list.appendChild(treeButton(treeId)));
    // Above the card, where Back is in reach without scrolling past every tree.
    if (standsFor) main.appendChild(controls(state, answers, []));
    append(main, append(card, heading, form, el("h3", null, ui.search_all), list));
    show();
    return standsFor ? input : heading;
  }

  function renderQuestion(state, result, answers) {
    const question = result.current;
    const card = el("section", "card question");
    card.dataset.node = question.id;
    append(card, el("p", "eyebrow", data.trees[question.tree].title));
    const heading = append(card, el("h2", null, question.text)).lastChild;
    if (question.help) {
      const details = el("details", "help");
      append(details, el("summary", null, ui.why), el("p", null, question.help));
      card.appendChild(details);
    }
    const list = el("ul", "choices");
    const leads = suggested.get(question.id);
    if (question.choices.some((choice) => choice.id === leads)) card.appendChild(el("p", "page-way", ui.page_way));
    question.choices.forEach((choice) => {
      const choose = button(choice.label, () => go(state.tree, answers.concat([[question.id, choice.id]])), "choice");
      choose.dataset.choice = choice.id;
      if (choice.id === leads) {
        choose.classList.add("suggested");
        append(choose, document.createTextNode(" "), el("span", "badge", ui.suggested));
      }
      list.appendChild(append(el("li"), choose));
    });
    card.appendChild(list);
    append(main, card, controls(state, answers, []));
    if (result.path.length) main.appendChild(pathSection(result.path));
    return heading;
  }

  // Items with each shared block ({"use": id}) replaced by its items, as Catalog.expand does.
  function expand(items) {
    return items.flatMap((item) => (item.use === undefined ? [item] : own(data.shared, item.use) || []));
  }

  // A list of steps or of a section's items (prepare with a box to tick); a warning is set apart, and a
  // conditional group ({"if", "steps"}) is one entry: its condition, then its own steps nested under it.
  function itemList(tag, className, items, withBox) {
    const list = el(tag, className);
    items.forEach((entry) => {
      if (entry.if !== undefined) {
        const group = el("li", "conditional");
        append(group, el("p", "condition", asCondition(entry.if)), itemList("ul", "substeps", entry.steps, false));
        list.appendChild(group);
        return;
      }
      expand([entry]).forEach((item) => list.appendChild(itemEntry(item, withBox)));
    });
    return list;
  }

  // A condition as written ("If both are completed"), ending in the language's colon once.
  function asCondition(text) {
    return text.replace(/[:：]\s*$/, "") + ui.colon.trim();
  }

  function itemEntry(item, withBox) {
    const entry = el("li", item.warning ? "warning" : null);
    const content = el("span", "item");
    if (item.warning) append(content, el("strong", "badge", "⚠ " + ui.warning), document.createTextNode(" "));
    append(content, el("span", "text", item.text));
    if (withBox) {
      const box = el("input");
      box.type = "checkbox";
      append(entry, append(el("label"), box, content));
    } else {
      entry.appendChild(content);
    }
    return entry;
  }

  function renderOutcome(state, result, answers) {
    const outcome = result.current;
    const card = el("article", "card outcome sev-" + outcome.severity);
    card.dataset.node = outcome.id;
    append(card, el("p", "eyebrow", ui.diagnosis));
    const heading = append(card, el("h2", null, outcome.title)).lastChild;
    append(card, append(el("p"), el("span", "severity", ui.severity + ui.colon + ui.severities[outcome.severity])));
    append(card, el("p", "summary", outcome.summary));
    append(card, el("h3", null, ui.steps), itemList("ol", "steps", outcome.steps, false));
    // Each section once, after the steps, in the order the data gives.
    outcome.sections.forEach((section) => {
      const checklist = section.id === "prepare";
      const list = itemList("ul", (checklist ? "checklist " : "plain ") + section.id, section.items, checklist);
      const part = append(el("section", "section section-" + section.id), el("h3", null, ui.sections[section.id]), list);
      card.appendChild(part);
    });
    const related = outcome.related.filter((treeId) => own(data.trees, treeId));
    if (related.length) {
      const list = el("ul", "related");
      related.forEach((treeId) => {
        const open = button(data.trees[treeId].title, () => go(treeId, []), "related-tree");
        open.dataset.tree = treeId;
        list.appendChild(append(el("li"), open));
      });
      append(card, el("h3", null, ui.related), list);
    }
    append(main, card, controls(state, answers, [button(ui.print, () => window.print(), "print")]));
    if (result.path.length) main.appendChild(pathSection(result.path));
    return heading;
  }

  function render() {
    const state = readState();
    main.textContent = "";
    let heading;
    if (!state.tree || !own(data.trees, state.tree)) {
      heading = renderPicker();
    } else {
      const result = walk(state.tree, state.answers);
      const answers = result.path.map((step) => [step.question.id, step.choice.id]);
      const hash = stateHash(state.tree, answers);
      if (location.hash.replace(/^#/, "") !== hash) history.replaceState(null, "", "#" + hash);
      const current = result.current;
      if (current && current.kind === "outcome" && current.opens === "describe") {
        heading = renderPicker(current.id, state, answers);
      } else if (current && current.kind === "outcome") {
        heading = renderOutcome(state, result, answers);
      } else {
        heading = renderQuestion(state, result, answers);
      }
    }
    document.querySelectorAll("a[data-lang-page]").forEach((a) => { a.href = a.dataset.langPage + location.hash; });
    if (heading.tagName !== "INPUT") heading.tabIndex = -1; // a heading takes the focus; the box already can
    if (rendered) {
      window.scrollTo(0, 0);
      heading.focus();
    }
    rendered = true;
    document.body.dataset.ready = "1";
  }

  let rendered = false;
  window.addEventListener("hashchange", render);
  render();
})();
