// @ts-check
/* "Now" on a static site: the reader's clock marks the current month on the fiscal-year page
   (rows carry their months as classes, sop-m-12) and fills the start page's block "งานเดือนนี้ /
   ใกล้ครบกำหนด" from the JSON the build wrote (steps' months by sop_helpers.fiscal.months_of, and
   the days they fall due). Numbers, dates and the fiscal year follow sop.js (the page rules). Its words
   are the page's: SopCore.say (the start page carries the wording now.*), the build's own
   "เดือนนี้" badge (moved) and each year's state words on its badge (data-current, ...). */
(function () {
  "use strict";

  /** @typedef {{procedure: string, step: string, number: string, text: string, when: string,
   *   months: number[], due: [number, number, string][], closes_year: boolean}} StepWork */
  /** @typedef {{weeks: number, months: Record<string, string>, fiscal: string,
   *   procedures: Record<string, {title: string, short: string, url: string}>,
   *   steps: StepWork[]}} MonthData */

  const w = /** @type {any} */ (window);
  // The page rules (sop.js, every page): digits, the fiscal year and quarter, Thai dates, el.
  const { digits, fiscalYear, fiscalQuarter: quarter, beYear, el } = w.sop;
  /** sop_helpers.wording.TEXTS[key] filled (the start page loads SopCore).
   *  @param {string} key @param {Record<string, any>} [values] @returns {string} */
  const say = (key, values) => w.SopCore.say(key, values);
  const DAY = 86400000;
  /** "๓๑ ธ.ค. ๒๕๖๙" @param {Date} d @returns {string} */
  const shortDate = (d) => w.sop.date(d, "short");


  /** The row of this month is marked: the build marked its own month, and its badge moves.
   *  @param {Date} now */
  function markMonth(now) {
    const mine = "sop-m-" + (now.getMonth() + 1);
    const built = document.querySelector(".sop-now-badge");
    const badge = built && built.cloneNode(true);
    document.querySelectorAll("tr.sop-now").forEach((row) => {
      if (row.classList.contains(mine)) return;
      row.classList.remove("sop-now");
      row.querySelector(".sop-now-badge")?.remove();
    });
    document.querySelectorAll("tr." + mine).forEach((row) => {
      row.setAttribute("aria-current", "date");
      if (row.classList.contains("sop-now")) return;
      row.classList.add("sop-now");
      const cell = row.querySelector("td p, td");
      if (cell && badge) cell.append(" ", badge.cloneNode(true));
    });
  }

  /** The fiscal-year page: this fiscal year's calendar first and open, the others folded (as
   *  the build ordered them by its own date). @param {Date} now */
  function markYear(now) {
    const mine = document.querySelector('details.sop-fy[data-fy="' + fiscalYear(now) + '"]');
    if (!mine || mine.getAttribute("data-state") === "current") return;
    document.querySelectorAll("details.sop-fy").forEach((d) => {
      const state = d === mine ? "current" : Number(d.getAttribute("data-fy")) > fiscalYear(now) ? "future" : "past";
      /** @type {HTMLDetailsElement} */ (d).open = d === mine;
      d.setAttribute("data-state", state);
      const badge = /** @type {HTMLElement|null} */ (d.querySelector(".sop-fy-state"));
      if (badge) badge.textContent = badge.dataset[state] || "";
    });
    if (mine.parentElement) mine.parentElement.insertBefore(mine, mine.parentElement.querySelector("details.sop-fy"));
  }

  /** The next day on or after ``today`` that is [month, day] (day 0 = the month's last day).
   *  @param {Date} today @param {number} month @param {number} day */
  function nextDue(today, month, day) {
    for (let year = today.getFullYear(); ; year++) {
      const last = new Date(year, month, 0).getDate();
      const date = new Date(year, month - 1, day === 0 ? last : Math.min(day, last));
      if (date >= today) return date;
    }
  }

  /** A link to a step: "ขั้นตอนที่ ๔ จัดทำร่าง…". @param {MonthData} data @param {StepWork} s */
  function stepLink(data, s) {
    const a = /** @type {HTMLAnchorElement} */ (el("a", "", digits(say("now.step", { number: s.number, text: s.text }))));
    a.href = data.procedures[s.procedure].url + "#proc-" + s.procedure + "-" + s.step;
    return a;
  }

  /** @param {HTMLElement} box @param {MonthData} data @param {Date} now */
  function monthWork(box, data, now) {
    const month = now.getMonth() + 1;
    const fy = fiscalYear(now);
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const year = digits(beYear(now));
    const out = document.createDocumentFragment();
    out.append(el("p", "sop-mw-today", say("now.today", { date: shortDate(today), year: fy, quarter: quarter(month) })));
    if (month === 9) {
      out.append(el("p", "sop-mw-turn", say("now.turn", { next: fy + 1, day: 1, month: data.months["10"], year })));
    }
    out.append(el("h3", "sop-mw-head", say("now.month", { month: data.months[String(month)], year })));
    const mine = data.steps.filter((s) => s.months.indexOf(month) >= 0);
    if (!mine.length) out.append(el("p", "", say("now.month.none")));
    for (const pid of Object.keys(data.procedures)) {
      const steps = mine.filter((s) => s.procedure === pid);
      if (!steps.length) continue;
      const group = el("div", "sop-mw-proc");
      group.append(el("p", "sop-mw-title", data.procedures[pid].title));
      const list = el("ul");
      for (const s of steps) {
        const li = el("li");
        li.append(stepLink(data, s), " ", el("span", "sop-mw-when", "(" + digits(s.when) + ")"));
        list.append(li);
      }
      group.append(list);
      out.append(group);
    }

    out.append(el("h3", "sop-mw-head", say("now.due", { weeks: data.weeks })));
    const horizon = today.getTime() + data.weeks * 7 * DAY;
    /** @type {{date: Date, step: StepWork, what: string}[]} */
    const due = [];
    for (const s of data.steps) {
      for (const [m, d, what] of s.due) {
        const date = nextDue(today, m, d);
        if (date.getTime() <= horizon) due.push({ date, step: s, what });
      }
    }
    due.sort((a, b) => a.date.getTime() - b.date.getTime() || a.step.procedure.localeCompare(b.step.procedure));
    if (!due.length) out.append(el("p", "", say("now.due.none")));
    const list = el("ul", "sop-mw-due");
    for (const { date, step, what } of due) {
      const days = Math.round((date.getTime() - today.getTime()) / DAY);
      const li = el("li");
      const year = fiscalYear(date);
      let whose = "";
      // An October deadline closes the year just ended; other work names its year when it is
      // not the current one (the turn of the fiscal year).
      if (step.closes_year) whose = say("now.closes", { year: year - 1 });
      else if (year !== fy) whose = say("now.other_year", { year });
      li.append(
        el("span", "sop-nowrap sop-mw-date", shortDate(date)),
        " " + (days === 0 ? say("now.due.today") : say("now.due.in", { days })) + " ",
        el("span", "sop-mw-title", data.procedures[step.procedure].short + ":"),
        " ", stepLink(data, step), " ", el("span", "sop-mw-when", "· " + digits(what) + whose),
      );
      list.append(li);
    }
    if (due.length) out.append(list);
    const more = /** @type {HTMLAnchorElement} */ (el("a", "", say("now.calendar")));
    more.href = data.fiscal;
    const tail = el("p", "sop-mw-more", say("now.more"));
    tail.append(more);
    out.append(tail);
    box.replaceChildren(out);
  }

  function start() {
    const now = new Date();
    markMonth(now);
    markYear(now);
    document.querySelectorAll(".sop-month-work").forEach((box) => {
      const script = box.querySelector("script.sop-month-data");
      if (!script || !script.textContent) return;
      monthWork(/** @type {HTMLElement} */ (box), JSON.parse(script.textContent), now);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
