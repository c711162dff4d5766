// @ts-check
// Self-check checklists of the handbook: scoring (same rules as sop_helpers.scoring), autosave in
// localStorage, migration between versions (same rule as sop_helpers.load_results), export,
// import, print, and the "my progress" list. No framework, no build step, one namespace.
(function () {
  "use strict";

  /** @typedef {{id: string, kind: string, hash: string, text: string, level?: number, multiple?: boolean, answer?: string[]}} Item */
  /** @typedef {{id: string, kind: string, items: Item[]}} Section */
  /** @typedef {{id: string, version: number, kind: string, title: string, min_rows: number, sections: Section[]}} Model */
  /** @typedef {{value: any, hash: string}} Answer */
  /** @typedef {{format: string, format_version: number, checklist: {id: string, version: number}, person: {name: string, position: string}, created: string, updated: string, answers: Object<string, Answer>}} Results */

  var FORMAT = "sop-checklist-results";
  var COLUMNS = ["indicator", "target", "evidence", "result"];
  var KEY = "sop-checklist:";
  var PROGRESS_KEY = "sop-checklist-progress:";

  /** @param {any} value @returns {Set<string>} */
  function chosen(value) {
    if (typeof value === "string") return new Set(value ? [value] : []);
    if (Array.isArray(value)) return new Set(value.filter(function (v) { return typeof v === "string"; }));
    return new Set();
  }

  /** @param {any} row */
  function completeRow(row) {
    return !!row && typeof row === "object" && COLUMNS.every(function (k) {
      return typeof row[k] === "string" && row[k].trim() !== "";
    });
  }

  /** @param {Item} item @param {any} value */
  function answered(item, value) {
    if (item.kind === "step") return value === true;
    if (item.kind === "statement" || item.kind === "standard") return typeof value === "boolean";
    return chosen(value).size > 0;
  }

  /** @param {Set<string>} a @param {Set<string>} b */
  function sameSet(a, b) {
    if (a.size !== b.size) return false;
    var same = true;
    a.forEach(function (v) { if (!b.has(v)) same = false; });
    return same;
  }

  /**
   * Score plain answers (item id -> value); the result has the shape of Score.to_json() in Python.
   * @param {Model} model @param {Object<string, any>} answers
   */
  function score(model, answers) {
    /** @type {Object<string, string>} */ var sections = {};
    /** @type {Object<string, any>} */ var levels = {};
    /** @type {Object<string, boolean|null>} */ var met = {};
    /** @type {Object<string, boolean|null>} */ var questions = {};
    var done = 0, total = 0;
    model.sections.forEach(function (s) {
      var d = 0, t = 0;
      if (s.kind === "indicators") {
        var rows = Array.isArray(answers.rows) ? answers.rows : [];
        d = rows.filter(completeRow).length;
        t = Math.max(model.min_rows, rows.length);
      } else {
        t = s.items.length;
        s.items.forEach(function (it) { if (answered(it, answers[it.id])) d++; });
      }
      sections[s.id] = d + "/" + t;
      done += d; total += t;
      if (s.kind === "cumulative") {
        var k = 0;
        while (k < s.items.length && answers[s.items[k].id] === true) k++;
        levels[s.id] = { level: k, max: s.items.length, next: k < s.items.length ? s.items[k].id : null };
      } else if (s.kind === "single") {
        var v = answers[s.items[0].id];
        met[s.id] = typeof v === "boolean" ? v : null;
      } else if (s.kind === "knowledge") {
        s.items.forEach(function (it) {
          var picked = chosen(answers[it.id]);
          questions[it.id] = picked.size ? sameSet(picked, new Set(it.answer)) : null;
        });
      }
    });
    var knowledge = null;
    if (model.kind === "knowledge") {
      var qs = Object.keys(questions).map(function (k) { return questions[k]; });
      knowledge = {
        correct: qs.filter(function (q) { return q === true; }).length,
        answered: qs.filter(function (q) { return q !== null; }).length,
        total: qs.length,
        questions: questions,
      };
    }
    return { progress: done + "/" + total, sections: sections, levels: levels, met: met, knowledge: knowledge };
  }

  /** @param {Model} model @returns {Object<string, Item>} */
  function itemMap(model) {
    /** @type {Object<string, Item>} */ var map = {};
    model.sections.forEach(function (s) { s.items.forEach(function (it) { map[it.id] = it; }); });
    return map;
  }

  /** @param {Item} item @param {any} v */
  function validValue(item, v) {
    if (v === null) return true;
    if (item.kind === "step" || item.kind === "statement" || item.kind === "standard") return typeof v === "boolean";
    if (item.kind === "rows") {
      return Array.isArray(v) && v.every(function (r) {
        return r && typeof r === "object" && Object.keys(r).every(function (k) {
          return COLUMNS.indexOf(k) >= 0 && typeof r[k] === "string";
        });
      });
    }
    return typeof v === "string" || (Array.isArray(v) && v.every(function (x) { return typeof x === "string"; }));
  }

  /**
   * Check a results object and keep the answers whose item id exists and whose hash is unchanged.
   * Throws an Error with a Thai message when the data is not a results file of this checklist.
   * @param {any} data @param {Model} model
   */
  function migrate(data, model) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT)
      throw new Error("ไฟล์นี้ไม่ใช่ไฟล์ผลการประเมินของคู่มือ");
    if (!data.checklist || data.checklist.id !== model.id)
      throw new Error("ไฟล์นี้เป็นของแบบตรวจสอบอื่น (" + (data.checklist && data.checklist.id) + ") ไม่ใช่ " + model.id);
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers))
      throw new Error("ไฟล์ไม่มีคำตอบ (answers) ที่อ่านได้");
    var items = itemMap(model);
    /** @type {Object<string, Answer>} */ var kept = {};
    /** @type {string[]} */ var dropped = [];
    Object.keys(data.answers).forEach(function (key) {
      var a = data.answers[key];
      if (!a || typeof a !== "object" || !/^[0-9a-f]{16}$/.test(String(a.hash)))
        throw new Error("คำตอบของรายการ " + key + " ผิดรูปแบบ");
      var item = items[key];
      if (!item || item.hash !== a.hash) { dropped.push(key); return; }
      if (!validValue(item, a.value)) throw new Error("คำตอบของรายการ " + key + " ไม่ตรงชนิดของรายการ");
      kept[key] = a;
    });
    return { kept: kept, dropped: dropped };
  }

  /** @param {string|number} s */
  function thaiDigits(s) {
    return String(s).replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + Number(d)); });
  }

  /** @param {Date} d */
  function thaiDate(d) {
    return new Intl.DateTimeFormat("th-TH-u-ca-buddhist", { day: "numeric", month: "long", year: "numeric" }).format(d);
  }

  /** @param {string} key */
  function readStore(key) {
    try {
      var text = window.localStorage.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }

  /** @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** @param {any} v */
  function csvCell(v) {
    var s = String(v === null || v === undefined ? "" : v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** @param {HTMLFormElement} form */
  function Checklist(form) {
    var script = form.querySelector("script.sop-cl-model");
    /** @type {Model} */ var model = JSON.parse(script ? script.textContent || "{}" : "{}");
    var items = itemMap(model);
    var key = KEY + model.id;
    var messages = /** @type {HTMLElement} */ (form.querySelector(".sop-cl-messages"));
    var created = new Date().toISOString();
    var rowsBody = form.querySelector("table.sop-cl-rows tbody");
    var rowTemplate = /** @type {HTMLTemplateElement|null} */ (form.querySelector("template.sop-cl-row-template"));

    /** @param {string} text */
    function say(text) {
      var p = document.createElement("p");
      p.textContent = text;
      messages.appendChild(p);
    }

    /** @param {string} id */
    function inputs(id) {
      return Array.prototype.slice.call(form.querySelectorAll('input[data-item-id="' + id + '"]'));
    }

    function addRow() {
      if (!rowTemplate || !rowsBody) return null;
      var row = /** @type {HTMLElement} */ (rowTemplate.content.firstElementChild).cloneNode(true);
      rowsBody.appendChild(row);
      return /** @type {HTMLElement} */ (row);
    }

    function readAnswers() {
      /** @type {Object<string, any>} */ var answers = {};
      Object.keys(items).forEach(function (id) {
        var it = items[id];
        if (it.kind === "rows") {
          if (!rowsBody) return;
          var rows = Array.prototype.map.call(rowsBody.querySelectorAll("tr"), function (/** @type {HTMLElement} */ tr) {
            /** @type {Object<string, string>} */ var row = {};
            tr.querySelectorAll("input[data-column]").forEach(function (el) {
              var inp = /** @type {HTMLInputElement} */ (el);
              row[inp.dataset.column || ""] = inp.value;
            });
            return row;
          });
          if (rows.length) answers[id] = rows;
          return;
        }
        var checked = inputs(id).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        if (it.kind === "step") { if (checked.length) answers[id] = true; }
        else if (it.kind === "statement" || it.kind === "standard") { if (checked.length) answers[id] = checked[0] === "true"; }
        else if (it.multiple) { if (checked.length) answers[id] = checked; }
        else if (checked.length) answers[id] = checked[0];
      });
      return answers;
    }

    /** @param {Object<string, any>} answers */
    function writeAnswers(answers) {
      Object.keys(items).forEach(function (id) {
        var it = items[id], v = answers[id];
        if (it.kind === "rows") {
          if (!rowsBody) return;
          rowsBody.textContent = "";
          (Array.isArray(v) ? v : []).forEach(function (/** @type {any} */ r) {
            var tr = addRow();
            if (tr) tr.querySelectorAll("input[data-column]").forEach(function (el) {
              var inp = /** @type {HTMLInputElement} */ (el);
              inp.value = r[inp.dataset.column || ""] || "";
            });
          });
          return;
        }
        var picked = it.kind === "question" ? chosen(v) : null;
        inputs(id).forEach(function (i) {
          if (picked) i.checked = picked.has(i.value);
          else if (it.kind === "step") i.checked = v === true;
          else i.checked = typeof v === "boolean" && i.value === String(v);
        });
      });
    }

    function person() {
      /** @type {Object<string, string>} */ var p = { name: "", position: "" };
      form.querySelectorAll("input[data-person]").forEach(function (el) {
        var inp = /** @type {HTMLInputElement} */ (el);
        p[inp.dataset.person || ""] = inp.value.trim();
      });
      return { name: p.name, position: p.position };
    }

    /** @returns {Results} */
    function results() {
      var answers = readAnswers();
      /** @type {Object<string, Answer>} */ var out = {};
      Object.keys(answers).forEach(function (id) { out[id] = { value: answers[id], hash: items[id].hash }; });
      return {
        format: FORMAT, format_version: 1, checklist: { id: model.id, version: model.version },
        person: person(), created: created, updated: new Date().toISOString(), answers: out,
      };
    }

    function update() {
      var answers = readAnswers();
      var result = score(model, answers);
      var progress = /** @type {HTMLOutputElement} */ (form.querySelector("output[data-progress]"));
      progress.dataset.progress = result.progress;
      progress.textContent = thaiDigits(result.progress);
      Object.keys(result.sections).forEach(function (id) {
        var o = /** @type {HTMLElement|null} */ (form.querySelector('output[data-section-progress="' + id + '"]'));
        if (o) o.textContent = thaiDigits(result.sections[id]);
      });
      Object.keys(result.levels).forEach(function (id) {
        var lv = result.levels[id];
        var o = /** @type {HTMLElement} */ (form.querySelector('output[data-level-for="' + id + '"]'));
        o.dataset.level = String(lv.level);
        o.textContent = thaiDigits(lv.level);
        var next = /** @type {HTMLElement} */ (form.querySelector('[data-next-for="' + id + '"]'));
        next.textContent = lv.next ? "สิ่งที่ขาดสำหรับระดับ " + thaiDigits(lv.level + 1) + ": " + items[lv.next].text : "ได้ระดับสูงสุดแล้ว";
      });
      Object.keys(result.met).forEach(function (id) {
        var o = /** @type {HTMLElement} */ (form.querySelector('output[data-met-for="' + id + '"]'));
        var m = result.met[id];
        o.dataset.met = m === null ? "" : String(m);
        o.textContent = m === null ? "ยังไม่ได้ประเมิน" : m ? "ได้ตามมาตรฐาน" : "ยังไม่ได้ตามมาตรฐาน";
      });
      if (result.knowledge) {
        var k = result.knowledge;
        var ko = /** @type {HTMLElement} */ (form.querySelector("output[data-knowledge]"));
        ko.dataset.knowledge = k.correct + "/" + k.total;
        ko.textContent = thaiDigits(k.correct + "/" + k.total);
        Object.keys(k.questions).forEach(function (id) {
          var q = k.questions[id];
          var fb = /** @type {HTMLElement} */ (form.querySelector('[data-feedback-for="' + id + '"]'));
          fb.textContent = q === null ? "" : q ? "ถูกต้อง" : "ยังไม่ถูกต้อง ดูเฉลยและคำอธิบาย";
          fb.dataset.correct = q === null ? "" : String(q);
          var details = fb.parentElement && fb.parentElement.querySelector("details");
          if (details && q !== null) details.open = true;
        });
      }
      return result;
    }

    function save() {
      var result = update();
      try {
        window.localStorage.setItem(key, JSON.stringify(results()));
        window.localStorage.setItem(PROGRESS_KEY + model.id, JSON.stringify({ progress: result.progress, version: model.version, updated: new Date().toISOString() }));
      } catch (e) {
        say("บันทึกคำตอบในเบราว์เซอร์ไม่ได้ (พื้นที่เต็มหรือถูกปิดกั้น) ส่งออกเป็นไฟล์เพื่อเก็บไว้");
      }
    }

    /** @param {any} data @param {boolean} fromFile */
    function apply(data, fromFile) {
      var m = migrate(data, model);
      /** @type {Object<string, any>} */ var answers = {};
      Object.keys(m.kept).forEach(function (k) { answers[k] = m.kept[k].value; });
      if (data.created) created = String(data.created);
      writeAnswers(answers);
      var p = data.person || {};
      form.querySelectorAll("input[data-person]").forEach(function (el) {
        var inp = /** @type {HTMLInputElement} */ (el);
        inp.value = typeof p[inp.dataset.person || ""] === "string" ? p[inp.dataset.person || ""] : "";
      });
      if (m.dropped.length || data.checklist.version !== model.version) {
        say("แบบตรวจสอบนี้เป็นฉบับที่ " + thaiDigits(model.version) + " (คำตอบ" + (fromFile ? "ในไฟล์" : "ที่บันทึกไว้") +
          "ทำกับฉบับที่ " + thaiDigits(data.checklist.version) + ") " +
          (m.dropped.length ? "คำตอบของรายการต่อไปนี้ถูกล้างเพราะข้อความเปลี่ยนหรือรายการถูกยกเลิก: " + m.dropped.join(", ") : "คำตอบทั้งหมดยังใช้ได้"));
      }
      save();
    }

    function exportJson() {
      var r = results();
      if (!r.person.name || !r.person.position) {
        say("กรุณากรอกชื่อ-สกุลและตำแหน่งก่อนส่งออก");
        var first = /** @type {HTMLInputElement} */ (form.querySelector("input[data-person]"));
        first.focus();
        return;
      }
      download(model.id + ".json", "application/json", JSON.stringify(r, null, 2) + "\n");
    }

    function exportCsv() {
      var answers = readAnswers();
      var result = score(model, answers);
      var lines = [["รหัส", "ข้อความ", "คำตอบ"]];
      var p = person();
      lines.push(["ผู้ประเมิน", p.name, p.position]);
      Object.keys(items).forEach(function (id) {
        var it = items[id], v = answers[id];
        if (it.kind === "rows") {
          (Array.isArray(v) ? v : []).forEach(function (/** @type {any} */ r, /** @type {number} */ n) {
            lines.push(["แถว " + (n + 1), r.indicator + " / " + r.target, r.evidence + " / " + r.result]);
          });
          return;
        }
        var text = v === undefined ? "" : v === true ? (it.kind === "step" ? "ทำแล้ว" : "ใช่") : v === false ? "ไม่ใช่" : chosen(v).size ? Array.from(chosen(v)).join(" ") : "";
        lines.push([id, it.text, text]);
      });
      Object.keys(result.levels).forEach(function (id) { lines.push([id, "ระดับที่ได้", String(result.levels[id].level)]); });
      lines.push(["", "ความคืบหน้า", result.progress]);
      var csv = lines.map(function (l) { return l.map(csvCell).join(","); }).join("\r\n") + "\r\n";
      download(model.id + ".csv", "text/csv;charset=utf-8", "\ufeff" + csv);
    }

    /** @param {Event} event */
    function importFile(event) {
      var input = /** @type {HTMLInputElement} */ (event.target);
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try {
          data = JSON.parse(text.replace(/^\ufeff/, ""));
          migrate(data, model);
        } catch (e) {
          say("นำเข้าไม่ได้: " + (e instanceof SyntaxError ? "ไฟล์ไม่ใช่ JSON ที่อ่านได้" : /** @type {Error} */ (e).message) + " คำตอบที่บันทึกไว้ไม่เปลี่ยนแปลง");
          input.value = "";
          return;
        }
        if (window.confirm("แทนที่คำตอบที่บันทึกไว้ด้วยคำตอบจากไฟล์ " + file.name + " หรือไม่")) apply(data, true);
        input.value = "";
      });
    }

    function print() {
      var date = thaiDate(new Date());
      form.querySelectorAll("output[data-date]").forEach(function (o) { o.textContent = date; });
      document.body.classList.add("sop-cl-printing");
      form.classList.add("sop-cl-print-this");
      window.print();
    }

    window.addEventListener("afterprint", function () {
      document.body.classList.remove("sop-cl-printing");
      form.classList.remove("sop-cl-print-this");
    });

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", function (e) {
      var t = /** @type {HTMLElement} */ (e.target);
      if (t.dataset.action !== "import") save();
    });
    form.addEventListener("input", function (e) {
      var t = /** @type {HTMLInputElement} */ (e.target);
      if (t.type === "text") save();
    });
    form.addEventListener("click", function (e) {
      var t = /** @type {HTMLElement} */ (e.target);
      var action = t.dataset.action;
      if (t.classList.contains("sop-cl-add-row")) {
        var row = addRow();
        if (row) /** @type {HTMLInputElement} */ (row.querySelector("input")).focus();
        save();
      } else if (t.classList.contains("sop-cl-remove-row")) {
        var tr = t.closest("tr");
        if (tr) tr.remove();
        save();
      } else if (action === "export-json") exportJson();
      else if (action === "export-csv") exportCsv();
      else if (action === "print") print();
      else if (action === "reset" && window.confirm("ล้างคำตอบทั้งหมดของแบบตรวจสอบนี้ที่บันทึกไว้ในเบราว์เซอร์หรือไม่")) {
        window.localStorage.removeItem(key);
        window.localStorage.removeItem(PROGRESS_KEY + model.id);
        writeAnswers({});
        form.querySelectorAll("input[data-person]").forEach(function (el) { /** @type {HTMLInputElement} */ (el).value = ""; });
        update();
      }
    });
    var importer = form.querySelector('input[data-action="import"]');
    if (importer) importer.addEventListener("change", importFile);

    form.querySelectorAll("output[data-date]").forEach(function (o) { o.textContent = thaiDate(new Date()); });
    var saved = readStore(key);
    if (saved) {
      try {
        apply(saved, false);
      } catch (e) {
        say("คำตอบที่บันทึกไว้อ่านไม่ได้ จึงเริ่มใหม่");
        update();
      }
    } else update();
    form.classList.add("sop-cl-ready");
  }

  function progressPage() {
    document.querySelectorAll("[data-saved-for]").forEach(function (el) {
      var cell = /** @type {HTMLElement} */ (el);
      var id = cell.dataset.savedFor || "";
      var p = readStore(PROGRESS_KEY + id);
      if (!p) return;
      var text = "ตอบแล้ว " + thaiDigits(p.progress) + " บันทึกล่าสุด " + thaiDate(new Date(p.updated));
      if (String(p.version) !== cell.dataset.version) text += " (ทำกับฉบับเก่า เปิดแบบเพื่อปรับเป็นฉบับใหม่)";
      cell.textContent = text;
      cell.dataset.progress = p.progress;
    });
  }

  function init() {
    document.querySelectorAll("form.sop-checklist").forEach(function (f) {
      if (!f.classList.contains("sop-cl-ready")) Checklist(/** @type {HTMLFormElement} */ (f));
    });
    progressPage();
  }

  /** @type {any} */ (window).SopChecklist = { score: score, migrate: migrate, init: init };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
