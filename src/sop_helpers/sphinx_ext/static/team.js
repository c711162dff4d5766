// @ts-check
/* The director's team view: read several exported self-check files (single results or "all my
   results" bundles) in the browser (nothing is uploaded), check them by the results contract
   (SopCore) and score them with window.SopChecklist (the checklists' own scorer), and show the
   person x procedure table (team-matrix.js) that sop_helpers.team.matrix_table computes in
   Python. One bad file never costs the others' rows: it is listed with a Thai reason naming the
   field. Every Thai text comes from the handbook's wording table (SopCore.say); the target words
   from sop_helpers.targets (the page's data). One namespace: SopTeam. */
(function () {
  "use strict";
  const core = /** @type {any} */ (window).SopCore;
  const say = core.say;
  /** A new element with its class and text (sop.js). @type {(tag: string, cls?: string, text?: string) => HTMLElement} */
  const el = /** @type {any} */ (window).sop.el;

  // As sop_helpers.targets ("ไม่น้อยกว่าร้อยละ ๘๐", "ไม่เกิน ๕ วัน": one number each), whose
  // patterns the page's data carries; set by setup.
  let AT_MOST = /$^/, TARGET_WORDS = /$^/g, UNITS = /$^/;
  /** @param {{at_most: string, words: string, units: string}} t */
  function targets(t) {
    AT_MOST = new RegExp(t.at_most);
    TARGET_WORDS = new RegExp(t.words, "g");
    UNITS = new RegExp(t.units);
  }

  /** @param {string} text */
  function number(text) {
    const cleaned = core.arabicDigits(String(text)).replace(/[,%\s]/g, "").replace(TARGET_WORDS, "")
      .replace(UNITS, "").replace(UNITS, "");
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
  }

  /** @param {any} row */
  function indicatorStatus(row) {
    const text = String(row && row.target || "").replace(/\s/g, "");
    const t = number(text), r = number(row && row.result || "");
    return t === null || r === null ? null : AT_MOST.test(text) ? r <= t : r >= t;
  }

  /** "21 พ.ย. 69": the day in Thailand of an ISO time (team-matrix.js's shortDate, as team.thai_day). */
  const shortDate = (/** @type {string} */ iso) => /** @type {any} */ (window).SopTeamMatrix.shortDate(iso);

  /** The checklists' scorer (checklist.js), so both pages score alike. */
  const scorer = () => /** @type {any} */ (window).SopChecklist;

  /** A reason that names the file's problem; Error for one whole file. */
  class Refused extends Error {}

  /**
   * The entries of one file's data (a bundle holds several), scored; throws Refused with the Thai
   * reason (as sop_helpers.team.parse_entries).
   * @param {any} data @param {string} name @param {any} models
   */
  function entries(data, name, models) {
    const checked = core.contract.checkFile(data);
    if (!checked.ok) throw new Refused(checked.message);
    return checked.files.map((/** @type {any} */ file, /** @type {number} */ i) => {
      const where = checked.shape === "bundle" ? say("team.in_bundle", { n: i + 1 }) : "";
      const id = file.checklist.id;
      if (!Object.prototype.hasOwnProperty.call(models, id))
        throw new Refused(where + core.contract.message({ key: "unknown_checklist", place: "/checklist/id", params: { found: id } }));
      const model = models[id];
      // as team.py: whose answers, and the answers themselves, must be in the file
      if (!String((file.person || {}).name || "").trim())
        throw new Refused(where + core.contract.message({ key: "no_person", place: "/person/name" }));
      if (!Object.prototype.hasOwnProperty.call(file, "answers"))
        throw new Refused(where + core.contract.message({ key: "no_answers", place: "/answers" }));
      const m = scorer().read(file, model);
      if (!m.ok) throw new Refused(where + m.message);
      /** @type {Record<string, any>} */ const answers = {};
      Object.keys(m.kept).forEach((k) => { if (m.kept[k].value !== null) answers[k] = m.kept[k].value; });
      const person = file.person || {};
      const e = {
        file: name, model, score: scorer().score(model, answers),
        name: String(person.name).trim(),
        key: core.personKey(String(person.name || "")),
        position: String(person.position || "").trim(),
        updated: file.updated, at: core.contract.instant(file.updated),
        rows: rowsOf(model, answers),
        quiz: file.quiz || null, answers,
      };
      return e;
    });
  }

  /** The indicator rows of a file: the answers of its rows-scored sections (kinds' metadata). @param {any} model @param {Record<string, any>} answers @returns {any[]} */
  const rowsOf = (model, answers) => model.sections.filter((/** @type {any} */ s) => s.score === "rows")
    .flatMap((/** @type {any} */ s) => (Array.isArray(answers[s.items[0].id]) ? answers[s.items[0].id] : []));

  /**
   * Said to the director once per file, as team._older: which file counts instead, and why; for a
   * bundle, which of its forms were replaced and whether the rest still count.
   * @param {any[][]} pairs (older entry, newer entry) @param {number} forms the file's entries
   */
  function older(pairs, forms) {
    const when = (/** @type {any} */ e) => core.digits(shortDate(e.updated));
    if (forms === 1) return say("team.older", { file: pairs[0][1].file, date: when(pairs[0][1]) });
    const said = pairs.map(([old, nu]) => say("team.older.form", { title: old.model.title, file: nu.file, date: when(nu) })).join(" ");
    return say(pairs.length >= forms ? "team.older.all" : "team.older.some", { forms: said });
  }

  /**
   * The newest file per person (same person_key) and checklist counts, by instant; the others are
   * rejected, as team.collect. Each file is read and laid out inside its own guard.
   * @param {{name: string, text: string}[]} files @param {any} models
   */
  function collect(files, models) {
    /** @type {any[]} */ const found = [];
    /** @type {{file: string, reason: string}[]} */ const rejected = [];
    for (const f of files) {
      const got = core.contract.readJson(f.name, f.text);
      if (!got.ok) { rejected.push({ file: f.name, reason: got.message }); continue; }
      try { found.push(...entries(got.data, f.name, models)); }
      catch (err) {
        rejected.push({ file: f.name, reason: err instanceof Refused ? err.message
          : say("team.unexpected", { error: String(err) }) });
      }
    }
    /** @type {Map<string, any>} */ const newest = new Map();
    const keyOf = (/** @type {any} */ e) => e.key + "\u0000" + e.model.id;
    for (const e of found) {
      const old = newest.get(keyOf(e));
      if (!old || e.at > old.at) newest.set(keyOf(e), e);
    }
    /** @type {Map<string, any[][]>} */ const replaced = new Map();
    /** @type {Map<string, number>} */ const forms = new Map();
    for (const e of found) {
      forms.set(e.file, (forms.get(e.file) || 0) + 1);
      const nu = newest.get(keyOf(e));
      if (nu === e) continue;
      if (!replaced.has(e.file)) replaced.set(e.file, []);
      /** @type {any[][]} */ (replaced.get(e.file)).push([e, nu]);
    }
    for (const [file, pairs] of replaced) rejected.push({ file, reason: older(pairs, forms.get(file) || 1) });
    const cmp = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);
    const kept = [...newest.values()].sort((a, b) => cmp(a.key, b.key) || cmp(a.name, b.name) || cmp(a.model.id, b.model.id));
    return { kept, rejected: rejected.sort((a, b) => cmp(a.file, b.file)) };
  }

  /** @param {string[]} heads @param {any[]} rows @param {string} caption */
  function table(heads, rows, caption) {
    const t = document.createElement("table");
    t.className = "table sop-team-table";
    t.createCaption().textContent = caption;
    const tr = t.createTHead().insertRow();
    heads.forEach((h) => { const th = /** @type {HTMLTableCellElement} */ (el("th", "", h)); th.scope = "col"; tr.append(th); });
    const body = t.createTBody();
    rows.forEach((r) => {
      const line = body.insertRow();
      heads.forEach((h) => {
        const cell = line.insertCell();
        // A list ("a; b; c") reads one item per line; the text stays the same.
        const parts = String(r[h]).split("; ");
        parts.forEach((part, i) => {
          cell.append(el("span", "sop-team-part", part + (i < parts.length - 1 ? "; " : "")));
        });
      });
    });
    const box = el("div", "sop-scroll");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", caption);
    box.append(t);
    return box;
  }

  /** The team table as CSV for Excel (cells neutralised by SopCore). @param {string[]} heads @param {any[]} rows */
  const csv = (heads, rows) => core.csvText([heads, ...rows.map((r) => heads.map((h) => r[h]))]);

  function setup(/** @type {HTMLElement} */ root) {
    const data = JSON.parse(/** @type {HTMLElement} */ (root.querySelector(".sop-team-data")).textContent || "{}");
    const input = /** @type {HTMLInputElement} */ (root.querySelector("input[type=file]"));
    const status = /** @type {HTMLElement} */ (root.querySelector(".sop-team-status"));
    const out = /** @type {HTMLElement} */ (root.querySelector(".sop-team-output"));
    const picked = /** @type {HTMLElement} */ (root.querySelector(".sop-team-chosen"));
    targets(data.targets);

    /** Files chosen so far (by name): choosing again adds to them; the same name replaces. */
    /** @type {Map<string, string>} */ const chosen = new Map();
    /** The Thai line under the picker: which files are in the view (or none yet). */
    const showChosen = () => { picked.textContent = chosen.size
      ? say("team.chosen", { count: chosen.size, files: core.shortList([...chosen.keys()].sort()) })
      : say("team.chosen.none"); };

    async function read(/** @type {FileList|File[]} */ list) {
      for (const f of [...list]) chosen.set(f.name, await f.text());
      showChosen();
      const files = [...chosen].map(([name, text]) => ({ name, text }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const { kept, rejected } = collect(files, data.models);
      out.replaceChildren();
      if (rejected.length)
        out.append(table([say("team.file"), say("team.reason")], rejected.map((r) => ({ [say("team.file")]: r.file, [say("team.reason")]: r.reason })), say("team.rejected")));
      const matrix = /** @type {any} */ (window).SopTeamMatrix;
      // the first week's column (procedure "") shows only when someone sent that list
      const view = { ...data, procedures: data.procedures.filter((/** @type {any} */ p) =>
        p.id !== "" || kept.some((e) => e.model.procedure === "")) };
      const folks = matrix.people(kept, view, (/** @type {string} */ n) => core.personKey(n));
      const shown = matrix.render(folks, view, indicatorStatus);
      out.append(shown.box);
      const button = /** @type {HTMLButtonElement} */ (el("button", "btn btn-outline-primary sop-team-csv", say("team.csv")));
      button.type = "button";
      button.addEventListener("click", () => {
        const flat = shown.rows.map((/** @type {any} */ r) => Object.fromEntries(shown.heads.map((/** @type {string} */ h) => [h, r[h].join("; ")])));
        // named as every download is (checklist.js fileName: B.E. date, e.g. ภาพรวมทีม_2569-12-01.csv)
        core.download(scorer().fileName(say("team.csv.file"), "", "csv"), "text/csv;charset=utf-8", csv(shown.heads, flat));
      });
      const clear = /** @type {HTMLButtonElement} */ (el("button", "btn btn-outline-secondary sop-team-clear", say("team.clear")));
      clear.type = "button";
      clear.addEventListener("click", () => { chosen.clear(); showChosen(); out.replaceChildren(); status.textContent = say("team.cleared"); });
      const tools = el("p", "sop-team-tools");
      tools.append(button, " ", clear);
      out.append(tools);
      // a bundle file holds many results, so results are counted, not files
      status.textContent = say("team.status", { files: files.length, kept: kept.length, rejected: rejected.length, people: folks.length });
      input.value = "";
    }

    input.addEventListener("change", () => { if (input.files) read(input.files); });
    root.addEventListener("dragover", (ev) => { ev.preventDefault(); root.classList.add("sop-team-over"); });
    root.addEventListener("dragleave", () => root.classList.remove("sop-team-over"));
    root.addEventListener("drop", (ev) => {
      ev.preventDefault();
      root.classList.remove("sop-team-over");
      if (ev.dataTransfer) read(ev.dataTransfer.files);
    });
  }

  /** @type {any} */ (window).SopTeam = { collect, indicatorStatus, csv };
  const start = () => document.querySelectorAll("[data-sop-team]").forEach((el) => setup(/** @type {HTMLElement} */ (el)));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
