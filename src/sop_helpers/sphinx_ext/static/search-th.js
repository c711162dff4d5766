// @ts-check
/**
 * Thai search for the handbook's search page (Sphinx 7.4 searchtools.js, pydata-sphinx-theme).
 *
 * Loaded on search.html only, deferred, so it runs after searchtools.js and before the search
 * starts. It replaces Search.query: the query is parsed here (short Thai words and digits count,
 * every word is required) and the results are drawn as page title, snippet and highlighted
 * match. The index is built by sop_helpers/sphinx_ext/search_th.py; normalise() below must give
 * the same text as normalise() there (NFC, Arabic digits, lower case, acronyms without dots).
 *
 * The index holds Thai words and the joined form of each pair of neighbouring words (none with
 * a function word such as และ or ของ). A word the user typed matches a page when the page has it
 * as a term, when it lies inside one of the page's terms, or when the page's terms cover it from
 * start to end with each term overlapping the next by a word, or standing beside a function word
 * (which needs the words to stand together on the page). The query is never cut the way
 * PyThaiNLP cuts it. Only if that finds nothing are the words cut (the index's own words first,
 * Intl.Segmenter or the index for the rest) and required one by one anywhere on the page.
 *
 * Ranking: glossary entry, page title, section title, then exact term over cover over partial,
 * and among equals the page that uses the term most (search_th.py orders each term's pages so).
 *
 * One global: window.SopSearchTh (used by the tests and the benchmark).
 */
"use strict";

