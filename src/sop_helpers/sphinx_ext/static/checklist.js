// @ts-check
// Self-check checklists: scoring (as sop_helpers.scoring); answers kept in the browser without
// loss (checked one by one, merged across tabs, every storage call guarded); import and export by
// the results contract (SopCore, as sop_helpers.results); print; "my progress".
// Needs sop-core.js (loaded first). One namespace: SopChecklist.
(() => {
  "use strict";

  // Behaviour comes with the model (sop_helpers.checklists.kinds), never from a kind's name: each
  // item's answer_type (tick | yes-no | choice | rows) and yes/no words, each section's score rule
  // (progress | level | met | quiz | rows), the checklist's quiz flag and progress wording.
  /** @typedef {"tick"|"yes-no"|"choice"|"rows"} AnswerType */
  /** @typedef {{id: string, answer_type: AnswerType, number: string, hash: string, text: string, yes?: string, no?: string, level?: number, multiple?: boolean, answer?: string[], options?: string[]}} Item */
  /** @typedef {{id: string, score: string, items: Item[]}} Section */
  /** @typedef {{id: string, version: number, quiz: boolean, progress_words: string, title: string, min_rows: number, sections: Section[]}} Model */
  /** @typedef {Object<string, any>} Answers */
  /** @typedef {{value: any, hash: string, at?: string|null}} Answer */
  /** @typedef {{name: string, position: string}} Person */
  /** @typedef {{ok: true, kept: Object<string, Answer>, dropped: string[], bad: {id: string, message: string}[], version: number, notes: string[], file: any} | {ok: false, key: string, place: string, message: string}} Read */

  const core = /** @type {any} */ (window).SopCore;
  const sop = /** @type {any} */ (window).sop; // the page rules: dates, B.E. years
  // numbers in the site's digits; every Thai text from the handbook's one wording table
  const { digits: thai, storage, say: words } = core;
  const COLUMNS = ["indicator", "target", "evidence", "result"];
  const KEY = "sop-checklist:";
  const PKEY = "sop-checklist-progress:";
  const PERSON = "sop-person"; // one person for the whole site
  /** Answered (for progress), by answer type. @type {Record<AnswerType, (v: any) => boolean>} */
  const ANSWERED = { tick: (v) => v === true, "yes-no": (v) => typeof v === "boolean", choice: (v) => chosen(v).size > 0, rows: () => false };

  /** @param {ParentNode} root @param {string} sel @returns {any[]} */
  const all = (root, sel) => Array.from(root.querySelectorAll(sel));
  /** @param {ParentNode} root @param {string} sel @returns {any} */
  const one = (root, sel) => root.querySelector(sel);

  /** @param {any} v @returns {Set<string>} */
  const chosen = (v) =>
    new Set(typeof v === "string" ? (v ? [v] : []) : Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

  /** @param {any} row */
  const completeRow = (row) =>
    !!row && typeof row === "object" && COLUMNS.every((k) => typeof row[k] === "string" && row[k].trim() !== "");

  /** @param {Item} it @param {any} v */
  const answered = (it, v) => ANSWERED[it.answer_type](v);
  /** The rows of a rows-scored section. @param {Section} s @param {Answers} answers @returns {any[]} */
  const rowsOf = (s, answers) => (Array.isArray(answers[s.items[0].id]) ? answers[s.items[0].id] : []);

  /** @param {Set<string>} a @param {Set<string>} b */
  const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

  /**
   * Score answers (item id -> value); the result has the shape of Score.to_json() in Python.
   * @param {Model} model @param {Answers} answers
   */
  function score(model, answers) {
    /** @type {Answers} */ const sections = {};
    /** @type {Answers} */ const levels = {};
    /** @type {Answers} */ const met = {};
    /** @type {Answers} */ const questions = {};
    let done = 0, total = 0;
    for (const s of model.sections) {
      let d = 0, t = s.items.length;
      if (s.score === "rows") {
        const rows = rowsOf(s, answers);
        d = rows.filter(completeRow).length;
        t = Math.max(model.min_rows, rows.length);
      } else d = s.items.filter((it) => answered(it, answers[it.id])).length;
      sections[s.id] = d + "/" + t;
      done += d;
      total += t;
      if (s.score === "level") {
        let k = 0;
        while (k < s.items.length && answers[s.items[k].id] === true) k++;
        levels[s.id] = { level: k, max: s.items.length, next: k < s.items.length ? s.items[k].id : null };
      } else if (s.score === "met") {
        const v = answers[s.items[0].id];
        met[s.id] = typeof v === "boolean" ? v : null;
      } else if (s.score === "quiz") {
        for (const it of s.items) {
          const picked = chosen(answers[it.id]);
          questions[it.id] = picked.size ? sameSet(picked, new Set(it.answer)) : null;
        }
      }
    }
    const qs = Object.values(questions);
    const knowledge = !model.quiz ? null : {
      correct: qs.filter((q) => q === true).length,
      answered: qs.filter((q) => q !== null).length,
      total: qs.length,
      questions,
    };
    return { progress: done + "/" + total, sections, levels, met, knowledge };
  }

  /** JSON data the page carries (an empty object when missing). @param {string} sel @returns {Object<string, any>} */
  const pageData = (sel) => { try { return JSON.parse(one(document, sel).textContent); } catch (_) { return {}; } };

  /** @param {Model} model @returns {Object<string, Item>} */
  const itemMap = (model) => Object.fromEntries(model.sections.flatMap((s) => s.items).map((it) => [it.id, it]));

  // ------------------------------------------------------------------- reading results

  /** Whether a value fits its item, as sop_helpers.results._valid_value. @param {Item} it @param {any} v */
  function validValue(it, v) {
    if (v === null) return true;
    if (it.answer_type === "tick" || it.answer_type === "yes-no") return typeof v === "boolean";
    if (it.answer_type === "rows") return Array.isArray(v) && v.every((r) => r && typeof r === "object" && !Array.isArray(r));
    const ids = it.options || [];
    const picked = typeof v === "string" ? [v] : v;
    return Array.isArray(picked) && (it.multiple || picked.length <= 1) && picked.every((x) => ids.includes(x));
  }

  /**
   * Read a results file (or a bundle holding this checklist) for `model`, as
   * sop_helpers.results.parse_results: the contract first, then each answer whose item id exists
   * with an unchanged hash is kept, the others are dropped. Nothing is thrown.
   * @param {any} data @param {Model} model @returns {Read}
   */
  function read(data, model) {
    const checked = core.contract.checkFile(data);
    if (!checked.ok) return checked;
    const file = checked.files.find((/** @type {any} */ f) => f.checklist.id === model.id) ||
      (checked.shape === "results" ? checked.files[0] : null);
    if (!file) return { ok: false, key: "other_checklist", place: "/results", message: words("import.not_in_bundle", { title: model.title }) };
    if (file.checklist.id !== model.id) {
      // both named by their Thai titles (the page's <script class="sop-cl-titles">), as results.migrate
      const found = file.checklist.id, titles = pageData("script.sop-cl-titles");
      const f = { key: "other_checklist", place: "/checklist/id", params: { found: titles[found] || found, expected: model.title } };
      return { ok: false, key: f.key, place: f.place, message: core.contract.message(f) };
    }
    const items = itemMap(model);
    /** @type {Object<string, Answer>} */ const kept = {};
    /** @type {string[]} */ const dropped = [];
    for (const [id, a] of Object.entries(file.answers || {})) {
      const it = items[id];
      if (!it || it.hash !== a.hash) dropped.push(id);
      else if (!validValue(it, a.value)) {
        const f = { key: "value_kind", place: "/answers/" + id + "/value", params: { found: id } };
        return { ok: false, key: f.key, place: f.place, message: core.contract.message(f) };
      } else kept[id] = a;
    }
    return { ok: true, kept, dropped, bad: [], version: file.checklist.version, notes: checked.notes, file };
  }

  /**
   * Read what this browser saved: like `read`, but one bad answer never costs the others. When the
   * whole does not pass, each answer is tried on its own in a sound envelope; the bad ones are
   * named (the raw saved text stays in a backup, see SopCore.storage).
   * @param {any} data @param {Model} model @returns {Read}
   */
  function readSaved(data, model) {
    const whole = read(data, model);
    if (whole.ok || !data || typeof data !== "object" || Array.isArray(data)) return whole;
    const now = new Date().toISOString();
    const ok = (/** @type {any} */ probe) => core.contract.checkFile(probe).ok;
    const env = { format: "sop-checklist-results", format_version: core.contract.version(),
      checklist: { id: model.id, version: model.version }, created: now, updated: now, answers: {} };
    const version = data.checklist && data.checklist.version;
    if (ok({ ...env, checklist: { id: model.id, version } })) env.checklist.version = version;
    if (ok({ ...env, created: data.created })) env.created = data.created;
    const answers = data.answers && typeof data.answers === "object" && !Array.isArray(data.answers) ? data.answers : {};
    /** @type {Object<string, Answer>} */ const kept = {};
    /** @type {string[]} */ const dropped = [];
    /** @type {{id: string, message: string}[]} */ const bad = [];
    for (const [id, a] of Object.entries(answers)) {
      const one = read({ ...env, answers: { [id]: a } }, model);
      if (one.ok) { Object.assign(kept, one.kept); dropped.push(...one.dropped); }
      else bad.push({ id, message: one.message });
    }
    return { ok: true, kept, dropped, bad, version: env.checklist.version, notes: [], file: { ...env, person: data.person } };
  }

  /** @param {Answer|undefined} a */
  const timeOf = (a) => (a && a.at ? core.contract.instant(a.at) : -Infinity);

  /**
   * Two saved states of one checklist as one: for each item the answer given last wins (by the
   * time it was given; a cleared answer is kept as value null with its time). The same on every
   * tab, so tabs that merge each other's saves agree.
   * @param {Object<string, Answer>} a @param {Object<string, Answer>} b
   */
  function merge(a, b) {
    /** @type {Object<string, Answer>} */ const out = {};
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[id], y = b[id];
      if (!x || !y) { out[id] = /** @type {Answer} */ (x || y); continue; }
      const tx = timeOf(x), ty = timeOf(y);
      out[id] = tx !== ty ? (tx > ty ? x : y) : JSON.stringify(x) >= JSON.stringify(y) ? x : y;
    }
    return out;
  }

  /** @param {Object<string, Answer>} a @param {Object<string, Answer>} b */
  const sameAnswers = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

  // ------------------------------------------------------------------- display helpers

  /** @param {Date} d */
  const thaiDate = (d) => sop.date(d);

  /** @param {any} v */
  const trim = (v) => (typeof v === "string" ? v.trim() : "");
  /** @param {any} p @returns {Person} */
  const cleanPerson = (p) => ({ name: trim(p?.name), position: trim(p?.position) });
  /** @type {((p: Person) => void)[]} */
  const personViews = [];
  function sitePerson() {
    const p = cleanPerson(storage.load(PERSON).value);
    return p.name || p.position ? p : null;
  }
  /** Save the site's person, show it in the other forms (answers untouched). @param {Person} p @param {any} [except] */
  function storePerson(p, except) {
    storage.save(PERSON, p); // blocked or full: the page still follows, the answers say so
    for (const view of personViews) if (view !== except) view(p);
  }

  /** A file-name part: the text as typed, Thai kept, unsafe characters dropped, spaces as "-". @param {string} text */
  const namePart = (text) => core.normalizeText(String(text)).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").replace(/ /g, "-");
  /** Today as B.E. "2569-12-01" (file names keep Arabic digits). */
  function beToday() {
    const d = new Date();
    return sop.beYear(d) + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  /** "<stem>_<person>_<date>.<ext>", e.g. แผนปฏิบัติการ-มาตรฐาน_สมหญิง-ใจดี_2569-12-01.json; an
   * empty part is left out. The one naming rule of the downloads (sop_helpers.names.file_name;
   * team.js names its CSV with it too). @param {string} stem @param {string} name @param {string} ext */
  const fileName = (stem, name, ext) => [namePart(stem), namePart(name)].filter(Boolean).concat(beToday()).join("_") + "." + ext;

  // ------------------------------------------------------------------- one form

  /** @param {HTMLFormElement} form */
  function setup(form) {
    /** @type {Model} */ const model = JSON.parse(one(form, "script.sop-cl-model").textContent);
    const items = itemMap(model);
    /** Items named as the page shows them ("๑. <text>"), removed ones counted (results.read.item_names). @param {string[]} ids */
    const itemNames = (ids) => {
      const gone = ids.filter((id) => !items[id]).length;
      return [...ids.filter((id) => items[id]).map((id) => words("item.named", { number: items[id].number, text: items[id].text })),
        ...(gone ? [words("item.gone", { count: gone })] : [])];
    };
    const rowItems = Object.keys(items).filter((id) => items[id].answer_type === "rows");
    const key = KEY + model.id;
    const messages = one(form, ".sop-cl-messages");
    const rowsBody = one(form, "table.sop-cl-rows tbody");
    const template = one(form, "template.sop-cl-row-template");
    let created = new Date().toISOString();
    // A knowledge check is submitted ("ส่งคำตอบ"): then locked and its key shown; "ทำใหม่" starts again.
    const isQuiz = model.quiz;
    /** @type {{submitted: boolean, attempts: number, score: {correct: number, total: number}|null}} */
    let quiz = { submitted: false, attempts: 0, score: null };
    /** When each answer was last given or cleared here or in another tab (ms). @type {Object<string, number>} */
    let times = {};

    /** Replace the message (live region by the tools). @param {string} text */
    const say = (text) => {
      const p = document.createElement("p");
      p.textContent = text;
      messages.replaceChildren(p);
    };
    /** @param {string} id */
    const inputs = (id) => all(form, `input[data-item-id="${id}"]`);
    const addRow = () => rowsBody.appendChild(template.content.firstElementChild.cloneNode(true));

    function readAnswers() {
      /** @type {Answers} */ const answers = {};
      for (const it of Object.values(items)) {
        if (it.answer_type === "rows") {
          const rows = all(rowsBody, "tr").map((tr) =>
            Object.fromEntries(all(tr, "input[data-column]").map((i) => [i.dataset.column, i.value])));
          if (rows.length) answers[it.id] = rows;
          continue;
        }
        const picked = inputs(it.id).filter((i) => i.checked).map((i) => i.value);
        if (!picked.length) continue;
        answers[it.id] = it.answer_type === "tick" ? true : it.answer_type === "yes-no" ? picked[0] === "true"
          : it.multiple ? picked : picked[0];
      }
      return answers;
    }

    /** @param {Answers} answers */
    function writeAnswers(answers) {
      for (const it of Object.values(items)) {
        const v = answers[it.id];
        if (it.answer_type === "rows") {
          const rows = Array.isArray(v) ? v : [];
          if (JSON.stringify(rows) === JSON.stringify(readAnswers()[it.id] || [])) continue; // keep focus while typing
          rowsBody.textContent = "";
          for (const r of rows)
            for (const i of all(addRow(), "input[data-column]")) i.value = r[i.dataset.column] || "";
          continue;
        }
        const picked = chosen(v);
        for (const i of inputs(it.id))
          i.checked = it.answer_type === "choice" ? picked.has(i.value) : it.answer_type === "tick" ? v === true
            : typeof v === "boolean" && i.value === String(v);
      }
    }

    const personInputs = all(form, "input[data-person]");
    const person = () => cleanPerson(Object.fromEntries(personInputs.map((i) => [i.dataset.person, i.value])));
    /** @param {Person} p */
    const setPerson = (p) => personInputs.forEach((i) => (i.value = /** @type {any} */ (p)[i.dataset.person]));
    personViews.push(setPerson);

    /** The form's answers with their hashes; `cleared` adds value null for answers taken back. */
    function currentAnswers(cleared = true) {
      const answers = readAnswers();
      /** @type {Object<string, Answer>} */ const out = {};
      for (const it of Object.values(items)) {
        const v = answers[it.id], t = times[it.id];
        const at = t === undefined ? undefined : new Date(t).toISOString();
        if (v !== undefined) out[it.id] = at ? { value: v, hash: it.hash, at } : { value: v, hash: it.hash };
        else if (cleared && at) out[it.id] = { value: null, hash: it.hash, at };
      }
      return out;
    }

    /** @param {Object<string, Answer>} answers */
    function results(answers = currentAnswers(false)) {
      return {
        format: "sop-checklist-results", format_version: core.contract.version(),
        checklist: { id: model.id, version: model.version },
        person: person(), created, updated: new Date().toISOString(), answers,
        ...(isQuiz ? { quiz: { ...quiz } } : {}),
      };
    }

    /** The quiz's own buttons (made here: without JavaScript the key is simply open). */
    const quizBar = isQuiz ? document.createElement("p") : null;
    if (quizBar) {
      quizBar.className = "sop-cl-quiz";
      quizBar.innerHTML = '<button type="button" data-action="quiz-submit"></button> ' +
        '<button type="button" data-action="quiz-retry"></button> <output class="sop-cl-quiz-state" aria-live="polite"></output>';
      one(quizBar, '[data-action="quiz-submit"]').textContent = words("quiz.submit");
      one(quizBar, '[data-action="quiz-retry"]').textContent = words("quiz.retry");
      one(form, ".sop-cl-progress").before(quizBar);
    }
    /** Lock or unlock the questions as the quiz state says. */
    function lockQuiz() {
      if (!quizBar) return;
      form.dataset.quizSubmitted = String(quiz.submitted);
      for (const it of Object.values(items)) for (const i of inputs(it.id)) i.disabled = quiz.submitted;
      one(quizBar, '[data-action="quiz-submit"]').hidden = quiz.submitted;
      one(quizBar, '[data-action="quiz-retry"]').hidden = !quiz.submitted;
      one(quizBar, "output").textContent = quiz.submitted && quiz.score
        ? words("quiz.state", { score: words("quiz", quiz.score), attempts: quiz.attempts })
        : words(quiz.attempts ? "quiz.unsubmitted.again" : "quiz.unsubmitted", { attempts: quiz.attempts });
    }
    /** @param {any} q */
    const takeQuiz = (q) => {
      if (!isQuiz || !q || typeof q !== "object") return;
      quiz = { submitted: q.submitted === true, attempts: Number(q.attempts) || 0,
        score: q.score && typeof q.score.correct === "number" ? { correct: q.score.correct, total: q.score.total } : null };
    };

    /** Show saved answers (null: cleared) and remember their times. @param {Object<string, Answer>} answers */
    function show(answers) {
      /** @type {Answers} */ const values = {};
      times = {};
      for (const [id, a] of Object.entries(answers)) {
        if (a.value !== null) values[id] = a.value;
        if (a.at) times[id] = core.contract.instant(a.at);
      }
      writeAnswers(values);
    }

    /** @param {string} sel @param {string} attr @param {string} value @param {string} text */
    const put = (sel, attr, value, text) => {
      const el = one(form, sel);
      if (!el) return;
      if (attr) el.setAttribute(attr, value);
      el.textContent = text;
    };

    function update() {
      const r = score(model, readAnswers());
      const [done, total] = r.progress.split("/").map(Number);
      put("output[data-progress]", "data-progress", r.progress, words(model.progress_words, { done, total }));
      for (const [id, p] of Object.entries(r.sections)) put(`output[data-section-progress="${id}"]`, "", "", thai(p));
      for (const [id, lv] of Object.entries(r.levels)) {
        put(`output[data-level-for="${id}"]`, "data-level", String(lv.level), thai(lv.level));
        put(`[data-next-for="${id}"]`, "", "", lv.next
          ? words("level.next", { level: lv.level + 1, text: items[lv.next].text }) : words("level.top"));
      }
      for (const s of model.sections) if (s.id in r.met) {
        const m = r.met[s.id], it = s.items[0];
        put(`output[data-met-for="${s.id}"]`, "data-met", String(m ?? ""), m === null ? words("met.none") : m ? it.yes || "" : it.no || "");
      }
      const k = r.knowledge;
      if (k) {
        // No score before "ส่งคำตอบ" (the page says scores show only after sending).
        put("output[data-knowledge]", "data-knowledge", quiz.submitted ? k.correct + "/" + k.total : "",
          quiz.submitted ? words("quiz", { correct: k.correct, total: k.total }) : words("quiz.unsubmitted"));
        for (const [id, q] of Object.entries(k.questions)) {
          // Nothing is given away before "ส่งคำตอบ": no right/wrong, no key.
          put(`[data-feedback-for="${id}"]`, "data-correct", quiz.submitted ? String(q ?? "false") : "",
            !quiz.submitted ? "" : q ? words("question.right") : words("question.wrong") + " " + words("question.see"));
          const details = one(form, `details[data-answer-for="${id}"]`);
          if (details.hidden && quiz.submitted) details.open = true;
          details.hidden = !quiz.submitted;
        }
      }
      return r;
    }

    /**
     * Save without losing another tab's answers: what is stored now is merged with this form
     * first (each answer by its time), then written; a failure is said, the form keeps its state.
     */
    function save() {
      let answers = currentAnswers();
      const stored = storage.load(key);
      if (stored.value) {
        const theirs = readSaved(stored.value, model);
        if (theirs.ok) {
          const merged = merge(theirs.kept, answers);
          if (!sameAnswers(merged, answers)) show(merged);
          answers = merged;
        }
      }
      write(answers);
    }

    /** @param {Object<string, Answer>} answers */
    function write(answers) {
      const r = update();
      const problem = storage.save(key, results(answers)) ||
        storage.save(PKEY + model.id, { progress: r.progress, levels: r.levels, met: r.met, sections: r.sections,
          version: model.version, updated: new Date().toISOString() });
      if (problem) say(problem.message);
    }

    /** Local change of some items: they were answered (or cleared) now. @param {string[]} ids */
    function changed(ids) {
      const now = Date.now();
      for (const id of ids) times[id] = now;
      save();
    }

    /**
     * Use what was read (saved or imported). A file replaces every answer: its answers, and every
     * other item cleared, all as of now, so that other tabs follow.
     * @param {Read & {ok: true}} m @param {boolean} fromFile
     */
    function use(m, fromFile) {
      const data = m.file;
      if (data.created) created = String(data.created);
      takeQuiz(data.quiz);
      if (fromFile) {
        const now = new Date().toISOString();
        /** @type {Object<string, Answer>} */ const all = {};
        for (const it of Object.values(items))
          all[it.id] = m.kept[it.id] ? { ...m.kept[it.id], at: now } : { value: null, hash: it.hash, at: now };
        show(all);
      } else show(m.kept);
      // A person only where none is: a file never renames the page's (see importFile).
      const filed = cleanPerson(data.person);
      if ((fromFile ? !person().name : !sitePerson()) && (filed.name || filed.position)) storePerson(filed);
      const old = m.dropped.length || m.version !== model.version;
      const parts = [];
      if (fromFile) parts.push(words("import.done"));
      // The version sentence only when the version differs; items by number and text (results.read.item_names).
      if (m.version !== model.version) parts.push(words(fromFile ? "version.file" : "version.saved", { version: model.version, old: m.version }));
      if (old) parts.push(m.dropped.length ? words("version.dropped", { items: core.shortList(itemNames(m.dropped)) }) : words("version.kept"));
      if (m.bad.length) parts.push(words("saved.bad", { items: core.shortList(itemNames(m.bad.map((b) => b.id))) }));
      if (parts.length) say(parts.join(" "));
      if (fromFile || old || m.bad.length) save(); else update();
      lockQuiz();
    }

    function submitQuiz() {
      const k = score(model, readAnswers()).knowledge;
      if (!k) return;
      const left = k.total - k.answered;
      if (left && !confirm(words("quiz.confirm", { left }))) return;
      quiz = { submitted: true, attempts: quiz.attempts + 1, score: { correct: k.correct, total: k.total } };
      save();
      lockQuiz();
      say(words("quiz.sent", { score: words("quiz", k), left: left ? words("quiz.sent.left", { left }) : "" }));
    }

    function retryQuiz() {
      const last = quiz.score;
      if (last && !confirm(words("quiz.confirm.retry", { score: words("quiz", last) }))) return;
      quiz = { submitted: false, attempts: quiz.attempts, score: null };
      lockQuiz();
      writeAnswers({});
      changed(Object.keys(items));
      say(words("quiz.restarted"));
    }

    function exportJson() {
      const r = results();
      if (!r.person.name || !r.person.position) {
        say(words("export.person"));
        personInputs.find((i) => !i.value.trim())?.focus();
        return;
      }
      core.download(fileName(form.dataset.fileStem || model.id, r.person.name, "json"), "application/json",
        JSON.stringify(r, null, 2) + "\n");
    }

    function exportCsv() {
      const answers = readAnswers();
      const r = score(model, answers);
      const p = person();
      if (!p.name || !p.position) { // a file the director receives names its person, as JSON
        say(words("export.person"));
        personInputs.find((i) => !i.value.trim())?.focus();
        return;
      }
      // The form's own words for each answer (the item's yes/no, sop_helpers.wording), never ใช่/ไม่ใช่.
      /** @type {unknown[][]} */ const lines = [["csv.id", "csv.item", "csv.result"].map((k) => words(k)), ["", words("csv.person"), p.name], ["", words("csv.position"), p.position]];
      for (const it of Object.values(items)) {
        const v = answers[it.id];
        if (it.answer_type === "rows")
          (v || []).forEach((/** @type {any} */ row, /** @type {number} */ n) =>
            lines.push([words("csv.row", { n: String(n + 1) }), row.indicator + " / " + row.target, row.evidence + " / " + row.result]));
        else lines.push([it.id, it.text, it.yes !== undefined ? (v === true ? it.yes : v === false || it.answer_type === "tick" ? it.no : "")
          : [...chosen(v)].map((x) => words("option.letters")[(it.options || []).indexOf(x)] || x).join(" ")]);
      }
      for (const [id, lv] of Object.entries(r.levels)) lines.push([id, words("csv.level"), lv.level]);
      // Numbers as numbers, never "3/7" (which Excel reads as a date).
      const [done, total] = r.progress.split("/").map(Number);
      lines.push(["", words("csv.done"), done], ["", words("csv.total"), total]);
      core.download(fileName(form.dataset.fileStem || model.id, p.name, "csv"), "text/csv;charset=utf-8", core.csvText(lines));
    }

    /** @param {HTMLInputElement} input */
    async function importFile(input) {
      const file = input.files && input.files[0];
      if (!file) return;
      input.value = "";
      // a CSV export is for Excel, said plainly; a file that is no JSON, too (results.read.read_json)
      const got = core.contract.readJson(file.name, await file.text().catch(() => ""));
      /** @type {Read} */ const m = got.ok ? read(got.data, model) : { ok: false, key: "not_json", place: "", message: got.message };
      if (!m.ok) { say(words("import.failed", { file: file.name, message: m.message })); return; }
      // Another person's file (person key) on a page with a name: the confirm names both.
      const mine = person().name, theirs = cleanPerson(m.file.person).name;
      if (confirm(words(mine && theirs && core.personKey(mine) !== core.personKey(theirs) ? "import.confirm.other" : "import.confirm",
        { file: file.name, theirs, mine, switch: words("mine.switch") }))) use(m, true);
    }

    function reset() {
      // Storage blocked or not, the form is cleared; what could not be removed is said.
      const problem = storage.remove(key) || storage.remove(PKEY + model.id);
      times = {};
      writeAnswers({});
      update();
      say(problem ? words("reset.failed", { message: problem.message }) : words("reset.done"));
    }

    /** Another tab saved this checklist: merge (nothing of either tab is lost), or follow its reset. */
    function fromOtherTab(/** @type {StorageEvent} */ e) {
      if (e.key !== key && e.key !== null) return;
      if (e.newValue === null) {
        times = {};
        writeAnswers({});
        update();
        say(words("reset.other_tab"));
        return;
      }
      let data;
      try { data = JSON.parse(e.newValue); } catch (_) { return; }
      const theirs = readSaved(data, model);
      if (!theirs.ok) return;
      if (isQuiz && data.quiz) { takeQuiz(data.quiz); lockQuiz(); }
      const mine = currentAnswers();
      const merged = merge(theirs.kept, mine);
      if (!sameAnswers(merged, mine)) show(merged);
      if (sameAnswers(merged, theirs.kept)) update();
      else write(merged); // this tab held answers the other had not seen
    }

    const setDate = () => all(form, "output[data-date]").forEach((o) => (o.textContent = thaiDate(new Date())));

    /** @param {HTMLInputElement} t */
    const itemsOf = (t) => (t.dataset.column !== undefined ? rowItems : t.dataset.itemId ? [t.dataset.itemId] : []);

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("change", (e) => {
      const t = /** @type {HTMLInputElement} */ (e.target);
      if (t.dataset.action === "import") importFile(t);
      else if (!t.dataset.person) changed(itemsOf(t));
    });
    form.addEventListener("input", (e) => {
      const t = /** @type {HTMLInputElement} */ (e.target);
      if (t.dataset.person) {
        storePerson(person(), setPerson);
        save();
      } else if (t.type === "text") changed(itemsOf(t));
    });
    form.addEventListener("click", (e) => {
      const t = /** @type {HTMLElement} */ (e.target);
      const action = t.dataset.action;
      if (t.classList.contains("sop-cl-add-row")) {
        addRow().querySelector("input").focus();
        changed(rowItems);
      } else if (t.classList.contains("sop-cl-remove-row")) {
        t.closest("tr")?.remove();
        changed(rowItems);
      } else if (action === "export-json") exportJson();
      else if (action === "export-csv") exportCsv();
      else if (action === "quiz-submit") submitQuiz();
      else if (action === "quiz-retry") retryQuiz();
      else if (action === "print" && !e.defaultPrevented) { // print-form.js printed it already
        setDate();
        document.body.classList.add("sop-cl-printing");
        form.classList.add("sop-cl-print-this");
        print();
      } else if (action === "reset" && confirm(words("reset.confirm"))) reset();
    });
    addEventListener("afterprint", () => {
      document.body.classList.remove("sop-cl-printing");
      form.classList.remove("sop-cl-print-this");
    });
    addEventListener("storage", fromOtherTab);

    setDate();
    for (const d of all(form, "details[data-answer-for]")) d.hidden = true;
    const saved = storage.load(key);
    if (saved.problem) {
      say(saved.problem.message);
      update();
    } else if (saved.value) {
      const m = readSaved(saved.value, model);
      // Bad answers are left out from now on: the saved original stays as a backup first.
      if (m.ok && m.bad.length && storage.load("sop-backup:" + key).value === null)
        storage.save("sop-backup:" + key, saved.value);
      if (m.ok) use(m, false);
      else {
        say(words("saved.unreadable", { message: m.message }));
        storage.save("sop-backup:" + key, saved.value);
        update();
      }
    } else update();
    setPerson(sitePerson() || person());
    lockQuiz();
    const r = update();
    // A progress entry saved before entries held levels, met standards and sections gets them now, for "my progress".
    const entry = storage.load(PKEY + model.id).value;
    if (entry && typeof entry === "object" && !(entry.levels && entry.met && entry.sections))
      storage.save(PKEY + model.id, { ...entry, levels: r.levels, met: r.met, sections: r.sections });
    form.classList.add("sop-cl-ready");
  }

  // ------------------------------------------------------------------- "my progress"

  /** One saved progress entry, checked; null when missing, "bad" when unreadable. @param {string} id */
  function savedProgress(id) {
    const { value: p, problem } = storage.load(PKEY + id);
    if (problem && problem.reason === "blocked") return null;
    if (problem) return "bad";
    if (p === null) return null;
    const ok = p && typeof p === "object" && typeof p.progress === "string" && /^\d+\/\d+$/.test(p.progress) &&
      (typeof p.version === "number" || typeof p.version === "string") && typeof p.updated === "string" &&
      !isNaN(Date.parse(p.updated));
    return ok ? p : "bad";
  }

  /** "My progress", in the handbook's order: for each checklist its progress in its own words,
   * each level of a level-scored standard, the quiz score, and when it was saved. */
  function progressPage() {
    for (const cell of all(document, "[data-saved-for]")) {
      // Each entry on its own: one unreadable entry never hides the others.
      const p = savedProgress(cell.dataset.savedFor);
      if (p === null) continue;
      if (p === "bad") {
        cell.textContent = words("mine.unreadable");
        continue;
      }
      cell.dataset.progress = p.progress;
      const [done, total] = p.progress.split("/").map(Number);
      const saved = storage.load(KEY + cell.dataset.savedFor).value;
      const q = saved && saved.quiz;
      const lines = [words(cell.dataset.words || "answered", { done, total })];
      /** @type {Object<string, number>} */ const numbers = JSON.parse(cell.dataset.levels || "{}");
      const answered = p.sections || {};
      for (const [id, number] of Object.entries(numbers)) {
        const lv = p.levels && p.levels[id];
        // a standard with no statement answered is not assessed yet (not "level 0")
        if (lv && typeof lv.level === "number" && typeof lv.max === "number")
          lines.push(/^0\//.test(answered[id]) ? words("level.standard.none", { number })
            : words("level.standard", { number, level: lv.level, max: lv.max }));
      }
      // the single standards, as the team view says them (team_states.met_count): none answered
      // is not assessed, the answered are counted apart from the blank ones
      /** @type {Object<string, number>} */ const metNumbers = JSON.parse(cell.dataset.met || "{}");
      const met = Object.entries(p.met || {});
      const judged = met.filter(([, m]) => m === true || m === false);
      const got = judged.filter(([, m]) => m === true).length;
      if (cell.dataset.met && met.length)
        lines.push(!judged.length ? words("level.standard.none", { number: met.map(([id]) => core.digits(String(metNumbers[id] ?? id))).join(", ") })
          : judged.length < met.length ? words("met.count.answered", { done: judged.length, total: met.length, met: got })
          : words("met.count", { met: got, total: met.length }));
      if (q && q.submitted && q.score) lines.push(words("quiz", q.score));
      else if (cell.dataset.quiz) lines.push(words("quiz.unsubmitted"));
      lines.push(words(String(p.version) !== cell.dataset.version ? "mine.saved.old" : "mine.saved", { date: thaiDate(new Date(p.updated)) }));
      cell.replaceChildren(...lines.map((text) => {
        const span = document.createElement("span");
        span.className = "sop-cl-line";
        span.textContent = text;
        return span;
      }));
    }
    const table = one(document, ".sop-cl-progress-table");
    if (table && !one(document, ".sop-cl-mine")) mine(table);
  }

  /** Every checklist saved in this browser, as results files (unreadable ones left out). */
  function savedResults() {
    return storage.keys(KEY).map((/** @type {string} */ k) => storage.load(k).value)
      .filter((/** @type {any} */ v) => v && core.contract.checkFile(v).ok && v.format === "sop-checklist-results" &&
        Object.values(v.answers || {}).some((/** @type {any} */ a) => a && a.value !== null));
  }

  /** "ส่งออกผลทั้งหมดของฉัน" (one bundle file) and "เปลี่ยนผู้ใช้ / ล้างข้อมูลของฉัน" on the progress page. @param {Element} table */
  function mine(table) {
    const box = document.createElement("div");
    box.className = "sop-cl-mine";
    box.innerHTML = '<p class="sop-cl-buttons"><button type="button" data-action="export-all"></button> ' +
      '<button type="button" data-action="switch-user"></button></p><div class="sop-cl-messages" role="alert"></div>';
    one(box, '[data-action="export-all"]').textContent = words("mine.export");
    one(box, '[data-action="switch-user"]').textContent = words("mine.switch");
    table.after(box);
    const say = (/** @type {string} */ text) => { one(box, ".sop-cl-messages").textContent = text; };
    function exportAll() {
      const p = sitePerson();
      const results = savedResults();
      if (!p || !p.name) { say(words("mine.need_name")); return false; }
      if (!results.length) { say(words("mine.nothing")); return false; }
      const bundle = { format: "sop-checklist-bundle", format_version: core.contract.version(), person: p,
        created: new Date().toISOString(), results: results.map((/** @type {any} */ r) => ({ ...r, person: p })) };
      core.download(fileName(words("mine.file"), p.name, "json"), "application/json", JSON.stringify(bundle, null, 2) + "\n");
      say(words("mine.exported", { count: results.length }));
      return true;
    }
    box.addEventListener("click", (e) => {
      const action = /** @type {HTMLElement} */ (e.target).dataset.action;
      if (action === "export-all") exportAll();
      else if (action === "switch-user") {
        const p = sitePerson();
        const who = p && p.name ? p.name : words("mine.someone");
        if (confirm(words("mine.confirm_export", { who }))) exportAll();
        if (!confirm(words("mine.confirm_clear", { who }))) return;
        for (const k of [...storage.keys(KEY), ...storage.keys(PKEY), ...storage.keys("sop-backup:"), PERSON]) storage.remove(k);
        for (const cell of all(document, "[data-saved-for]")) { cell.textContent = words("mine.none"); delete cell.dataset.progress; }
        say(words("mine.cleared", { who }));
      }
    });
  }

  addEventListener("storage", (e) => {
    const p = e.key === PERSON && sitePerson();
    if (p) for (const view of personViews) view(p);
  });

  function init() {
    for (const f of all(document, "form.sop-checklist")) if (!f.classList.contains("sop-cl-ready")) setup(f);
    progressPage();
  }

  /** @type {any} */ (window).SopChecklist = { score, read, readSaved, merge, init, fileName };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
