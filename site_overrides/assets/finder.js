// Links.hilft finder: the nearest consultation hours for a postcode, a place or the browser's location.
// Reads the static files in finder/ (written by hooks/linkshilft/public/finder.py), each only when needed,
// and asks no other host. The location from "Meinen Standort verwenden" stays in this page's memory:
// it is not put into the URL or the history, not stored and not sent. Without this script the form
// stays hidden and the full list below it is the page.
(function () {
  "use strict";
  // --- texts in the page's language ----------------------------------------------------------
  // Messages are marked _("…") and ngettext("…", "…", n) with the German text, as on the Python
  // side; Babel extracts them into the catalog "finder" (make translations). The build writes the
  // page language's translations, which plural form a number takes, and its date and number words
  // (CLDR, through Babel) into <script type="application/json" id="lh-finder-texte">
  // (public/finder_texts.py). German has no translations and goes the same way.
  var texts = null;
  function use(data) { texts = data; }
  function fill(text, values) {
    return values ? text.replace(/%\((\w+)\)s|\{(\w+)\}/g, function (all, name, key) { return String(values[name || key]); }) : text;
  }
  function _(message, values) { return fill(texts.messages[message] || message, values); }
  // The catalog's form for n: precomputed from its Plural-Forms for 0..199 (no eval under the
  // CSP); from 100 on the rules of the site's languages repeat every 100 (checked in Python).
  function pluralForm(n) {
    var table = texts.plural;
    return table ? Number(table.charAt(n < table.length ? n : 100 + n % 100)) : 0;
  }
  function ngettext(singular, plural, n, values) {
    var forms = texts.messages[singular], all = { n: n };
    for (var name in values || {}) { all[name] = values[name]; }
    return fill(forms ? forms[pluralForm(n)] : n === 1 ? singular : plural, all);
  }

  // --- what needs no page: the contract with Python ------------------------------------------
  // The flag bits, distances, their wording and date wording are written again in Python
  // (finder.py, geo.py, way.py, schedule/wording.py); tests/contract/finder_examples.json holds
  // examples that tests/test_contract.py checks on both sides (this side in Node).
  var STEP_FREE = 1, WALK_IN = 2, APPOINTMENT_ONLY = 4, AT_POSTCODE_CENTRE = 8, REGISTRATION = 16; // bits of an office's flags (finder.py)
  var EARTH_RADIUS = 6371.009, DAY = 86400000;
  var WEEKDAYS = ["mo", "di", "mi", "do", "fr", "sa", "so"]; // bit 0 = Monday, as in finder.py

  function km(a, b) {
    var rad = Math.PI / 180, dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  // As geo.format_km: "3,2 km" below 10 km, whole kilometres from there on; the decimal sign
  // and the unit as the language writes them ("3.2 km", "3,2 км").
  function kmText(value) {
    var tenths = Math.round(value * 10), km = texts.km;
    return fill(km.unit, [tenths < 100 ? Math.floor(tenths / 10) + km.decimal + (tenths % 10) : String(Math.round(value))]);
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  // A time's fields for the CLDR patterns of finder_texts.py: 24 hours (H), 12 hours (h) and the day
  // period (a: "AM", "ص"); `side` "0" or "1" for a span's first and second time.
  function clockFields(hhmm, side, fields) {
    var hour = Number(hhmm.slice(0, 2)), twelve = hour % 12 || 12;
    fields["H" + side] = hour; fields["HH" + side] = two(hour); fields["h" + side] = twelve; fields["hh" + side] = two(twelve);
    fields["mm" + side] = hhmm.slice(3, 5); fields["a" + side] = texts.dates.periods[hour < 12 ? 0 : 1];
    return fields;
  }
  function clock(hhmm) { return fill(texts.dates.clock, clockFields(hhmm, "", {})); }
  // "9:00 – 11:00 AM", but "9:00 AM – 1:00 PM" across noon (CLDR's interval, in the pages' hour cycle).
  function span(start, end) {
    var words = texts.dates, samePeriod = Number(start.slice(0, 2)) < 12 === Number(end.slice(0, 2)) < 12;
    return fill(samePeriod ? words.span : words.spanPeriods, clockFields(end, "1", clockFields(start, "0", {})));
  }
  // "Heute, Mi, 25. Nov., 9:00–11:00 Uhr": the parts in the order and with the words of the
  // page's language (CLDR: the day as the skeleton MMMEd, the time as the pages write it).
  function dateText(date, now) {
    var s = date.start, year = Number(s.slice(0, 4)), month = Number(s.slice(5, 7)), day = Number(s.slice(8, 10));
    var today = new Date(now), words = texts.dates;
    var offset = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY);
    var dayText = fill(words.day, { E: words.days[new Date(Date.UTC(year, month - 1, day)).getUTCDay()], d: day, dd: two(day), M: words.months[month - 1] });
    var text = fill(words.join, [span(s.slice(11, 16), date.end), dayText]);
    var relative = offset === 0 ? words.today : offset === 1 ? words.tomorrow : "";
    return relative ? _("%(relative)s, %(date)s", { relative: relative, date: text }) : text;
  }
  // As way.py's route_url: the coordinates, or the address while they are not known.
  function routeUrl(office) {
    var target = office.lat === null || office.flags & AT_POSTCODE_CENTRE ? office.street + ", " + office.postcode + " " + office.town
      : office.lat + "," + office.lon;
    return "https://www.openstreetmap.org/directions?to=" + encodeURIComponent(target);
  }
  // A result card's facts from the office's flags.
  function facts(flags) {
    var walkIn = flags & WALK_IN, registration = flags & REGISTRATION;
    return [flags & APPOINTMENT_ONLY ? _("nach Vereinbarung") : walkIn && registration ? _("teils ohne Anmeldung")
      : walkIn ? _("ohne Anmeldung") : registration ? _("nur mit Anmeldung") : "",
      flags & STEP_FREE ? _("stufenloser Zugang") : _("nicht stufenlos erreichbar")].filter(Boolean).join(" · ");
  }
  var contract = {
    flags: { STEP_FREE: STEP_FREE, WALK_IN: WALK_IN, APPOINTMENT_ONLY: APPOINTMENT_ONLY, AT_POSTCODE_CENTRE: AT_POSTCODE_CENTRE, REGISTRATION: REGISTRATION },
    weekdays: WEEKDAYS, km: km, kmText: kmText, dateText: dateText, routeUrl: routeUrl, facts: facts,
    use: use, gettext: _, ngettext: ngettext, pluralForm: pluralForm
  };

  // The start page reads finder-words.js, then this file, right after the form (finder.html), not
  // waiting for Material's bundle. Either order still works (finder-words.js calls linkshilftFinder
  // when it comes second), and so does a page that puts the scripts before the finder's last element.
  var started = false;
  function whenReady() {
    if (started || !window.linkshilftWords) { return; }
    if (!document.getElementById("lh-fussnote")) { document.addEventListener("DOMContentLoaded", whenReady); return; }
    started = true;
    start();
  }
  window.linkshilftFinder = whenReady;
  whenReady.contract = contract; // read by tests/test_contract.py; the page never uses it
  whenReady();

  function start() {
  var section = document.getElementById("finder"), words = window.linkshilftWords, block = document.getElementById("lh-finder-texte");
  if (!section || !block || !words || !window.fetch || !window.URLSearchParams || !String.prototype.normalize) { return; }
  use(JSON.parse(block.textContent));
  // An office's status in words, as records.model.STATUS_LABELS (tests/test_finder_texts.py compares).
  var STATUSES = { planned: _("in Vorbereitung"), interim: _("Übergangslösung") };
  var searchKey = words.searchKey;
  var PAGE = 10, SUGGESTIONS = 8, FUZZY_MIN_LETTERS = 5, FUZZY_MAX_EDITS = 2;

  var FILTERS = ["thema", "sprache", "tag", "woche", "ohne-anmeldung", "stufenlos"];

  function byId(id) { return document.getElementById(id); }
  var form = section.querySelector("form"), input = byId("lh-q"), listbox = byId("lh-vorschlaege");
  var statusLine = byId("lh-status"), notice = byId("lh-hinweis"), results = byId("lh-ergebnisse");
  var more = byId("lh-mehr"), footnote = byId("lh-fussnote"), hereButton = byId("lh-standort");
  var details = byId("lh-filter"), filterCount = byId("lh-filter-zahl"), root = section.getAttribute("data-root");

  var origin = null;     // {lat, lon, label, outside}: where distances are measured from
  var herePoint = null;  // the browser's location, in memory only
  var ranked = [], shown = 0, searchNumber = 0;

  // --- data ------------------------------------------------------------------------------
  var requests = {};
  function load(url) {
    if (!requests[url]) {
      requests[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      });
      requests[url].catch(function () { delete requests[url]; });
    }
    return requests[url];
  }

  function rows(data, listName, make) {
    var at = {};
    data.fields.forEach(function (name, i) { at[name] = i; });
    return data[listName].map(function (row, i) { return make(function (name) { return row[at[name]]; }, i); });
  }

  var officeData = null;
  function loadOffices() {
    return load(section.getAttribute("data-offices")).then(function (data) {
      officeData = officeData || {
        saxony: data.saxony,
        statuses: data.statuses,
        offices: rows(data, "offices", function (get) {
          var office = {
            id: get("id"), name: get("name"), street: get("street"), postcode: get("postcode"), town: get("town"),
            lat: get("lat"), lon: get("lon"), status: get("status"), flags: get("flags"),
            topics: get("topics").map(function (i) { return data.topics[i]; }),
            languages: get("languages").map(function (i) { return data.languages[i]; }),
            phone: get("phone"), tel: get("tel"), way: get("way")
          };
          office.dates = dates(data, get("dates"), office.languages);
          return office;
        })
      };
      return officeData;
    });
  }

  var places = null;
  function loadPlaces() {
    return load(section.getAttribute("data-places")).then(function (data) {
      if (places) { return places; }
      var count = {};
      places = rows(data, "places", function (get, i) {
        var name = get("name"), label = data.labels[get("label")], key = searchKey(name);
        count[key] = (count[key] || 0) + 1;
        var full = searchKey(name + " " + label);
        return {
          name: name, label: label, lat: get("lat"), lon: get("lon"), key: key, words: key.split(" "),
          full: full, set: words.wordSet(key), fullSet: words.wordSet(full), outside: data.outside.indexOf(label) >= 0, rank: i
        };
      });
      places.forEach(function (place) {
        place.text = count[place.key] > 1 ? place.name + " (" + place.label + ")" : place.name;
      });
      return places;
    });
  }

  // The offices are needed by nearly every search: asked for as the person starts (taps the field,
  // types two digits), so that on a slow network they are mostly there by Enter. A failure is
  // reported by the search itself, which asks again.
  function prefetch(code) {
    loadOffices().catch(function () {});
    if (code) { loadPostcode(code).catch(function () {}); }
  }

  function loadPostcode(code) {
    var url = section.getAttribute("data-postcodes") + code.slice(0, 2) + ".json?v=" + section.getAttribute("data-postcodes-version");
    return load(url).then(function (chunk) { return chunk[code] || null; });
  }

  // --- places by name (the words themselves: finder-words.js) ---------------------------------
  function suggestions(query) {
    var key = searchKey(query), set = words.wordSet(key), exact = [], start = [], word = [];
    if (!key) { return []; }
    places.forEach(function (place) {
      if (place.key === key || place.full === key || place.set === set || place.fullSet === set) { exact.push(place); }
      else if (place.key.indexOf(key) === 0 || place.full.indexOf(key) === 0) { start.push(place); }
      else if (place.words.some(function (w) { return w.indexOf(key) === 0; })) { word.push(place); }
    });
    var found = exact.concat(start, word);
    return (found.length ? found : typos(key)).slice(0, SUGGESTIONS);
  }
  // Nothing matched: names a letter or two away ("Markleeberg", "Dresdn"), the nearest first, the
  // biggest place among equals. Only from five letters on; shorter words are too easily another place.
  function typos(key) {
    if (key.replace(/ /g, "").length < FUZZY_MIN_LETTERS) { return []; }
    var near = [];
    places.forEach(function (place) {
      var d = words.distance(key, place.key, FUZZY_MAX_EDITS);
      place.words.forEach(function (w) { if (w.length >= FUZZY_MIN_LETTERS) { d = Math.min(d, words.distance(key, w, FUZZY_MAX_EDITS)); } });
      if (d <= FUZZY_MAX_EDITS) { near.push({ place: place, d: d }); }
    });
    return near.sort(function (a, b) { return a.d - b.d || a.place.rank - b.place.rank; }).map(function (n) { return n.place; });
  }


  // A row's dates: [day after "built", index into "times", flags] per date; flags bit 0 = without
  // registration, bit 1 + i = counselled in the office's i-th language (finder_dates.py).
  function dates(data, flat, languages) {
    var built = data.built.split("-").map(Number), found = [];
    for (var i = 0; i < flat.length; i += 3) {
      var day = flat[i], span = data.times[flat[i + 1]], flags = flat[i + 2], zone = 0;
      data.zones.forEach(function (z) { if (z[0] <= day) { zone = z[1]; } });
      var noon = new Date(Date.UTC(built[0], built[1] - 1, built[2] + day, 12));
      var ymd = noon.getUTCFullYear() + "-" + two(noon.getUTCMonth() + 1) + "-" + two(noon.getUTCDate());
      var offset = (zone < 0 ? "-" : "+") + two(Math.floor(Math.abs(zone) / 60)) + ":" + two(Math.abs(zone) % 60);
      var start = ymd + "T" + span.slice(0, 5) + offset;
      found.push({
        start: start, end: span.slice(6), walkIn: (flags & 1) === 1, weekday: (noon.getUTCDay() + 6) % 7,
        time: Date.parse(start), until: Date.parse(ymd + "T" + span.slice(6) + offset),
        languages: languages.filter(function (code, n) { return flags >> 1 & 1 << n; })
      });
    }
    return found;
  }
  // The filters that choose dates, not offices: a date counts only if it matches all of them.
  function dateFiltered(filter) { return filter.tag || filter.woche || filter["ohne-anmeldung"] || filter.sprache; }
  function matches(date, filter, now) {
    return (!filter.tag || date.weekday === WEEKDAYS.indexOf(filter.tag)) &&
      (!filter.woche || date.time <= now + 7 * DAY) &&
      (!filter["ohne-anmeldung"] || date.walkIn) &&
      (!filter.sprache || date.languages.indexOf(filter.sprache) >= 0);
  }
  function nextDate(office, now, filter) {
    for (var i = 0; i < office.dates.length; i++) {
      var date = office.dates[i];
      if (date.until >= now && matches(date, filter || {}, now)) { return date; }
    }
    return null;
  }

  // --- state in the URL -------------------------------------------------------------------
  // "ort" and not "q": Material opens its own search for ?q= (and highlights for ?h=).
  function filterValues() {
    var values = {};
    FILTERS.forEach(function (name) {
      var control = form.elements[name];
      values[name] = control.type === "checkbox" ? (control.checked ? "1" : "") : control.value;
    });
    return values;
  }
  function activeFilters() {
    var values = filterValues();
    return FILTERS.filter(function (name) { return values[name]; }).length;
  }
  function writeUrl(query, state) {
    var params = new URLSearchParams(), values = filterValues();
    if (query) { params.set("ort", query); }
    FILTERS.forEach(function (name) { if (values[name]) { params.set(name, values[name]); } });
    var search = params.toString(), url = location.pathname + (search ? "?" + search : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) { history.replaceState(state || null, "", url); }
    else { history.pushState(state || null, "", url); }
  }
  function readUrl() {
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var control = form.elements[name], value = params.get(name) || "";
      if (control.type === "checkbox") { control.checked = value === "1"; }
      else { control.value = value; if (control.value !== value) { control.value = ""; } }
    });
    input.value = params.get("ort") || "";
    updateFilterCount();
    if (activeFilters()) { details.open = true; }
  }
  function updateFilterCount() {
    var count = activeFilters();
    filterCount.textContent = count ? _("(%(n)s aktiv)", { n: count }) : "";
  }

  // --- search -----------------------------------------------------------------------------
  // aria-busy while a search or filter runs: screen readers wait for the final status, tests too.
  var pending = 0;
  function busy(promise) {
    pending++;
    section.setAttribute("aria-busy", "true");
    function done() { if (--pending === 0) { section.setAttribute("aria-busy", "false"); } }
    promise.then(done, done);
    return promise;
  }
  function say(text) { statusLine.textContent = text; }
  function tell(text) { notice.textContent = text; notice.hidden = !text; }
  function clearResults() {
    origin = null; ranked = []; shown = 0;
    results.textContent = ""; results.hidden = true; more.hidden = true; footnote.hidden = true;
  }

  // Resolves what was typed to {lat, lon, label, outside} or {message}. A postcode wins over the
  // words around it ("04209 Leipzig"); an unknown postcode with a town beside it searches the town.
  function locate(query) {
    var parsed = words.parse(query);
    if (parsed.postcode) {
      var digits = parsed.digits, code = parsed.postcode;
      return loadPostcode(code).then(function (point) {
        if (!point) {
          var wrong = digits.length === 4
            ? _("„%(digits)s“ ist keine deutsche Postleitzahl. Deutsche Postleitzahlen haben fünf Ziffern, zum Beispiel 01067. Aus dem Ausland geben Sie bitte den nächsten Ort in Sachsen ein.", { digits: digits })
            : _("Die Postleitzahl %(code)s gibt es nicht. Bitte prüfen Sie die Ziffern oder geben Sie Ihren Ort ein.", { code: code });
          if (!parsed.towns.length) { return { message: wrong }; }
          return locatePlace(parsed.towns, query).then(function (found) {
            if (!found.message) { found.outside = (digits.length === 4 ? wrong : _("Die Postleitzahl %(code)s gibt es nicht – gesucht wurde nach dem Ort.", { code: code })) + (found.outside ? " " + found.outside : ""); }
            return found;
          });
        }
        return loadOffices().then(function (data) {
          var saxon = data.saxony.some(function (prefix) { return code.indexOf(prefix) === 0; });
          return { lat: point[0], lon: point[1], label: _("Postleitzahl %(code)s", { code: code }), query: code, outside: saxon ? "" :
            _("Die Postleitzahl %(code)s liegt nicht in Sachsen. Unsere Sozialsprechstunden gibt es nur in Sachsen – hier die nächstgelegenen.", { code: code }) };
        });
      });
    }
    if (parsed.number) {
      return Promise.resolve({ message: _("„%(number)s“ ist keine deutsche Postleitzahl. Bitte geben Sie fünf Ziffern ein, zum Beispiel 04109, oder einen Ort.", { number: parsed.number }) });
    }
    return locatePlace(parsed.towns, query);
  }

  // The first of the written parts that names a place: "Dresden, Sachsen" finds Dresden.
  function locatePlace(towns, query) {
    return loadPlaces().then(function () {
      var place = null;
      for (var i = 0; i < towns.length && !place; i++) { place = suggestions(towns[i])[0]; }
      if (!place) {
        return { message: _("Einen Ort „%(place)s“ kennen wir nicht. Bitte prüfen Sie die Schreibweise, wählen Sie einen Vorschlag oder geben Sie die Postleitzahl ein.", { place: query.trim() }) };
      }
      return { lat: place.lat, lon: place.lon, label: place.text, query: place.text, outside: place.outside
        ? _("%(place)s liegt nicht in Sachsen (%(region)s). Unsere Sozialsprechstunden gibt es nur in Sachsen – hier die nächstgelegenen.", { place: place.name, region: place.label }) : "" };
    });
  }

  // how: "explicit" (Enter, the button, a suggestion: the answer is brought into view), "typing"
  // (five digits in the field: what was typed stays as it is, nothing moves), "restore" (the URL).
  function search(query, how) {
    var number = ++searchNumber, explicit = how === "explicit";
    closeSuggestions();
    if (!query.trim()) {
      clearResults(); tell(""); say(_("Bitte geben Sie eine Postleitzahl oder einen Ort ein."));
      if (explicit) { reveal(false); }
      return Promise.resolve();
    }
    say(_("Suche läuft …"));
    prefetch(); // alongside the postcode's file, not after it: one round trip less on a slow network
    return busy(locate(query).then(function (found) {
      if (number !== searchNumber) { return; }
      if (explicit && found.query && input.value === query) { input.value = found.query; }
      if (how !== "restore") { writeUrl(found.query || query.trim()); }
      if (found.message) { clearResults(); tell(""); say(found.message); if (explicit) { reveal(false); } return; }
      origin = found;
      return show().then(function () { if (explicit && number === searchNumber) { reveal(true); } });
    }).catch(failed));
  }

  // After an explicit search the answer is on the screen, below the sticky header: the status line
  // and the first result when both fit (an open on-screen keyboard leaves little room), else the
  // first result alone. The focus goes to its heading's link (which also closes a phone's keyboard);
  // after a message it stays in the field, to correct what was typed.
  function reveal(withResults) {
    var header = document.querySelector(".md-header"), top = header ? header.getBoundingClientRect().bottom : 0;
    var first = withResults ? results.firstElementChild : null, link = first && first.querySelector(".lh-result__title a");
    var from = statusLine.getBoundingClientRect().top, margin = 8;
    if (link) {
      link.focus({ preventScroll: true });
      var card = first.getBoundingClientRect();
      if (card.bottom - from > window.innerHeight - top - 2 * margin) { from = card.top; }
    }
    window.scrollTo({ top: window.scrollY + from - top - margin, behavior: "instant" });
  }

  function failed() {
    clearResults();
    say(_("Die Daten für die Suche konnten nicht geladen werden. Bitte laden Sie die Seite neu oder nutzen Sie die Liste aller Stellen weiter unten."));
  }

  function passes(office, filter, now) {
    if (filter.thema && office.topics.indexOf(filter.thema) < 0) { return false; }
    if (filter.stufenlos && !(office.flags & STEP_FREE)) { return false; }
    if (!dateFiltered(filter)) { return true; }
    // Without dates (appointments only) only the language can match: that of the office.
    if (!office.dates.length && !filter.tag && !filter.woche && !filter["ohne-anmeldung"]) {
      return office.languages.indexOf(filter.sprache) >= 0;
    }
    return nextDate(office, now, filter) !== null;
  }

  function show() {
    return busy(loadOffices().then(function (data) {
      if (!origin) { return; }
      var now = Date.now(), filter = filterValues(), count = activeFilters();
      var all = data.offices.map(function (office) {
        return { office: office, km: office.lat === null ? Infinity : km(origin, office) };
      }).sort(function (a, b) { return a.km - b.km || (a.office.name < b.office.name ? -1 : 1); });
      ranked = all.filter(function (entry) { return passes(entry.office, filter, now); });
      results.textContent = ""; shown = 0;
      tell(origin.outside || "");
      if (!ranked.length) {
        var nearest = all[0];
        results.hidden = true; more.hidden = true; footnote.hidden = true;
        var values = { name: nearest.office.name, town: nearest.office.town, km: nearest.km < Infinity ? kmText(nearest.km) : "" };
        say(nearest.km < Infinity
          ? _("Keine Stelle passt zu allen gewählten Filtern. Die nächste Stelle ohne Filter ist %(name)s in %(town)s, %(km)s entfernt.", values)
          : _("Keine Stelle passt zu allen gewählten Filtern. Die nächste Stelle ohne Filter ist %(name)s in %(town)s.", values));
        ranked = [nearest];
        showMore(false);
        results.classList.add("lh-results--unfiltered");
        return;
      }
      results.classList.remove("lh-results--unfiltered");
      var values = { all: all.length, where: origin.label, filters: ngettext("Ihrem Filter", "Ihren %(n)s Filtern", count) };
      say(origin.here
        ? count ? ngettext("%(n)s Stelle von %(all)s passt zu %(filters)s, die nächste zuerst (Entfernung von Ihrem Standort).",
          "%(n)s Stellen von %(all)s passen zu %(filters)s, die nächste zuerst (Entfernung von Ihrem Standort).", ranked.length, values)
          : ngettext("%(n)s Stelle gefunden, die nächste zuerst (Entfernung von Ihrem Standort).",
            "%(n)s Stellen gefunden, die nächste zuerst (Entfernung von Ihrem Standort).", ranked.length, values)
        : count ? ngettext("%(n)s Stelle von %(all)s passt zu %(filters)s, die nächste zuerst (Entfernung von %(where)s).",
          "%(n)s Stellen von %(all)s passen zu %(filters)s, die nächste zuerst (Entfernung von %(where)s).", ranked.length, values)
          : ngettext("%(n)s Stelle gefunden, die nächste zuerst (Entfernung von %(where)s).",
            "%(n)s Stellen gefunden, die nächste zuerst (Entfernung von %(where)s).", ranked.length, values));
      showMore(false);
    }).catch(failed));
  }

  function showMore(moveFocus) {
    var now = Date.now(), first = null;
    ranked.slice(shown, shown + PAGE).forEach(function (entry) {
      var item = resultItem(entry, now);
      first = first || item;
      results.appendChild(item);
    });
    shown = Math.min(ranked.length, shown + PAGE);
    results.hidden = false; footnote.hidden = false;
    more.hidden = shown >= ranked.length;
    more.textContent = _("Weitere Stellen anzeigen (%(n)s übrig)", { n: ranked.length - shown });
    if (moveFocus && first) { first.querySelector("a").focus(); }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // What editors wrote (names, addresses, the way there) is German, and it and phone numbers run left
  // to right also inside a right-to-left page (finder.css keeps such a paragraph on the page's side).
  function german(node) { node.setAttribute("lang", "de"); node.setAttribute("dir", "ltr"); return node; }

  function resultItem(entry, now) {
    var office = entry.office, item = element("li", "lh-result");
    item.setAttribute("data-office", office.id);
    var head = element("div", "lh-result__head"), title = element("h3", "lh-result__title"), link = german(element("a", "", office.name));
    link.href = root + texts.prefix + "stellen/" + office.id + "/";
    title.appendChild(link);
    head.appendChild(title);
    if (entry.km < Infinity) {
      var distance = element("span", "lh-result__km", kmText(entry.km));
      distance.setAttribute("aria-label", _("%(km)s entfernt", { km: kmText(entry.km) }));
      head.appendChild(distance);
    }
    item.appendChild(head);
    if (office.status) { item.appendChild(element("p", "lh-status", STATUSES[office.status] || officeData.statuses[office.status] || office.status)); }
    var next = nextDate(office, now, filterValues()), when = element("p", "lh-next");
    if (next && next.time <= now) {  // begun and not ended: worth going now
      when.appendChild(document.createTextNode(_("Läuft gerade, ")));
      var running = element("time", "", _("bis %(time)s Uhr", { time: clock(next.end) }));
      running.setAttribute("datetime", next.start);
      when.appendChild(running);
      when.classList.add("lh-next--running");
      if (!next.walkIn) { when.appendChild(document.createTextNode(" – " + _("nur mit Anmeldung"))); }
    } else if (next) {
      when.appendChild(document.createTextNode(_("Nächster Termin: ")));
      var time = element("time", "", dateText(next, now));
      time.setAttribute("datetime", next.start);
      when.appendChild(time);
      if (!next.walkIn) { when.appendChild(document.createTextNode(" – " + _("nur mit Anmeldung"))); }
    } else {
      when.textContent = office.flags & APPOINTMENT_ONLY ? _("Termine nach Vereinbarung")
        : office.dates.length ? _("Die nächsten Termine stehen auf der Seite der Stelle.") : _("Zurzeit keine festen Termine");
    }
    item.appendChild(when);
    item.appendChild(german(element("p", "lh-result__address", office.street + ", " + office.postcode + " " + office.town)));
    // Registration needed for the date shown (or appointments only): the number, one tap to call.
    if (office.tel && (next ? !next.walkIn : office.flags & APPOINTMENT_ONLY)) {
      var phone = element("p", "lh-result__phone", _("Anmeldung: ")), call = german(element("a", "", office.phone));
      call.href = office.tel;
      phone.appendChild(call);
      item.appendChild(phone);
    }
    item.appendChild(element("p", "lh-result__facts", facts(office.flags)));
    // The way there: a plain link (nothing goes to OpenStreetMap before the tap) and the stop.
    var route = element("p", "lh-result__way"), routeLink = element("a", "", _("Route planen"));
    routeLink.href = routeUrl(office);
    route.appendChild(routeLink);
    if (office.way) {
      route.appendChild(document.createTextNode(" · "));
      route.appendChild(german(element("span", "", office.way)));
    }
    item.appendChild(route);
    // Share this office: share.js does it, as for "Seite teilen" on the office page; until that file
    // has arrived the box stays hidden (no button that does nothing).
    var shareBox = element("p", "lh-share lh-result__share"), shareButton = element("button", "md-button", _("Teilen"));
    shareButton.type = "button";
    shareButton.setAttribute("aria-label", _("%(name)s teilen", { name: office.name }));
    shareButton.setAttribute("data-url", link.href);
    shareButton.setAttribute("data-title", office.name);
    shareBox.appendChild(shareButton);
    shareBox.appendChild(document.createTextNode(" "));
    var shareStatus = element("span", "lh-share__status");
    shareStatus.setAttribute("role", "status");
    shareBox.appendChild(shareStatus);
    shareBox.hidden = !window.linkshilftShare;
    item.appendChild(shareBox);
    return item;
  }

  // --- suggestions (ARIA combobox with a list box) ------------------------------------------
  var offered = [], active = -1;
  function closeSuggestions() {
    offered = []; active = -1; listbox.textContent = ""; listbox.hidden = true;
    input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
  }
  function offer(items) {
    closeSuggestions();
    offered = items;
    items.forEach(function (place, i) {
      var option = element("li", "lh-finder__option", place.name);
      option.id = "lh-vorschlag-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.appendChild(element("span", "lh-finder__where", place.label));
      option.setAttribute("aria-label", place.name + ", " + place.label);
      listbox.appendChild(option);
    });
    listbox.hidden = !items.length;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }
  function highlight(index) {
    var options = listbox.children;
    if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
    active = index;
    if (active >= 0) {
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    } else { input.removeAttribute("aria-activedescendant"); }
  }
  function choose(place) { input.value = place.text; search(place.text, "explicit"); }

  input.addEventListener("focus", function () { prefetch(); });
  input.addEventListener("input", function () {
    var value = input.value, start = /^\s*(\d\d)/.exec(value);
    if (start) { prefetch(start[1] + "000"); } // the file for postcodes beginning with these two digits
    if (/^\s*\d{5}\s*$/.test(value)) { search(value, "typing"); return; }
    if (/\d/.test(value) || searchKey(value).length < 2) { closeSuggestions(); return; }
    loadPlaces().then(function () { if (input.value === value) { offer(suggestions(value)); } }, closeSuggestions);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!offered.length) { return; }
      event.preventDefault();
      // Down from the field to the first, round to the top; up from the first back to the field.
      highlight(event.key === "ArrowDown" ? (active + 1) % offered.length : active < 0 ? offered.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(offered[active]);
    } else if (event.key === "Escape" && offered.length) {
      event.preventDefault();
      closeSuggestions();
    }
  });
  input.addEventListener("blur", closeSuggestions);
  listbox.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the focus in the field
  listbox.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option]");
    if (option) { choose(offered[Array.prototype.indexOf.call(listbox.children, option)]); }
  });

  // --- form, filters, location, history -------------------------------------------------------
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value, "explicit");
  });
  form.addEventListener("change", function (event) {
    if (event.target === input) { return; }
    filtersChanged();
  });
  byId("lh-zuruecksetzen").addEventListener("click", function () {
    FILTERS.forEach(function (name) {
      var control = form.elements[name];
      if (control.type === "checkbox") { control.checked = false; } else { control.value = ""; }
    });
    filtersChanged();
  });
  function filtersChanged() {
    updateFilterCount();
    var here = origin && origin.here;
    writeUrl(here ? "" : input.value.trim(), here ? { here: true } : null);
    if (origin) { show(); }
  }
  more.addEventListener("click", function () { showMore(true); });

  if (navigator.geolocation) {
    hereButton.addEventListener("click", function () {
      var number = ++searchNumber;
      say(_("Ihr Standort wird bestimmt …"));
      busy(new Promise(function (resolve) {
        navigator.geolocation.getCurrentPosition(function (position) {
          if (number !== searchNumber) { resolve(); return; }
          herePoint = { lat: position.coords.latitude, lon: position.coords.longitude, label: "", outside: "", here: true };
          origin = herePoint;
          input.value = "";
          writeUrl("", { here: true });
          resolve(show().then(function () { if (number === searchNumber) { reveal(true); } }));
        }, function (error) {
          if (number === searchNumber) {
            say(error.code === 1
              ? _("Ihr Browser gibt den Standort nicht frei. Bitte geben Sie Postleitzahl oder Ort ein.")
              : _("Ihr Standort konnte nicht bestimmt werden. Bitte geben Sie Postleitzahl oder Ort ein."));
            reveal(false);
          }
          resolve();
        }, { timeout: 15000, maximumAge: 600000 });
      }));
    });
  } else {
    hereButton.parentNode.hidden = true;
  }

  function restore(state) {
    readUrl();
    if (input.value.trim()) { return search(input.value, "restore"); }
    searchNumber++;
    tell("");
    if (state && state.here && herePoint) { origin = herePoint; return show(); }
    clearResults();
    say("");
  }
  window.addEventListener("popstate", function (event) { restore(event.state); });

  // On a page in another language than German, the line above the form (finder.html) tells how many
  // offices counsel in it; its button shows only those (the language filter, as if chosen in the list).
  var ownButton = document.getElementById("lh-eigene-sprache");
  if (ownButton && texts.own) {
    ownButton.addEventListener("click", function () {
      form.elements.sprache.value = texts.own.code;
      filtersChanged();
      if (!origin) {
        say(_("Es werden nur Stellen gezeigt, die auf %(language)s beraten. Bitte geben Sie Postleitzahl oder Ort ein.", { language: texts.own.name }));
        input.focus();
      }
    });
  }

  section.setAttribute("aria-busy", "false");
  section.hidden = false;
  if (window.performance && performance.mark) { performance.mark("linkshilft-finder-ready"); } // read by bench/finder_speed.py
  // A search sent before this script was ready (finder-early.js kept it) is answered now.
  var early = window.linkshilftEarly = window.linkshilftEarly || { query: null };
  early.ready = true;
  if (early.query !== null) { input.value = early.query; search(early.query, "explicit"); }
  else { restore(history.state); }
  }
})();
