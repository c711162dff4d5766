// @ts-check
/* Small page helpers of the handbook (every page): review banner, Thai copy buttons,
   keyboard access to boxes that scroll sideways. No globals except window.sop. Its words come
   from the page (sop_helpers.wording.TEXTS page.*): the footer's data-* and the review note. */
(function () {
  "use strict";

  /** The site's digit style (setting sop_digits, on <body data-sop-digits>). */
  const arabic = () => document.body.dataset.sopDigits === "arabic";
  /** Numbers in the site's digit style, as the build writes them (sop_helpers.thai.apply_digits;
   *  SopCore.digits does the same for the feature scripts). @param {string|number} s */
  const digits = (s) => arabic()
    ? String(s).replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    : String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

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

  /** Boxes that scroll sideways (wide tables, code) get a tab stop and a name. Their sizes are
   *  read in a ResizeObserver, once the browser has laid the page out anyway: reading
   *  scrollWidth while the page loads forced a whole extra layout (the biggest script task on
   *  the worked examples). It fires again when the font arrives or the window turns. */
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
    const month = now.getMonth() + 1;
    const year = now.getFullYear() + 543 + (month >= 10 ? 1 : 0);
    const quarter = Math.floor(((month + 2) % 12) / 3) + 1;
    const first = ((quarter + 2) % 4) * 3; // the quarter's first month, 0-based (ต.ค. = 9)
    const locale = "th-TH-u-ca-buddhist-nu-" + (arabic() ? "latn" : "thai");
    const short = new Intl.DateTimeFormat(locale, { month: "short" });
    /** @type {Record<string, string>} */
    const values = {
      date: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(now),
      year: digits(year),
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
    // copybutton adds its buttons on DOMContentLoaded too: run after it.
    setTimeout(thaiCopyButtons, 0);
  }

  /** @type {any} */ (window).sop = { reviewBanner, scrollableBoxes, digits };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
