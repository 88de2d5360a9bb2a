// Links.hilft: pages are built once a day. Between builds, hide consultation hours that have
// already ended and keep "Heute"/"Morgen" right. Without JavaScript the build day's list stays.
(function () {
  "use strict";
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
    mark.className = "lh-running";
    mark.textContent = " – läuft gerade, bis " + Number(end.slice(11, 13)) + ":" + end.slice(14, 16) + " Uhr";
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
      p.hidden = !open;
      if (open) { shown = true; }
    });
  });

  // Relative labels follow the visitor's day, not the build day.
  document.querySelectorAll(".lh-relative").forEach(function (label) {
    var time = label.parentElement.querySelector("time[datetime]");
    if (!time) { return; }
    var diff = Math.round((dayStart(new Date(Date.parse(time.getAttribute("datetime")))) - today) / dayMs);
    var text = diff === 0 ? "Heute" : diff === 1 ? "Morgen" : "";
    if (!text) { label.hidden = true; return; }
    label.textContent = label.textContent.replace(/Heute|Morgen/, text);
  });
})();
