// The main screen: the default model's results, live editing, errors, and
// the layout at desktop and phone widths in both colour schemes
// (screenshots in tests/artifacts/).

import assert from 'node:assert/strict';
import { appReady, fieldOf, openDialog, pointAtMark, setModel, shownOf, waitForText, waitForValue } from './lib/page.mjs';

// The core's own documented example: 50 MB + 20 * 5 MB.
const SMALL_MODEL = 'input sessions = 20\nmem = 50 MB + sessions * 5 MB';

export const tests = [
  {
    name: 'shows the default model and values computed by the core',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      assert.equal(await page.textContent('header .product'), 'Headroom');
      assert.equal((await page.textContent('#model-title')).trim(), 'Web service');
      assert.equal(await page.title(), 'Web service \u2014 Headroom');
      assert.match(await page.inputValue('#model'), /^instances = /m);
      const instances = await waitForText(page, shownOf('instances'), /^\d+$/);
      assert.ok(Number(instances) >= 1, `instances = ${instances}`);
      const badges = await page.locator('#results .check .badge').allTextContents();
      assert.ok(badges.length > 0, 'no checks shown');
      for (const b of badges) assert.match(b, /^(OK|PASS|FAIL|(WARN|CRIT) \d+(\.\d+)?%)$/);
      assert.equal(await page.locator('#problems').count(), 0);
      assert.equal(await page.textContent('#editor-status'), 'No errors');
      // One control per input, each with a label, a field and (with a range) a slider.
      const controls = await page.locator('#results .input-control').count();
      assert.ok(controls >= 10, `${controls} input controls`);
      assert.equal(await page.locator('#results .input-control label .label-text').count(), controls);
    },
  },
  {
    name: 'a long series shows the ends of its table and says how many rows are left out',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'day = 1 .. 365\nusers = 1000 * 1.005 ^ day\n');
      await waitForText(page, '.series-table tr.gap', '… 265 more rows: the charts and Export (CSV) have every one');
      const firsts = await page.locator('.series-table tbody tr:not(.gap) td:first-child').allTextContents();
      assert.equal(firsts.length, 100);
      assert.deepEqual([firsts[0], firsts[49], firsts[50], firsts[99]], ['1', '50', '316', '365']);
      // A short one shows every row.
      await page.fill('#model', 'month = 1 .. 150\n');
      await waitForText(page, '.series-table tbody tr:last-child td', '150');
      assert.equal(await page.locator('.series-table tr.gap').count(), 0);
    },
  },
  {
    name: 'a series of picked rows reads from the left, numbers from the right',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'table tiers\n| Tier | Max |\n|---|---|\n| small | 10 |\n| large | 100 |\nmonth = 1 .. 3\nload = 8 * month\ntier = pick(tiers, max >= load)\n');
      await waitForText(page, '.series-table tbody tr:last-child td:last-child', 'large');
      const align = (col) => page.locator(`.series-table tbody tr:first-child td:nth-child(${col})`).evaluate((td) => getComputedStyle(td).textAlign);
      assert.equal(await align(3), 'left');
      assert.equal(await align(2), 'right');
    },
  },
  {
    name: 'a line added below a series table leaves the table in place',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'input base = 10 GB\nmonth = 1 .. 12\nsize = base * month\n');
      await waitForText(page, '.series-table tbody tr:last-child td:last-child', '120 GB');
      await page.evaluate(() => { document.querySelector('table.series-table').dataset.tagged = 'yes'; });
      await page.focus('#model');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('z = 1\n## More\nw = 2\n');
      await waitForText(page, shownOf('w'), '2');
      assert.equal(await page.getAttribute('table.series-table', 'data-tagged'), 'yes');
    },
  },
  {
    name: 'a model too large to read says so where the results go',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      // Pasted at once, as a user would.
      await page.evaluate((text) => {
        const model = document.querySelector('#model');
        model.value = text;
        model.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, '# padding\n'.repeat(30_000));
      await waitForText(page, '#results .empty', /^Nothing to show: the model is 300000 bytes; a model may have at most 262144 bytes\.$/);
      // Its mark is where the limit falls, not over the rest of the paste
      // (a mark over megabytes took the editor seconds to paint).
      const marked = await page.$eval('.error-mark', (m) => m.firstChild.textContent);
      assert.ok(marked.length <= 1, `the mark covers ${marked.length} characters`);
    },
  },
  {
    name: 'typing in the editor updates the results, and the caret stays',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', SMALL_MODEL);
      await waitForText(page, shownOf('mem'), '150 MB');
      // Type at the end of the first line: 20 sessions become 200.
      await page.click('#model');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.type('0');
      await waitForValue(page, fieldOf('sessions'), '200');
      await waitForText(page, shownOf('mem'), '1.05 GB');
      await page.keyboard.type('0');
      await waitForValue(page, fieldOf('sessions'), '2000');
      await waitForText(page, shownOf('mem'), '10.1 GB');
      assert.equal(await page.inputValue('#model'), SMALL_MODEL.replace('20', '2000'));
    },
  },
  {
    name: 'the line being typed stays in view as the status and the errors below the editor grow',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      const lines = Array.from({ length: 39 }, (_, i) => `value_${i + 1} = ${i + 1} GB`);
      await page.fill('#model', lines.join('\n'));
      await waitForText(page, shownOf('value_39'), '39 GB');
      await page.click('#model');
      await page.keyboard.press('Control+End');
      // The caret's line, inside the editor's box, after every key.
      const caretShown = () =>
        page.evaluate(() => {
          const text = document.querySelector('#model');
          const pane = text.closest('.editor-scroll');
          const style = getComputedStyle(text);
          const row = parseFloat(style.lineHeight);
          const line = text.value.slice(0, text.selectionEnd).split('\n').length;
          const first = text.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
          const top = first + parseFloat(style.paddingTop) + row * (line - 1);
          return top >= pane.scrollTop - 1 && top + row <= pane.scrollTop + pane.clientHeight + 1;
        });
      await page.keyboard.press('Enter');
      await page.waitForTimeout(60);
      assert.ok(await caretShown(), 'after Enter');
      for (const key of 'check "Cost und') {
        await page.keyboard.type(key);
        await page.waitForTimeout(60);
        assert.ok(await caretShown(), `after ${key}`);
      }
      await page.waitForSelector('#problems');
      await page.waitForTimeout(300);
      assert.ok(await caretShown(), 'with the list of errors shown');
    },
  },
  {
    name: 'on a phone, one tap on each error in the list goes to it, after a message of two lines',
    async run(t) {
      const page = await t.open({ width: 375, height: 667 });
      await appReady(page);
      await page.click('.tabs button[aria-controls="model-pane"]');
      await page.fill('#model', 'a = 5 MB + 3 s\nb = zz * 2\nc = 1 MB -> s');
      await page.waitForSelector('#problems .problem:nth-child(3)');
      const caretLine = () => page.evaluate(() => {
        const text = document.querySelector('#model');
        return text.value.slice(0, text.selectionStart).split('\n').length;
      });
      await page.click('#problems .problem:nth-child(1) .where');
      assert.equal(await caretLine(), 1);
      await page.click('#problems .problem:nth-child(2) .where');
      assert.equal(await caretLine(), 2);
      await page.click('#problems .problem:nth-child(3) .where');
      assert.equal(await caretLine(), 3);
      // A long unknown name shows its start, not its end with the rest of
      // the text scrolled out of sight.
      const long = 'monthly_egress_bytes_for_the_primary_region_before_compression_and_replication';
      await page.fill('#model', `a = 1 GB\nb = ${long} * 2`);
      await page.waitForSelector('#problems .where');
      await page.click('#problems .problem:nth-child(1) .where');
      const seen = await page.evaluate(() => {
        const pane = document.querySelector('.editor-scroll');
        const gutter = pane.querySelector('.gutter').getBoundingClientRect().right;
        const mark = pane.querySelector('mark[data-problem="0"]').getBoundingClientRect();
        return { mark: mark.left, gutter, scroll: pane.scrollLeft };
      });
      assert.ok(seen.mark >= seen.gutter - 1 && seen.scroll < 100, JSON.stringify(seen));
    },
  },
  {
    name: 'at 400% zoom, a jump from the error list shows the line clear of the sticky tabs',
    async run(t) {
      const page = await t.open({ width: 320, height: 256 });
      await appReady(page);
      await page.$eval('.tabs button[aria-controls="model-pane"]', (b) => b.click());
      const lines = Array.from({ length: 20 }, (_, i) => `value_${i + 1} = ${i + 1} GB`);
      lines[13] = 'value_14 = 14 GB + nope';
      await page.fill('#model', lines.join('\n'));
      await page.waitForSelector('#problems .where');
      await page.$eval('#problems .where', (b) => b.scrollIntoView());
      await page.$eval('#problems .where', (b) => b.click());
      const where = await page.evaluate(() => {
        const text = document.querySelector('#model');
        const style = getComputedStyle(text);
        const row = parseFloat(style.lineHeight);
        const top = text.getBoundingClientRect().top + parseFloat(style.paddingTop) + row * 13;
        return { top, bottom: top + row, tabs: document.querySelector('.tabs').getBoundingClientRect().bottom, height: innerHeight };
      });
      assert.ok(where.top >= where.tabs - 1 && where.bottom <= where.height + 1, JSON.stringify(where));
    },
  },
  {
    name: 'on a phone, switching to the model and back keeps the place in the results',
    async run(t) {
      const page = await t.open({ width: 375, height: 667, path: '#preset=web-service' });
      await appReady(page);
      await page.evaluate(() => window.scrollTo(0, 2000));
      // Tapped where they stick at the top (a click from the test tool
      // would scroll the page first).
      const tap = (pane) => page.$eval(`.tabs button[aria-controls="${pane}"]`, (b) => b.click());
      await tap('model-pane');
      await page.waitForSelector('#model', { state: 'visible' });
      await tap('results-pane');
      await page.waitForFunction(() => Math.abs(window.scrollY - 2000) < 2, null, { timeout: 3000 });
    },
  },
  {
    name: 'a long model scrolls as one: text, line numbers and marks stay together',
    async run(t) {
      const page = await t.open({ path: '#preset=betcode' });
      await appReady(page);
      const box = () =>
        page.evaluate(() => {
          const text = document.querySelector('#model');
          const line = (n) => {
            const g = document.querySelector('.gutter');
            const r = document.createRange();
            const node = g.firstChild;
            const at = g.textContent.split('\n').slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0);
            r.setStart(node, at);
            r.setEnd(node, at + String(n).length);
            return r.getBoundingClientRect().top;
          };
          return { height: text.clientHeight, content: text.scrollHeight, inner: text.scrollTop, top: text.getBoundingClientRect().top, line100: line(100) };
        });
      const before = await box();
      // A table that may scroll sideways can be reached by keyboard.
      assert.equal(await page.getAttribute('.table-wrap[data-name="vertical_guide"]', 'tabindex'), '0');
      // Tabbing into the editor finds the caret at the top of the model,
      // so the pane does not jump to its end.
      await page.focus('#open-export');
      const inEditor = () => page.evaluate(() => document.activeElement?.id === 'model');
      for (let i = 0; i < 20 && !(await inEditor()); i++) await page.keyboard.press('Tab');
      assert.ok(await inEditor(), 'Tab never reached the editor');
      assert.equal(await page.$eval('#model', (m) => m.selectionStart), 0);
      assert.equal((await box()).top, before.top);
      // The textarea is as tall as its text, so it never scrolls inside itself.
      assert.ok(before.height >= before.content - 1, `textarea ${before.height}px for ${before.content}px of text`);
      // Ctrl+End moves the caret to the end: the pane scrolls, the textarea does not.
      // (Clicked where a person would: on the text in view, not at the
      // middle of the textarea, which is wider than the pane.)
      await page.click('#model', { position: { x: 40, y: 20 } });
      await page.keyboard.press('Control+End');
      await page.waitForTimeout(100);
      const after = await box();
      assert.equal(after.inner, 0);
      assert.ok(after.top < before.top - 500, `text did not scroll: ${before.top} -> ${after.top}`);
      // Line 100's number moved with the text.
      assert.ok(Math.abs(after.line100 - before.line100 - (after.top - before.top)) < 2, JSON.stringify({ before, after }));
      // An error at the end, reached from the list with the text scrolled to
      // its top: the pane shows its mark, and the text stays clear of the
      // line numbers.
      await page.keyboard.type('\nbad = nosuch_name * 2');
      await waitForText(page, '#problems .where', /^Line \d+, column 7$/);
      await page.keyboard.press('Control+Home');
      await page.waitForTimeout(100);
      await page.click('#problems .where');
      await page.waitForTimeout(100);
      const seen = await page.evaluate(() => {
        const pane = document.querySelector('.editor-scroll').getBoundingClientRect();
        const mark = document.querySelector('.error-mark').getBoundingClientRect();
        const gutter = document.querySelector('.gutter').getBoundingClientRect();
        const text = document.querySelector('#model').getBoundingClientRect();
        return { pane: [pane.top, pane.bottom], mark: [mark.top, mark.bottom], gutterRight: gutter.right, textLeft: text.left };
      });
      assert.ok(seen.mark[0] >= seen.pane[0] && seen.mark[1] <= seen.pane[1], JSON.stringify(seen));
      assert.ok(seen.textLeft >= seen.gutterRight - 1, JSON.stringify(seen));
      // An error far along a long line: its entry scrolls the pane sideways to it.
      await page.click('#model', { position: { x: 40, y: 20 } });
      await page.keyboard.press('Control+End');
      await page.keyboard.type(`\nwide = 1${' + 1'.repeat(60)} + far_name`);
      await waitForText(page, '#problems', /column 252/);
      await page.evaluate(() => { document.querySelector('.editor-scroll').scrollLeft = 0; });
      await page.click('#problems li:last-child .where');
      await page.waitForTimeout(100);
      const far = await page.evaluate(() => {
        const pane = document.querySelector('.editor-scroll').getBoundingClientRect();
        const marks = [...document.querySelectorAll('.error-mark')];
        const mark = marks[marks.length - 1].getBoundingClientRect();
        const gutter = document.querySelector('.gutter').getBoundingClientRect();
        return { mark: [mark.left, mark.right], view: [gutter.right, pane.right] };
      });
      assert.ok(far.mark[0] >= far.view[0] && far.mark[1] <= far.view[1], JSON.stringify(far));
      // Home on a line after the long one brings its start out from under
      // the line numbers.
      await page.click('#model', { position: { x: 40, y: 20 } });
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nx = 1');
      await page.keyboard.press('Home');
      await page.waitForTimeout(100);
      assert.equal(await page.$eval('.editor-scroll', (p) => p.scrollLeft), 0);
      // Another model opens at its top left, wherever this one was scrolled.
      await page.evaluate(() => { const p = document.querySelector('.editor-scroll'); p.scrollTop = 800; p.scrollLeft = 100; });
      await openDialog(page, 'gallery');
      await page.click('#gallery button[aria-label="Open Web service"]');
      await waitForText(page, '#model-title', 'Web service');
      await page.waitForTimeout(100);
      assert.deepEqual(await page.$eval('.editor-scroll', (p) => [p.scrollTop, p.scrollLeft]), [0, 0]);
    },
  },
  {
    name: 'a keystroke never waits for a long evaluation',
    async run(t) {
      const page = await t.open({ path: '#preset=wdmaker' });
      await appReady(page);
      await page.evaluate(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
          type: 'longtask',
          buffered: false,
        });
      });
      await page.click('#model');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nextra = 12 * 3 GB + 5 MB # typed one key at a time', { delay: 15 });
      await waitForText(page, shownOf('extra'), '36 GB');
      const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
      assert.ok(longest < 150, `a task of ${longest} ms ran while typing`);
    },
  },
  {
    name: 'an error is marked in the text and listed, and the other values stay',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      assert.equal(await page.getAttribute('#model', 'aria-invalid'), 'false');
      await page.fill('#model', 'per_session = 5 MB\ntotal = sesions * per_session');
      await waitForText(page, '#problems .where', 'Line 2, column 9');
      assert.match(await page.textContent('#problems'), /sesions/);
      assert.equal(await page.getAttribute('#model', 'aria-invalid'), 'true');
      // On a phone, the Model tab says there is an error behind it.
      assert.equal(await page.textContent('.tabs .tab-errors'), '1 error');
      await waitForText(page, shownOf('per_session'), '5 MB');
      assert.equal(await page.textContent('.error-mark'), 'sesions' + (await page.textContent('.error-mark .tip')));
      assert.equal(await page.getAttribute('.gutter .ln.error', 'title') !== null, true);
      // Typing after the error does not make its mark blink.
      await page.evaluate(() => {
        window.firstMark = document.querySelector('.error-mark');
      });
      await page.click('#model');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' * 2', { delay: 30 });
      await waitForText(page, '#editor-status', '1 error, marked in the text');
      assert.equal(await page.evaluate(() => window.firstMark === document.querySelector('.error-mark')), true);
      assert.equal(await page.locator('.error-mark').count(), 1);
    },
  },
  {
    name: 'the editor’s status is announced once typing pauses, not on every key',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'size = 5 MB');
      const live = '.editor [role="status"]';
      await waitForText(page, live, 'No errors');
      await page.evaluate((sels) => {
        window.spoken = [];
        for (const sel of sels) {
          new MutationObserver(() => window.spoken.push(document.querySelector(sel).textContent)).observe(
            document.querySelector(sel),
            { childList: true, subtree: true, characterData: true },
          );
        }
      }, [live, 'header [role="status"]']);
      await page.click('#model');
      await page.keyboard.press('Control+End');
      // Each half-typed name is an error of its own as the keys go down,
      // and the worst check flips between an error and a status: what is
      // said is what held still for a second, not each flip.
      await page.keyboard.type('\ntotal = sesions * 2\ncheck "c" size < 1 GB', { delay: 40 });
      assert.ok((await page.evaluate(() => window.spoken.length)) <= 2, await page.evaluate(() => window.spoken));
      await waitForText(page, live, '1 error, marked in the text');
      await waitForText(page, 'header [role="status"]', 'The model has errors: ERROR');
      assert.ok((await page.evaluate(() => window.spoken.length)) <= 4);
    },
  },
  {
    name: 'a click or double-click inside an error mark works as in the text, and its message stays in the window',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      const line = 'total = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + sesions';
      await page.fill('#model', line);
      await page.waitForSelector('.error-mark');
      // Between `ses` and `ions`: the caret goes there and typing inserts.
      const box = await page.locator('.error-mark').boundingBox();
      await page.mouse.click(box.x + (box.width * 3) / 7, box.y + box.height / 2);
      await page.keyboard.type('s');
      assert.equal(await page.inputValue('#model'), line.replace('sesions', 'sessions'));
      // A double-click in a mark selects its word, as anywhere in the text.
      await page.fill('#model', line);
      await page.waitForSelector('.error-mark');
      const word = await page.locator('.error-mark').boundingBox();
      await page.mouse.dblclick(word.x + word.width / 2, word.y + word.height / 2);
      const selected = await page.evaluate(() => {
        const t = document.querySelector('#model');
        return t.value.slice(t.selectionStart, t.selectionEnd);
      });
      assert.equal(selected, 'sesions');
      // With the pointer on it near the pane's right edge, the whole
      // message is in view.
      await page.mouse.move(0, 0);
      await pointAtMark(page);
      const tip = await page.locator('.error-mark .tip').boundingBox();
      const mark = await page.locator('.error-mark').boundingBox();
      const { width, height } = page.viewportSize();
      assert.ok(tip.x >= 0 && tip.x + tip.width <= width, JSON.stringify(tip));
      // Just below its mark.
      assert.ok(Math.abs(tip.y - (mark.y + mark.height)) < 2 && tip.y + tip.height <= height, JSON.stringify([tip, mark]));
      const pane = await page.locator('.editor-scroll').boundingBox();
      // Nothing covers or clips its right end (the message lets the pointer
      // through, as its mark does: it is asked to take it for this look).
      const seen = await page.evaluate(([x, y]) => {
        const message = document.querySelector('.error-mark .tip');
        message.style.pointerEvents = 'auto';
        const hit = document.elementFromPoint(x, y)?.closest('.tip') === message;
        message.style.pointerEvents = '';
        return hit;
      }, [tip.x + tip.width - 4, tip.y + tip.height / 2]);
      assert.ok(seen, `the message's right end is hidden (pane ends at ${pane.x + pane.width})`);
    },
  },
  {
    name: 'the header says ERROR when a check cannot be worked out',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'x = 0.9\ny = nope\ncheck "Fill" x warn 70% crit 85%\ncheck "Broken" y > 1');
      await waitForText(page, '#results .check[data-label="Fill"] .badge', 'CRIT 90%');
      await waitForText(page, 'header .badge.worst', /ERROR$/);
      // A check whose own line has the error still shows, as one.
      await page.fill('#model', 'x = 0.9\ncheck "Fill" x warn 70% crit 85%\ncheck "Typo" xx > 1');
      await waitForText(page, '#results .summary-item[data-label="Typo"] .badge', 'ERROR');
      await waitForText(page, '#results .check[data-label="Typo"] .check-error', /unknown name `xx`/);
      await waitForText(page, 'header .badge.worst', /ERROR$/);
      // An error on a line no check reads: no green OK beside it.
      await page.fill('#model', 'x = 0.5\ncheck "Fill" x warn 70% crit 85%\nz = 1,5');
      await waitForText(page, '#results .check[data-label="Fill"] .badge', 'OK');
      await waitForText(page, 'header .badge.worst', 'The model has errors: ERROR');
      await page.fill('#model', 'x = 0.9\ncheck "Fill" x warn 70% crit 85%');
      await waitForText(page, 'header .badge.worst', /CRIT$/);
      // A screen reader hears the new status, once it holds still.
      await waitForText(page, 'header [role="status"]', 'Worst check: CRIT');
      assert.equal(await page.textContent('header .badge.worst'), 'Worst check: CRIT');
    },
  },
  {
    name: 'a check in the summary goes to the check itself',
    async run(t) {
      const page = await t.open({ path: '#preset=omniops' });
      await appReady(page);
      const item = page.locator('.check-summary .summary-item.status-crit .summary-label').first();
      const label = await item.textContent();
      await item.click();
      // Its row's label has the focus, and the link is untouched.
      const focused = await page.evaluate(() => document.activeElement?.closest('.check')?.dataset.label);
      assert.equal(focused, label);
      assert.match(page.url(), /#preset=omniops$/);
    },
  },
  {
    name: 'of many checks, the summary lists the ones to look at and folds the fine ones',
    async run(t) {
      const page = await t.open({ path: '#preset=omniops' });
      await appReady(page);
      const statuses = (sel) =>
        page.$$eval(sel, (items) => items.map((i) => i.className.replace('summary-item status-', '')));
      const shown = await statuses('.checks-top > .check-summary .summary-item');
      assert.ok(shown.length > 0);
      assert.ok(shown.every((s) => !['ok', 'pass'].includes(s)), shown.join());
      const fold = page.locator('.checks-top .fine-checks > summary');
      const folded = await statuses('.fine-checks .summary-item');
      assert.ok(folded.every((s) => ['ok', 'pass'].includes(s)), folded.join());
      const ok = folded.filter((s) => s === 'ok').length;
      const pass = folded.length - ok;
      assert.equal(await fold.textContent(), `${folded.length} more checks: ${ok} OK, ${pass} PASS`);
      assert.equal(await page.locator('.fine-checks .summary-item').first().isVisible(), false);
      // Opened by keyboard, its checks go to theirs as the others do.
      await fold.focus();
      await page.keyboard.press('Enter');
      const first = page.locator('.fine-checks .summary-label').first();
      assert.equal(await first.isVisible(), true);
      const label = await first.textContent();
      await first.click();
      const focused = await page.evaluate(() => document.activeElement?.closest('.check')?.dataset.label);
      assert.equal(focused, label);
      // A small model lists every check.
      const small = await t.open({ path: '#preset=betcode' });
      await appReady(small);
      assert.equal(await small.locator('.fine-checks').count(), 0);
      assert.ok((await small.locator('.check-summary .summary-item.status-ok').count()) > 0);
    },
  },
  {
    name: 'a column of table rows is charted as a bar per row, as tall as its value',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await setModel(
        page,
        ['table quotes', '| Item | Cost |', '|---|---|', '| compute | $1200/month |', '| support | |', '| storage | $300/month |', 'costs = quotes.cost'].join('\n'),
      );
      await page.waitForSelector('svg.chart rect.row-bar');
      const heights = await page.$$eval('svg.chart rect.row-bar', (bars) => bars.map((b) => b.getBoundingClientRect().height));
      // No bar for the empty cell; the page's styles leave the bars' sizes alone.
      assert.equal(heights.length, 2);
      assert.ok(Math.abs(heights[0] / heights[1] - 4) < 0.05, heights.join());
      assert.equal(await page.locator('svg.chart polyline').count(), 0);
    },
  },
  {
    name: 'a check opens to show how it is worked out',
    async run(t) {
      const page = await t.open({ path: '#preset=betcode' });
      await appReady(page);
      const head = '#results .check[data-label="Memory"] .check-open';
      assert.equal(await page.getAttribute(head, 'aria-expanded'), 'false');
      await page.click(head);
      const work = await waitForText(page, '.check-work .explanation', /daemon_used \/ daemon_limit/);
      assert.match(work, /Memory = daemon_used \/ daemon_limit/);
      assert.match(work, /WARN 78\.1% \(warn at 70%, crit at 85%\)/);
      assert.equal(await page.getAttribute(head, 'aria-expanded'), 'true');
      // The link carries the open explanation.
      await openDialog(page, 'share');
      assert.match(await page.inputValue('#share-link'), /view\.open=check:\d+$/);
      await page.keyboard.press('Escape');
      await page.click(head);
      assert.equal(await page.locator('.check-work').count(), 0);
    },
  },
  {
    name: 'fields, series headers and charts are named for what they hold, not for their units or Explain buttons',
    async run(t) {
      const page = await t.open({ path: '#preset=web-service' });
      await appReady(page);
      assert.equal(await page.getByRole('columnheader', { name: 'users_then', exact: true }).count(), 1);
      assert.equal(await page.getByRole('figure', { name: 'users_then chart', exact: true }).count(), 1);
      // A field is named by its label alone.
      assert.equal(await page.getByRole('textbox', { name: 'Monthly active users', exact: true }).count(), 1);
      // The summary's way to a check is named apart from the check's own button.
      const label = await page.locator('#results .check .check-open').first().textContent();
      assert.equal(await page.getByRole('button', { name: label, exact: true }).count(), 1);
      assert.equal(await page.getByRole('button', { name: `Go to check: ${label}`, exact: true }).count(), 1);
    },
  },
  {
    name: 'a straight projection from an input is charted; the axis beside it is not',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await setModel(
        page,
        'input growth = 50 [0 .. 100]\nmonth = 1 .. 24\nusers_then = 1000 + growth * month\nmonths = month * 1 month',
      );
      await page.waitForSelector('figure[aria-label="users_then chart"]');
      assert.equal(await page.getByRole('figure', { name: 'month chart', exact: true }).count(), 0);
      assert.equal(await page.getByRole('figure', { name: 'months chart', exact: true }).count(), 0);
    },
  },
  {
    name: 'an explanation opened at the bottom of the screen scrolls into view',
    async run(t) {
      const page = await t.open({ path: '#preset=wdmaker' });
      await appReady(page);
      // A value card whose head sits at the very bottom of the screen.
      const head = page.locator('#results .value-card .value-head').nth(6);
      await head.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await head.click();
      const work = page.locator('#results .value-card.open .explanation');
      await work.waitFor();
      await page.waitForTimeout(100);
      const bottom = await work.evaluate((el) => el.getBoundingClientRect().bottom);
      const height = await page.evaluate(() => window.innerHeight);
      assert.ok(bottom <= height + 1, `the explanation ends at ${bottom}, below the screen's ${height}`);
    },
  },
  {
    name: 'every derived value opens its explanation: a bare expression, a series without a chart',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill(
        '#model',
        'input a = 20 GB\nmax(a, 30 GB)\ntable plans\n| plan | limit |\n|---|---|\n| small | 40 GB |\n| big | 200 GB |\n' +
          'month = 1 .. 3\nneed = a * month\nplan = pick(plans, limit >= need)\n',
      );
      // A bare expression: its id has no spaces, and it explains like a name.
      const bare = page.locator('#results .value-card[data-name="max(a, 30 GB)"] .value-head');
      await bare.click();
      assert.equal(await bare.getAttribute('aria-controls'), 'explain-max(a,%2030%20GB)');
      const work = await waitForText(page, '[id="explain-max(a,%2030%20GB)"] .explanation', /decided it/);
      assert.match(work, /max: 30 GB decided it \(over 20 GB\)/);
      // A series of picked rows has no chart; its column header opens it.
      const column = page.locator('.series-table th[data-name="plan"] button');
      assert.equal(await column.getAttribute('aria-expanded'), 'false');
      await column.click();
      await waitForText(page, "#explain-plan .explanation", /pick: rows small ×2, big of `plans`/);
      assert.equal(await column.getAttribute('aria-expanded'), 'true');
      await column.click();
      assert.equal(await page.locator('#explain-plan').count(), 0);
    },
  },
  {
    name: 'a convention of the model shows as a badge on what depends on it',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill(
        '#model',
        'unit month = 730 h\nrate = $0.10/h\nmonthly = rate * 1 month\nplain = 5 GB\ninput budget = $100/month\nyearly = rate -> $/year',
      );
      await waitForText(page, shownOf('monthly'), '$73');
      assert.deepEqual(await page.locator('#results [data-name="monthly"] .convention').allTextContents(), ['month = 730 h']);
      assert.equal(await page.locator('#results [data-name="plain"] .convention').count(), 0);
      assert.match(await page.textContent('#results .model-conventions'), /month = 730 h/);
      // An input shows the conventions it depends on too; the year follows
      // the billing month.
      assert.deepEqual(await page.locator('#results .input-control[data-name="budget"] .convention').allTextContents(), ['month = 730 h']);
      await waitForText(page, shownOf('yearly'), '$876/year');
      assert.deepEqual(await page.locator('#results [data-name="yearly"] .convention').allTextContents(), ['year = 12 × 730 h']);
    },
  },
  {
    name: 'fits desktop and phone widths in light and dark colour schemes',
    async run(t) {
      for (const width of [1280, 375]) {
        for (const colorScheme of ['light', 'dark']) {
          const what = `${width} px ${colorScheme}`;
          const page = await t.open({ width, height: width > 600 ? 800 : 812, colorScheme });
          await appReady(page);
          const measure = () =>
            page.evaluate(() => ({
              overflow: document.documentElement.scrollWidth - window.innerWidth,
              background: getComputedStyle(document.body).backgroundColor,
              editor: document.querySelector('.editor-scroll').getBoundingClientRect().width,
              results: document.querySelector('#results').getBoundingClientRect().width,
            }));
          let layout = await measure();
          assert.ok(layout.overflow <= 0, `${what}: the page scrolls sideways by ${layout.overflow} px`);
          assert.equal(layout.background === 'rgb(255, 255, 255)', colorScheme === 'light', `${what}: ${layout.background}`);
          const column = width - 2 * 16;
          if (width > 600) {
            assert.ok(layout.editor > column / 3, `${what}: editor ${layout.editor} px wide`);
            assert.ok(layout.results > column / 3, `${what}: results ${layout.results} px wide`);
          } else {
            // Results first; the editor is behind the Model tab.
            assert.ok(layout.results > column * 0.9, `${what}: results ${layout.results} px wide`);
            assert.equal(layout.editor, 0, `${what}: the editor shows before its tab is chosen`);
            await page.click('.tabs button:has-text("Model")');
            layout = await measure();
            assert.ok(layout.editor > column * 0.9, `${what}: editor ${layout.editor} px wide`);
            assert.equal(layout.results, 0, `${what}: results still show under the Model tab`);
            await page.click('.tabs button:has-text("Results")');
            // Far down the results, the tabs are still at hand.
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
            const tabsTop = await page.evaluate(() => document.querySelector('.tabs').getBoundingClientRect().top);
            assert.ok(tabsTop >= 0 && tabsTop < 10, `${what}: the tabs scrolled away (${tabsTop} px)`);
          }
        }
      }
    },
  },
];
