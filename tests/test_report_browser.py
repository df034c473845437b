"""The report in a real browser: headless Chromium via Selenium.

The report of the seeds plus one hostile article is opened from a file:// URL;
the page must show every span of the spans table as a highlight, hide a layer
when its checkbox is cleared, lay the articles out side by side (stacked on a
narrow window), and run none of the hostile article's markup.

Set FRAMING_REPORT_SCREENSHOT=/some/file.png to keep copies of the screenshots
(file-real.png, file-hand-made.png).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from report_fixture import fake_analysis, seed_articles

from framing.report import write_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

HOSTILE_FILE = "999_hostile.txt"
HOSTILE_TEXT = (
    "Hostile test article <script>window.__pwned=1</script>\n"
    "The regime said the rebels could advance, a brutal turn. "
    '<img src=x onerror="window.__pwned=2"> Officials said that the militants may retreat. '
    "</div></article><b>not bold</b>\n"
    '"The terrorists will clearly fail," a spokesman declared.\n')
HOSTILE_ROW = {"doc_id": "999", "file": HOSTILE_FILE, "outlet": "Test <Outlet> & Co",
               "title": "<script>window.__pwned=3</script>", "date": "2024-12-06", "url": "",
               "event": "aleppo-2024", "relation": "injected test article"}


def _hostile_corpus(seeds: Path, folder: Path) -> Path:
    """A copy of the seeds plus the hostile article (and its manifest row)."""
    shutil.copytree(seeds, folder)
    (folder / HOSTILE_FILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    manifest = pd.concat([manifest, pd.DataFrame([HOSTILE_ROW])[manifest.columns]])
    manifest.to_csv(folder / "manifest.csv", index=False)
    return folder


def _real_analysis(corpus: Path):
    import framing
    try:
        return framing.analyze(corpus, n_jobs=1)
    except NotImplementedError as err:  # an upstream stage still being written
        pytest.skip(f"framing.analyze is not complete yet: {err!r}")


def _fake_analysis(corpus: Path):
    return fake_analysis(seed_articles(corpus), boilerplate=[
        {"doc_id": "999", "raw_start": 0, "raw_end": 8, "clean_pos": 0, "kind": "byline",
         "text": "By <script>window.__pwned=4</script>"}])


@pytest.fixture(scope="module")
def driver():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("headless Chromium is not installed (Debian packages chromium and "
                    "chromium-driver; `make browser-deps` installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="framing-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", "--window-size=1600,1000",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager never tries to download one.
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module", params=["real", "hand-made"])
def opened(request, driver, seeds_dir, tmp_path_factory):
    """(analysis, report path) with the report open in the browser."""
    folder = _hostile_corpus(seeds_dir, tmp_path_factory.mktemp("corpus") / "seeds")
    analysis = _real_analysis(folder) if request.param == "real" else _fake_analysis(folder)
    path = write_report(analysis, tmp_path_factory.mktemp("report") / "report.html")
    driver.set_window_size(1600, 1000)
    driver.get(path.resolve().as_uri())
    return analysis, path, request.param


PAGE_SPANS = """
const out = {};
for (const el of document.querySelectorAll('.fr-text .fr-hl[data-layer]')) {
  const key = [el.dataset.doc, el.dataset.start, el.dataset.end, el.dataset.layer].join('|');
  out[key] = (out[key] || '') + el.textContent;
}
return out;
"""


def test_every_span_is_a_highlight(opened, driver):
    analysis = opened[0]
    on_page = driver.execute_script(PAGE_SPANS)
    spans = analysis.spans
    assert len(spans) > 20
    expected = {f"{r.doc_id}|{int(r.start)}|{int(r.end)}|{r.layer}": r.text for r in spans.itertuples()}
    missing = sorted(set(expected) - set(on_page))
    assert not missing, f"{len(missing)} spans have no highlight, e.g. {missing[:5]}"
    assert set(on_page) == set(expected)
    wrong = {k: (v, on_page[k]) for k, v in expected.items() if v.replace("\n", "") != on_page[k]}
    assert not wrong, f"highlight text differs from span text: {list(wrong.items())[:3]}"
    # the hostile article is there, with highlights of its own
    assert any(key.startswith("999|") for key in on_page)


STYLE_OF_LAYER = """
return Array.from(document.querySelectorAll('.fr-text .fr-' + arguments[0])).map(el => {
  const s = getComputedStyle(el);
  const border = s.borderBottomStyle !== 'none' && s.borderBottomColor !== 'rgba(0, 0, 0, 0)'
    && parseFloat(s.borderBottomWidth) > 0;
  return {line: s.textDecorationLine, background: s.backgroundColor, border: border};
});
"""


def _marked(style: dict) -> bool:
    """Whether a highlight is visibly marked: a line, a background or a border."""
    return style["line"] != "none" or style["background"] != "rgba(0, 0, 0, 0)" or style["border"]


@pytest.mark.parametrize("layer", ["actor_label", "loaded", "hedge", "booster", "attribution"])
def test_clearing_a_layer_checkbox_hides_its_highlights(opened, driver, layer):
    analysis = opened[0]
    if not (analysis.spans["layer"] == layer).any():
        pytest.skip(f"no {layer} spans in this analysis")
    box = driver.find_element("css selector", f'input[data-toggle="{layer}"]')
    before = driver.execute_script(STYLE_OF_LAYER, layer)
    assert before and all(map(_marked, before))
    box.click()
    try:
        after = driver.execute_script(STYLE_OF_LAYER, layer)
        assert not any(map(_marked, after)), after[:3]
        # the other layers stay marked
        other = "hedge" if layer != "hedge" else "loaded"
        if (analysis.spans["layer"] == other).any():
            assert all(map(_marked, driver.execute_script(STYLE_OF_LAYER, other)))
    finally:
        box.click()
    assert driver.execute_script(STYLE_OF_LAYER, layer) == before


def test_only_button_shows_one_layer(opened, driver):
    analysis = opened[0]
    present = [layer for layer in ("actor_label", "loaded", "hedge", "booster", "attribution")
               if (analysis.spans["layer"] == layer).any()]
    try:
        driver.find_element("css selector", 'button[data-only="hedge"]').click()
        for layer in present:
            styles = driver.execute_script(STYLE_OF_LAYER, layer)
            if layer == "hedge":
                assert all(map(_marked, styles))
            else:
                assert not any(map(_marked, styles)), layer
    finally:
        driver.find_element("css selector", 'button[data-only="all"]').click()
    for layer in present:
        assert all(map(_marked, driver.execute_script(STYLE_OF_LAYER, layer)))


def test_hostile_markup_runs_nothing_and_shows_as_text(opened, driver):
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return document.querySelectorAll('.fr-text img, .fr-text b').length") == 0
    assert driver.execute_script("return document.scripts.length") == 1
    card = driver.find_element("css selector", 'article[data-doc="999"]')
    text = card.text
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "</div></article><b>not bold</b>" in text
    assert "Test <Outlet> & Co" in text


def test_popover_shows_layer_voice_and_speaker(opened, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    el = driver.find_element("css selector", ".fr-text .fr-hl[data-layer]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    ActionChains(driver).move_to_element(el).perform()
    pop = driver.find_element("css selector", ".fr-pop")
    assert pop.is_displayed()
    assert "voice" in pop.text and el.text.strip() in pop.text
    driver.execute_script("window.scrollTo(0, 0)")
    ActionChains(driver).move_to_element(driver.find_element("css selector", "h1")).perform()


OVERFLOWING = """
const width = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll('.fr-page *'))
  .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('.fr-scroll'))
  .map(el => el.tagName + '.' + el.className).slice(0, 5);
"""


def test_articles_side_by_side_then_stacked_when_narrow(opened, driver):
    lefts = "return Array.from(document.querySelectorAll('article.fr-article')).map(a => a.getBoundingClientRect().left)"
    try:
        assert len(set(driver.execute_script(lefts))) >= 2
        driver.set_window_size(600, 1000)
        assert len(set(driver.execute_script(lefts))) == 1
        # nothing but the wide comparison table (which scrolls in its own box) overflows
        assert driver.execute_script(OVERFLOWING) == []
    finally:
        driver.set_window_size(1600, 1000)


def test_screenshot(opened, driver, tmp_path):
    driver.get(opened[1].resolve().as_uri())
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    keep = os.environ.get("FRAMING_REPORT_SCREENSHOT")
    if keep:
        keep = Path(keep)
        shutil.copy(shot, keep.with_name(f"{keep.stem}-{opened[2]}{keep.suffix or '.png'}"))
