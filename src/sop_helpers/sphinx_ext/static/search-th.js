// @ts-check
/**
 * Thai search for the handbook's search page (Sphinx 7.4 searchtools.js, pydata-sphinx-theme).
 *
 * Loaded on search.html only, deferred, so it runs after searchtools.js and before the search
 * starts. It replaces Search.query: the query is read here and the results are drawn as page
 * title, snippet of the entry or section that matched, and highlighted words. The index is built
 * by sop_helpers/sphinx_ext/search_th.py; normalise() below must give the same text as
 * sop_helpers/search_text.normalise (NFC, Arabic digits, lower case, acronyms without dots).
 *
 * Reading a query (the rules come with the index, key `sop`, from book/data/search.yml and the
 * glossary's aliases):
 * 1. Each run of Thai is cut by longest match against the index's own words, the aliases and
 *    the words to drop (Intl.Segmenter is not needed); question words, particles and polite
 *    endings (ทำอย่างไร, ไหม, ครับ ...) are left out.
 * 2. An alias (ผอ.เขต, อนุมัติ, ร.ร.) is searched as the terms it stands for (ผอ.สพป., เห็นชอบ ...).
 * 3. What is left is searched as written: a page matches a run when it has it as a term, inside
 *    a term, or covered by its terms, each overlapping the next by a word (which needs the words
 *    to stand together on the page). A run no page holds is cut into its words.
 * 4. A word the index does not know (4+ letters) is replaced by the index's nearest words by
 *    Thai edit distance (tone marks, ์ and confusable letters cost half: sop.edit), and the page
 *    says so, with a link that searches the word as typed (?exact=1).
 *
 * Ranking: pages that hold every word, else the pages holding most of them first; among those,
 * the glossary entry of the exact term, then words in the page title, a section title, then exact
 * term over cover over partial, and the page that uses the term most (search_th.py orders each
 * term's pages so). Nothing at all: links to the glossary and the four procedures.
 *
 * Works without Intl.Segmenter and without storage. One global: window.SopSearchTh (used by the
 * tests and the benchmark).
 */
"use strict";

