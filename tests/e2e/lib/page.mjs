// Helpers for reading the Headroom page the way a user sees it.

/** The selector of the value shown for `name` in the results. */
export const shownOf = (name) => `#results [data-name="${name}"] .shown`;

/** Waits until the app has mounted and shows results. */
export async function appReady(page) {
  await page.waitForSelector('#results .row', { timeout: 15_000 });
}

/** Waits until `selector`'s text equals `expected` (or matches it, for a
 *  RegExp), and returns the text; fails with the text last seen. */
export async function waitForText(page, selector, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await page.locator(selector).first().textContent({ timeout: 500 }).catch(() => null);
    const ok = last !== null && (expected instanceof RegExp ? expected.test(last) : last === expected);
    if (ok) return last;
    if (Date.now() > deadline) {
      throw new Error(`${selector}: expected ${expected}, saw ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(50);
  }
}
