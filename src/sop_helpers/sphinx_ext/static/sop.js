// @ts-check
/* The page rules (every page, before the feature scripts, which use them as window.sop): the
   browser's one home of digits, B.E. years and Thai dates, the fiscal year and quarter
   (sop_helpers.thai, .fiscal) and a wording's {fields}. Then small page helpers: review banner,
   Thai copy buttons, keyboard access to boxes that scroll sideways. Its own words are the
   page's (sop_helpers.wording.TEXTS page.*): the footer's data-* and the review note. */
(function () {
  "use strict";

  const BE = 543; // B.E. = C.E. + 543 (sop_helpers.thai.be_year)
  /** "12" -> "๑๒" @param {string|number} s */
  const thaiDigits = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  /** "๑๒" -> "12" (inputs are read so) @param {string|number} s */
  const arabicDigits = (s) => String(s).replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  /** In the site's digits (sop_digits: <body> or <html> data-sop-digits, Thai unless "arabic";
   *  thai.apply_digits) @param {string|number} s */
  const digits = (s) => ((document.body?.dataset.sopDigits || document.documentElement.dataset.sopDigits) === "arabic"
    ? arabicDigits(s) : thaiDigits(s));
  /** A wording with its {fields} filled (missing: empty), numbers in the site's digits or as
   *  `number` writes them. @param {string} template @param {Record<string, any>} [values]
   *  @param {(n: number) => string} [number] */
  const fill = (template, values = {}, number = digits) => String(template).replace(/\{(\w+)\}/g,
    (_, k) => (typeof values[k] === "number" ? number(values[k]) : String(values[k] ?? "")));
  /** @param {Date} d */
  const beYear = (d) => d.getFullYear() + BE;
  /** From 1 October, named by the B.E. year it ends in (fiscal.fiscal_year) @param {Date} d */
  const fiscalYear = (d) => beYear(d) + (d.getMonth() >= 9 ? 1 : 0);
  /** 1-4, ต.ค.-ธ.ค. = 1 (fiscal.fiscal_quarter) @param {number} month 1-12 */
  const fiscalQuarter = (month) => Math.floor(((month + 2) % 12) / 3) + 1;
  /** Thai, B.E., site digits (thai.thai_date): "long" ๑ ธันวาคม ๒๕๖๙, "short" ๑ ธ.ค. ๒๕๖๙,
   *  "brief" ๑ ธ.ค. ๖๙; timeZone "Asia/Bangkok": the day in Thailand (team.thai_day).
   *  @param {Date} d @param {"long"|"short"|"brief"} [style] @param {string} [timeZone] */
  const date = (d, style = "long", timeZone) => isNaN(d.getTime()) ? "" : digits(new Intl.DateTimeFormat(
    "th-TH-u-ca-buddhist-nu-latn",
    { day: "numeric", month: style === "long" ? "long" : "short", year: style === "brief" ? "2-digit" : "numeric", timeZone },
  ).format(d));

  /** A new element with its class and text (never HTML). @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A word the build wrote on the footer (data-scroll, data-copy, ...). @param {string} name */
  const word = (name) => {
    const footer = /** @type {HTMLElement|null} */ (document.querySelector(".sop-footer"));
    return (footer && footer.dataset[name]) || "";
  };

  /** Show a banner when the page is past its review date (the footer's note holds its text). */
  function reviewBanner() {
    const note = /** @type {HTMLElement|null} */ (document.querySelector(".sop-review[data-review-due]"));
    const article = document.querySelector("main .bd-article, article.bd-article");
    if (!note || !article || !note.dataset.reviewDue || !note.dataset.reviewLate) return;
    const due = new Date(note.dataset.reviewDue + "T00:00:00");
    if (isNaN(due.getTime()) || new Date() <= due) return;
    const banner = document.createElement("div");
    banner.className = "sop-review-banner admonition warning";
    banner.setAttribute("role", "note");
    banner.textContent = note.dataset.reviewLate;
    article.prepend(banner);
  }

  /** Boxes that scroll sideways (wide tables, code) get a tab stop and a name, once laid out
   *  (a ResizeObserver: reading scrollWidth while loading forced an extra layout). */
  function scrollableBoxes() {
    /** @param {Element} el */
    const mark = (el) => {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        if (!el.hasAttribute("aria-label") && !el.hasAttribute("role")) {
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", word("scroll"));
        }
      }
    };
    const boxes = document.querySelectorAll(".pst-scrollable-table-container, .sop-scroll, div.highlight pre");
    if (typeof ResizeObserver !== "function") {
      boxes.forEach(mark);
      return;
    }
    const observer = new ResizeObserver((entries) => entries.forEach((entry) => mark(entry.target)));
    boxes.forEach((el) => observer.observe(el));
  }

  /** Thai tooltips for sphinx-copybutton, which ships no Thai strings. */
  function thaiCopyButtons() {
    const copy = word("copy");
    if (!copy) return;
    document.querySelectorAll("button.copybtn").forEach((b) => {
      b.setAttribute("data-tooltip", copy);
      b.setAttribute("aria-label", word("copyLabel"));
      b.setAttribute("title", word("copyLabel"));
      b.addEventListener("click", () => b.setAttribute("data-tooltip", word("copyDone")));
      b.addEventListener("blur", () => b.setAttribute("data-tooltip", copy));
    });
  }

  /** The theme's scripts listen only to the first sidebar button of each kind (in the top bar,
   *  hidden on phones and on wide screens); the article's own buttons pass their clicks on. */
  function forwardSidebarToggles() {
    for (const kind of ["primary", "secondary"]) {
      const main = /** @type {HTMLElement|null} */ (document.querySelector("." + kind + "-toggle"));
      if (!main) continue;
      document.querySelectorAll("." + kind + "-toggle").forEach((button) => {
        if (button === main) return;
        button.addEventListener("click", (event) => {
          event.preventDefault();
          main.click();
        });
      });
    }
  }

  /** Today's fiscal year and quarter, as sop_helpers.fiscal computes them (B.E., from October):
   *  the build wrote its own today's line, each value in a span (sop-ft-date, -year, -quarter,
   *  -months); the reader's clock fills them and the "as built" note goes. */
  function fiscalToday() {
    const el = document.querySelector(".sop-fiscal-today");
    if (!el) return;
    const now = new Date();
    const quarter = fiscalQuarter(now.getMonth() + 1);
    const first = ((quarter + 2) % 4) * 3; // the quarter's first month, 0-based (ต.ค. = 9)
    const short = new Intl.DateTimeFormat("th-TH", { month: "short" });
    /** @type {Record<string, string>} */
    const values = {
      date: date(now),
      year: digits(fiscalYear(now)),
      quarter: digits(quarter),
      months: short.format(new Date(2000, first, 1)) + "–" + short.format(new Date(2000, first + 2, 1)),
    };
    for (const [name, value] of Object.entries(values)) {
      const span = el.querySelector(".sop-ft-" + name);
      if (span) span.textContent = value;
    }
    el.querySelector(".sop-ft-built")?.remove();
  }

  function start() {
    fiscalToday();
    forwardSidebarToggles();
    reviewBanner();
    scrollableBoxes();
    // copybutton may add its buttons on DOMContentLoaded too: run after it.
    setTimeout(thaiCopyButtons, 0);
  }

  /** @type {any} */ (window).sop = {
    thaiDigits, arabicDigits, digits, fill, beYear, fiscalYear, fiscalQuarter, date, el, reviewBanner, scrollableBoxes,
  };
  // The feature scripts load after this one and may add to the page first (copybutton its
  // buttons): start once they all ran.
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
