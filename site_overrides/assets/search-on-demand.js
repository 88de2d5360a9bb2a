// Links.hilft: Material's site search fetches its whole index (search/search_index.json) as every
// page loads, though most visitors never open the search; on a slow phone it competes with the
// finder. This runs before Material's bundle and holds that one request back until the search is
// opened (its field focused: the search button, the "/" key, ?q= in the address all focus it).
// Material asks with XMLHttpRequest; every other request passes through unchanged, but one:
// Material reads the sitemap.xml below every <link rel="alternate"> to find a page in another
// language. The site's language switch links the same page already (partials/alternate.html), and
// those links name the published host: from every page seven requests, to another origin while
// testing. They are never sent.
// Each language has its own index (public/search_index.py): on a page that lives under the folder of
// its language (<html lang="uk"> at /uk/…), Material's request for the site's index goes to that
// folder's instead, so a Ukrainian visitor searches the Ukrainian pages; German pages keep the root's.
// And it makes Material search text that arrives without a key (below).
(function () {
  "use strict";
  var request = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!request) { return; }
  var INDEX = /\/search\/search_index\.json(?:$|\?)/, SITEMAP = /\/sitemap\.xml$/;
  var realOpen = request.open, realSend = request.send;
  var opened = false, waiting = [];
  function open() {
    if (opened) { return; }
    opened = true;
    waiting.forEach(function (go) { go(); });
    waiting = [];
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("md-search__input")) { open(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { open(); }
  });
  // Material reads the search field when a key is released (keyup). Text that comes without one
  // stayed unsearched until the next key: pasted or dropped with the mouse or a finger, chosen from a
  // phone keyboard's suggestions, or typed in a script the keyboard composes (Cyrillic, Arabic on
  // many phones). Every change of the field is passed on as a key release; Material searches a
  // value only once, however often it is told.
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.classList && field.classList.contains("md-search__input")) {
      field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
  function languageIndex(url) {
    var root = url.slice(0, url.search(INDEX) + 1), code = document.documentElement.lang;
    var inFolder = code && location.href.indexOf(root + code + "/") === 0;
    return inFolder ? root + code + "/search/search_index.json" : url;
  }
  request.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.linkshilftIndex = INDEX.test(String(url));
    this.linkshilftSitemap = SITEMAP.test(String(url));
    if (this.linkshilftIndex) { args[1] = languageIndex(String(url)); }
    return realOpen.apply(this, args);
  };
  request.send = function () {
    var xhr = this, args = arguments;
    if (xhr.linkshilftSitemap) { return; }
    if (opened || !xhr.linkshilftIndex) { return realSend.apply(xhr, args); }
    waiting.push(function () { realSend.apply(xhr, args); });
  };
})();
