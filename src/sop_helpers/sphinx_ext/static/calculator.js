// @ts-check
/* The worked examples' calculators on the static site: no kernel, no server.
 *
 * The same rules as sop_helpers/calculators.py, in exact integer arithmetic (BigInt: amounts
 * in satang, percentages in hundredths); no Number touches an amount. tests/vectors/
 * calculators.json drives both. The rates come from the page (a JSON script written at build
 * time from book/data/rates). One namespace: window.SOPCalc.
 */
(function () {
  "use strict";

  /** @typedef {{ok: true, value: bigint} | {ok: false, key: string, max?: string}} Parsed */
  /** @typedef {Record<string, any>} Data */
  /** @typedef {Record<string, any>} Inputs */
  /**
   * @typedef {{ok: boolean, errors?: Record<string, string>, values?: Record<string, any>,
   *   lines?: string[], result?: string, words?: string, illustrative?: boolean,
   *   warning?: string}} Result
   */

  /**
   * The calculators' words (sop_helpers.calculators.texts: messages, warnings, worked lines, the
   * words of an amount), from the page's <script class="sop-calc-texts"> (each form carries those
   * of its calculator). Filled like Python's str.format; numbers go in as "1,234.50".
   * @typedef {{messages: Record<string, string>, warnings: Record<string, string>,
   *   lines: Record<string, string>, baht: {values: string[], places: string[],
   *   exceptions: [string, string][], zero: string, et: string, baht: string, whole: string,
   *   satang: string}}} Texts
   */
  /** @type {Texts|null} */
  let TEXTS = null;
  /** @returns {Texts} */
  function texts() {
    if (!TEXTS) {
      const all = /** @type {Texts} */ ({ messages: {}, warnings: {}, lines: {}, baht: {} });
      for (const script of Array.from(document.querySelectorAll("script.sop-calc-texts"))) {
        const one = JSON.parse(script.textContent || "{}");
        for (const part of ["messages", "warnings", "lines"]) Object.assign(/** @type {any} */ (all)[part], one[part]);
        if (one.baht) all.baht = one.baht;
      }
      TEXTS = all;
    }
    return TEXTS;
  }
  // The page rules (sop.js, every page, loaded first): digits, a wording's {fields}.
  const sop = /** @type {any} */ (window).sop;
  /** Numbers stay Arabic until shown (enhance's show). @param {string} template @param {Record<string, string|number>} values */
  const fill = (template, values) => sop.fill(template, values, String);
  /** A worked line or result (texts().lines). @param {string} key @param {Record<string, string|number>} [values] */
  const line = (key, values = {}) => fill(texts().lines[key], values);

  const MAX_PUPILS = 100000n;
  const MAX_MONEY = 10n ** 12n;
  const MAX_VALUE = 10n ** 9n;
  const SMALL_SCHOOL_MAX = 120n;

  /** Thai digits typed are read as Arabic ones. @type {(text: string) => string} */
  const arabicDigits = sop.arabicDigits;

  /** @param {number} places */
  function pow10(places) {
    return 10n ** BigInt(places);
  }

  /**
   * num / den rounded to a whole number, halves away from zero (Python's ROUND_HALF_UP).
   * @param {bigint} num @param {bigint} den
   */
  function divRound(num, den) {
    const negative = (num < 0n) !== (den < 0n);
    const n = num < 0n ? -num : num;
    const d = den < 0n ? -den : den;
    const q = (2n * n + d) / (2n * d);
    return negative ? -q : q;
  }

  /**
   * Thousands separators: format(123456789n, 2) -> "1,234,567.89".
   * @param {bigint} scaled the number times 10**places @param {number} places
   */
  function format(scaled, places) {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
    const whole = digits.slice(0, digits.length - places);
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const text = places ? `${grouped}.${digits.slice(digits.length - places)}` : grouped;
    return (negative && scaled !== 0n ? "-" : "") + text;
  }

  /** A normalised number as in the vectors: "347652.00". @param {bigint} scaled @param {number} places */
  function plain(scaled, places) {
    return format(scaled, places).replace(/,/g, "");
  }

  /** A rate or weight as written: no decimals when whole. @param {bigint} scaled2 */
  function figure(scaled2) {
    return scaled2 % 100n === 0n ? format(scaled2 / 100n, 0) : format(scaled2, 2);
  }

  /** @param {bigint} scaled2 */
  function pct(scaled2) {
    return line("percent", { value: format(scaled2, 2) });
  }

  /**
   * The number typed in a field (same rules as parse_number in Python).
   * @param {unknown} text @param {{places?: number, max?: bigint, positive?: boolean}} [options]
   * @returns {Parsed} the value times 10**places
   */
  function parseNumber(text, options = {}) {
    const places = options.places || 0;
    const max = options.max === undefined ? MAX_VALUE : options.max;
    const raw = arabicDigits(String(text === undefined || text === null ? "" : text)).replace(
      /[,\s\u00a0\u202f]/g,
      ""
    );
    if (raw === "") return { ok: false, key: "empty" };
    const match = /^-?(\d+)(?:\.(\d+))?$/.exec(raw);
    if (!match) return { ok: false, key: "not_number" };
    const decimals = (match[2] || "").replace(/0+$/, "");
    const isZero = /^0+$/.test(match[1]) && decimals === "";
    if (raw.startsWith("-") && !isZero) return { ok: false, key: "negative" };
    if (decimals && places === 0) return { ok: false, key: "whole" };
    if (decimals.length > places) return { ok: false, key: "places" };
    const value = BigInt(match[1]) * pow10(places) + BigInt(decimals.padEnd(places, "0") || "0");
    if (value > max * pow10(places)) return { ok: false, key: "too_big", max: format(max, 0) };
    if (options.positive && value === 0n) return { ok: false, key: "zero" };
    return { ok: true, value };
  }

  /** Collects every field's error, so a person sees all problems at once. */
  class Fields {
    constructor() {
      /** @type {Record<string, string>} */
      this.errors = {};
    }
    /**
     * @param {Inputs} inputs @param {string} name
     * @param {{places?: number, max?: bigint, positive?: boolean}} [options]
     * @returns {bigint | null}
     */
    read(inputs, name, options) {
      const parsed = parseNumber(inputs[name], options);
      if (parsed.ok) return parsed.value;
      this.errors[name] = fill(texts().messages[parsed.key], { max: parsed.max || "" });
      return null;
    }
    /** @param {string} name @param {string} key */
    fail(name, key) {
      if (!(name in this.errors)) this.errors[name] = texts().messages[key];
    }
    get bad() {
      return Object.keys(this.errors).length > 0;
    }
  }

  // --- amounts in Thai words (PyThaiNLP's num_to_thaiword / bahttext, step by step) ---------

  /** @param {string} digits a block of at most six digits */
  function block(digits) {
    const words = texts().baht;
    const number = BigInt(digits);
    if (number === 0n) return "";
    let out = "";
    const reversed = String(number).split("").reverse();
    reversed.forEach((value, place) => {
      if (value !== "0") out = words.values[Number(value)] + words.places[place] + out;
    });
    for (const [search, replace] of words.exceptions) out = out.split(search).join(replace);
    return lastOne(number, out);
  }

  /** A last หนึ่ง after another digit reads เอ็ด. @param {bigint} number @param {string} out */
  function lastOne(number, out) {
    const { values, et } = texts().baht;
    return number !== 1n && out.endsWith(values[1]) ? out.slice(0, -values[1].length) + et : out;
  }

  /** @param {bigint} number a whole number >= 0 */
  function numToThaiword(number) {
    if (number === 0n) return texts().baht.zero;
    let rest = String(number);
    /** @type {string[]} */
    const groups = [];
    while (rest) {
      groups.push(rest.slice(-6));
      rest = rest.slice(0, -6);
    }
    let out = "";
    for (let i = groups.length - 1; i >= 0; i -= 1) {
      out += block(groups[i]);
      if (i > 0) out += texts().baht.places[6];
    }
    return lastOne(number, out);
  }

  /** Amount in words like sop_helpers.thai.baht_text. @param {bigint} satang >= 0 */
  function bahtText(satang) {
    const words = texts().baht;
    const baht = satang / 100n;
    const cents = satang % 100n;
    if (cents === 0n) return numToThaiword(baht) + words.baht + words.whole;
    return (baht ? numToThaiword(baht) + words.baht : "") + numToThaiword(cents) + words.satang;
  }

  // --- the calculators --------------------------------------------------------------------

  /** @param {Record<string, string>} errors @returns {Result} */
  function failed(errors) {
    return { ok: false, errors };
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function subsidy(data, inputs) {
    const fields = new Fields();
    /** @type {{level: any, n: bigint}[]} */
    const counts = [];
    for (const level of data.levels) {
      const n = fields.read(inputs, level.key, { max: MAX_PUPILS });
      if (n !== null) counts.push({ level, n });
      if (level.rate === null && n) fields.fail(level.key, "no_rate");
    }
    if (fields.bad) return failed(fields.errors);
    let total = 0n;
    /** @type {Record<string, string>} */
    const amounts = {};
    const lines = [];
    let illustrative = false;
    for (const { level, n } of counts) {
      if (n === 0n) continue;
      const rate = /** @type {{ok: true, value: bigint}} */ (parseNumber(level.rate, { places: 2, max: MAX_MONEY }));
      const amount = rate.value * n;
      total += amount;
      amounts[level.label] = plain(amount, 2);
      illustrative = illustrative || Boolean(level.illustrative);
      lines.push(line("subsidy.level", { level: level.label, pupils: format(n, 0), rate: figure(rate.value), amount: format(amount, 2) }));
    }
    const perTerm = divRound(total, 2n);
    lines.push(line("subsidy.total", { total: format(total, 2), term: format(perTerm, 2) }));
    return {
      ok: true,
      warning: "",
      values: { amounts, total: plain(total, 2), per_term: plain(perTerm, 2) },
      lines,
      result: line("money", { amount: format(total, 2) }),
      words: bahtText(total),
      illustrative,
    };
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function allocation(data, inputs) {
    const fields = new Fields();
    const total = fields.read(inputs, "total", { max: MAX_MONEY });
    /** @type {[number, bigint][]} */
    const weights = [];
    /** @type {string[]} */
    const typed = inputs.weights || [];
    typed.forEach((text, index) => {
      if (String(text).trim() === "") return;
      const w = fields.read({ w: text }, "w", { places: 2, max: MAX_VALUE });
      if ("w" in fields.errors) {
        fields.errors[`weight-${index}`] = fields.errors.w;
        delete fields.errors.w;
      } else if (w !== null) weights.push([index, w]);
    });
    const sum = weights.reduce((acc, [, w]) => acc + w, 0n);
    if (!weights.length && !Object.keys(fields.errors).some((k) => k.startsWith("weight-"))) {
      fields.fail("weight-0", "no_rows");
    } else if (weights.length && sum === 0n) {
      fields.fail(`weight-${Math.min(...weights.map(([i]) => i))}`, "zero_weights");
    }
    if (fields.bad || total === null) return failed(fields.errors);
    // Largest remainder: floors first, then one baht each to the largest remainders; ties go
    // to the larger weight, then to the row listed first (as budget.allocate).
    const rows = weights.map(([index, w], order) => ({
      index,
      w,
      order,
      part: (total * w) / sum,
      rem: (total * w) % sum,
    }));
    const floors = rows.reduce((acc, r) => acc + r.part, 0n);
    const left = total - floors;
    const ranked = [...rows].sort((a, b) =>
      a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : a.w !== b.w ? (a.w > b.w ? -1 : 1) : a.order - b.order
    );
    ranked.slice(0, Number(left)).forEach((r) => {
      r.part += 1n;
    });
    /** @type {Record<string, string>} */
    const parts = {};
    const lines = rows.map((r) => {
      parts[String(r.index)] = String(r.part);
      const share = divRound(total * r.w * 100n, sum);
      return line("allocation.row", {
        number: r.index + 1, total: format(total, 0), weight: figure(r.w), sum: figure(sum),
        share: format(share, 2), part: format(r.part, 0),
      });
    });
    lines.push(roundingLine(total, floors, left));
    let result = total === 0n ? line("allocation.none") : line("allocation.done", { total: format(total, 0) });
    let warning = "";
    let over = false;
    if (["1", "true", "on"].includes(String(inputs.requests === undefined || inputs.requests === null ? "" : inputs.requests).trim().toLowerCase())) {
      // The weights are the amounts asked for: how the money compares with what was asked.
      const cents = total * 100n;
      over = cents > sum;
      const asked = { asked: figure(sum), total: format(total, 0), excess: figure(cents - sum) };
      lines.push(
        over
          ? line("allocation.asked.over", asked)
          : cents === sum
            ? line("allocation.asked.equal", asked)
            : line("allocation.asked.under", { ...asked, percent: pct(divRound(cents * 10000n, sum)) })
      );
      if (over) {
        warning = fill(texts().warnings["allocation.over"], asked);
        result += line("allocation.over", asked);
      }
    }
    return {
      ok: true,
      warning,
      values: { parts, left: String(left), over },
      lines,
      result,
      words: bahtText(total * 100n),
      illustrative: false,
    };
  }

  /** The largest-remainder step in words, as a person would say it.
   *  @param {bigint} total @param {bigint} floors @param {bigint} left */
  function roundingLine(total, floors, left) {
    if (total === 0n) return line("allocation.zero");
    const values = { floors: format(floors, 0), left: format(left, 0), total: format(total, 0) };
    // every share came out in whole baht: nothing was rounded
    return line(left === 0n ? "allocation.exact" : "allocation.rest", values);
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function disbursement(data, inputs) {
    const fields = new Fields();
    const allocated = fields.read(inputs, "allocated", { places: 2, max: MAX_MONEY, positive: true });
    const paid = fields.read(inputs, "disbursed", { places: 2, max: MAX_MONEY });
    const quarter = arabicDigits(String(inputs.quarter === undefined ? "" : inputs.quarter)).trim();
    /** @type {any[]} */
    const targets = data.targets;
    const target = targets.find((t) => String(t.quarter) === quarter);
    if (!["1", "2", "3", "4"].includes(quarter)) fields.fail("quarter", "quarter");
    else if (!target || target.percent === null) fields.fail("quarter", "no_target");
    if (fields.bad || allocated === null || paid === null || !target) return failed(fields.errors);
    const t2 = /** @type {{ok: true, value: bigint}} */ (parseNumber(target.percent, { places: 2 })).value;
    const rate = divRound(paid * 10000n, allocated); // hundredths of a per cent
    const needed = t2 * allocated; // satang x 10**4
    const met = paid * 10000n >= needed;
    const gap = needed - paid * 10000n;
    const shortfall = gap > 0n ? divRound(gap, 10000n) : 0n;
    const figures = {
      paid: format(paid, 2), allocated: format(allocated, 2), rate: pct(rate), quarter: target.quarter,
      target: pct(t2), shortfall: format(shortfall, 2), excess: format(paid - allocated, 2),
    };
    const lines = [
      line("disbursement.rate", figures),
      line("disbursement.target", figures),
      line(met ? "disbursement.met" : "disbursement.gap", figures),
    ];
    // More paid out than was allocated cannot be right: the result stands, marked, with a warning.
    const over = paid > allocated;
    let result = line(met ? "disbursement.result.met" : "disbursement.result.short", figures);
    let warning = "";
    if (over) {
      lines.push(line("disbursement.excess", figures));
      warning = fill(texts().warnings["disbursement.over"], { ...figures, rate: format(rate, 2) });
      result += line("disbursement.result.over");
    }
    return {
      ok: true,
      warning,
      values: { rate: plain(rate, 2), target: plain(t2, 2), shortfall: plain(shortfall, 2), met, over },
      lines,
      result,
      words: met ? "" : bahtText(shortfall),
      illustrative: Boolean(target.illustrative),
    };
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function indicator(data, inputs) {
    const fields = new Fields();
    const base = fields.read(inputs, "baseline", { places: 2 });
    const goal = fields.read(inputs, "target", { places: 2 });
    const now = fields.read(inputs, "actual", { places: 2 });
    if (fields.bad || base === null || goal === null || now === null) return failed(fields.errors);
    const rising = goal >= base;
    const met = rising ? now >= goal : now <= goal;
    const progress = goal === base ? (met ? 10000n : 0n) : divRound((now - base) * 10000n, goal - base);
    const lines =
      goal === base
        ? [line("indicator.flat")]
        : [
            line("indicator.line", {
              direction: line(rising ? "indicator.up" : "indicator.down"),
              actual: format(now, 2), baseline: format(base, 2), target: format(goal, 2), progress: pct(progress),
            }),
          ];
    return {
      ok: true,
      warning: "",
      values: { progress: plain(progress, 2), met },
      lines,
      result: line("indicator.result", { state: line(met ? "indicator.met" : "indicator.short"), progress: pct(progress) }),
      words: "",
      illustrative: false,
    };
  }

  /**
   * @template T
   * @param {bigint} n @param {{min: number, max: number | null}[]} bands
   */
  function bandFor(n, bands) {
    return bands.find((b) => n >= BigInt(b.min) && (b.max === null || b.max === undefined || n <= BigInt(b.max)));
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function schoolSize(data, inputs) {
    const fields = new Fields();
    const n = fields.read(inputs, "pupils", { max: MAX_PUPILS, positive: true });
    if (fields.bad || n === null) return failed(fields.errors);
    /** @type {any} */
    const size = bandFor(n, data.sizes);
    /** @type {any} */
    const band = bandFor(n, data.lunch);
    const rate = /** @type {{ok: true, value: bigint}} */ (parseNumber(band.rate, { places: 2 })).value;
    const days = /** @type {{ok: true, value: bigint}} */ (parseNumber(data.days, { places: 2 })).value;
    const perDay = rate * n;
    const perYear = divRound(perDay * days, 100n);
    const small = n <= BigInt(data.small_max === undefined ? SMALL_SCHOOL_MAX : data.small_max);
    const label = size.label;
    const figures = {
      pupils: format(n, 0), size: label, rate: figure(rate), day: format(perDay, 2), days: figure(days),
      year: format(perYear, 2),
    };
    return {
      ok: true,
      warning: "",
      values: {
        size: label,
        small,
        lunch_rate: plain(rate, 2),
        lunch_day: plain(perDay, 2),
        lunch_year: plain(perYear, 2),
      },
      lines: [
        line("school-size.size", figures) +
          (small && !label.includes(line("school-size.small.word")) ? line("school-size.small") : ""),
        line("school-size.lunch", figures),
        line("school-size.year", figures),
      ],
      result: line("school-size.result", figures),
      words: bahtText(perYear),
      illustrative: Boolean(band.illustrative || data.days_illustrative),
    };
  }

  /** @param {Data} data @param {Inputs} inputs @returns {Result} */
  function spending(data, inputs) {
    const fields = new Fields();
    const amount = fields.read(inputs, "amount", { places: 2, max: MAX_MONEY });
    const previous = fields.read(inputs, "previous", { places: 2, max: MAX_MONEY });
    const pupils = fields.read(inputs, "pupils", { max: MAX_PUPILS * 10n, positive: true });
    if (fields.bad || amount === null || previous === null || pupils === null) return failed(fields.errors);
    const perPupil = divRound(amount, pupils);
    const change = amount - previous;
    const changePct = previous ? divRound(change * 10000n, previous) : null;
    const figures = {
      amount: format(amount, 2), previous: format(previous, 2), pupils: format(pupils, 0),
      per: format(perPupil, 2), change: format(change, 2), percent: changePct === null ? "" : pct(changePct),
    };
    const lines = [
      line("spending.per", figures),
      line("spending.change", figures),
      line(changePct === null ? "spending.no_percent" : "spending.percent", figures),
    ];
    return {
      ok: true,
      warning: "",
      values: {
        per_pupil: plain(perPupil, 2),
        change: plain(change, 2),
        change_percent: changePct === null ? null : plain(changePct, 2),
      },
      lines,
      result: line("spending.result", figures),
      words: bahtText(perPupil),
      illustrative: false,
    };
  }

  /** @type {Record<string, (data: Data, inputs: Inputs) => Result>} */
  const CALCULATORS = {
    subsidy,
    allocation,
    disbursement,
    indicator,
    "school-size": schoolSize,
    spending,
  };

  /** @param {string} kind @param {Data} data @param {Inputs} inputs @returns {Result} */
  function compute(kind, data, inputs) {
    const calculator = CALCULATORS[kind];
    if (!calculator) throw new Error(line("unknown", { kind, kinds: Object.keys(CALCULATORS).join(", ") }));
    return calculator(data, inputs);
  }

  // --- the page: forms written by the {calculator} directive ------------------------------

  /** @param {HTMLElement} root */
  function enhance(root) {
    const kind = root.dataset.sopCalc || "";
    const script = root.querySelector("script.sop-calc-data");
    const data = JSON.parse((script && script.textContent) || "{}");
    const form = /** @type {HTMLFormElement | null} */ (root.querySelector("form"));
    const out = /** @type {HTMLElement | null} */ (root.querySelector(".sop-calc-output"));
    if (!form || !out) return;
    // The site's one digit style (decision 1, sop.js).
    /** @param {string} text @returns {string} */
    const show = (text) => sop.digits(text);

    const run = () => {
      /** @type {Inputs} */
      const inputs = {};
      /** @type {string[]} */
      const weights = [];
      for (const element of Array.from(form.elements)) {
        const field = /** @type {HTMLInputElement} */ (element);
        if (!field.name) continue;
        if (field.name.startsWith("weight-")) weights[Number(field.name.slice(7))] = field.value;
        else if (field.type === "checkbox") inputs[field.name] = field.checked ? "1" : "";
        else inputs[field.name] = field.value;
      }
      if (kind === "allocation") inputs.weights = weights;
      const result = compute(kind, data, inputs);
      for (const message of Array.from(root.querySelectorAll(".sop-calc-msg"))) {
        const name = message.getAttribute("data-for") || "";
        const text = (result.errors && result.errors[name]) || "";
        message.textContent = show(text);
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLElement) field.setAttribute("aria-invalid", text ? "true" : "false");
      }
      const lines = /** @type {HTMLElement} */ (out.querySelector(".sop-calc-lines"));
      const main = /** @type {HTMLElement} */ (out.querySelector(".sop-calc-result"));
      const words = /** @type {HTMLElement} */ (out.querySelector(".sop-calc-words"));
      const note = /** @type {HTMLElement} */ (out.querySelector(".sop-calc-note"));
      const warning = /** @type {HTMLElement} */ (out.querySelector(".sop-calc-warning"));
      lines.replaceChildren();
      const warningText = /** @type {HTMLElement} */ (warning.querySelector(".sop-calc-warning-text"));
      warningText.textContent = show(result.warning || "");
      warning.hidden = !result.warning;
      root.classList.toggle("sop-calc-warned", Boolean(result.warning));
      const parts = Array.from(root.querySelectorAll("[data-part-for]"));
      if (!result.ok) {
        main.textContent = line("not_ready");
        words.textContent = "";
        note.hidden = true;
        for (const cell of parts) cell.textContent = ""; // no figures next to an error

        root.dataset.state = "error";
        return;
      }
      for (const line of result.lines || []) {
        const item = document.createElement("li");
        item.textContent = show(line);
        lines.append(item);
      }
      main.textContent = show(result.result || "");
      words.textContent = result.words ? `(${result.words})` : "";
      note.hidden = !result.illustrative;
      if (kind === "allocation" && result.values) {
        for (const cell of parts) {
          const index = cell.getAttribute("data-part-for") || "";
          const part = result.values.parts[index];
          cell.textContent = part === undefined ? "" : show(line("money", { amount: format(BigInt(part), 0) }));
        }
      }
      root.dataset.state = "ok";
    };
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    root.classList.add("sop-calc-ready");
    run();
  }

  /** Wide tables: a visible cue while part of the table is out of view. */
  function scrollCues() {
    /** @type {[HTMLElement, HTMLElement][]} */
    const boxes = [];
    for (const box of Array.from(document.querySelectorAll(".sop-table-scroll"))) {
      const cue = box.parentElement && box.parentElement.querySelector(".sop-scroll-cue");
      if (cue instanceof HTMLElement && box instanceof HTMLElement) boxes.push([box, cue]);
    }
    /** Every box is measured before any cue changes: a change between two reads made the
     *  next read lay the whole page out again. @param {[HTMLElement, HTMLElement][]} which */
    const update = (which) => {
      const more = which.map(([box]) => box.scrollWidth - box.clientWidth - box.scrollLeft > 2);
      which.forEach(([, cue], i) => {
        if (cue.hidden === more[i]) cue.hidden = !more[i];
      });
    };
    for (const pair of boxes) pair[0].addEventListener("scroll", () => update([pair]), { passive: true });
    // Sizes change when the web font arrives and when the window turns. A ResizeObserver
    // calls back once the boxes and their tables are laid out (a table's width follows the
    // font), when reading them costs nothing; reading them at load, also from fonts.ready
    // (already settled: the fonts are preloaded), forced extra layouts of the whole page.
    if (typeof ResizeObserver === "function") {
      const observer = new ResizeObserver(() => update(boxes));
      for (const [box] of boxes) {
        observer.observe(box);
        if (box.firstElementChild) observer.observe(box.firstElementChild);
      }
    } else {
      const all = () => update(boxes);
      window.addEventListener("resize", all);
      all();
      if (document.fonts) document.fonts.ready.then(all);
    }
  }

  const api = { compute, parseNumber, bahtText, numToThaiword, format, texts };
  /** @type {any} */ (window).SOPCalc = api;

  const start = () => {
    for (const root of Array.from(document.querySelectorAll("[data-sop-calc]"))) {
      enhance(/** @type {HTMLElement} */ (root));
    }
    scrollCues();
  };
  // After every deferred script ran.
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
