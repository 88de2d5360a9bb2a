// Links.hilft: pages are built once a day. Between builds, hide consultation hours that have
// already ended and keep "Heute"/"Morgen" right. Without JavaScript the build day's list stays.
(function () {
  "use strict";
  // The words in the page's language: a JSON data block the build writes from the catalog "termine"
  // (public/dates_texts.py), the same words as the labels it wrote. German where a page has none.
  var block = document.getElementById("lh-termine-texte");
  var words = block ? JSON.parse(block.textContent) : { today: "Heute", tomorrow: "Morgen", running: "läuft gerade, bis %(time)s Uhr" };
  var now = Date.now();
  var dayMs = 86400000;
  function dayStart(date) { return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime(); }
  var today = dayStart(new Date());

  // Office pages and the dates page: drop ended entries.
  document.querySelectorAll("ol.lh-dates > li[data-end], .lh-day li[data-end]").forEach(function (item) {
    if (Date.parse(item.getAttribute("data-end")) < now) { item.hidden = true; }
  });
  // Office page: a date that has begun and not ended says so ("läuft gerade, bis 12:00 Uhr").
  var first = document.querySelector("ol.lh-dates > li[data-end]:not([hidden])");
  var begun = first && first.querySelector("time[datetime]");
  if (begun && Date.parse(begun.getAttribute("datetime")) <= now) {
    var end = first.getAttribute("data-end"), mark = document.createElement("strong");
    // The end in the page's clock (wording.format_clock); "12:00" from data-end where a page lacks it.
    var until = first.getAttribute("data-until") || Number(end.slice(11, 13)) + ":" + end.slice(14, 16);
    mark.className = "lh-running";
    mark.textContent = " – " + words.running.replace("%(time)s", until);
    first.appendChild(mark);
  }
  document.querySelectorAll(".lh-day").forEach(function (day) {
    if (!day.querySelector("li:not([hidden])")) { day.hidden = true; }
  });

  // Cards: show the first date that has not ended.
  document.querySelectorAll(".lh-card").forEach(function (card) {
    var dates = card.querySelectorAll("p.lh-next[data-end]");
    var shown = false;
    dates.forEach(function (p) {
      var open = !shown && Date.parse(p.getAttribute("data-end")) >= now;
      if (p.hidden === open) { p.hidden = !open; } // only what changes: each change costs the phone a new layout
      if (open) { shown = true; }
    });
  });

  // Relative labels follow the visitor's day, not the build day.
  document.querySelectorAll(".lh-relative").forEach(function (label) {
    var time = label.parentElement.querySelector("time[datetime]");
    if (!time) { return; }
    var diff = Math.round((dayStart(new Date(Date.parse(time.getAttribute("datetime")))) - today) / dayMs);
    var text = diff === 0 ? words.today : diff === 1 ? words.tomorrow : "";
    if (!text) { label.hidden = true; return; }
    var built = label.textContent.indexOf(words.today) >= 0 ? words.today : words.tomorrow;
    if (built !== text) { label.textContent = label.textContent.replace(built, text); }
  });
})();
