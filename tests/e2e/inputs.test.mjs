// Inputs: a control per input (label, field with its unit, slider over its
// range); a change recomputes at once; a value the core refuses is shown
// with its reason and never used or clamped.

import assert from 'node:assert/strict';
import { appReady, fieldOf, shownOf, sliderOf, setModel, waitForText, waitForValue } from './lib/page.mjs';

const MODEL = [
  '# Daemon',
  'unit session',
  'input sessions = 20 session [0 .. 1000] "Active sessions"',
  'input limit = 512 MB [64 .. 4096] "Daemon memory limit"',
  'per_session = 5 MB/session',
  'daemon = 50 MB + sessions * per_session + 50 * 1 MB',
  'check "Daemon memory" daemon / limit warn 70% crit 85%',
].join('\n');

async function open(t) {
  const page = await t.open();
  await appReady(page);
  await setModel(page, MODEL);
  await waitForText(page, shownOf('daemon'), '200 MB');
  return page;
}

export const tests = [
  {
    name: 'each input has a labelled field with its unit and a slider over its range',
    async run(t) {
      const page = await open(t);
      // The field holds the plain number; its unit is in the label.
      assert.equal(await page.inputValue(fieldOf('sessions')), '20');
      assert.equal(await page.inputValue(fieldOf('limit')), '512');
      const label = await page.evaluate(
        (sel) => document.querySelector(sel).labels[0].textContent,
        fieldOf('limit'),
      );
      assert.match(label, /Daemon memory limit/);
      assert.match(label, /MB/);
      assert.equal(await page.getAttribute(sliderOf('limit'), 'min'), '64');
      assert.equal(await page.getAttribute(sliderOf('limit'), 'max'), '4096');
      assert.equal(await page.$eval(sliderOf('limit'), (s) => s.valueAsNumber), 512);
      assert.match(await page.textContent('#results .input-control[data-name="limit"] .range-ends'), /64 MB.*4,096 MB/);
    },
  },
  {
    name: 'typing a value recomputes at once, in any unit',
    async run(t) {
      const page = await open(t);
      await page.fill(fieldOf('sessions'), '40');
      await waitForText(page, shownOf('daemon'), '300 MB');
      await waitForText(page, '#results .check[data-label="Daemon memory"] .badge', 'OK');
      await page.fill(fieldOf('limit'), '0.35 GB');
      await waitForText(page, '#results .check[data-label="Daemon memory"] .badge', 'CRIT 85.7%');
      assert.equal(await page.getAttribute('#results .input-control[data-name="limit"]', 'class'), 'input-control changed');
      // Reset, by keyboard, puts the default back; the focus goes to the
      // field it reset (the button goes away).
      await page.focus('#results .input-control[data-name="limit"] .reset');
      await page.keyboard.press('Enter');
      await waitForValue(page, fieldOf('limit'), '512');
      await waitForText(page, '#results .check[data-label="Daemon memory"] .badge', 'OK');
      await page.waitForFunction(() => document.activeElement?.id === 'input-limit');
    },
  },
  {
    name: 'typing key by key keeps the focus and the text in the field',
    async run(t) {
      const page = await open(t);
      await page.click(fieldOf('limit'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1.5 GB', { delay: 20 });
      await waitForText(page, shownOf('daemon'), '200 MB');
      await waitForText(page, '#results .check[data-label="Daemon memory"] .badge', 'OK');
      assert.equal(await page.inputValue(fieldOf('limit')), '1.5 GB');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'input-limit');
      // Leaving the field shows the value in the input's unit, for editing.
      await page.keyboard.press('Tab');
      await waitForValue(page, fieldOf('limit'), '1500');
      // Thousands separators are read as displays write them.
      await page.fill(fieldOf('sessions'), '1,000');
      await waitForText(page, shownOf('daemon'), '5.1 GB');
    },
  },
  {
    name: 'what changes as you type moves nothing above the field',
    async run(t) {
      for (const width of [375, 1280]) {
        const page = await t.open({ width, height: 740, path: '#preset=web-service' });
        await appReady(page);
        const y = () => page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, fieldOf('users'));
        const before = await y();
        // The preset becomes a saved model and checks go from OK to CRIT.
        await page.click(fieldOf('users'));
        await page.keyboard.type('4000000');
        await waitForText(page, '#save-state', 'Saved in this browser');
        await waitForText(page, '#results .summary-item[data-label="Database storage"] .badge', /CRIT/);
        assert.equal(await y(), before, `the field stays where it was at ${width} px`);
      }
    },
  },
  {
    name: 'moving a slider with the keyboard recomputes',
    async run(t) {
      const page = await open(t);
      // An arrow key moves by a hundredth of the range, to a round number
      // (512 + 40.32 is 550 MB, not 552.32).
      await page.focus(sliderOf('limit'));
      await page.keyboard.press('ArrowRight');
      await waitForValue(page, fieldOf('limit'), '550');
      await page.focus(sliderOf('sessions'));
      await page.keyboard.press('End');
      await waitForValue(page, fieldOf('sessions'), '1000');
      await waitForText(page, shownOf('daemon'), '5.1 GB');
      await waitForText(page, '#results .check[data-label="Daemon memory"] .badge', /^CRIT/);
    },
  },
  {
    name: 'arrow keys move a slider over a narrow whole-number range',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await setModel(page, 'input peak = 3 [1 .. 10]\ninput spares = 1 [0 .. 5]\ntotal = peak + spares');
      await waitForText(page, shownOf('total'), '4');
      // A hundredth of 1 .. 10 would round back to 3: each press moves one.
      await page.focus(sliderOf('peak'));
      await page.keyboard.press('ArrowRight');
      await waitForValue(page, fieldOf('peak'), '4');
      await page.keyboard.press('ArrowUp');
      await waitForValue(page, fieldOf('peak'), '5');
      await page.focus(sliderOf('spares'));
      await page.keyboard.press('ArrowLeft');
      await waitForValue(page, fieldOf('spares'), '0');
      await waitForText(page, shownOf('total'), '5');
    },
  },
  {
    name: 'a slider over orders of magnitude moves on a log scale, to round numbers',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      // Web service: users from 1,000 to 5,000,000; 200,000 sits past the middle.
      assert.equal(await page.getAttribute(sliderOf('users'), 'min'), '3');
      const at = await page.$eval(sliderOf('users'), (s) => (s.valueAsNumber - s.min) / (s.max - s.min));
      assert.ok(at > 0.55 && at < 0.65, `200,000 users at ${at} of the track`);
      await page.focus(sliderOf('users'));
      await page.keyboard.press('ArrowRight');
      await waitForValue(page, fieldOf('users'), '220000');
      // End reaches the top of the range as its label says.
      await setModel(page, 'input retention = 365 day [1 .. 3650]\nkept = retention * 2');
      await waitForText(page, shownOf('kept'), '730 days');
      await page.focus(sliderOf('retention'));
      await page.keyboard.press('End');
      await waitForValue(page, fieldOf('retention'), '3650');
    },
  },
  {
    name: 'a slider from zero far past its default moves in steps of the default’s size',
    async run(t) {
      const page = await t.open({ path: '#preset=worker-pool' });
      await appReady(page);
      // 300 jobs on 0 .. 10,000,000: well along the track, and a key moves it by tens.
      const at = await page.$eval(sliderOf('queue_length'), (s) => (s.valueAsNumber - s.min) / (s.max - s.min));
      assert.ok(at > 0.15 && at < 0.25, `300 jobs at ${at} of the track`);
      await page.focus(sliderOf('queue_length'));
      await page.keyboard.press('ArrowRight');
      await waitForValue(page, fieldOf('queue_length'), '340');
      await page.keyboard.press('Home');
      await waitForValue(page, fieldOf('queue_length'), '0');
      await page.keyboard.press('End');
      await waitForValue(page, fieldOf('queue_length'), '10000000');
    },
  },
  {
    name: 'arrow keys keep moving a slider whose value comes back from its base unit',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      // 7 h/day is 7.000000000000001 back from seconds per second.
      await setModel(page, 'input hours = 8 h/day [1 .. 24]\nweekly = hours * 7 day -> h');
      await page.focus(sliderOf('hours'));
      for (const want of ['7', '6', '5']) {
        await page.keyboard.press('ArrowLeft');
        await waitForValue(page, fieldOf('hours'), want);
      }
      await waitForText(page, shownOf('weekly'), '35 h');
    },
  },
  {
    name: 'a refused value is announced once typing pauses, not at every key',
    async run(t) {
      const page = await open(t);
      const live = '#results .input-control[data-name="limit"] [role="status"]';
      assert.equal(await page.textContent(live), '');
      await page.evaluate((sel) => {
        window.spoken = [];
        const region = document.querySelector(sel);
        new MutationObserver(() => window.spoken.push(region.textContent)).observe(region, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      }, live);
      await page.click(fieldOf('limit'));
      await page.keyboard.press('Control+A');
      // `1.`, `1.5 T` and the like are refused on the way to `1.5 TB`.
      await page.keyboard.type('1.5 TB', { delay: 40 });
      assert.deepEqual(await page.evaluate(() => window.spoken), []);
      await waitForText(page, live, /between/);
      assert.equal((await page.evaluate(() => window.spoken)).length, 1);
    },
  },
  {
    name: 'a refused value is shown with its reason and nothing is clamped',
    async run(t) {
      const page = await open(t);
      await page.fill(fieldOf('sessions'), '5000');
      const message = await waitForText(page, '#results .input-control[data-name="sessions"] .field-error', /between/);
      assert.match(message, /0 sessions.*1,000 sessions/);
      // It says which value the results still use.
      assert.match(message, /range\. Results use 20 sessions\./);
      assert.equal(await page.getAttribute(fieldOf('sessions'), 'aria-invalid'), 'true');
      // The value in use is still 20: nothing moved to the top of the range.
      assert.equal(await page.textContent(shownOf('daemon')), '200 MB');
      assert.equal(await page.$eval(sliderOf('sessions'), (s) => s.valueAsNumber), 20);
      // The refused text stays in the field after leaving it.
      await page.keyboard.press('Tab');
      assert.equal(await page.inputValue(fieldOf('sessions')), '5000');
      // A value of the wrong kind is refused too, with the core's reason.
      await page.fill(fieldOf('limit'), '3 s');
      await waitForText(page, '#results .input-control[data-name="limit"] .field-error', /MB|bytes|data|information/i);
      // Escape goes back to the value in use.
      await page.focus(fieldOf('limit'));
      await page.keyboard.press('Escape');
      await waitForValue(page, fieldOf('limit'), '512');
      assert.equal(await page.locator('#results .input-control[data-name="limit"] .field-error').count(), 0);
      // A good value clears the message.
      await page.fill(fieldOf('sessions'), '30');
      await waitForText(page, shownOf('daemon'), '250 MB');
      assert.equal(await page.locator('#results .field-error').count(), 0);
      // Escape also takes back good values typed since the field got the
      // focus (each was used as it was typed).
      await page.keyboard.press('Tab');
      await page.click(fieldOf('sessions'));
      await page.keyboard.type('45');
      await waitForText(page, shownOf('daemon'), '325 MB');
      await page.keyboard.press('Escape');
      await waitForValue(page, fieldOf('sessions'), '30');
      await waitForText(page, shownOf('daemon'), '250 MB');
      // Typed key by key past the range (40, 400, then 4000 refused): the
      // results go back to the value the typing began with, not 400.
      await page.keyboard.press('Tab');
      await page.click(fieldOf('sessions'));
      await page.keyboard.type('4000');
      const refused = await waitForText(page, '#results .input-control[data-name="sessions"] .field-error', /between/);
      assert.match(refused, /Results use 30 sessions\./);
      await waitForText(page, shownOf('daemon'), '250 MB');
    },
  },
];
