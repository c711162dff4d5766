// @ts-check
// The printed office form of a checklist: fills the hidden A4 form that the page carries
// (sop_helpers.print_form) with the person, the date, each answer and the result summary in the
// handbook's wording (the page's data-sop-wording table, sop_helpers.wording), then prints only
// that form. Reads the answers from the checklist's own inputs; scores with window.SopChecklist.
// One namespace: SopPrintForm.
(() => {
  "use strict";
  // the site's digits and the handbook's one wording table (SopCore, loaded before the checklist)
  const core = /** @type {any} */ (window).SopCore;
  /** @param {string|number} s @returns {string} */
  const digits = (s) => core.digits(s);
  /** @param {string} key @param {Record<string, string|number>} [values] @returns {string} */
  const say = (key, values) => core.say(key, values);

  /** @param {HTMLFormElement} form @param {any} model */
  function readAnswers(form, model) {
    /** @type {Record<string, any>} */ const answers = {};
    for (const s of model.sections)
      for (const it of s.items) {
        if (it.answer_type === "rows") {
          const rows = [...form.querySelectorAll("table.sop-cl-rows tbody tr")].map((tr) =>
            Object.fromEntries([...tr.querySelectorAll("input[data-column]")].map((i) =>
              [/** @type {HTMLInputElement} */ (i).dataset.column, /** @type {HTMLInputElement} */ (i).value])));
          if (rows.length) answers[it.id] = rows;
          continue;
        }
        const picked = [...form.querySelectorAll(`input[data-item-id="${it.id}"]`)]
          .filter((i) => /** @type {HTMLInputElement} */ (i).checked).map((i) => /** @type {HTMLInputElement} */ (i).value);
        if (!picked.length) continue;
        answers[it.id] = it.answer_type === "tick" ? true : it.answer_type === "choice" ? (it.multiple ? picked : picked[0]) : picked[0] === "true";
      }
    return answers;
  }

  /** An answer in the form's words: a tick's or a yes-no item's own yes/no (the model's metadata). @param {any} it @param {any} v @param {boolean} submitted @param {any} r */
  function answerText(it, v, submitted, r) {
    if (v === undefined || v === null) return null;
    if (it.answer_type === "tick") return it.yes;
    if (it.answer_type === "yes-no") return v ? it.yes : it.no;
    if (it.answer_type === "choice") {
      const ids = Array.isArray(v) ? v : [v];
      const letters = ids.map((x) => say("option.letters")[(it.options || []).indexOf(x)] + ".").join(" ");
      const right = r.knowledge && r.knowledge.questions[it.id];
      return letters + (submitted ? " (" + say(right ? "question.right" : "question.wrong") + ")" : "");
    }
    return null;
  }

  /**
   * The summary lines, as the team view's cell says them, by the model's metadata: the progress
   * in the checklist's own words (unless levels or met standards say the result), the quiz
   * score, each level, the standards met.
   * @param {any} model @param {any} r @param {Record<string,string>} numbers @param {boolean} submitted @param {any} answers
   */
  function summary(model, r, numbers, submitted, answers) {
    const [done, total] = String(r.progress).split("/").map(Number);
    const lines = [];
    if (!model.sections.some((/** @type {any} */ s) => s.score === "level" || s.score === "met"))
      lines.push(say(model.progress_words, { done, total }));
    const k = r.knowledge;
    if (model.quiz && k) lines.push(submitted ? say("quiz", { correct: k.correct, total: k.total }) : say("quiz.unsubmitted"));
    for (const s of model.sections) {
      const lv = r.levels[s.id];
      const number = numbers[s.id] || s.id;
      // a standard with no statement answered is not assessed yet (not "level 0")
      if (lv) lines.push(/^0\//.test(r.sections[s.id]) ? say("level.standard.none", { number })
        : say("level.standard", { number, level: lv.level, max: lv.max }));
    }
    const met = Object.values(r.met);
    if (met.length) lines.push(say("met.count", { met: met.filter((m) => m === true).length, total: met.length }));
    return lines;
  }

  /** Fill the form's printed copy and show only it; returns the copy. @param {HTMLFormElement} form */
  function prepare(form) {
    const id = form.dataset.checklistId;
    const source = /** @type {HTMLElement|null} */ (document.querySelector(`.sop-print-form[data-print-for="${id}"]`));
    const model = JSON.parse(/** @type {HTMLElement} */ (form.querySelector("script.sop-cl-model")).textContent || "{}");
    if (!source) throw new Error("no print form for " + id);
    done();
    const copy = /** @type {HTMLElement} */ (source.cloneNode(true));
    copy.hidden = false;
    const answers = readAnswers(form, model);
    const r = /** @type {any} */ (window).SopChecklist.score(model, answers);
    const submitted = form.dataset.quizSubmitted === "true";
    /** @param {string} key @param {string} text */
    const put = (key, text) => copy.querySelectorAll(`[data-pf="${key}"]`).forEach((el) => { if (text) el.textContent = text; });
    const value = (/** @type {string} */ k) => /** @type {HTMLInputElement|null} */ (form.querySelector(`input[data-person="${k}"]`))?.value.trim() || "";
    put("name", value("name"));
    put("position", value("position"));
    put("name-sign", value("name"));
    put("position-sign", value("position"));
    put("date", /** @type {any} */ (window).sop.date(new Date()));
    const items = Object.fromEntries(model.sections.flatMap((/** @type {any} */ s) => s.items).map((/** @type {any} */ it) => [it.id, it]));
    copy.querySelectorAll("[data-pf-answer]").forEach((cell) => {
      const it = items[/** @type {HTMLElement} */ (cell).dataset.pfAnswer || ""];
      const text = it && answerText(it, answers[it.id], submitted, r);
      if (text) cell.textContent = text;
    });
    const body = copy.querySelector('[data-pf="rows"]');
    const rows = model.sections.filter((/** @type {any} */ s) => s.score === "rows").flatMap((/** @type {any} */ s) => answers[s.items[0].id] || []);
    if (body) rows.forEach((/** @type {any} */ row, /** @type {number} */ n) => {
      const tr = document.createElement("tr");
      for (const v of [digits(n + 1), row.indicator, row.target, row.evidence, row.result]) {
        const td = document.createElement("td");
        td.textContent = v || "";
        tr.append(td);
      }
      body.append(tr);
    });
    const list = /** @type {HTMLElement} */ (copy.querySelector('[data-pf="summary"]'));
    const numbers = JSON.parse(list.dataset.numbers || "{}");
    for (const line of summary(model, r, numbers, submitted, answers)) {
      const li = document.createElement("li");
      li.textContent = line;
      list.append(li);
    }
    // The filled copy is a child of body: print CSS then hides every other child of body.
    document.body.append(copy);
    return copy;
  }

  function done() {
    document.querySelectorAll("body > .sop-print-form").forEach((el) => el.remove());
  }

  // The form's print button prints the office form (capture: before checklist.js sees the click).
  document.addEventListener("click", (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const form = t.closest && t.closest("form.sop-checklist");
    if (!form || t.dataset.action !== "print") return;
    e.stopImmediatePropagation();
    e.preventDefault(); // printed here: checklist.js's own print (a fallback) must not print again
    prepare(/** @type {HTMLFormElement} */ (form));
    print();
  }, true);
  addEventListener("afterprint", done);

  /** @type {any} */ (window).SopPrintForm = { prepare, done, summary, say };
})();
