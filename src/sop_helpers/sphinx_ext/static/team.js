// @ts-check
/* The director's team view: read several exported self-check files in the browser (nothing is
   uploaded), validate and score them with window.SopChecklist (the checklists' own scorer), and
   show the table that sop_helpers.team.team_rows computes in Python. One namespace: SopTeam. */
(function () {
  "use strict";
  const COLUMNS = ["ชื่อ", "ตำแหน่ง", "แบบตรวจสอบ", "ความก้าวหน้า", "ร้อยละ", "มาตรฐาน", "ความรู้",
    "ตัวชี้วัด (บรรลุ/ทั้งหมด)", "ควรได้รับการสนับสนุน", "ปรับปรุงล่าสุด"];

  /** @param {string} text */
  function number(text) {
    const cleaned = String(text).replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/[,%\s]/g, "");
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
  }

  /** @param {any} row */
  function indicatorStatus(row) {
    const t = number(row && row.target || ""), r = number(row && row.result || "");
    return t === null || r === null ? null : r >= t;
  }

  /** "20 พ.ย. 69" from the date part of an ISO time, as the file wrote it. */
  function shortDate(/** @type {string} */ iso) {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    return new Intl.DateTimeFormat("th-TH-u-ca-buddhist-nu-latn", {
      day: "numeric", month: "short", year: "2-digit", timeZone: "UTC",
    }).format(new Date(Date.UTC(y, m - 1, d)));
  }

  /** The checklists' scorer (checklist.js), so both pages score alike. */
  const scorer = () => /** @type {any} */ (window).SopChecklist;

  /** @param {any} data @param {string} name @param {any} models */
  function entry(data, name, models) {
    if (!data || typeof data !== "object" || data.format !== "sop-checklist-results")
      throw new Error("ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้");
    const id = data.checklist && data.checklist.id;
    if (typeof id !== "string" || !models[id])
      throw new Error("ไม่รู้จักแบบตรวจสอบ '" + id + "' ในคู่มือนี้");
    const model = models[id];
    const m = scorer().migrate(data, model);
    /** @type {Record<string, any>} */ const answers = {};
    Object.keys(m.kept).forEach((k) => { answers[k] = m.kept[k].value; });
    const person = data.person || {};
    return {
      file: name, model, score: scorer().score(model, answers),
      name: String(person.name || "").trim() || "(ไม่ระบุชื่อ)",
      position: String(person.position || "").trim(),
      updated: String(data.updated || ""),
      rows: Array.isArray(answers.rows) ? answers.rows : [],
    };
  }

  /** The handbook's result wording (sop_helpers.wording), from the page's data. */
  let WORDS = /** @type {Record<string, string>} */ ({});
  /** @param {string|number} s */
  const digits = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  /** @param {string} key @param {Record<string, string|number>} [values] */
  const say = (key, values = {}) => (WORDS[key] || key).replace(/\{(\w+)\}/g,
    (_, k) => (typeof values[k] === "number" ? digits(values[k]) : String(values[k] ?? "")));
  /** @param {boolean|null|undefined} m */
  const metWord = (m) => say(m === true ? "met.true" : m === false ? "met.false" : "met.none");

  /** @param {any} e @param {number} supportLevel */
  function row(e, supportLevel) {
    const s = e.score, titles = e.model.section_titles;
    const [done, total] = String(s.progress).split("/").map(Number);
    const cells = [], support = [];
    for (const section of e.model.sections) {  // in the checklist's order, as team.py
      const k = section.id, lv = s.levels[k], met = s.met[k];
      if (lv) {
        cells.push(titles[k] + ": " + say("level", { level: lv.level, max: lv.max }));
        if (lv.level < supportLevel) support.push(titles[k]);
      } else if (k in s.met) {
        cells.push(titles[k] + ": " + metWord(met));
        if (met === false) support.push(titles[k]);
      }
    }
    const statuses = e.rows.map(indicatorStatus);
    return {
      "ชื่อ": e.name, "ตำแหน่ง": e.position, "แบบตรวจสอบ": e.model.title,
      "ความก้าวหน้า": say("progress", { done, total }), "ร้อยละ": total ? Math.round(100 * done / total) : 0,
      "มาตรฐาน": cells.join("; "),
      "ความรู้": s.knowledge ? say("quiz", { correct: s.knowledge.correct, total: s.knowledge.total }) : "",
      "ตัวชี้วัด (บรรลุ/ทั้งหมด)": e.rows.length ? say("progress", { done: statuses.filter((/** @type {boolean|null} */ x) => x).length, total: statuses.length }) : "",
      "ควรได้รับการสนับสนุน": support.join(", "),
      "ปรับปรุงล่าสุด": shortDate(e.updated),
    };
  }

  /** Stand-in for the shared person_key() (decision 5) until the results core ships it. @param {string} name */
  function personKey(name) {
    let t = String(name).normalize("NFC").replace(/\u0e4d\u0e32/g, "\u0e33").split(/\s+/).filter(Boolean).join(" ");
    for (const title of ["ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "นางสาว", "ดร.", "นาง", "นาย", "น.ส."])
      if (t.startsWith(title)) { t = t.slice(title.length).trim(); break; }
    return t.toLowerCase();
  }

  /** Newest file per person and checklist counts; older ones are rejected (as team.collect). */
  function collect(/** @type {{name: string, text: string}[]} */ files, /** @type {any} */ models) {
    /** @type {any[]} */ const entries = [];
    /** @type {{file: string, reason: string}[]} */ const rejected = [];
    for (const f of files) {
      let data;
      try { data = JSON.parse(f.text.replace(/^\ufeff/, "")); }
      catch (_) { rejected.push({ file: f.name, reason: "ไฟล์เสียหรือไม่ใช่ JSON" }); continue; }
      try { entries.push(entry(data, f.name, models)); }
      catch (err) { rejected.push({ file: f.name, reason: String(/** @type {Error} */ (err).message) }); }
    }
    /** @type {Map<string, any>} */ const newest = new Map();
    for (const e of entries) {
      const key = personKey(e.name) + "\u0000" + e.model.id, old = newest.get(key);
      if (old && old.updated >= e.updated) {
        rejected.push({ file: e.file, reason: "ซ้ำกับไฟล์ที่ใหม่กว่า (" + old.file + ")" });
        continue;
      }
      if (old) rejected.push({ file: old.file, reason: "ซ้ำกับไฟล์ที่ใหม่กว่า (" + e.file + ")" });
      newest.set(key, e);
    }
    const cmp = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);
    const kept = [...newest.values()].sort((a, b) =>
      cmp(personKey(a.name), personKey(b.name)) || cmp(a.name, b.name) || cmp(a.model.id, b.model.id));
    return { kept, rejected: rejected.sort((a, b) => cmp(a.file, b.file)) };
  }

  /** @param {string[]} heads @param {any[]} rows @param {string} caption */
  function table(heads, rows, caption) {
    const t = document.createElement("table");
    t.className = "table sop-team-table";
    t.createCaption().textContent = caption;
    const tr = t.createTHead().insertRow();
    heads.forEach((h) => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; tr.append(th); });
    const body = t.createTBody();
    rows.forEach((r) => {
      const line = body.insertRow();
      heads.forEach((h) => {
        const cell = line.insertCell();
        // A list ("a; b; c") reads one item per line; the text stays the same.
        const parts = String(r[h]).split("; ");
        parts.forEach((part, i) => {
          const span = document.createElement("span");
          span.className = "sop-team-part";
          span.textContent = part + (i < parts.length - 1 ? "; " : "");
          cell.append(span);
        });
      });
    });
    const box = document.createElement("div");
    box.className = "sop-scroll";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", caption);
    box.append(t);
    return box;
  }

  /** @param {string[]} heads @param {any[]} rows */
  function csv(heads, rows) {
    const cell = (/** @type {any} */ v) => '"' + String(v).replace(/"/g, '""') + '"';
    return "\ufeff" + [heads.map(cell).join(","), ...rows.map((r) => heads.map((h) => cell(r[h])).join(","))].join("\r\n") + "\r\n";
  }

  function setup(/** @type {HTMLElement} */ root) {
    const data = JSON.parse(/** @type {HTMLElement} */ (root.querySelector(".sop-team-data")).textContent || "{}");
    const input = /** @type {HTMLInputElement} */ (root.querySelector("input[type=file]"));
    const status = /** @type {HTMLElement} */ (root.querySelector(".sop-team-status"));
    const out = /** @type {HTMLElement} */ (root.querySelector(".sop-team-output"));
    WORDS = data.wording || {};

    async function read(/** @type {FileList|File[]} */ list) {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
      files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const { kept, rejected } = collect(files, data.models);
      const rows = kept.map((e) => row(e, data.support_level));
      out.replaceChildren();
      if (rejected.length)
        out.append(table(["ไฟล์", "เหตุผล"], rejected.map((r) => ({ "ไฟล์": r.file, "เหตุผล": r.reason })), "ไฟล์ที่ใช้ไม่ได้"));
      out.append(table(COLUMNS, rows, "ภาพรวมของทีม"));
      const support = kept.flatMap((e, i) => rows[i]["ควรได้รับการสนับสนุน"] ? [{ "ชื่อ": e.name, "แบบตรวจสอบ": e.model.title, "มาตรฐานที่ควรสนับสนุน": rows[i]["ควรได้รับการสนับสนุน"] }] : []);
      if (support.length) out.append(table(["ชื่อ", "แบบตรวจสอบ", "มาตรฐานที่ควรสนับสนุน"], support, "ผู้ที่ควรได้รับการสนับสนุน"));
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-primary";
      button.textContent = "ดาวน์โหลดตารางภาพรวมเป็น CSV (เปิดใน Excel ได้)";
      button.addEventListener("click", () => {
        const blob = new Blob([csv(COLUMNS, rows)], { type: "text/csv;charset=utf-8" });
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = "team-summary.csv";
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      });
      out.append(button);
      status.textContent = "อ่าน " + files.length + " ไฟล์: ใช้ได้ " + kept.length + " ไฟล์ ใช้ไม่ได้ " + rejected.length + " ไฟล์";
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

  /** @type {any} */ (window).SopTeam = { collect, row, indicatorStatus };
  const start = () => document.querySelectorAll("[data-sop-team]").forEach((el) => setup(/** @type {HTMLElement} */ (el)));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
