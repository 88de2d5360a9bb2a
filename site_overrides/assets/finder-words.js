// Links.hilft finder: what a person typed, read as people write addresses. Used by finder.js (read
// before it; either order works); no network, no page access: window.linkshilftWords holds the functions.
(function () {
  "use strict";

  // As finder.normalise in Python: lower case, ä→ae, ß→ss, accents dropped, words by single spaces.
  function normalise(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .replace(/ł/g, "l").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }
  // Matching also forgives a missing umlaut: "Gorlitz", "Görlitz" and "Goerlitz" are one key.
  function searchKey(text) { return normalise(text).replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u"); }
  // The words of a key in alphabetical order: "Grünau, Leipzig" and "Leipzig-Grünau" are one set.
  function wordSet(key) { return key.split(" ").sort().join(" "); }

  // A five-digit postcode anywhere, as on a letter: "04209 Leipzig", "Leipzig, 04209", "D-04209",
  // "DE-04209", "Stuttgarter Allee 16, 04209 Leipzig". House numbers have fewer digits.
  var FIVE = /(^|[\s,;(/])(?:DE?\s*[-–]?\s*)?(\d{5})(?=$|[\s,;)/\-–])/i;
  // Four digits only at the start: a postcode written without its leading zero ("1067 Dresden").
  var FOUR = /^(?:DE?\s*[-–]?\s*)?(\d{4})(?=$|[\s,;\-–])/i;

  // The parts of a place name someone may have written around it, most likely first:
  // "Dresden, Sachsen" → ["Dresden, Sachsen", "Dresden", "Sachsen"]. Parts with digits are streets.
  function townParts(text) {
    var cleaned = text.replace(/^[\s,;\-–/]+|[\s,;\-–/]+$/g, "");
    if (!cleaned) { return []; }
    var parts = cleaned.split(/\s*[,;/]\s*/).filter(function (part) { return part && !/\d/.test(part); });
    return (/\d/.test(cleaned) ? [] : [cleaned]).concat(parts.length > 1 ? parts : parts.filter(function (p) { return p !== cleaned; }));
  }

  // {postcode, digits, towns} for a postcode (with the towns written beside it, to fall back on),
  // {number} for digits that are no postcode, {towns} for a place.
  function parse(typed) {
    var text = typed.replace(/\s+/g, " ").trim(), match = FIVE.exec(text);
    if (match) {
      var rest = text.slice(0, match.index) + match[1] + " " + text.slice(match.index + match[0].length);
      return { postcode: match[2], digits: match[2], towns: townParts(rest) };
    }
    match = FOUR.exec(text);
    if (match) {
      return { postcode: "0" + match[1], digits: match[1], towns: townParts(text.slice(match[0].length)) };
    }
    if (/^[\s\d-]+$/.test(text)) { return { number: text }; }
    return { towns: townParts(text) };
  }

  // Edit distance (insert, delete, replace one letter), or limit + 1 once it is surely above limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        best = Math.min(best, current[j]);
      }
      if (best > limit) { return limit + 1; }
      previous = current;
    }
    return previous[b.length];
  }

  window.linkshilftWords = { normalise: normalise, searchKey: searchKey, wordSet: wordSet, parse: parse, distance: distance };
  if (window.linkshilftFinder) { window.linkshilftFinder(); } // finder.js came first and waits for this file
})();
