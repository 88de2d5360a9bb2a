// The finder's side of the contract: loads site_overrides/assets/finder-words.js and finder.js as
// the browser would (no page: they only define their functions) and answers every example in
// finder_examples.json. tests/test_contract.py runs this with Node and compares the answers.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const assets = path.join(__dirname, "..", "..", "site_overrides", "assets");
const examples = JSON.parse(fs.readFileSync(path.join(__dirname, "finder_examples.json"), "utf8"));
const window = {};
// finder.js waits for the page (document) and for finder-words.js; neither starts it here.
const context = vm.createContext({ window: window, document: { getElementById: () => null, addEventListener: () => {} } });
for (const name of ["finder-words.js", "finder.js"]) {
  vm.runInContext(fs.readFileSync(path.join(assets, name), "utf8"), context, { filename: name });
}
const words = window.linkshilftWords, finder = window.linkshilftFinder.contract;
// The finder's words per language, as the start page carries them (public/finder_texts.py): the
// file named on the command line holds {code: texts}. The German examples use German.
const texts = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
finder.use(texts.de);

const point = (p) => ({ lat: p[0], lon: p[1] });
process.stdout.write(JSON.stringify({
  normalise: examples.normalise.map(([text]) => words.normalise(text)),
  distances: examples.distances.map((e) => {
    const km = finder.km(point(e.from), point(e.to));
    return { km: km, text: finder.kmText(km) };
  }),
  km_text: examples.km_text.map(([km]) => finder.kmText(km)),
  flag_bits: finder.flags,
  facts: examples.flags.map((e) => finder.facts(e.bits)),
  routes: examples.routes.map((e) => finder.routeUrl({
    street: e.street, postcode: e.postcode, town: e.town, lat: e.lat, lon: e.lon,
    flags: e.at_postcode_centre ? finder.flags.AT_POSTCODE_CENTRE : 0
  })),
  weekday_keys: finder.weekdays,
  dates: examples.dates.map((e) => finder.dateText({ start: e.start, end: e.end }, Date.parse(e.now))),
  languages: examples.languages.map((e) => {
    finder.use(texts[e.lang]);
    return {
      dates: e.dates.map((d) => finder.dateText({ start: d.start, end: d.end }, Date.parse(d.now))),
      km_text: e.km_text.map(([km]) => finder.kmText(km)),
      facts: finder.facts(e.facts[0]),
      plural_forms: e.plural_forms.map(([n]) => finder.pluralForm(n))
    };
  })
}));
