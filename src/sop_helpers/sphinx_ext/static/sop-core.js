// @ts-check
/* Shared helpers of the handbook's scripts (checklist.js, team.js, search-th.js): words, browser
   storage that never throws, downloads, CSV cells, short lists, the same-person rule, and the
   results-file contract (a chosen file read, checked). Loaded after sop.js (the page rules:
   digits, dates, a wording's {fields}) and before the scripts that use it. One namespace: SopCore.

   The contract (schemas, message keys, field names) is generated from sop_helpers.results by
   scripts/make_checklist_schemas.py: Python and the browser check files by one definition. */
(() => {
  "use strict";

  // The page rules (digits, dates, the fiscal year, a wording's {fields}) are sop.js's, loaded first.
  const sop = /** @type {any} */ (window).sop;
  /** @type {(s: string|number) => string} */
  const digits = sop.digits;

  // ------------------------------------------------------------------------------- words

  /** @type {Object<string, string>|null} */
  let WORDS = null;
  /**
   * The handbook's words (sop_helpers.wording.TEXTS: the page's <script class="sop-wording">, one
   * or several, each all of the table or one feature's keys) with their {fields} filled; numbers
   * in the site's digits. Every Thai text a script shows comes here.
   * @param {string} key @param {Object<string, any>} [values]
   */
  function say(key, values = {}) {
    if (!WORDS) {
      WORDS = {};
      for (const script of Array.from(document.querySelectorAll("script.sop-wording"))) {
        try { Object.assign(WORDS, JSON.parse(script.textContent || "{}")); } catch (_) { /* no words */ }
      }
    }
    return sop.fill(/** @type {any} */ (WORDS)[key] ?? key, values);
  }

  // ------------------------------------------------------------------------------- storage

  /** @typedef {{reason: "blocked"|"full"|"corrupt", message: string}} StorageProblem */

  /** localStorage, or null when the browser refuses it (reading the property itself may throw). */
  function area() {
    try {
      const s = window.localStorage;
      return s || null;
    } catch (e) {
      return null;
    }
  }

  /** @param {"blocked"|"full"|"corrupt"} reason @returns {StorageProblem} */
  const problem = (reason) => ({ reason, message: say("storage." + reason) });

  /** @param {unknown} e */
  const isFull = (e) => e instanceof DOMException &&
    (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22);

  /**
   * Read and parse a stored JSON value; `value` is null when nothing is stored. A value that does
   * not parse is copied once to "sop-backup:<key>" so that a later save cannot destroy it.
   * @param {string} key
   * @returns {{value: any, problem: StorageProblem|null}}
   */
  function load(key) {
    const s = area();
    if (!s) return { value: null, problem: problem("blocked") };
    let raw;
    try {
      raw = s.getItem(key);
    } catch (e) {
      return { value: null, problem: problem("blocked") };
    }
    if (raw === null) return { value: null, problem: null };
    try {
      return { value: JSON.parse(raw), problem: null };
    } catch (e) {
      try {
        if (s.getItem("sop-backup:" + key) === null) s.setItem("sop-backup:" + key, raw);
      } catch (_) { /* the original stays where it is until the next save */ }
      return { value: null, problem: problem("corrupt") };
    }
  }

  /** Store a value as JSON. @param {string} key @param {any} value @returns {StorageProblem|null} */
  function save(key, value) {
    const s = area();
    if (!s) return problem("blocked");
    try {
      s.setItem(key, JSON.stringify(value));
      return null;
    } catch (e) {
      return problem(isFull(e) ? "full" : "blocked");
    }
  }

  /** @param {string} key @returns {StorageProblem|null} */
  function remove(key) {
    const s = area();
    if (!s) return problem("blocked");
    try {
      s.removeItem(key);
      return null;
    } catch (e) {
      return problem("blocked");
    }
  }

  /** Stored keys that start with `prefix` (none when storage is blocked). @param {string} prefix */
  function keys(prefix) {
    const s = area();
    /** @type {string[]} */ const found = [];
    try {
      if (s) for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null && k.startsWith(prefix)) found.push(k);
      }
    } catch (e) { /* blocked: nothing to list */ }
    return found;
  }

  // ------------------------------------------------------------------------------- files out

  /** Offer text as a file to save. @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** A text cell that Excel would read as a formula starts with one of these (decision 2). */
  const FORMULA_START = /^[=+\-@\t\r]/;

  /**
   * One CSV cell: numbers as typed numbers, text neutralised (a leading ' when it starts as
   * FORMULA_START says) and quoted when needed. As sop_helpers.output.csv_cell.
   * @param {unknown} v
   */
  function csvCell(v) {
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    let s = v === null || v === undefined ? "" : String(v);
    if (FORMULA_START.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** A whole CSV file for Excel: BOM, CRLF. @param {unknown[][]} rows */
  const csvText = (rows) => "\ufeff" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";

  /**
   * "a, b, c และอีก ๑๒ รายการ": at most `limit` items of a list, with a count of the rest.
   * @param {string[]} items @param {number} [limit]
   */
  function shortList(items, limit = 10) {
    const shown = items.slice(0, limit).map((x) => (x.length > 80 ? x.slice(0, 80) + "…" : x));
    const rest = items.length - shown.length;
    return shown.join(", ") + (rest > 0 ? say("list.more", { rest: digits(rest.toLocaleString("en-US")) }) : "");
  }

  // ------------------------------------------------------------------------------- names

  // Same rule as sop_helpers.names (tests/vectors/person_key.json drives both).
  const HONORIFICS = ["ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.หญิง", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "ร้อยตรี",
    "ร.ต.", "นางสาว", "น.ส.", "นาง", "นาย", "ดร.", "ผศ.", "รศ.", "ศ.", "คุณ", "mr.", "mrs.", "ms.", "dr."]
    .sort((a, b) => b.length - a.length);

  /** NFC, SARA AM composed, zero-width dropped, white space folded. @param {string} text */
  const normalizeText = (text) => String(text).normalize("NFC")
    .replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/\s+/g, " ").trim();

  /** The key under which two spellings of a name are one person (matching, sorting). @param {string} name */
  function personKey(name) {
    let text = normalizeText(name).toLowerCase();
    for (let changed = true; changed;) {
      changed = false;
      for (const title of HONORIFICS) {
        const rest = text.startsWith(title) ? text.slice(title.length).replace(/^\s+/, "") : "";
        if (rest) { text = rest; changed = true; break; }
      }
    }
    return text;
  }

  // ------------------------------------------------------------------------------- contract

  // BEGIN CONTRACT (generated by scripts/make_checklist_schemas.py from sop_helpers.results; do not edit)
  const CONTRACT = /** @type {any} */ ({"formats":{"sop-checklist-results":"results","sop-checklist-bundle":"bundle"},"versions":{"results":[1,2],"bundle":[2]},"current":2,"schemas":{"results":{"$defs":{"Answer":{"additionalProperties":false,"properties":{"value":{"anyOf":[{"type":"boolean"},{"maxLength":64,"type":"string"},{"items":{"maxLength":64,"type":"string"},"maxItems":50,"type":"array"},{"items":{"$ref":"#/$defs/Row"},"maxItems":200,"type":"array"},{"type":"null"}]},"hash":{"pattern":"^[0-9a-f]{16}$","type":"string"},"at":{"anyOf":[{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},{"type":"null"}]}},"required":["value","hash"],"type":"object"},"ChecklistRef":{"additionalProperties":false,"properties":{"id":{"maxLength":64,"pattern":"^[a-z0-9][a-z0-9-]*$","type":"string"},"version":{"maximum":100000,"minimum":1,"type":"integer"}},"required":["id","version"],"type":"object"},"Person":{"additionalProperties":false,"properties":{"name":{"maxLength":200,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"position":{"maxLength":200,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"}},"type":"object"},"Quiz":{"additionalProperties":false,"properties":{"submitted":{"type":"boolean"},"attempts":{"maximum":10000,"minimum":0,"type":"integer"},"score":{"anyOf":[{"$ref":"#/$defs/QuizScore"},{"type":"null"}]}},"type":"object"},"QuizScore":{"additionalProperties":false,"properties":{"correct":{"maximum":10000,"minimum":0,"type":"integer"},"total":{"maximum":10000,"minimum":0,"type":"integer"}},"required":["correct","total"],"type":"object","x-check":"correct_within_total"},"Row":{"additionalProperties":false,"properties":{"indicator":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"target":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"evidence":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"result":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"}},"type":"object"}},"additionalProperties":false,"properties":{"format":{"const":"sop-checklist-results","type":"string"},"format_version":{"enum":[1,2],"type":"integer"},"checklist":{"$ref":"#/$defs/ChecklistRef"},"person":{"$ref":"#/$defs/Person"},"created":{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},"updated":{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},"answers":{"maxProperties":1000,"patternProperties":{"^[a-z0-9][a-z0-9.-]*$":{"$ref":"#/$defs/Answer"}},"propertyNames":{"maxLength":64},"type":"object"},"quiz":{"anyOf":[{"$ref":"#/$defs/Quiz"},{"type":"null"}]}},"required":["checklist","created","updated"],"type":"object"},"bundle":{"$defs":{"Answer":{"additionalProperties":false,"properties":{"value":{"anyOf":[{"type":"boolean"},{"maxLength":64,"type":"string"},{"items":{"maxLength":64,"type":"string"},"maxItems":50,"type":"array"},{"items":{"$ref":"#/$defs/Row"},"maxItems":200,"type":"array"},{"type":"null"}]},"hash":{"pattern":"^[0-9a-f]{16}$","type":"string"},"at":{"anyOf":[{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},{"type":"null"}]}},"required":["value","hash"],"type":"object"},"ChecklistRef":{"additionalProperties":false,"properties":{"id":{"maxLength":64,"pattern":"^[a-z0-9][a-z0-9-]*$","type":"string"},"version":{"maximum":100000,"minimum":1,"type":"integer"}},"required":["id","version"],"type":"object"},"Person":{"additionalProperties":false,"properties":{"name":{"maxLength":200,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"position":{"maxLength":200,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"}},"type":"object"},"Quiz":{"additionalProperties":false,"properties":{"submitted":{"type":"boolean"},"attempts":{"maximum":10000,"minimum":0,"type":"integer"},"score":{"anyOf":[{"$ref":"#/$defs/QuizScore"},{"type":"null"}]}},"type":"object"},"QuizScore":{"additionalProperties":false,"properties":{"correct":{"maximum":10000,"minimum":0,"type":"integer"},"total":{"maximum":10000,"minimum":0,"type":"integer"}},"required":["correct","total"],"type":"object","x-check":"correct_within_total"},"Results":{"additionalProperties":false,"properties":{"format":{"const":"sop-checklist-results","type":"string"},"format_version":{"enum":[1,2],"type":"integer"},"checklist":{"$ref":"#/$defs/ChecklistRef"},"person":{"$ref":"#/$defs/Person"},"created":{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},"updated":{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},"answers":{"maxProperties":1000,"patternProperties":{"^[a-z0-9][a-z0-9.-]*$":{"$ref":"#/$defs/Answer"}},"propertyNames":{"maxLength":64},"type":"object"},"quiz":{"anyOf":[{"$ref":"#/$defs/Quiz"},{"type":"null"}]}},"required":["checklist","created","updated"],"type":"object"},"Row":{"additionalProperties":false,"properties":{"indicator":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"target":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"evidence":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"},"result":{"maxLength":2000,"pattern":"^[^\\x00-\\x1f\\x7f]*$","type":"string"}},"type":"object"}},"additionalProperties":false,"properties":{"format":{"const":"sop-checklist-bundle","type":"string"},"format_version":{"const":2,"type":"integer"},"person":{"$ref":"#/$defs/Person"},"created":{"format":"date-time","pattern":"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,6})?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$","type":"string"},"results":{"items":{"$ref":"#/$defs/Results"},"maxItems":200,"minItems":1,"type":"array"}},"required":["created","results"],"type":"object"}},"messages":{"not_json":"ไฟล์เสียหรือไม่ใช่ JSON","not_object":"ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้: ทั้งไฟล์ต้องเป็นกลุ่มช่อง (JSON object)","not_results":"ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้","format_version":"ไฟล์ใช้รูปแบบรุ่น {found} ซึ่งคู่มือนี้ไม่รู้จัก (รู้จักรุ่น ๑ และ ๒)","missing":"ขาดช่องที่ต้องมี","unknown_field":"ไม่รู้จักช่องนี้","type":"ชนิดของค่าไม่ถูกต้อง","value":"ค่าไม่ถูกต้อง","pattern":"มีอักขระหรือรูปแบบที่ใช้ไม่ได้","too_long":"ยาวเกินไป (ไม่เกิน {limit} ตัวอักษร)","too_many":"มากเกินไป (ไม่เกิน {limit} รายการ)","too_few":"ต้องมีอย่างน้อย {limit} รายการ","too_small":"ต้องไม่น้อยกว่า {limit}","too_large":"ต้องไม่มากกว่า {limit}","time":"ต้องเป็นวันเวลาพร้อมเขตเวลา เช่น 2026-11-28T09:30:00+07:00","correct_within_total":"คะแนนที่ได้มากกว่าคะแนนเต็ม","bundle_person":"ผลในชุดต้องเป็นของบุคคลเดียวกับชุด ({found})","other_checklist":"ไฟล์นี้เป็นผลของแบบตรวจสอบอื่น ('{found}') ไม่ใช่ '{expected}'","unknown_checklist":"ไม่รู้จักแบบตรวจสอบ '{found}' ในคู่มือนี้","value_kind":"คำตอบของรายการ '{found}' ไม่ตรงชนิดของรายการ","no_person":"ไม่มีชื่อผู้ประเมินในไฟล์ จึงไม่รู้ว่าเป็นผลของใคร ให้ผู้ส่งกรอกชื่อ-สกุลแล้วส่งออกไฟล์ใหม่","no_answers":"ไฟล์ไม่มีช่องคำตอบ (ไฟล์ที่คู่มือส่งออกมีเสมอ) ไฟล์อาจถูกแก้หรือเสีย ให้ผู้ส่งส่งออกไฟล์ใหม่","migrated":"ไฟล์รูปแบบรุ่น ๑ อ่านได้และปรับเป็นรุ่น ๒ แล้ว"},"labels":{"format":"ชนิดไฟล์","format_version":"รุ่นของรูปแบบไฟล์","checklist":"แบบตรวจสอบ","checklist/id":"รหัสแบบตรวจสอบ","checklist/version":"ฉบับของแบบตรวจสอบ","person":"ผู้ประเมิน","name":"ชื่อ-สกุล","position":"ตำแหน่ง","created":"เวลาที่เริ่มทำ","updated":"เวลาที่บันทึกล่าสุด","answers":"คำตอบ","value":"ค่าคำตอบ","hash":"รหัสข้อความของรายการ","at":"เวลาที่ตอบ","quiz":"การส่งแบบทดสอบ","submitted":"ส่งคำตอบแล้ว","attempts":"จำนวนครั้งที่ทำ","score":"คะแนน","correct":"คะแนนที่ได้","total":"คะแนนเต็ม","results":"ผลในชุด","indicator":"ตัวชี้วัด","target":"ค่าเป้าหมาย","evidence":"หลักฐาน","result":"ผลที่ได้"}});
  // END CONTRACT

  /** @typedef {{key: string, place: string, params?: Object<string, any>}} Fault */

  /** @param {string} place */
  function fieldText(place) {
    const parts = place.split("/").filter(Boolean);
    if (!parts.length) return say("place.file");
    const labels = CONTRACT.labels;
    // the last part with a name, as "parent/part" when the labels have it, else "part"
    for (let i = parts.length - 1; i >= 0; i--) {
      const pair = i ? parts[i - 1] + "/" + parts[i] : "";
      const label = has(labels, pair) ? labels[pair] : has(labels, parts[i]) ? labels[parts[i]] : "";
      // an answer's field names its item (the id printed next to it on the form)
      if (label) return say(parts[0] === "answers" && parts[1] ? "place.item" : "place.named", { label, item: parts[1] });
    }
    return say("place.field", { path: parts.join("/") });
  }

  /** The Thai message of a key at a place, as sop_helpers.results.message. @param {Fault} f */
  function message(f) {
    /** @type {Record<string, string>} */ const params = {};
    for (const [k, v] of Object.entries(f.params || {})) params[k] = sop.thaiDigits(String(v));
    const text = sop.fill(CONTRACT.messages[f.key], params);
    return f.place ? fieldText(f.place) + ": " + text : text;
  }

  /** @param {string} k */
  const escapeKey = (k) => k.replace(/~/g, "~0").replace(/\//g, "~1");
  /** @param {object} o @param {string} k */
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  /** @param {unknown} v */
  const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  /** Length in code points, as Python counts. @param {string} s */
  const length = (s) => [...s].length;

  const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  /**
   * An RFC 3339 time with an offset, as sop_helpers.results reads it (the contract's pattern,
   * then the calendar). @param {string} s @param {string} pattern
   */
  function validInstant(s, pattern) {
    const m = new RegExp(pattern, "u").exec(s);
    if (!m) return false;
    const [y, mo, d, h, mi, se, oh, om] = m.slice(1, 9).map((x) => Number(x || 0));
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = mo === 2 && !leap ? 28 : DAYS[mo - 1];
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && se <= 59 &&
      oh <= 23 && om <= 59;
  }

  /** Milliseconds since 1970 of a checked time (compared by instant, never as text). @param {string} s */
  const instant = (s) => Date.parse(s);

  /** Named checks that a JSON Schema cannot say (the schema names them with "x-check"). */
  /** @type {Object<string, (v: any) => boolean>} */
  const CHECKS = {
    correct_within_total: (v) => v.correct <= v.total,
  };

  /**
   * Check `value` against a schema node; the first problem, in pydantic's order, or null.
   * @param {any} node @param {any} value @param {string} place @param {any} defs @returns {Fault|null}
   */
  function check(node, value, place, defs) {
    if (node.$ref) node = defs[node.$ref.split("/").pop()];
    if (node.anyOf) {
      /** @type {Fault|null} */ let first = null;
      for (const option of node.anyOf) {
        const f = check(option, value, place, defs);
        if (!f) return null;
        first = first || f;
      }
      return first;
    }
    if ("const" in node && value !== node.const) return { key: "value", place };
    if (node.enum && !node.enum.includes(value)) return { key: "value", place };
    const type = node.type;
    const typed = type === "object" ? isObject(value) : type === "array" ? Array.isArray(value)
      : type === "string" ? typeof value === "string" : type === "boolean" ? typeof value === "boolean"
      : type === "integer" ? typeof value === "number" && Number.isInteger(value)
      : type === "null" ? value === null : true;
    if (!typed) return { key: "type", place };
    if (type === "string") {
      if (node.format === "date-time") return validInstant(value, node.pattern) ? null : { key: "time", place };
      if (node.maxLength !== undefined && length(value) > node.maxLength)
        return { key: "too_long", place, params: { limit: node.maxLength } };
      if (node.pattern && !new RegExp(node.pattern, "u").test(value)) return { key: "pattern", place };
    }
    if (type === "integer" && node.minimum !== undefined && value < node.minimum)
      return { key: "too_small", place, params: { limit: node.minimum } };
    if (type === "integer" && node.maximum !== undefined && value > node.maximum)
      return { key: "too_large", place, params: { limit: node.maximum } };
    if (type === "array") {
      for (let i = 0; i < value.length; i++) {
        const f = check(node.items, value[i], place + "/" + i, defs);
        if (f) return f;
      }
      if (node.maxItems !== undefined && value.length > node.maxItems)
        return { key: "too_many", place, params: { limit: node.maxItems } };
      if (node.minItems !== undefined && value.length < node.minItems)
        return { key: "too_few", place, params: { limit: node.minItems } };
    }
    if (type === "object") {
      const props = node.properties || {};
      for (const [name, sub] of Object.entries(props)) {
        if (!has(value, name)) {
          if ((node.required || []).includes(name)) return { key: "missing", place: place + "/" + name };
          continue;
        }
        const f = check(sub, value[name], place + "/" + escapeKey(name), defs);
        if (f) return f;
      }
      for (const [name, v] of Object.entries(value)) {
        if (has(props, name)) continue;
        const at = place + "/" + escapeKey(name);
        if (node.patternProperties) {
          const [pattern, sub] = Object.entries(node.patternProperties)[0];
          const names = node.propertyNames || {};
          if (names.maxLength !== undefined && length(name) > names.maxLength)
            return { key: "too_long", place: at, params: { limit: names.maxLength } };
          if (!new RegExp(pattern, "u").test(name)) return { key: "pattern", place: at };
          const f = check(sub, v, at, defs);
          if (f) return f;
        } else if (node.additionalProperties === false) return { key: "unknown_field", place: at };
      }
      if (node.maxProperties !== undefined && Object.keys(value).length > node.maxProperties)
        return { key: "too_many", place, params: { limit: node.maxProperties } };
      const named = node["x-check"];
      if (named && !CHECKS[named](value)) return { key: named, place };
    }
    return null;
  }

  /** A found value in a message, as sop_helpers.results._shown. @param {unknown} v */
  function shown(v) {
    const text = v === undefined || v === null ? say("value.none")
      : typeof v === "string" || (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1e15) ? JSON.stringify(v)
      : say("value.other");
    return length(text) <= 20 ? text : [...text].slice(0, 20).join("") + "…";
  }

  /**
   * Check a results file or bundle exactly as sop_helpers.results.check_file. Returns the files it
   * holds (a results file: one), migrated to the current format, or the first fault with its
   * Thai message. Nothing is thrown.
   * @param {unknown} data
   * @returns {{ok: true, shape: "results"|"bundle", files: any[], migrated: boolean, notes: string[]} |
   *           {ok: false, key: string, place: string, message: string}}
   */
  function checkFile(data) {
    /** @param {Fault} f @returns {{ok: false, key: string, place: string, message: string}} */
    const fail = (f) => ({ ok: false, key: f.key, place: f.place, message: message(f) });
    if (!isObject(data)) return fail({ key: "not_object", place: "" });
    const d = /** @type {any} */ (data);
    if (typeof d.format !== "string" || !has(CONTRACT.formats, d.format)) return fail({ key: "not_results", place: "/format" });
    const shape = CONTRACT.formats[d.format];
    // Version 1 files could leave the version out (it was the default); bundles are new in 2.
    const version = has(d, "format_version") ? d.format_version : shape === "results" ? 1 : undefined;
    if (typeof version === "boolean" || !CONTRACT.versions[shape].includes(version))
      return fail({ key: "format_version", place: "/format_version", params: { found: shown(version) } });
    const schema = CONTRACT.schemas[shape];
    const f = check(schema, d, "", schema.$defs);
    if (f) return fail(f);
    const files = shape === "bundle" ? d.results : [d];
    if (shape === "bundle") {
      const who = personKey((d.person || {}).name || "");
      for (let i = 0; i < files.length; i++) {
        const name = (files[i].person || {}).name || "";
        if (personKey(name) !== who)
          return fail({ key: "bundle_person", place: "/results/" + i + "/person/name", params: { found: name } });
      }
    }
    const migrated = files.some((/** @type {any} */ r) => (has(r, "format_version") ? r.format_version : 1) !== CONTRACT.current);
    return {
      ok: true, shape, migrated, notes: migrated ? [CONTRACT.messages.migrated] : [],
      files: files.map((/** @type {any} */ r) => ({ ...r, format_version: CONTRACT.current })),
    };
  }

  /** A chosen file's data, as results.read.read_json: a CSV refused, a BOM allowed.
   * @param {string} name @param {string} text @returns {{ok: true, data: any} | {ok: false, message: string}} */
  function readJson(name, text) {
    if (/\.csv$/i.test(name)) return { ok: false, message: say("import.csv") };
    try {
      return { ok: true, data: JSON.parse(text.replace(/^\ufeff/, "")) };
    } catch (_) {
      return { ok: false, message: message({ key: "not_json", place: "" }) };
    }
  }

  /** @type {any} */ (window).SopCore = {
    thaiDigits: sop.thaiDigits, arabicDigits: sop.arabicDigits, digits, say,
    storage: { load, save, remove, keys },
    download, csvCell, csvText, shortList,
    normalizeText, personKey,
    contract: { checkFile, readJson, message, instant, version: () => CONTRACT.current, formats: () => CONTRACT.formats },
  };
})();