(function () {
  /**
   * @typedef {{docnames: string[], filenames: string[], titles: string[],
   *   terms: Object<string, number | number[]>, titleterms: Object<string, number | number[]>,
   *   alltitles: Object<string, Array<[number, string | null]>>,
   *   indexentries: Object<string, Array<[number, string, boolean]>>}} SphinxIndex
   * @typedef {{docname: string, title: string, anchor: string, section: string,
   *   score: number, file: number}} Result
   * @typedef {{words: string[], highlight: string[], relaxed: boolean, results: Result[]}} Answer
   */

  /** @type {any} */
  const W = window;
  // searchtools.js and documentation_options.js declare these with const: not on window.
  /** @returns {any} */
  // @ts-ignore
  const sphinxSearch = () => (typeof Search === "undefined" ? null : Search);
  /** @returns {any} */
  // @ts-ignore
  const docOptions = () => (typeof DOCUMENTATION_OPTIONS === "undefined" ? {} : DOCUMENTATION_OPTIONS);
  /** @type {HTMLScriptElement | null} */
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const ACRONYMS = (script && script.dataset.acronyms ? script.dataset.acronyms : "")
    .split(/\s+/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);

  // Words joined to their neighbours without an indexed pair (search_th.FUNCTION_WORDS).
  const FUNCTION_WORDS = new Set(
    (script && script.dataset.functionWords ? script.dataset.functionWords : "").split(/\s+/),
  );

  const THAI = "\u0e01-\u0e5b";
  const CONSONANT = "\u0e01-\u0e2e";
  const KNOWN = ACRONYMS.length
    ? new RegExp(`(?:${ACRONYMS.join("|")})(?:\\.|(?![${THAI}]))`, "g")
    : null;
  const DOTTED = new RegExp(`(?<![${THAI}])(?:[${CONSONANT}]{1,2}\\.){2,}`, "g");
  const GENERIC = new RegExp(`(?<![${THAI}])[${CONSONANT}]{2,5}\\.`, "g");
  const SEPARATORS = /[\u0e2f\u0e46\u0e4f\u0e5a\u0e5b]/g;
  const RUN = /[\p{L}\p{M}\p{N}_]+/gu;
  const LATIN_WORD = /[\p{L}\p{N}]+/gu;
  const HAS_THAI = new RegExp(`[${THAI}]`);
  const SHORT_CONSONANTS = new RegExp(`^[${CONSONANT}]{1,6}$`);
  const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

  // Scores: a word in the page title counts most, then a section title, then the body.
  const SCORE = {
    pageTitle: 15,
    sectionTitle: 6,
    glossary: 40,
    exact: 5,
    use: 2,
    cover: 3,
    partial: 1,
  };

  /** @param {string} text */
  const foldDigits = (text) =>
    text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

  /** @param {string} match */
  const undot = (match) => ` ${match.replace(/\./g, "")} `;

  /**
   * Text as the index sees it (mirrors search_th.normalise in Python).
   * @param {string} text
   */
  function normalise(text) {
    let t = foldDigits(text.normalize("NFC")).toLowerCase();
    if (KNOWN) t = t.replace(KNOWN, undot);
    t = t.replace(DOTTED, undot).replace(GENERIC, undot);
    return t.replace(SEPARATORS, " ");
  }

  /**
   * The words the user typed: runs of letters, marks and digits of the normalised query.
   * @param {string} query
   * @returns {string[]}
   */
  function queryWords(query) {
    /** @type {string[]} */
    const out = [];
    for (const run of normalise(query).match(RUN) || []) {
      if (HAS_THAI.test(run)) out.push(run);
      else out.push(...(run.match(LATIN_WORD) || []));
    }
    return [...new Set(out)];
  }

  /** @type {Intl.Segmenter | null} */
  const segmenter =
    typeof Intl !== "undefined" && "Segmenter" in Intl
      ? new Intl.Segmenter("th", { granularity: "word" })
      : null;

  // ---- the index, as sets of pages ----

  /**
   * A set of pages: the bits of a number while the book has at most 30 pages (fast), else of a
   * BigInt. Both take | & ~ alike; only the constants differ.
   * @typedef {any} Bits
   */
  let big = false;
  /** @param {number} i @returns {Bits} */
  const bit = (i) => (big ? 1n << BigInt(i) : 1 << i);
  /** @returns {Bits} */
  const none = () => (big ? 0n : 0);

  /** @type {{index: SphinxIndex, all: Bits, ids: Map<string, number>, vocab: string[],
   *   vocabBits: Array<Bits | undefined>, titleText: string[],
   *   sections: Array<Array<[string, string, string]>>,
   *   glossary: Array<[string, number, string, string]>} | null} */
  let prepared = null;

  /** @param {number | number[] | undefined} v */
  function toBits(v) {
    let bits = none();
    if (v === undefined) return bits;
    for (const f of typeof v === "number" ? [v] : v) bits |= bit(f);
    return bits;
  }

  /** @param {string} s */
  const squeeze = (s) => normalise(s).replace(/\s+/g, "");

  /** @param {string} html */
  function htmlText(html) {
    const el = document.createElement("template");
    el.innerHTML = html;
    return (el.content.textContent || "").trim();
  }

  /** @param {SphinxIndex} index */
  function prepare(index) {
    if (prepared && prepared.index === index) return prepared;
    // Term -> number; a term's pages become a bitset only when a query needs them.
    /** @type {Map<string, number>} */
    const ids = new Map();
    for (const map of [index.terms, index.titleterms]) {
      for (const term of Object.keys(map)) if (!ids.has(term)) ids.set(term, ids.size);
    }
    const titleText = index.titles.map((t) => squeeze(htmlText(t)));
    /** @type {Array<Array<[string, string, string]>>} */
    const sections = index.docnames.map(() => []);
    for (const [title, places] of Object.entries(index.alltitles || {})) {
      for (const [file, id] of places) {
        if (id) sections[file].push([squeeze(title), `#${id}`, title]);
      }
    }
    /** @type {Array<[string, number, string, string]>} */
    const glossary = [];
    for (const [entry, places] of Object.entries(index.indexentries || {})) {
      for (const [file, id] of places) {
        glossary.push([squeeze(entry), file, id ? `#${id}` : "", entry]);
      }
    }
    const vocab = [...ids.keys()];
    /** @type {Array<Bits | undefined>} */
    const vocabBits = [];
    const count = index.docnames.length;
    big = count > 30;
    const all = big ? (1n << BigInt(count)) - 1n : (1 << count) - 1;
    prepared = { index, all, ids, vocab, vocabBits, titleText, sections, glossary };
    return prepared;
  }

  /** The pages of term number `id`. @param {NonNullable<typeof prepared>} p @param {number} id */
  function bitsOf(p, id) {
    let bits = p.vocabBits[id];
    if (bits === undefined) {
      const term = p.vocab[id];
      bits = toBits(p.index.terms[term]) | toBits(p.index.titleterms[term]);
      p.vocabBits[id] = bits;
    }
    return bits;
  }

  /** @param {NonNullable<typeof prepared>} p @param {string} term */
  function docsOf(p, term) {
    const id = p.ids.get(term);
    return id === undefined ? none() : bitsOf(p, id);
  }

  /**
   * Pages whose terms cover `word`, as bitsets: exact term, word inside a term, overlapping cover.
   * @param {NonNullable<typeof prepared>} p
   * @param {string} word
   */
  function match(p, word) {
    const exact = docsOf(p, word);
    const thai = HAS_THAI.test(word);
    let partial = none();
    const n = word.length;
    // Stretches of the word that terms cover, by start and end, with the pages holding them.
    /** @type {Map<number, {start: number, end: number, bits: Bits}>} */
    const stretches = new Map();
    /** @param {number} start @param {number} end @param {Bits} bits */
    const piece = (start, end, bits) => {
      const key = start * (n + 1) + end;
      const known = stretches.get(key);
      if (known) known.bits |= bits;
      else stretches.set(key, { start, end, bits });
    };
    // Where each letter stands in the word (after its first): a term may start there and run on
    // past the word's end.
    /** @type {Map<string, number[]>} */
    const at = new Map();
    for (let r = 1; r < n; r++) {
      const list = at.get(word[r]);
      if (list) list.push(r);
      else at.set(word[r], [r]);
    }
    // Latin, digits and letters without vowels (acronyms, งบ) only at the start of a term:
    // กพร is not in แยกพร้อม.
    const anywhere = thai && !SHORT_CONSONANTS.test(word);
    p.vocab.forEach((term, id) => {
      // the whole word inside a longer term
      if (term.length > n && (anywhere ? term.includes(word) : term.startsWith(word))) {
        partial |= bitsOf(p, id);
      }
      if (!anywhere || n < 2 || !HAS_THAI.test(term)) return;
      // a term that runs into the word from before its start: it ends with the word's beginning
      for (let q = term.indexOf(word[0], Math.max(1, term.length - n + 1)); q > 0; ) {
        if (term.length - q < n && word.startsWith(term.slice(q))) {
          piece(0, term.length - q, bitsOf(p, id));
        }
        q = term.indexOf(word[0], q + 1);
      }
      // a term that starts inside the word and runs on past its end
      for (const r of at.get(term[0]) || []) {
        if (n - r < term.length && term.startsWith(word.slice(r))) {
          piece(r, n, bitsOf(p, id));
        }
      }
    });
    let cover = none();
    if (anywhere && n >= 2) {
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j <= n; j++) {
          if (i === 0 && j === n) continue;
          const bits = docsOf(p, word.slice(i, j));
          if (bits) piece(i, j, bits);
        }
      }
      const pieces = [...stretches.values()].sort((a, b) => a.start - b.start || a.end - b.end);
      /** @type {Bits[]} */
      const reach = [];
      pieces.forEach((cur, x) => {
        let from = cur.start === 0 ? p.all : none();
        for (let y = 0; y < x; y++) {
          const prev = pieces[y];
          // at least two letters shared: the pair terms share a whole word
          const overlap = prev.start < cur.start && cur.start < prev.end - 1 && prev.end < cur.end;
          // side by side is enough next to a word the index pairs with nothing
          const beside =
            prev.end === cur.start &&
            (FUNCTION_WORDS.has(word.slice(prev.start, prev.end)) ||
              FUNCTION_WORDS.has(word.slice(cur.start, cur.end)));
          if (overlap || beside) from |= reach[y];
        }
        reach[x] = from & cur.bits;
        if (cur.end === n) cover |= reach[x];
      });
    }
    return { exact, cover: cover & ~exact, partial: partial & ~exact & ~cover };
  }

  /**
   * Cut a word into smaller words (for the relaxed search): the longest terms of the index first,
   * so that the pieces meet the index; a stretch the index does not know runs to the browser's
   * next word boundary (Intl.Segmenter) or, without it, to where a known term starts.
   * @param {NonNullable<typeof prepared>} p
   * @param {string} word
   */
  function cut(p, word) {
    if (!HAS_THAI.test(word) || SHORT_CONSONANTS.test(word)) return [word];
    const n = word.length;
    /** @param {number} i */
    const longestTerm = (i) => {
      for (let j = n; j > i + 1; j--) if (p.ids.has(word.slice(i, j))) return j;
      return -1;
    };
    /** @type {Set<number>} */
    const bounds = new Set();
    if (segmenter) for (const s of segmenter.segment(word)) bounds.add(s.index);
    /** @type {string[]} */
    const out = [];
    let i = 0;
    while (i < n) {
      let j = longestTerm(i);
      if (j < 0) {
        j = i + 1;
        while (j < n && !(segmenter ? bounds.has(j) : longestTerm(j) > 0)) j++;
      }
      out.push(word.slice(i, j));
      i = j;
    }
    return out;
  }

  /**
   * How much a page uses a term, from 1 (most of all pages) down towards 0: search_th.py lists
   * each term's pages in order of use.
   * @param {NonNullable<typeof prepared>} p @param {string} term @param {number} file
   */
  function use(p, term, file) {
    for (const map of [p.index.terms, p.index.titleterms]) {
      const files = map[term];
      if (files === undefined) continue;
      if (typeof files === "number") return files === file ? 1 : 0;
      const at = files.indexOf(file);
      if (at > -1) return 1 - at / files.length;
    }
    return 0;
  }

  /**
   * How well a (squeezed) title matches the words: for each word it holds, 1 + its share.
   * @param {string} title @param {string[]} words
   */
  function titleScore(title, words) {
    let score = 0;
    for (const w of words) if (title.includes(w)) score += 1 + w.length / title.length;
    return score;
  }

  /**
   * Search the loaded index.
   * @param {string} query
   * @param {SphinxIndex} [index]
   * @returns {Answer}
   */
  function search(query, index) {
    const p = prepare(index || sphinxSearch()._index);
    const words = queryWords(query);
    if (!words.length) return { words, highlight: [], relaxed: false, results: [] };
    /** @param {string[]} ws @param {boolean} strict */
    const run = (ws, strict) => {
      let pages = p.all;
      const found = ws.map((w) => {
        const m = match(p, w);
        pages &= m.exact | m.cover | (strict && w.length < 2 ? none() : m.partial);
        return { word: w, ...m };
      });
      return { pages, found };
    };
    let relaxed = false;
    let highlight = words;
    let { pages, found } = run(words, true);
    if (!pages) {
      const pieces = [...new Set(words.flatMap((w) => cut(p, w)))];
      if (pieces.length > words.length) {
        ({ pages, found } = run(pieces, false));
        relaxed = true;
        highlight = pieces;
      }
    }
    const joined = words.join("");
    /** @type {Result[]} */
    const results = [];
    p.index.docnames.forEach((docname, file) => {
      const mask = bit(file);
      if (!(pages & mask)) return;
      let score = 0;
      for (const m of found) {
        if (m.exact & mask) score += SCORE.exact + SCORE.use * use(p, m.word, file);
        else if (m.cover & mask) score += SCORE.cover;
        else score += SCORE.partial;
      }
      let anchor = "";
      let section = "";
      // Each query word in the page title counts, more so the more of the title it fills;
      // failing that, the section whose title holds the most of the query.
      const inTitle = titleScore(p.titleText[file], highlight);
      if (inTitle) score += SCORE.pageTitle * inTitle;
      else {
        let best = 0;
        for (const [text, id, shown] of p.sections[file]) {
          const s = titleScore(text, highlight);
          if (s > best) [best, anchor, section] = [s, id, shown];
        }
        score += SCORE.sectionTitle * best;
      }
      // A glossary entry holding the query: the more of the entry it is, the higher.
      let entryShare = 0;
      for (const [entry, gfile, ganchor, shown] of p.glossary) {
        const share = joined.length / entry.length;
        if (gfile === file && entry.includes(joined) && share > entryShare) {
          [entryShare, anchor, section] = [share, ganchor, shown];
        }
      }
      score += SCORE.glossary * entryShare;
      results.push({ docname, title: htmlText(p.index.titles[file]), anchor, section, score, file });
    });
    results.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "th"));
    return { words, highlight, relaxed, results };
  }

  // ---- the results page ----

  /**
   * A pattern finding a normalised word in page text (Thai or Arabic digits, acronym dots).
   * @param {string[]} words
   */
  function highlighter(words) {
    const parts = words
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map((w) => {
        const chars = [...w].map((c) =>
          /[0-9]/.test(c) ? `[${c}${THAI_DIGITS[Number(c)]}]` : c.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"),
        );
        return chars.join(SHORT_CONSONANTS.test(w) ? "\\.?" : "");
      });
    return parts.length ? new RegExp(parts.join("|"), "giu") : null;
  }

  /** @param {string} html */
  function mainText(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll(".headerlink, script, style, nav, .prev-next-area, footer").forEach((el) => el.remove());
    // Blocks read as separate phrases, not run together.
    doc.querySelectorAll("p, li, div, td, th, dt, dd, h1, h2, h3, h4, h5, h6, label, caption, br")
      .forEach((el) => el.after(" "));
    const main = doc.querySelector("article") || doc.querySelector('[role="main"]') || doc.body;
    return (main.textContent || "").replace(/\s+/g, " ").trim();
  }

  /**
   * Append `text` to `parent` with every match of `pattern` in a <mark>.
   * @param {HTMLElement} parent @param {string} text @param {RegExp | null} pattern
   */
  function appendMarked(parent, text, pattern) {
    let last = 0;
    if (pattern) {
      for (const m of text.matchAll(pattern)) {
        const at = m.index || 0;
        parent.append(text.slice(last, at));
        const mark = document.createElement("mark");
        mark.textContent = m[0];
        parent.append(mark);
        last = at + m[0].length;
      }
    }
    parent.append(text.slice(last));
  }

  /**
   * @param {string} text @param {RegExp | null} pattern
   * @returns {string}
   */
  function snippet(text, pattern) {
    let at = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      const m = pattern.exec(text);
      if (m) at = m.index;
      pattern.lastIndex = 0;
    }
    let start = Math.max(0, at - 80);
    let end = Math.min(text.length, at + 160);
    // Cut at spaces (Thai puts them between phrases) so no word or letter is split.
    if (start > 0) {
      const space = text.indexOf(" ", start);
      start = space > -1 && space < at ? space + 1 : at;
    }
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > at + 40) end = space;
    }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  /** @param {string} query */
  function show(query) {
    const S = sphinxSearch();
    const answer = search(query);
    const opts = docOptions();
    const root = document.documentElement.dataset.content_root || "";
    const pattern = highlighter(answer.highlight);
    S.stopPulse();
    const progress = document.getElementById("search-progress");
    if (progress) progress.textContent = "";
    S.title.textContent = "ผลการค้นหา";
    const quoted = answer.words.map((w) => `“${w}”`).join(" ");
    if (!answer.words.length) {
      S.status.textContent = "พิมพ์คำที่ต้องการค้นหาเป็นภาษาไทยหรืออังกฤษ";
    } else if (!answer.results.length) {
      S.status.textContent = `ไม่พบหน้าที่มีคำว่า ${quoted} ครบทุกคำ ลองใช้คำที่สั้นลง คำอื่นที่มีความหมายเดียวกัน หรือตรวจตัวสะกด`;
    } else {
      const pieces = answer.highlight.map((w) => `“${w}”`).join(" ");
      S.status.textContent = answer.relaxed
        ? `ไม่พบ ${quoted} เขียนติดกัน จึงแสดง ${answer.results.length} หน้าที่มีคำว่า ${pieces} ครบทุกคำ`
        : `พบ ${answer.results.length} หน้าที่มีคำว่า ${quoted}`;
    }
    S.status.setAttribute("role", "status");
    // sphinx_highlight.js marks these words on the page a result opens (as Sphinx's own parser
    // arranges); Thai digits are added so that 15 also marks ๑๕.
    // @ts-ignore: a global const of sphinx_highlight.js
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) {
      const marks = answer.highlight.flatMap((w) => {
        const thai = w.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
        return thai === w ? [w] : [w, thai];
      });
      try {
        localStorage.setItem("sphinx_highlight_terms", marks.join(" "));
      } catch (e) { /* storage blocked or full: the results still show, only unmarked */ }
    }
    const list = /** @type {HTMLElement} */ (S.output);
    list.replaceChildren();
    for (const r of answer.results) {
      const li = document.createElement("li");
      li.dataset.docname = r.docname;
      li.dataset.score = String(r.score);
      const a = document.createElement("a");
      a.href = r.docname + (opts.LINK_SUFFIX || ".html") + r.anchor;
      a.textContent = r.section ? `${r.title} › ${r.section}` : r.title;
      li.append(a);
      const p = document.createElement("p");
      p.className = "context";
      li.append(p);
      list.append(li);
      fetch(root + r.docname + (opts.FILE_SUFFIX || ".html"))
        .then((res) => res.text())
        .then((html) => appendMarked(p, snippet(mainText(html), pattern), pattern))
        .catch(() => p.remove());
    }
    list.dataset.done = "true";
  }

  W.SopSearchTh = { normalise, queryWords, search, segmenter: Boolean(segmenter) };
  const S = sphinxSearch();
  if (S) S.query = show;
})();