(function () {
  /**
   * @typedef {{drop: string[], weak: string[], syn: Object<string, string[]>,
   *   edit: {cheap: number, marks: string[], groups: string[][], max_cost: number,
   *   min_length: number}}} Rules
   * @typedef {{docnames: string[], filenames: string[], titles: string[],
   *   terms: Object<string, number | number[]>, titleterms: Object<string, number | number[]>,
   *   alltitles: Object<string, Array<[number, string | null]>>,
   *   indexentries: Object<string, Array<[number, string, boolean]>>, sop?: Rules}} SphinxIndex
   * @typedef {{docname: string, title: string, anchor: string, section: string,
   *   score: number, count: number, file: number}} Result
   * @typedef {{label: string, forms: Array<{text: string, factor: number}>, weight: number,
   *   from?: string}} Concept
   * @typedef {{label: string, concepts: Concept[], phrase: string}} Group
   * @typedef {{words: string[], concepts: string[], highlight: string[], dropped: string[],
   *   corrections: Array<{from: string, to: string}>, relaxed: boolean, partial: boolean,
   *   results: Result[]}} Answer
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
  // A word cannot start with a following vowel or a mark, nor end with a leading vowel.
  const FOLLOWING = /[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]/;
  const LEADING = /[\u0e40-\u0e44]/;
  // Vowels and tone marks written above or below a letter (part of the letter when drawn).
  const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

  // Scores: a word in the page title counts most, then a section title, then the body.
  const SCORE = {
    count: 80,
    pageTitle: 20,
    sectionTitle: 10,
    glossary: 40,
    glossaryExact: 200,
    exact: 5,
    use: 2,
    cover: 3,
    partial: 1,
  };

  /** "๑๕" -> "15" (sop.js: the page rules, loaded first). @param {string} text */
  const foldDigits = (text) => String(W.sop.arabicDigits(text));

  /** @param {string} match */
  const undot = (match) => ` ${match.replace(/\./g, "")} `;

  /**
   * Text as the index sees it (mirrors search_text.normalise in Python).
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

  /**
   * Text shown to the reader (counts, the words searched) in the site's digits: sop.js, loaded
   * before this script, is the one home of the digit style (decision 1). Queries are read with
   * Arabic digits, so "แผน 5 ปี" is echoed as the site writes it.
   * @param {string | number} text
   */
  const shown = (text) => String(W.sop.digits(text));
  /** "15" -> "๑๕" whatever the site's style (page text may hold either). @param {string} text */
  const thaiDigits = (text) => String(W.sop.thaiDigits(text));
  /**
   * What the results view says: sop_helpers.wording.TEXTS search.* (the page's sop-wording),
   * filled by SopCore.say. @param {string} key @param {Record<string, string>} [values]
   */
  const say = (key, values) => (W.SopCore ? String(W.SopCore.say(key, values)) : key);

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

  /** @typedef {{index: SphinxIndex, all: Bits, ids: Map<string, number>, vocab: string[],
   *   vocabBits: Array<Bits | undefined>, titleText: string[],
   *   sections: Array<Array<[string, string, string]>>,
   *   glossary: Array<[string, number, string, string]>, drop: Set<string>, weak: Set<string>, words: Set<string>,
   *   syn: Map<string, string[]>, dict: Set<string>, longest: number, edit: Rules["edit"],
   *   fuzzy: Map<string, string[]> | null, marks: Set<string>, group: Map<string, string>}} Prepared */
  /** @type {Prepared | null} */
  let prepared = null;

  /** @param {number | number[] | undefined} v */
  function toBits(v) {
    let bits = none();
    if (v === undefined) return bits;
    for (const f of typeof v === "number" ? [v] : v) bits |= bit(f);
    return bits;
  }

  /** @param {string} s */
  const squeeze = (s) => (normalise(s).match(RUN) || []).join("");

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
    const rules = index.sop || {
      drop: [],
      weak: [],
      syn: {},
      edit: { cheap: 0.5, marks: [], groups: [], max_cost: 1, min_length: 4 },
    };
    const drop = new Set(rules.drop);
    const weak = new Set(rules.weak || []);
    const syn = new Map(Object.entries(rules.syn));
    // The words a query is cut into: the index's own, the aliases, the terms they stand for
    // (ตัวชี้วัด, which the index holds as ตัว + ชี้วัด) and the words to drop.
    /** @type {Set<string>} */
    const targets = new Set();
    for (const forms of syn.values()) for (const f of forms) if (!f.includes(" ")) targets.add(f);
    const words = new Set([...vocab, ...syn.keys(), ...targets]);
    const dict = new Set([...words, ...drop]);
    let longest = 1;
    for (const w of dict) if (w.length > longest) longest = w.length;
    /** @type {Map<string, string>} */
    const group = new Map();
    for (const g of rules.edit.groups) for (const letter of g) group.set(letter, g[0]);
    prepared = {
      index, all, ids, vocab, vocabBits, titleText, sections, glossary, drop, weak, words, syn, dict, longest,
      edit: rules.edit, fuzzy: null, marks: new Set(rules.edit.marks), group,
    };
    return prepared;
  }

  /** The pages of term number `id`. @param {Prepared} p @param {number} id */
  function bitsOf(p, id) {
    let bits = p.vocabBits[id];
    if (bits === undefined) {
      const term = p.vocab[id];
      bits = toBits(p.index.terms[term]) | toBits(p.index.titleterms[term]);
      p.vocabBits[id] = bits;
    }
    return bits;
  }

  /** @param {Prepared} p @param {string} term */
  function docsOf(p, term) {
    const id = p.ids.get(term);
    return id === undefined ? none() : bitsOf(p, id);
  }

  /**
   * Pages whose terms cover `word`, as bitsets: exact term, word inside a term, overlapping cover.
   * @param {Prepared} p
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

  // ---- reading the query ----

  /**
   * Where a word may start or end inside `word` (not before a following vowel or mark, not after
   * a leading vowel).
   * @param {string} word
   */
  function boundaries(word) {
    const ok = [true];
    for (let i = 1; i < word.length; i++) ok.push(!FOLLOWING.test(word[i]) && !LEADING.test(word[i - 1]));
    ok.push(true);
    return ok;
  }

  /**
   * The weighted Thai edit distance (mirrors search_text.edit_distance; the vectors in
   * tests/data/search_edit_vectors.json test both).
   * @param {Prepared} p @param {string} a @param {string} b
   */
  function distance(p, a, b) {
    const cheap = p.edit.cheap;
    /** @param {string} c */
    const indel = (c) => (p.marks.has(c) ? cheap : 1);
    /** @param {string} x @param {string} y */
    const sub = (x, y) => {
      if (x === y) return 0;
      if (p.marks.has(x) && p.marks.has(y)) return cheap;
      const g = p.group.get(x);
      return g !== undefined && g === p.group.get(y) ? cheap : 1;
    };
    let prev = [0];
    for (const c of b) prev.push(prev[prev.length - 1] + indel(c));
    for (const x of a) {
      const cur = [prev[0] + indel(x)];
      for (let j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + indel(x), cur[j - 1] + indel(b[j - 1]), prev[j - 1] + sub(x, b[j - 1])));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  /**
   * A word without what costs little to get wrong: marks left out, each confusable letter
   * replaced by the first of its group. Words within the accepted distance have skeletons at
   * most one edit apart, so an index of skeletons with one letter deleted finds them.
   * @param {Prepared} p @param {string} word
   */
  function skeleton(p, word) {
    let out = "";
    for (const c of word) if (!p.marks.has(c)) out += p.group.get(c) || c;
    return out;
  }

  /** @param {string} s */
  function* deletions(s) {
    yield s;
    for (let i = 0; i < s.length; i++) yield s.slice(0, i) + s.slice(i + 1);
  }

  /**
   * The index's words (and aliases) nearest to `word`, cheapest first, when within the accepted
   * distance (decision 7): [] for a word shorter than sop.edit.min_length.
   * @param {Prepared} p @param {string} word
   * @returns {Array<{term: string, cost: number}>}
   */
  function nearest(p, word) {
    if (word.length < p.edit.min_length || /^[0-9]+$/.test(word)) return [];
    if (!p.fuzzy) {
      /** @type {Map<string, string[]>} */
      const map = new Map();
      for (const term of p.words) {
        if (term.length < p.edit.min_length - 1 || /^[0-9]+$/.test(term)) continue;
        for (const key of new Set(deletions(skeleton(p, term)))) {
          const list = map.get(key);
          if (list) list.push(term);
          else map.set(key, [term]);
        }
      }
      p.fuzzy = map;
    }
    /** @type {Set<string>} */
    const seen = new Set();
    /** @type {{term: string, cost: number}[]} */
    const out = [];
    for (const key of deletions(skeleton(p, word))) {
      for (const term of p.fuzzy.get(key) || []) {
        if (seen.has(term) || term === word) continue;
        seen.add(term);
        const cost = distance(p, word, term);
        if (cost <= p.edit.max_cost) out.push({ term, cost });
      }
    }
    // Cheapest first; among equals the word more pages hold.
    /** @param {string} t */
    const reach = (t) => {
      const v = p.index.terms[t] ?? p.index.titleterms[t];
      return v === undefined ? 0 : typeof v === "number" ? 1 : v.length;
    };
    out.sort((a, b) => a.cost - b.cost || reach(b.term) - reach(a.term) || (a.term < b.term ? -1 : 1));
    return out.filter((c) => c.cost === out[0].cost).slice(0, 3);
  }

  /**
   * Cut a run of Thai into words: the longest words of the index, the aliases and the words to
   * drop, fewest letters left unknown, then fewest words (a near word counts as one word and three
   * per unit of edit, so "งบประมาน" is one corrected word, not งบ | ประ | มา | น). Letters no word
   * covers stay together up to the next place a word can start. No Intl.Segmenter needed.
   * @param {Prepared} p @param {string} word @param {boolean} fuzzy
   * @returns {Array<{text: string, kind: "known" | "near" | "unknown",
   *   near?: Array<{term: string, cost: number}>}>}
   */
  function segment(p, word, fuzzy) {
    const n = word.length;
    const ok = boundaries(word);
    /** @typedef {{unknown: number, cost: number, from: number, kind: "known" | "near" | "unknown",
     *   near?: Array<{term: string, cost: number}>}} Step */
    /** @type {Array<Step | undefined>} */
    const best = [{ unknown: 0, cost: 0, from: -1, kind: "known" }];
    /** @param {number} j @param {Step} s */
    const relax = (j, s) => {
      const b = best[j];
      if (!b || s.unknown < b.unknown || (s.unknown === b.unknown && s.cost < b.cost)) best[j] = s;
    };
    for (let i = 0; i < n; i++) {
      const here = best[i];
      if (!here || !ok[i]) continue;
      for (let j = i + 1; j <= Math.min(n, i + p.longest); j++) {
        if (!ok[j]) continue;
        const s = word.slice(i, j);
        if (p.dict.has(s)) relax(j, { unknown: here.unknown, cost: here.cost + 1, from: i, kind: "known" });
        else if (fuzzy && j - i >= p.edit.min_length) {
          const near = nearest(p, s);
          if (near.length) {
            relax(j, { unknown: here.unknown, cost: here.cost + 1 + 3 * near[0].cost, from: i, kind: "near", near });
          }
        }
      }
      let k = i + 1;
      while (k < n && !ok[k]) k++;
      relax(k, { unknown: here.unknown + (k - i), cost: here.cost + 1, from: i, kind: "unknown" });
    }
    /** @type {Array<{text: string, kind: "known" | "near" | "unknown", near?: Array<{term: string, cost: number}>}>} */
    const out = [];
    for (let j = n; j > 0; ) {
      const s = /** @type {Step} */ (best[j]);
      const piece = { text: word.slice(s.from, j), kind: s.kind, near: s.near };
      const next = out[0];
      if (next && next.kind === "unknown" && s.kind === "unknown") next.text = piece.text + next.text;
      else out.unshift(piece);
      j = s.from;
    }
    return out;
  }

  /**
   * Pages holding a form (its words, each as a term, inside a term or covered), with the match
   * of each word; results are kept for the query.
   * @param {Prepared} p @param {Map<string, ReturnType<typeof match>>} cache @param {string} form
   */
  function pagesOf(p, cache, form) {
    let bits = p.all;
    const words = form.split(" ").filter(Boolean);
    const found = words.map((w) => {
      let m = cache.get(w);
      if (!m) {
        m = match(p, w);
        cache.set(w, m);
      }
      bits &= m.exact | m.cover | (w.length < 2 ? none() : m.partial);
      return { word: w, ...m };
    });
    return { bits: words.length ? bits : none(), found };
  }

  /**
   * A known word's own parts (รายบุคคล -> ราย บุคคล), for pages that hold the parts apart.
   * @param {Prepared} p @param {string} word
   */
  function parts(p, word) {
    if (!HAS_THAI.test(word) || word.length < 4) return [];
    const had = p.dict.delete(word);
    const out = segment(p, word, false);
    if (had) p.dict.add(word);
    if (out.some((s) => s.kind !== "known")) return [];
    return out.map((s) => s.text).filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w) && !p.weak.has(w));
  }

  /**
   * What the query asks for, as groups (one for each phrase the user typed, or an alias), each a
   * list of concepts searched as any of their forms; with the words dropped and the corrections.
   * A page must hold something of every group (when pages do); within a group, the more of it
   * (letters weighted), the higher the page.
   * @param {Prepared} p @param {string} query @param {boolean} exact  no corrections
   */
  function understand(p, query, exact) {
    /** @type {Map<string, ReturnType<typeof match>>} */
    const cache = new Map();
    const words = queryWords(query);
    /** @type {string[]} */
    const dropped = [];
    // 1. cut the runs, leave out the words to drop; what stays of a run stays together. In a
    // question, words that join everything and weak words split it too.
    /** @type {Array<Array<{text: string, kind: string}>>} */
    const cutRuns = words.map((word) =>
      HAS_THAI.test(word) ? segment(p, word, false) : [{ text: word, kind: "known" }],
    );
    const question = cutRuns.some((run) => run.some((s) => s.kind === "known" && p.drop.has(s.text)));
    /** @param {string} w */
    const joins = (w) => FUNCTION_WORDS.has(w) || p.weak.has(w);
    /** @type {string[]} */
    const pieces = [];
    for (const run of cutRuns) {
      let kept = "";
      for (const s of run) {
        const isDrop = s.kind === "known" && p.drop.has(s.text);
        if (isDrop || (question && s.kind === "known" && joins(s.text))) {
          if (isDrop) dropped.push(s.text);
          if (kept) pieces.push(kept);
          kept = "";
        } else kept += s.text;
      }
      if (kept) pieces.push(kept);
    }
    const content = pieces.filter((w) => !joins(w));
    if (content.length) pieces.splice(0, pieces.length, ...content);
    const onlyAsking = !pieces.length;
    if (onlyAsking) {
      // Only question words: search them after all.
      pieces.push(...words);
      dropped.length = 0;
    }
    /** @type {Group[]} */
    const groups = [];
    /** @type {Array<{from: string, to: string}>} */
    const corrections = [];
    let relaxed = false;
    /** @param {string} text @param {number} [weight] @returns {Concept} */
    const plain = (text, weight = 1) => {
      const forms = [{ text, factor: 1 }];
      // Its own parts, apart on the page (ตัวชี้วัดรายบุคคล on a page of ตัวชี้วัดระดับบุคคล).
      const fine = parts(p, text);
      if (fine.length > 1) {
        forms.push({ text: fine.join(" "), factor: 0.5 });
        for (const w of fine) if (w.length > 3) forms.push({ text: w, factor: (0.5 * w.length) / text.length });
      }
      return { label: text, forms, weight };
    };
    /** @param {string} text @param {number} [weight] @returns {Concept} */
    const aliasConcept = (text, weight = 1) => {
      const forms = /** @type {string[]} */ (p.syn.get(text));
      return { label: text, weight, forms: [text, ...forms.filter((f) => f !== text)].map((f) => ({ text: f, factor: 1 })) };
    };
    /** @param {string} text @param {Array<{term: string, cost: number}>} near @param {number} [weight] @returns {Concept} */
    const nearConcept = (text, near, weight = 1) => {
      const forms = near.flatMap((c) => (p.syn.has(c.term) ? /** @type {string[]} */ (p.syn.get(c.term)) : [c.term]));
      corrections.push({ from: text, to: near[0].term });
      return { label: near[0].term, forms: [...new Set(forms)].map((f) => ({ text: f, factor: 1 })), weight, from: text };
    };
    for (let i = 0; i < pieces.length; i++) {
      // 2. an alias, possibly written over several pieces (ผอ.เขต, แผน 4 ปี)
      let j = pieces.length;
      for (; j > i; j--) if (p.syn.has(pieces.slice(i, j).join(""))) break;
      if (j > i) {
        const key = pieces.slice(i, j).join("");
        groups.push({
          label: key,
          concepts: [j - i === 1 ? aliasConcept(key) : { label: key, weight: 1, forms: /** @type {string[]} */ (p.syn.get(key)).map((f) => ({ text: f, factor: 1 })) }],
          phrase: "",
        });
        i = j - 1;
        continue;
      }
      const text = pieces[i];
      const thai = HAS_THAI.test(text) && !SHORT_CONSONANTS.test(text);
      const whole = pagesOf(p, cache, text).bits;
      // 3. as written, if a page holds it (a question: its words, the phrase counting most)
      if (whole && !(question && thai)) {
        groups.push({ label: text, concepts: [plain(text)], phrase: "" });
        continue;
      }
      // 4. a word the index does not know: its nearest words, else its parts
      const near = whole || exact ? [] : nearest(p, text);
      if (near.length) {
        groups.push({ label: text, concepts: [nearConcept(text, near)], phrase: "" });
        continue;
      }
      if (!thai) {
        groups.push({ label: text, concepts: [plain(text)], phrase: "" });
        continue;
      }
      let cut = segment(p, text, !exact && !whole);
      if (whole && cut.length === 1) {
        // A question's phrase the index holds as one term: its words, the phrase counting most.
        const fine = parts(p, text);
        if (fine.length) cut = fine.map((w) => ({ text: w, kind: "known" }));
      }
      relaxed = relaxed || (!whole && cut.length > 1);
      /** @type {Concept[]} */
      const concepts = [];
      for (const s of cut) {
        if (s.kind === "near" && s.near) concepts.push(nearConcept(s.text, s.near, s.text.length));
        else if (p.drop.has(s.text) && !onlyAsking) dropped.push(s.text);
        else if (p.syn.has(s.text)) concepts.push(aliasConcept(s.text, s.text.length));
        else if (cut.length === 1 || (s.text.length > 1 && !joins(s.text))) concepts.push(plain(s.text, s.text.length));
      }
      if (!concepts.length) concepts.push(plain(text));
      const total = concepts.reduce((sum, c) => sum + c.weight, 0);
      for (const c of concepts) c.weight /= total;
      groups.push({ label: text, concepts, phrase: whole ? text : "" });
    }
    return { words, groups, dropped, corrections, relaxed, cache };
  }

  /**
   * How much a page uses a term, from 1 (most of all pages) down towards 0: search_th.py lists
   * each term's pages in order of use.
   * @param {Prepared} p @param {string} term @param {number} file
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
   * How well a (squeezed) title holds a form: the whole form counts 1 and more, else its parts.
   * @param {Prepared} p @param {string} title @param {string} form @param {string[]} fine
   */
  function titleHolds(p, title, form, fine) {
    const whole = titleScore(title, [form]);
    if (whole) return whole;
    let share = 0;
    for (const w of fine) if (w.length > 3 && title.includes(w)) share += w.length / form.length;
    return 0.8 * share;
  }

  /**
   * Search the loaded index.
   * @param {string} query
   * @param {SphinxIndex} [index]
   * @param {{exact?: boolean}} [options]  exact: search the words as typed, no corrections
   * @returns {Answer}
   */
  function search(query, index, options) {
    const p = prepare(index || sphinxSearch()._index);
    const u = understand(p, query, Boolean(options && options.exact));
    const { groups, cache } = u;
    const concepts = groups.flatMap((g) => g.concepts);
    const base = {
      words: u.words,
      concepts: concepts.map((c) => c.label),
      dropped: u.dropped,
      corrections: u.corrections,
      relaxed: u.relaxed,
    };
    if (!concepts.length) return { ...base, highlight: [], partial: false, results: [] };
    /** @type {Map<string, string[]>} */
    const fineOf = new Map();
    const matched = groups.map((g) => ({
      group: g,
      phrase: g.phrase ? pagesOf(p, cache, g.phrase) : null,
      concepts: g.concepts.map((c) => {
        const forms = c.forms.map((f) => {
          const squeezed = f.text.replace(/ /g, "");
          if (!fineOf.has(squeezed)) fineOf.set(squeezed, parts(p, squeezed));
          return { ...f, squeezed, fine: /** @type {string[]} */ (fineOf.get(squeezed)), ...pagesOf(p, cache, f.text) };
        });
        // Only the concept's own forms bring a page in; its parts (factor < 1) only rank it.
        return { concept: c, forms, bits: forms.reduce((acc, f) => (f.factor === 1 ? acc | f.bits : acc), none()) };
      }),
    }));
    const groupBits = matched.map((g) => g.concepts.reduce((acc, c) => acc | c.bits, g.phrase ? g.phrase.bits : none()));
    const every = groupBits.reduce((acc, b) => acc & b, p.all);
    const some = groupBits.reduce((acc, b) => acc | b, none());
    // Pages that hold something of every group; if none does, the pages holding most of it.
    const pages = every || some;
    const highlight = [
      ...new Set(concepts.flatMap((c) => [...c.forms.flatMap((f) => f.text.split(" ")), ...(c.from ? [] : [c.label])])),
    ];
    // The whole query is a glossary term (or an alias of one): its entry comes first.
    /** @type {Set<string>} */
    const whole = new Set();
    if (concepts.length === 1) {
      for (const f of concepts[0].forms) if (f.factor === 1) whole.add(f.text.replace(/ /g, ""));
    }
    const letters = groups.reduce((n, g) => n + g.label.length, 0);
    const joined = concepts.length === 1 ? concepts[0].forms[0].text.replace(/ /g, "") : groups.map((g) => g.label).join("");
    /** @type {Result[]} */
    const results = [];
    p.index.docnames.forEach((docname, file) => {
      const mask = bit(file);
      if (!(pages & mask)) return;
      let score = 0;
      let count = 0;
      let anchor = "";
      let section = "";
      let inTitle = 0;
      const sections = p.sections[file];
      // How much of the query each section title holds (summed over the concepts).
      const inSection = sections.map(() => 0);
      /** @type {Set<string>} */
      const forms = new Set();
      for (const g of matched) {
        const phrase = Boolean(g.phrase && g.phrase.bits & mask);
        let share = 0;
        for (const c of g.concepts) {
          let best = 0;
          let title = 0;
          const heads = sections.map(() => 0);
          for (const f of c.forms) {
            if (!(f.bits & mask)) continue;
            if (f.factor === 1) forms.add(f.squeezed);
            let s = 0;
            for (const m of f.found) {
              if (m.exact & mask) s += SCORE.exact + SCORE.use * use(p, m.word, file);
              else if (m.cover & mask) s += SCORE.cover;
              else s += SCORE.partial;
            }
            best = Math.max(best, (s / f.found.length) * f.factor);
            title = Math.max(title, titleHolds(p, p.titleText[file], f.squeezed, f.fine) * f.factor);
            sections.forEach(([text], i) => {
              heads[i] = Math.max(heads[i], titleHolds(p, text, f.squeezed, f.fine) * f.factor);
            });
          }
          const w = c.concept.weight;
          share += w * Math.max(...c.forms.map((f) => (f.bits & mask ? f.factor : 0)));
          score += w * best;
          inTitle += w * title;
          heads.forEach((h, i) => (inSection[i] += w * h));
        }
        if (phrase) score += SCORE.cover;
        count += phrase ? 1 : share;
      }
      score += SCORE.pageTitle * inTitle;
      let bestSection = 0;
      inSection.forEach((s, i) => {
        if (s > bestSection) [bestSection, anchor, section] = [s, sections[i][1], sections[i][2]];
      });
      score += SCORE.sectionTitle * bestSection;
      if (inTitle >= 0.99) [anchor, section] = ["", ""];
      // A glossary entry: the exact term first of all; else a term of the query, by its share.
      let entryShare = 0;
      for (const [entry, gfile, ganchor, shown] of p.glossary) {
        if (gfile !== file) continue;
        let share = 0;
        if (whole.has(entry)) share = SCORE.glossaryExact / SCORE.glossary;
        else if (forms.has(entry)) share = entry.length / Math.max(letters, entry.length);
        else if (entry.includes(joined)) share = joined.length / entry.length;
        if (share > entryShare) [entryShare, anchor, section] = [share, ganchor, shown];
      }
      score += SCORE.glossary * entryShare;
      results.push({ docname, title: htmlText(p.index.titles[file]), anchor, section, score, count, file });
    });
    // Most of the query first; a strong title or glossary match can pass a page that holds a
    // little more of it.
    /** @param {Result} r */
    const rank = (r) => SCORE.count * r.count + r.score;
    results.sort((a, b) => rank(b) - rank(a) || a.title.localeCompare(b.title, "th"));
    const partial = !results.length || results.every((r) => r.count < groups.length - 0.01);
    return { ...base, highlight, partial, results };
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
          /[0-9]/.test(c) ? `[${c}${thaiDigits(c)}]` : c.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"),
        );
        return chars.join(SHORT_CONSONANTS.test(w) ? "\\.?" : "");
      });
    return parts.length ? new RegExp(parts.join("|"), "giu") : null;
  }

  /**
   * The text a result's snippet comes from: the glossary entry (term and meaning) or the section
   * the result links to, else the page's main text.
   * @param {string} html @param {string} anchor
   */
  function mainText(html, anchor) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    // Code cells of the worked examples are not what a reader looks for.
    doc.querySelectorAll(".headerlink, script, style, nav, .prev-next-area, footer, .cell_input, pre")
      .forEach((el) => el.remove());
    // Blocks read as separate phrases, not run together.
    doc.querySelectorAll("p, li, div, td, th, dt, dd, h1, h2, h3, h4, h5, h6, label, caption, br")
      .forEach((el) => el.after(" "));
    const main = doc.querySelector("article") || doc.querySelector('[role="main"]') || doc.body;
    /** @type {Element[]} */
    let parts = [main];
    const target = anchor ? doc.getElementById(decodeURIComponent(anchor.slice(1))) : null;
    if (target && target.tagName === "DT") {
      parts = [target];
      for (let el = target.nextElementSibling; el && el.tagName !== "DT"; el = el.nextElementSibling) {
        parts.push(el);
      }
    } else if (target) parts = [target];
    return parts.map((el) => el.textContent || "").join(" ").replace(/\s+/g, " ").trim();
  }

  /**
   * Append `text` to `parent` with every match of `pattern` in a <mark>. A mark holds whole
   * letters: a vowel or tone mark written above or below the last letter goes in with it (else
   * the browser draws it apart, on a dotted circle), and nothing is added between the pieces,
   * so a marked part of a Thai word reads as the word (sop.css gives <mark> no padding here).
   * @param {HTMLElement} parent @param {string} text @param {RegExp | null} pattern
   */
  function appendMarked(parent, text, pattern) {
    let last = 0;
    if (pattern) {
      for (const m of text.matchAll(pattern)) {
        let at = m.index || 0;
        let end = at + m[0].length;
        while (at > last && COMBINING.test(text[at])) at--;
        while (end < text.length && COMBINING.test(text[end])) end++;
        if (end <= last) continue;
        at = Math.max(at, last);
        if (at > last) parent.append(text.slice(last, at));
        const mark = document.createElement("mark");
        mark.textContent = text.slice(at, end);
        parent.append(mark);
        last = end;
      }
    }
    if (last < text.length) parent.append(text.slice(last));
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

  /**
   * Keep the words to mark on the page a result opens (sphinx_highlight.js reads them), if the
   * browser lets the page store anything: blocked storage must not stop the search.
   * @param {string[]} words
   */
  function rememberHighlight(words) {
    try {
      // @ts-ignore: a global const of sphinx_highlight.js
      if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) {
        W.localStorage.setItem("sphinx_highlight_terms", words.join(" "));
      }
    } catch (_) {
      // Storage blocked or full: the result pages open without marks.
    }
  }

  /** @param {string} query @param {boolean} [exact] */
  function searchLink(query, exact) {
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    url.searchParams.set("q", query);
    if (exact) url.searchParams.set("exact", "1");
    return url.toString();
  }

  /** @param {string[]} words */
  const quote = (words) => words.map((w) => `“${shown(w)}”`).join(" ");

  /**
   * Links to the glossary and the four procedures, for a search that found nothing.
   * @param {SphinxIndex} index @param {any} opts
   */
  function suggestions(index, opts) {
    const box = document.createElement("div");
    box.className = "sop-search-suggestions";
    const intro = document.createElement("p");
    intro.textContent = say("search.suggest");
    const list = document.createElement("ul");
    index.docnames.forEach((docname, file) => {
      if (docname !== "glossary" && !docname.startsWith("procedures/")) return;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = docname + (opts.LINK_SUFFIX || ".html");
      a.textContent = htmlText(index.titles[file]);
      li.append(a);
      if (docname === "glossary") list.prepend(li);
      else list.append(li);
    });
    box.append(intro, list);
    return box;
  }

  /** @param {string} query */
  function show(query) {
    const S = sphinxSearch();
    const exact = new URL(window.location.href).searchParams.get("exact") === "1";
    const answer = search(query, undefined, { exact });
    const opts = docOptions();
    const root = document.documentElement.dataset.content_root || "";
    const pattern = highlighter(answer.highlight);
    S.stopPulse();
    const progress = document.getElementById("search-progress");
    if (progress) progress.textContent = "";
    S.title.textContent = say("search.title");
    const out = document.getElementById("search-results");
    if (out) out.querySelectorAll(".sop-search-instead, .sop-search-suggestions").forEach((el) => el.remove());
    const quoted = quote(answer.words);
    const n = shown(answer.results.length);
    const asked = quote(answer.concepts);
    const without = answer.dropped.length ? say("search.without", { words: quote([...new Set(answer.dropped)]) }) : "";
    const values = { typed: quoted, count: n, words: asked, without };
    if (!answer.words.length) {
      S.status.textContent = say("search.empty");
    } else if (!answer.results.length) {
      S.status.textContent = say("search.none", { words: quoted });
      S.status.after(suggestions(sphinxSearch()._index, opts));
    } else {
      S.status.textContent = say(answer.partial ? "search.partial" : answer.relaxed ? "search.relaxed" : "search.found", values);
    }
    S.status.setAttribute("role", "status");
    if (answer.corrections.length) {
      // "แสดงผลของ … แทน …", and a way back to the words as typed.
      const instead = document.createElement("p");
      instead.className = "sop-search-instead";
      const fixes = answer.corrections.map((c) => say("search.fix", { to: quote([c.to]), from: quote([c.from]) }));
      instead.append(say("search.instead", { fixes: fixes.join(say("search.fix.join")) }));
      const a = document.createElement("a");
      a.href = searchLink(query, true);
      a.textContent = say("search.as_typed", { words: quote(answer.corrections.map((c) => c.from)) });
      instead.append(a);
      S.status.after(instead);
    }
    // sphinx_highlight.js marks these words on the page a result opens (as Sphinx's own parser
    // arranges); Thai digits are added so that 15 also marks ๑๕.
    rememberHighlight(
      answer.highlight.flatMap((w) => {
        const thai = thaiDigits(w);
        return thai === w ? [w] : [w, thai];
      }),
    );
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
        .then((html) => appendMarked(p, snippet(mainText(html, r.anchor), pattern), pattern))
        .catch(() => p.remove());
    }
    list.dataset.done = "true";
  }

  W.SopSearchTh = {
    normalise,
    queryWords,
    search,
    /** @param {string} a @param {string} b */
    distance: (a, b) => distance(prepare(sphinxSearch()._index), a, b),
    /** @param {string} w */
    nearest: (w) => nearest(prepare(sphinxSearch()._index), w),
    /** @param {string} w */
    segment: (w) => segment(prepare(sphinxSearch()._index), normalise(w).trim(), false).map((s) => s.text),
    segmenter: Boolean(segmenter),
    _mark: appendMarked,
  };
  const S = sphinxSearch();
  if (S) S.query = show;
})();
