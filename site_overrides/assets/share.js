// Links.hilft: "Seite teilen" on an office page. The phone's own share sheet where the browser
// has one (Web Share API), else the address is copied; failing that, it is shown to copy by hand.
// Without JavaScript the button stays hidden: the address bar shares as well.
(function () {
  "use strict";
  document.querySelectorAll(".lh-share").forEach(function (box) {
    var button = box.querySelector("button"), status = box.querySelector(".lh-share__status");
    box.hidden = false;
    button.addEventListener("click", function () {
      var url = location.href;
      function say(text) { status.textContent = text; }
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function () { /* closed by the person: nothing to say */ });
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { say("Link kopiert."); }, function () { say("Link zum Kopieren: " + url); });
      } else {
        say("Link zum Kopieren: " + url);
      }
    });
  });
})();
