// @ts-check
// The printed office form of a checklist: fills the hidden A4 form that the page carries
// (sop_helpers.print_form) with the person, the date, each answer and the result summary in the
// handbook's wording (the page's data-sop-wording table, sop_helpers.wording), then prints only
// that form. Reads the answers from the checklist's own inputs; scores with window.SopChecklist.
// One namespace: SopPrintForm.
(() => {
  "use strict";
  const LETTERS = "กขคงจฉชซฌญ";

  /** @returns {Record<string, string>} */
  function wording() {
    const el = document.querySelector("script.sop-wording");
    return el ? JSON.parse(el.textContent || "{}") : {};
  }

  /** @param {string|number} s */
  const digits = (s) => {
    const fmt = /** @type {any} */ (window).SopDigits; // the site's digit setting, when present
    return fmt && fmt.format ? fmt.format(String(s)) : String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  };

  /** @param {string} key @param {Record<string, string|number>} [values] */
  function say(key, values = {}) {
    const t = wording()[key] || key;
    return t.replace(/\{(\w+)\}/g, (_, k) => (typeof values[k] === "number" ? digits(values[k]) : String(values[k] ?? "")));
  }

  /** @param {HTMLFormElement} form @param {any} model */
  function readAnswers(form, model) {
    /** @type {Record<string, any>} */ const answers = {};
    for (const s of model.sections)
      for (const it of s.items) {
        if (it.kind === "rows") {
          const rows = [...form.querySelectorAll("table.sop-cl-rows tbody tr")].map((tr) =>
            Object.fromEntries([...tr.querySelectorAll("input[data-column]")].map((i) =>
              [/** @type {HTMLInputElement} */ (i).dataset.column, /** @type {HTMLInputElement} */ (i).value])));
          if (rows.length) answers.rows = rows;
          continue;
        }
        const picked = [...form.querySelectorAll(`input[data-item-id="${it.id}"]`)]
          .filter((i) => /** @type {HTMLInputElement} */ (i).checked).map((i) => /** @type {HTMLInputElement} */ (i).value);
        if (!picked.length) continue;
        answers[it.id] = it.kind === "step" ? true : it.kind === "question" ? (it.multiple ? picked : picked[0]) : picked[0] === "true";
      }
    return answers;
  }

  /** @param {any} it @param {any} v @param {boolean} submitted @param {any} r */
  function answerText(it, v, submitted, r) {
    if (v === undefined || v === null) return null;
    if (it.kind === "step") return say("step.true");
    if (it.kind === "statement") return say(v ? "statement.true" : "statement.false");
    if (it.kind === "standard") return say(v ? "met.true" : "met.false");
    if (it.kind === "question") {
      const ids = Array.isArray(v) ? v : [v];
      const letters = ids.map((x) => LETTERS[(it.options || []).indexOf(x)] + ".").join(" ");
      const right = r.knowledge && r.knowledge.questions[it.id];
      return letters + (submitted ? " (" + say(right ? "question.right" : "question.wrong") + ")" : "");
    }
    return null;
  }

  /** The summary lines, as the team view's cell says them. @param {any} model @param {any} r @param {Record<string,string>} numbers @param {boolean} submitted @param {any} answers */
  function summary(model, r, numbers, submitted, answers) {
    const [done, total] = String(r.progress).split("/").map(Number);
    if (model.kind === "steps") return [say("steps", { done, total })];
    if (model.kind === "knowledge") {
      const k = r.knowledge;
      return [say("answered", { done: k.answered, total: k.total }),
        submitted ? say("quiz", { correct: k.correct, total: k.total }) : say("quiz.unsubmitted")];
    }
    if (model.kind === "indicators") {
      const lines = [say("rows", { done, total })];
      return lines;
    }
    const lines = [];
    for (const s of model.sections) {
      const lv = r.levels[s.id];
      if (lv) lines.push(say("level.standard", { number: numbers[s.id] || s.id, level: lv.level, max: lv.max }));
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
    put("date", new Intl.DateTimeFormat("th-TH-u-ca-buddhist-nu-thai", { day: "numeric", month: "long", year: "numeric" }).format(new Date()));
    const items = Object.fromEntries(model.sections.flatMap((/** @type {any} */ s) => s.items).map((/** @type {any} */ it) => [it.id, it]));
    copy.querySelectorAll("[data-pf-answer]").forEach((cell) => {
      const it = items[/** @type {HTMLElement} */ (cell).dataset.pfAnswer || ""];
      const text = it && answerText(it, answers[it.id], submitted, r);
      if (text) cell.textContent = text;
    });
    const body = copy.querySelector('[data-pf="rows"]');
    if (body) (answers.rows || []).forEach((/** @type {any} */ row, /** @type {number} */ n) => {
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
    const root = document.createElement("div");
    root.className = "sop-print-root";
    root.append(copy);
    document.body.append(root);
    document.body.classList.add("sop-pf-printing");
    return copy;
  }

  function done() {
    document.querySelectorAll(".sop-print-root").forEach((el) => el.remove());
    document.body.classList.remove("sop-pf-printing");
  }

  // The form's print button prints the office form (capture: before checklist.js sees the click).
  document.addEventListener("click", (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const form = t.closest && t.closest("form.sop-checklist");
    if (!form || t.dataset.action !== "print") return;
    e.stopImmediatePropagation();
    prepare(/** @type {HTMLFormElement} */ (form));
    print();
  }, true);
  addEventListener("afterprint", done);

  /** @type {any} */ (window).SopPrintForm = { prepare, done, summary, say };
})();
