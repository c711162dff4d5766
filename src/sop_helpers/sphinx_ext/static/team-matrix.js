// @ts-check
/* The director's person x procedure table (as sop_helpers.team.team_matrix / matrix_table): one row
   per person (names matched by the shared person key), one cell per procedure with progress,
   levels, quiz score and "needs support" in the handbook's wording (sop_helpers.wording, the
   page's <script class="sop-wording"> through SopCore.say), details of each file on demand.
   A standard nobody answered reads "not assessed": never level 0, never "needs support"; a level
   whose next statement is blank reads "not fully answered" and is not flagged (team_states.py).
   One namespace: SopTeamMatrix.
   Elements the table is built with (named here so the build's CSS trimmer keeps their rules):
   table thead tbody tr th td caption details summary. */
(function () {
  "use strict";

  const core = /** @type {any} */ (window).SopCore;
  /** @param {string|number} s @returns {string} */
  const digits = (s) => core.digits(String(s));
  /** @param {string} key @param {Record<string, any>} [values] @returns {string} */
  const say = (key, values) => core.say(key, values);
  /** Whether anyone answered a section (its progress "d/t" is not "0/t"). @param {any} score @param {string} id */
  const assessed = (score, id) => !/^0\//.test(score.sections[id]);
  /** A level the blank statement above it may still raise (team_states.provisional). @param {any} e @param {string} id */
  const provisional = (e, id) => { const lv = e.score.levels[id]; return !!(lv && lv.next && typeof (e.answers || {})[lv.next] !== "boolean"); };

  /** The single standards: blank ones counted apart, never "not met" (team_states.met_lines). @param {any} e @param {Record<string, string>} numbers */
  function metLines(e, numbers) {
    const met = e.model.sections.filter((/** @type {any} */ x) => x.id in e.score.met);
    const answered = met.filter((/** @type {any} */ x) => e.score.met[x.id] !== null && e.score.met[x.id] !== undefined);
    const got = answered.filter((/** @type {any} */ x) => e.score.met[x.id] === true).length;
    if (!met.length) return [];
    if (!answered.length) return [say("level.standard.none", { number: met.map((/** @type {any} */ x) => numbers[x.id] || x.id).join(", ") })];
    if (answered.length < met.length) return [say("met.count.answered", { done: answered.length, total: met.length, met: got })];
    return [say("met.count", { met: got, total: met.length })];
  }

  /** Sections by their standard's number (as team.by_number); unnumbered after, in order. @param {any[]} sections @param {Record<string, string>} numbers */
  function byNumber(sections, numbers) {
    const n = (/** @type {any} */ x) => { const v = numbers[x.id]; return v === undefined ? Infinity : Number(core.arabicDigits(String(v))); };
    return sections.map((x, i) => ({ x, i })).sort((a, b) => n(a.x) - n(b.x) || a.i - b.i).map((o) => o.x);
  }

  /** @param {any} e @param {(row: any) => boolean|null} indicatorStatus */
  const reached = (e, indicatorStatus) => e.rows.map(indicatorStatus).filter((/** @type {any} */ x) => x).length;
  /** The indicators counted: a target or result in words counts neither way (targets.py). @param {any} e @param {(row: any) => boolean|null} indicatorStatus */
  const counted = (e, indicatorStatus) => e.rows.map(indicatorStatus).filter((/** @type {any} */ x) => x !== null).length;

  /** The score rules of a checklist's sections (kinds' metadata in the model). @param {any} model @param {string[]} rules */
  const scores = (model, rules) => model.sections.some((/** @type {any} */ s) => rules.includes(s.score));

  /**
   * The lines of one person's cell for one procedure (as team.Cell.lines), by the checklist's
   * metadata: its progress (unless a level, a met standard or a quiz says its result), its quiz
   * score, the indicators reached, each level, the standards met.
   * @param {any[]} entries @param {any} data @param {(row: any) => boolean|null} indicatorStatus
   */
  function lines(entries, data, indicatorStatus) {
    if (!entries.length) return [say("not.sent")];
    /** @type {string[]} */ const out = [];
    /** @type {string[]} */ const support = [];
    for (const e of entries) {
      const s = e.score, model = e.model, numbers = model.section_numbers || {};
      const [done, total] = String(s.progress).split("/").map(Number);
      if (!scores(model, ["level", "met", "quiz"])) out.push(say(model.progress_words, { done, total }));
      if (model.quiz && s.knowledge) {
        const quiz = e.quiz;
        if (quiz && !quiz.submitted) out.push(say("quiz.unsubmitted"));
        else {
          const score = quiz && quiz.score ? quiz.score : s.knowledge;
          out.push(say("quiz", { correct: score.correct, total: score.total }));
        }
        if (quiz && quiz.attempts) out.push(say("quiz.attempts", { attempts: quiz.attempts }));
      }
      if (scores(model, ["rows"]) && counted(e, indicatorStatus))
        out.push(say("indicators", { reached: reached(e, indicatorStatus), total: counted(e, indicatorStatus) }));
      // standards by their number (team.by_number); among levels a single standard is said in its place
      const sections = byNumber(model.sections, numbers);
      const mixed = Object.keys(s.levels).length > 0 && sections.some((/** @type {any} */ x) => x.id in s.met);
      for (const section of sections) {
        const lv = s.levels[section.id];
        const number = numbers[section.id] || section.id;
        if (mixed && section.id in s.met) {
          const v = s.met[section.id];
          out.push(say("met.standard", { number, state: say(v === true ? "met.true" : v === false ? "met.false" : "met.none") }));
        } else if (lv) out.push(!assessed(s, section.id) ? say("level.standard.none", { number })
          : say(provisional(e, section.id) ? "level.standard.partial" : "level.standard", { number, level: lv.level, max: lv.max }));
      }
      if (!mixed) out.push(...metLines(e, numbers));
      for (const section of sections) {
        const lv = s.levels[section.id];
        if ((lv && lv.level < data.support_level && assessed(s, section.id) && !provisional(e, section.id)) || s.met[section.id] === false)
          support.push(numbers[section.id] || section.id);
      }
    }
    if (support.length) out.push(say("support.standards", { numbers: support.join(", ") }));
    return out;
  }

  /** "21 พ.ย. 69": the day in Thailand (+07:00) of an ISO time, whatever offset it was written in (team.thai_day). @param {string} iso */
  function shortDate(iso) {
    return /** @type {any} */ (window).sop.date(new Date(iso), "brief", "Asia/Bangkok");
  }

  /**
   * People (one per key), each with a cell per procedure, sorted by key (no honorific).
   * @param {any[]} kept @param {any} data @param {(name: string) => string} key
   */
  function people(kept, data, key) {
    /** @type {Map<string, any[]>} */ const byKey = new Map();
    for (const e of kept) {
      const k = key(e.name);
      if (!byKey.has(k)) byKey.set(k, []);
      /** @type {any[]} */ (byKey.get(k)).push(e);
    }
    const cmp = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);
    return [...byKey.entries()].map(([k, mine]) => {
      const newest = mine.reduce((a, b) => ((b.at ?? b.updated) > (a.at ?? a.updated) ? b : a));
      const cells = data.procedures.map((/** @type {any} */ p) => mine
        .filter((e) => e.model.procedure === p.id)
        .sort((a, b) => a.model.order - b.model.order || cmp(a.model.id, b.model.id)));
      return { key: k, name: newest.name, position: newest.position, updated: newest.updated, entries: mine, cells };
    }).sort((a, b) => cmp(a.key, b.key) || cmp(a.name, b.name));
  }

  /** The plain table (heading -> lines), as team.matrix_table. @param {any[]} folks @param {any} data @param {any} indicatorStatus */
  function table(folks, data, indicatorStatus) {
    return folks.map((p) => {
      /** @type {Record<string, string[]>} */ const row = { [say("team.name")]: [p.name, ...(p.position ? [p.position] : [])] };
      data.procedures.forEach((/** @type {any} */ proc, /** @type {number} */ i) => {
        row[proc.short_title] = lines(p.cells[i], data, indicatorStatus);
      });
      row[say("team.sent")] = [shortDate(p.updated)];
      return row;
    });
  }

  /** A new element with its class and text (sop.js). @type {(tag: string, cls?: string, text?: string) => HTMLElement} */
  const el = /** @type {any} */ (window).sop.el;

  /**
   * The matrix as an HTML table in a box that never scrolls sideways; cards on a phone.
   * @param {any[]} folks @param {any} data @param {any} indicatorStatus
   */
  function render(folks, data, indicatorStatus) {
    const rows = table(folks, data, indicatorStatus);
    const heads = [say("team.name"), ...data.procedures.map((/** @type {any} */ p) => p.short_title), say("team.sent")];
    const t = el("table", "table sop-team-matrix");
    /** @type {HTMLTableElement} */ (t).createCaption().textContent = say("team.caption");
    const head = /** @type {HTMLTableElement} */ (t).createTHead().insertRow();
    heads.forEach((h) => { const th = el("th", "", h); th.setAttribute("scope", "col"); head.append(th); });
    const body = /** @type {HTMLTableElement} */ (t).createTBody();
    rows.forEach((row, n) => {
      const tr = body.insertRow();
      heads.forEach((h, i) => {
        const cell = i === 0 ? el("th") : el("td");
        if (i === 0) cell.setAttribute("scope", "row");
        cell.dataset.label = h;
        // shown in the site's digit style; `rows` (the CSV, team.matrix_table) keep the plain text
        row[h].forEach((line) => cell.append(el("span", "sop-team-line", digits(line))));
        if (row[h].some((line) => line.startsWith(say("support")))) cell.classList.add("sop-team-support");
        if (i === 0) cell.append(details(folks[n]));
        tr.append(cell);
      });
    });
    const box = el("div", "sop-team-box");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", say("team.box"));
    box.tabIndex = 0;
    box.append(t);
    return { box, rows, heads };
  }

  /** Details on demand: each file of the person, its date and its state. @param {any} person */
  function details(person) {
    const d = el("details", "sop-team-details");
    d.append(el("summary", "", say("team.details", { count: person.entries.length })));
    const list = el("ul");
    for (const e of person.entries) {
      const [done, total] = String(e.score.progress).split("/").map(Number);
      list.append(el("li", "", say("team.detail", { title: e.model.title, progress: say("answered", { done, total }),
        file: e.file, date: digits(shortDate(e.updated)) })));
    }
    d.append(list);
    return d;
  }

  /** @type {any} */ (window).SopTeamMatrix = { people, table, render, lines, shortDate };
})();
