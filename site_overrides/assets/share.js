// Links.hilft: sharing a link – "Seite teilen" on an office page, "Teilen" on each result of the
// finder (finder.js makes those buttons, with the office's address in data-url). The phone's own
// share sheet where the browser has one (Web Share API), else the address is copied; failing that,
// it is shown to copy by hand. Without JavaScript the buttons stay hidden: the address bar shares as well.
(function () {
  "use strict";
  // The words in the page's language: the finder's data block where the page has one
  // (public/finder_texts.py; catalog "finder"), else German.
  function _(message, url) {
    var block = document.getElementById("lh-finder-texte"), messages = block ? JSON.parse(block.textContent).messages : {};
    return (messages[message] || message).replace("%(url)s", url || "");
  }
  function share(button) {
    var box = button.closest(".lh-share"), status = box.querySelector(".lh-share__status");
    var url = button.getAttribute("data-url") ? new URL(button.getAttribute("data-url"), location.href).href : location.href;
    var title = button.getAttribute("data-title") || document.title;
    function say(text) { status.textContent = text; }
    if (navigator.share) {
      navigator.share({ title: title, url: url }).catch(function () { /* closed by the person: nothing to say */ });
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { say(_("Link kopiert.")); }, function () { say(_("Link zum Kopieren: %(url)s", url)); });
    } else {
      say(_("Link zum Kopieren: %(url)s", url));
    }
  }
  // One listener for all, also for the result cards the finder makes later.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".lh-share button");
    if (button) { share(button); }
  });
  window.linkshilftShare = true; // the finder shows its buttons at once from now on
  // Boxes already there (the office page; results the finder showed before this file arrived).
  document.querySelectorAll(".lh-share[hidden]").forEach(function (box) { box.hidden = false; });
})();
