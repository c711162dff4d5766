// @ts-check
// Self-check checklists: scoring (as sop_helpers.scoring), autosave in localStorage, migration
// (as sop_helpers.load_results), export, import, print, "my progress". One namespace: SopChecklist.
(() => {
  "use strict";

  /** @typedef {{id: string, kind: string, hash: string, text: string, level?: number, multiple?: boolean, answer?: string[], options?: string[]}} Item */
  /** @typedef {{id: string, version: number, kind: string, title: string, min_rows: number, sections: {id: string, kind: string, items: Item[]}[]}} Model */
  /** @typedef {Object<string, any>} Answers */
  /** @typedef {{name: string, position: string}} Person */

  const FORMAT = "sop-checklist-results";
  const COLUMNS = ["indicator", "target", "evidence", "result"];
  const KEY = "sop-checklist:";
  const PKEY = "sop-checklist-progress:";
  const PERSON = "sop-person"; // one person for the whole site
  const LETTERS = "กขคงจฉชซฌญ"; // option labels, as checklist_html
  const BINARY = ["step", "statement", "standard"];

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
  const answered = (it, v) =>
    it.kind === "step" ? v === true : BINARY.includes(it.kind) ? typeof v === "boolean" : chosen(v).size > 0;

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
      if (s.kind === "indicators") {
        const rows = Array.isArray(answers.rows) ? answers.rows : [];
        d = rows.filter(completeRow).length;
        t = Math.max(model.min_rows, rows.length);
      } else d = s.items.filter((it) => answered(it, answers[it.id])).length;
      sections[s.id] = d + "/" + t;
      done += d;
      total += t;
      if (s.kind === "cumulative") {
        let k = 0;
        while (k < s.items.length && answers[s.items[k].id] === true) k++;
        levels[s.id] = { level: k, max: s.items.length, next: k < s.items.length ? s.items[k].id : null };
      } else if (s.kind === "single") {
        const v = answers[s.items[0].id];
        met[s.id] = typeof v === "boolean" ? v : null;
      } else if (s.kind === "knowledge") {
        for (const it of s.items) {
          const picked = chosen(answers[it.id]);
          questions[it.id] = picked.size ? sameSet(picked, new Set(it.answer)) : null;
        }
      }
    }
    const qs = Object.values(questions);
    const knowledge = model.kind !== "knowledge" ? null : {
      correct: qs.filter((q) => q === true).length,
      answered: qs.filter((q) => q !== null).length,
      total: qs.length,
      questions,
    };
    return { progress: done + "/" + total, sections, levels, met, knowledge };
  }

  /** @param {Model} model @returns {Object<string, Item>} */
  const itemMap = (model) => Object.fromEntries(model.sections.flatMap((s) => s.items).map((it) => [it.id, it]));

  /** @param {Item} it @param {any} v */
  function validValue(it, v) {
    if (v === null) return true;
    if (BINARY.includes(it.kind)) return typeof v === "boolean";
    if (it.kind === "rows")
      return Array.isArray(v) && v.every((r) => r && typeof r === "object" &&
        Object.keys(r).every((k) => COLUMNS.includes(k) && typeof r[k] === "string"));
    const ids = it.options || [];
    const picked = typeof v === "string" ? [v] : v;
    return Array.isArray(picked) && picked.every((x) => ids.includes(x));
  }

  /**
   * Check a results object and keep each answer whose item id exists with an unchanged hash.
   * Throws an Error with a Thai message when it is not a results file of this checklist.
   * @param {any} data @param {Model} model
   */
  function migrate(data, model) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT)
      throw new Error("ไฟล์นี้ไม่ใช่ไฟล์ผลการประเมินของคู่มือ");
    if (!data.checklist || data.checklist.id !== model.id)
      throw new Error("ไฟล์นี้เป็นของแบบตรวจสอบอื่น (" + (data.checklist && data.checklist.id) + ")");
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers))
      throw new Error("ไฟล์ไม่มีคำตอบ (answers) ที่อ่านได้");
    const items = itemMap(model);
    /** @type {Answers} */ const kept = {};
    /** @type {string[]} */ const dropped = [];
    for (const [key, a] of Object.entries(data.answers)) {
      if (!a || typeof a !== "object" || !/^[0-9a-f]{16}$/.test(String(a.hash)))
        throw new Error("คำตอบของรายการ " + key + " ผิดรูปแบบ");
      const it = items[key];
      if (!it || it.hash !== a.hash) dropped.push(key);
      else if (!validValue(it, a.value)) throw new Error("คำตอบของรายการ " + key + " ไม่ตรงชนิดของรายการ");
      else kept[key] = a;
    }
    return { kept, dropped };
  }

  /** @param {string|number} s */
  const thai = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

  /** @param {Date} d */
  const thaiDate = (d) =>
    new Intl.DateTimeFormat("th-TH-u-ca-buddhist", { day: "numeric", month: "long", year: "numeric" }).format(d);

  /** @param {string} key */
  function readStore(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  /** @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** @param {any} v */
  const trim = (v) => (typeof v === "string" ? v.trim() : "");
  /** @param {any} p @returns {Person} */
  const cleanPerson = (p) => ({ name: trim(p?.name), position: trim(p?.position) });
  /** @type {((p: Person) => void)[]} */
  const personViews = [];
  function sitePerson() {
    const p = cleanPerson(readStore(PERSON));
    return p.name || p.position ? p : null;
  }
  /** Save the site's person, show it in the other forms (answers untouched). @param {Person} p @param {any} [except] */
  function storePerson(p, except) {
    try { localStorage.setItem(PERSON, JSON.stringify(p)); } catch (e) {} // private mode: the page still follows
    for (const view of personViews) if (view !== except) view(p);
  }

  /** @param {any} v */
  const csvCell = (v) => {
    const s = String(v ?? "");
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };

  /** @param {HTMLFormElement} form */
  function setup(form) {
    /** @type {Model} */ const model = JSON.parse(one(form, "script.sop-cl-model").textContent);
    const items = itemMap(model);
    const key = KEY + model.id;
    const messages = one(form, ".sop-cl-messages");
    const rowsBody = one(form, "table.sop-cl-rows tbody");
    const template = one(form, "template.sop-cl-row-template");
    let created = new Date().toISOString();

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
        if (it.kind === "rows") {
          const rows = all(rowsBody, "tr").map((tr) =>
            Object.fromEntries(all(tr, "input[data-column]").map((i) => [i.dataset.column, i.value])));
          if (rows.length) answers.rows = rows;
          continue;
        }
        const picked = inputs(it.id).filter((i) => i.checked).map((i) => i.value);
        if (!picked.length) continue;
        answers[it.id] = it.kind === "step" ? true : BINARY.includes(it.kind) ? picked[0] === "true"
          : it.multiple ? picked : picked[0];
      }
      return answers;
    }

    /** @param {Answers} answers */
    function writeAnswers(answers) {
      for (const it of Object.values(items)) {
        const v = answers[it.id];
        if (it.kind === "rows") {
          rowsBody.textContent = "";
          for (const r of Array.isArray(v) ? v : [])
            for (const i of all(addRow(), "input[data-column]")) i.value = r[i.dataset.column] || "";
          continue;
        }
        const picked = chosen(v);
        for (const i of inputs(it.id))
          i.checked = it.kind === "question" ? picked.has(i.value) : it.kind === "step" ? v === true
            : typeof v === "boolean" && i.value === String(v);
      }
    }

    const personInputs = all(form, "input[data-person]");
    const person = () => cleanPerson(Object.fromEntries(personInputs.map((i) => [i.dataset.person, i.value])));
    /** @param {Person} p */
    const setPerson = (p) => personInputs.forEach((i) => (i.value = /** @type {any} */ (p)[i.dataset.person]));
    personViews.push(setPerson);

    function results() {
      const answers = readAnswers();
      return {
        format: FORMAT, format_version: 1, checklist: { id: model.id, version: model.version },
        person: person(), created, updated: new Date().toISOString(),
        answers: Object.fromEntries(Object.entries(answers).map(([k, value]) => [k, { value, hash: items[k].hash }])),
      };
    }

    /** @param {string} sel @param {string} attr @param {string} value @param {string} text */
    const show = (sel, attr, value, text) => {
      const el = one(form, sel);
      if (!el) return;
      if (attr) el.setAttribute(attr, value);
      el.textContent = text;
    };

    function update() {
      const r = score(model, readAnswers());
      show("output[data-progress]", "data-progress", r.progress, thai(r.progress));
      for (const [id, p] of Object.entries(r.sections)) show(`output[data-section-progress="${id}"]`, "", "", thai(p));
      for (const [id, lv] of Object.entries(r.levels)) {
        show(`output[data-level-for="${id}"]`, "data-level", String(lv.level), thai(lv.level));
        show(`[data-next-for="${id}"]`, "", "", lv.next
          ? "สิ่งที่ขาดสำหรับระดับ " + thai(lv.level + 1) + ": " + items[lv.next].text : "ได้ระดับสูงสุดแล้ว");
      }
      for (const [id, m] of Object.entries(r.met))
        show(`output[data-met-for="${id}"]`, "data-met", String(m ?? ""),
          m === null ? "ยังไม่ได้ประเมิน" : m ? "ได้ตามมาตรฐาน" : "ยังไม่ได้ตามมาตรฐาน");
      const k = r.knowledge;
      if (k) {
        show("output[data-knowledge]", "data-knowledge", k.correct + "/" + k.total, thai(k.correct + "/" + k.total));
        for (const [id, q] of Object.entries(k.questions)) {
          show(`[data-feedback-for="${id}"]`, "data-correct", String(q ?? ""),
            q === null ? "" : q ? "ถูกต้อง" : "ยังไม่ถูกต้อง ดูเฉลยและคำอธิบาย");
          // The key is hidden until answered, then opened once.
          const details = one(form, `details[data-answer-for="${id}"]`);
          if (details.hidden && q !== null) details.open = true;
          details.hidden = q === null;
        }
      }
      return r;
    }

    function save() {
      const r = update();
      try {
        localStorage.setItem(key, JSON.stringify(results()));
        localStorage.setItem(PKEY + model.id,
          JSON.stringify({ progress: r.progress, version: model.version, updated: new Date().toISOString() }));
      } catch (e) {
        say("บันทึกคำตอบในเบราว์เซอร์ไม่ได้ ส่งออกเป็นไฟล์เพื่อเก็บไว้");
      }
    }

    /** @param {any} data @param {boolean} fromFile */
    function apply(data, fromFile) {
      const m = migrate(data, model);
      if (data.created) created = String(data.created);
      writeAnswers(Object.fromEntries(Object.entries(m.kept).map(([k, a]) => [k, a.value])));
      // A file brings its person; saved answers only when the site has none.
      const filed = cleanPerson(data.person);
      if ((fromFile || !sitePerson()) && (filed.name || filed.position)) storePerson(filed);
      const old = m.dropped.length || data.checklist.version !== model.version;
      if (old || fromFile) say((fromFile ? "นำเข้าคำตอบจากไฟล์แล้ว " : "") + (old ? "แบบตรวจสอบนี้เป็นฉบับที่ " + thai(model.version) +
        " (คำตอบ" + (fromFile ? "ในไฟล์" : "ที่บันทึกไว้") + "ทำกับฉบับที่ " + thai(data.checklist.version) + ") " +
        (m.dropped.length ? "คำตอบของรายการต่อไปนี้ถูกล้างเพราะข้อความเปลี่ยนหรือรายการถูกยกเลิก: " + m.dropped.join(", ")
        : "คำตอบทั้งหมดยังใช้ได้") : ""));
      save();
    }

    function exportJson() {
      const r = results();
      if (!r.person.name || !r.person.position) {
        say("กรุณากรอกชื่อ-สกุลและตำแหน่งก่อนส่งออก");
        personInputs.find((i) => !i.value.trim())?.focus();
        return;
      }
      download(model.id + ".json", "application/json", JSON.stringify(r, null, 2) + "\n");
    }

    function exportCsv() {
      const answers = readAnswers();
      const r = score(model, answers);
      const p = person();
      const lines = [["รหัส", "ข้อความ", "คำตอบ"], ["ผู้ประเมิน", p.name, p.position]];
      for (const it of Object.values(items)) {
        const v = answers[it.id];
        if (it.kind === "rows")
          (v || []).forEach((/** @type {any} */ row, /** @type {number} */ n) =>
            lines.push(["แถว " + (n + 1), row.indicator + " / " + row.target, row.evidence + " / " + row.result]));
        else lines.push([it.id, it.text, v === true ? (it.kind === "step" ? "ทำแล้ว" : "ใช่")
          : v === false ? "ไม่ใช่" : [...chosen(v)].map((x) => LETTERS[(it.options || []).indexOf(x)] || x).join(" ")]);
      }
      for (const [id, lv] of Object.entries(r.levels)) lines.push([id, "ระดับที่ได้", String(lv.level)]);
      lines.push(["", "ความคืบหน้า", r.progress]);
      const csv = lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
      download(model.id + ".csv", "text/csv;charset=utf-8", "\ufeff" + csv);
    }

    /** @param {HTMLInputElement} input */
    async function importFile(input) {
      const file = input.files && input.files[0];
      if (!file) return;
      let data;
      try {
        data = JSON.parse((await file.text()).replace(/^\ufeff/, ""));
        migrate(data, model);
      } catch (e) {
        say("นำเข้าไม่ได้: " + (e instanceof SyntaxError ? "ไฟล์ไม่ใช่ JSON ที่อ่านได้" : String(/** @type {Error} */ (e).message)) +
          " คำตอบที่บันทึกไว้ไม่เปลี่ยนแปลง");
        data = null;
      }
      if (data && confirm("แทนที่คำตอบที่บันทึกไว้ด้วยคำตอบจากไฟล์ " + file.name + " หรือไม่")) apply(data, true);
      input.value = "";
    }

    const setDate = () => all(form, "output[data-date]").forEach((o) => (o.textContent = thaiDate(new Date())));

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("change", (e) => {
      const t = /** @type {HTMLInputElement} */ (e.target);
      if (t.dataset.action === "import") importFile(t);
      else if (!t.dataset.person) save();
    });
    form.addEventListener("input", (e) => {
      const t = /** @type {HTMLInputElement} */ (e.target);
      if (t.dataset.person) storePerson(person(), setPerson);
      if (t.type === "text") save();
    });
    form.addEventListener("click", (e) => {
      const t = /** @type {HTMLElement} */ (e.target);
      const action = t.dataset.action;
      if (t.classList.contains("sop-cl-add-row")) {
        addRow().querySelector("input").focus();
        save();
      } else if (t.classList.contains("sop-cl-remove-row")) {
        t.closest("tr")?.remove();
        save();
      } else if (action === "export-json") exportJson();
      else if (action === "export-csv") exportCsv();
      else if (action === "print") {
        setDate();
        document.body.classList.add("sop-cl-printing");
        form.classList.add("sop-cl-print-this");
        print();
      } else if (action === "reset" && confirm("ล้างคำตอบทั้งหมดของแบบตรวจสอบนี้ที่บันทึกไว้ในเบราว์เซอร์หรือไม่")) {
        localStorage.removeItem(key);
        localStorage.removeItem(PKEY + model.id);
        writeAnswers({});
        update();
      }
    });
    addEventListener("afterprint", () => {
      document.body.classList.remove("sop-cl-printing");
      form.classList.remove("sop-cl-print-this");
    });

    setDate();
    for (const d of all(form, "details[data-answer-for]")) d.hidden = true;
    const saved = readStore(key);
    try {
      if (saved) apply(saved, false);
      else update();
    } catch (e) {
      say("คำตอบที่บันทึกไว้อ่านไม่ได้ จึงเริ่มใหม่");
      update();
    }
    setPerson(sitePerson() || person());
    form.classList.add("sop-cl-ready");
  }

  function progressPage() {
    for (const cell of all(document, "[data-saved-for]")) {
      const p = readStore(PKEY + cell.dataset.savedFor);
      if (!p) continue;
      cell.dataset.progress = p.progress;
      cell.textContent = "ตอบแล้ว " + thai(p.progress) + " บันทึกล่าสุด " + thaiDate(new Date(p.updated)) +
        (String(p.version) !== cell.dataset.version ? " (ทำกับฉบับเก่า เปิดแบบเพื่อปรับเป็นฉบับใหม่)" : "");
    }
  }

  addEventListener("storage", (e) => {
    const p = e.key === PERSON && sitePerson();
    if (p) for (const view of personViews) view(p);
  });

  function init() {
    for (const f of all(document, "form.sop-checklist")) if (!f.classList.contains("sop-cl-ready")) setup(f);
    progressPage();
  }

  /** @type {any} */ (window).SopChecklist = { score, migrate, init };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
