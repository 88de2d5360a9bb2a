"""The language versions in Chromium (issue 19): a Ukrainian reader goes from /uk/ to an office's
page and switches it to Arabic, which is the same office, mirrored."""

from __future__ import annotations

import re

from playwright.sync_api import expect

# How far the text of an element stands from its box's left and right edges (the text, not the block).
TEXT_GAPS = """(selector) => {
  const element = document.querySelector(selector), range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect(), box = element.getBoundingClientRect();
  return {left: text.left - box.left, right: box.right - text.right};
}"""


def test_from_the_ukrainian_start_page_to_an_office_and_with_the_switch_to_its_arabic_page(server, new_page):
    page = new_page(width=1280)
    page.goto(server + "uk/")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    card = page.locator(".lh-list .lh-card__title a").first
    office = card.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    card.click()
    expect(page).to_have_url(re.compile(rf"/uk/stellen/{office}/$"))
    expect(page.locator("h2#termine")).to_have_text("Найближчі дати")

    page.locator(".md-header__option .md-select").hover()  # the theme's menu opens on hover and focus
    page.locator('.md-select__link[hreflang="ar"]').click()
    expect(page).to_have_url(re.compile(rf"/ar/stellen/{office}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content article')).direction") == "rtl"
    # Mirrored: the heading starts at the right edge of the content, not the left.
    gaps = page.evaluate(TEXT_GAPS, "article h1")
    assert gaps["right"] < 5 < gaps["left"], gaps
    assert page.evaluate("getComputedStyle(document.querySelector('address')).direction") == "ltr"


def test_the_switch_works_with_the_keyboard_alone(server, new_page):
    page = new_page(width=1280)
    page.goto(server + "stellen/leipzig-plagwitz/")
    page.locator(".md-header__option button").focus()
    link = page.locator('.md-select__link[hreflang="uk"]')
    for _ in range(10):
        if page.evaluate("document.activeElement.getAttribute('hreflang') === 'uk'"):
            break
        page.keyboard.press("Tab")
    expect(link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/uk/stellen/leipzig-plagwitz/$"))


# Where the last character of an element's text, and the character before it, stand on the screen.
LAST_TWO = """(selector) => {
  const element = document.querySelector(selector), walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = null, last = null;
  while ((node = walker.nextNode())) { if (node.data.trim()) { last = node; } }
  const end = last.data.trimEnd().length, at = (i) => {
    const range = document.createRange(); range.setStart(last, i); range.setEnd(last, i + 1);
    return range.getBoundingClientRect();
  };
  return {text: last.data.trimEnd().slice(-2), before: at(end - 2), last: at(end - 1)};
}"""


def test_german_paragraphs_on_an_arabic_page_keep_their_full_stop_at_the_end(server, new_page):
    """A German paragraph (the way there, editors' notes) on a right-to-left page reads left to right: its
    closing full stop stands after its last word, not in front of its first (the bidi algorithm puts
    neutral characters at the paragraph's start side when the paragraph's direction is right to left)."""
    page = new_page(width=390)
    page.goto(server + "ar/stellen/leipzig-plagwitz/")
    selector = "article p[data-search-exclude][lang=de]"  # the way there
    found = page.evaluate(LAST_TWO, selector)
    assert found["text"] == "s.", found  # "… zweite Tür links."
    assert found["last"]["left"] > found["before"]["left"], found  # the full stop right of the "s"
    # It stays on the page's side: right-aligned like the Arabic text around it.
    gaps = page.evaluate(TEXT_GAPS, selector)
    assert gaps["right"] < 5, gaps


# Where the German name's two words stand when the link is just too narrow for the label on one line:
# the box is made as wide as the label up to the end of "Leichte", so a line must break somewhere.
GERMAN_NAME_LINES = """(link) => {
  const text = [...link.querySelectorAll('*'), link].flatMap(e => [...e.childNodes])
    .find(n => n.nodeType === Node.TEXT_NODE && n.data.includes('Leichte'));
  const at = word => { const r = document.createRange(), i = text.data.indexOf(word);
    r.setStart(text, i); r.setEnd(text, i + word.length); return r; };
  const upToWord = document.createRange();
  upToWord.setStart(text, 0);
  upToWord.setEnd(text, text.data.indexOf('Leichte') + 'Leichte'.length);
  link.style.display = 'inline-block';
  link.style.whiteSpace = 'nowrap';
  const width = upToWord.getBoundingClientRect().width;
  link.querySelectorAll('*').forEach(e => { e.style.whiteSpace = 'normal'; e.style.overflow = 'visible'; });
  link.style.whiteSpace = 'normal';
  link.style.width = Math.ceil(width + 2) + 'px';
  const tops = ['Leichte', 'Sprache'].map(word => Math.round(at(word).getBoundingClientRect().top));
  return {tops, lines: Math.round(link.getBoundingClientRect().height / parseFloat(getComputedStyle(link).lineHeight))};
}"""


def test_the_german_name_of_easy_language_stays_in_one_piece_in_arabic_and_persian_links(server, new_page):
    """"الألمانية المبسّطة (Leichte Sprache)": broken between the German words, the right-to-left line
    put each bracket at the wrong end of its half ("Leichte)" above "(Sprache"). A no-break space
    keeps the German name, with its brackets, on one line."""
    page = new_page(width=1280)
    for code in ("ar", "fa"):
        page.goto(f"{server}{code}/")
        link = page.locator('.md-footer a[href$="leichte-sprache/"]')
        expect(link).to_have_count(1)
        measured = link.evaluate(GERMAN_NAME_LINES)
        assert measured["lines"] >= 2, measured  # the label did wrap
        top_leichte, top_sprache = measured["tops"]
        assert top_leichte == top_sprache, (code, measured)
