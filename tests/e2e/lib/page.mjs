// Helpers for reading and driving the Headroom page the way a user does.

/** The selector of the value shown for derived value `name` in the results. */
export const shownOf = (name) => `#results [data-name="${name}"] .shown`;

/** The selector of the field of input `name`. */
export const fieldOf = (name) => `#results .input-control[data-name="${name}"] .input-field`;

/** The selector of the slider of input `name`. */
export const sliderOf = (name) => `#results .input-control[data-name="${name}"] .input-slider`;

/** Waits until the app has mounted and shows all its results (a long
 *  model draws its first screen first, with `aria-busy` on until the rest
 *  is drawn). */
export async function appReady(page) {
  await page.waitForSelector('#results[aria-busy="false"] .group', { timeout: 15_000 });
}

/** Polls `read()` until it equals `expected` (or matches it, for a RegExp),
 *  and returns it; fails with what it read last. */
async function until(what, read, expected, timeout) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await read().catch(() => null);
    const ok = last !== null && (expected instanceof RegExp ? expected.test(last) : last === expected);
    if (ok) return last;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${expected}, saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `selector`'s text equals (or matches) `expected`. */
export function waitForText(page, selector, expected, timeout = 5_000) {
  return until(selector, () => page.locator(selector).first().textContent({ timeout: 500 }), expected, timeout);
}

/** Waits until the value of the field at `selector` equals (or matches) `expected`. */
export function waitForValue(page, selector, expected, timeout = 5_000) {
  return until(selector, () => page.locator(selector).first().inputValue({ timeout: 500 }), expected, timeout);
}

/** Opens a header dialog (`gallery`, `saved`, `share`, `embed`, `export`). */
export async function openDialog(page, name) {
  await page.click(`#open-${name}`);
  await page.waitForSelector(`dialog#${name}[open]`);
}

/** Replaces the model text as a user would (select all, type). */
export async function setModel(page, text) {
  await page.fill('#model', text);
}

/** The text on the clipboard. */
export function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Moves the pointer over the first error mark (the marks let the pointer
 * through to the text, so the pointer is moved, not the mark hovered). */
export async function pointAtMark(page) {
  const box = await page.locator('.error-mark').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.error-mark.hover .tip', { state: 'visible' });
}
