// Links.hilft finder: a few lines that arrive before the finder itself (async, not waiting for the
// page and Material's bundle). Enter or "Suchen" pressed meanwhile would send the form and reload
// the page on a slow connection; instead the search is kept and finder.js answers it when ready.
(function () {
  "use strict";
  function early() {
    var section = document.getElementById("finder");
    if (!section || !window.fetch || !window.URLSearchParams) { return; } // finder.js will not run either
    var form = section.querySelector("form"), input = document.getElementById("lh-q");
    var status = document.getElementById("lh-status"), block = document.getElementById("lh-finder-texte");
    // The page language's words, as finder.js reads them (public/finder_texts.py); German has none.
    var messages = block ? JSON.parse(block.textContent).messages : {};
    function _(message) { return messages[message] || message; }
    var state = window.linkshilftEarly = window.linkshilftEarly || { query: null };
    form.addEventListener("submit", function (event) {
      if (state.ready) { return; } // finder.js has taken over
      event.preventDefault();
      state.query = input.value;
      status.textContent = _("Die Suche wird geladen …");
    });
    section.setAttribute("data-early", "");
  }
  // Async scripts may run while the page is still being read: wait for the finder's last element.
  if (document.getElementById("lh-fussnote")) { early(); } else { document.addEventListener("DOMContentLoaded", early); }
})();
