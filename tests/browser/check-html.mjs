// Opens each HTML edition in headless Chromium and checks what a reader does with it: the
// page renders (title, text, no script errors), and every footnote link lands on its note
// and the note's back link lands on the reference again. Writes a screenshot per page.
//
// Usage: node check-html.mjs SCREENSHOT_DIR FILE.html...
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [shotDir, ...files] = process.argv.slice(2);
mkdirSync(shotDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const fail = (file, message) => { failures++; console.log(`FAIL ${basename(file)}: ${message}`); };
try {
  for (const file of files) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push(`external request ${r.url()}`); });
    await page.goto(pathToFileURL(resolve(file)).href);
    const title = await page.title();
    if (!title.trim()) fail(file, 'empty <title>');
    const textLength = await page.evaluate(() => document.body.innerText.length);
    if (textLength < 200) fail(file, `page shows only ${textLength} characters`);
    const refs = await page.$$eval('a[href^="#"]', (as) => as
      .filter((a) => a.closest('sup') || a.classList.contains('fnref'))
      .map((a) => ({ href: a.getAttribute('href'), id: a.id })));
    for (const { href, id } of refs) {
      await page.click(`[id="${id}"]`);
      const landed = await page.evaluate((target) => {
        const el = document.getElementById(target);
        if (!el || location.hash !== `#${target}`) return 'no target';
        const box = el.getBoundingClientRect();
        return box.top >= -1 && box.top < window.innerHeight ? 'ok' : `target at ${box.top}`;
      }, href.slice(1));
      if (landed !== 'ok') { fail(file, `footnote link ${href}: ${landed}`); continue; }
      const back = await page.$(`[id="${href.slice(1)}"] a[href="#${id}"]`);
      if (!back) { fail(file, `note ${href} has no link back to #${id}`); continue; }
      await back.click();
      const returned = await page.evaluate((refId) => {
        const box = document.getElementById(refId).getBoundingClientRect();
        return location.hash === `#${refId}` && box.top >= -1 && box.top < window.innerHeight;
      }, id);
      if (!returned) fail(file, `back link of ${href} does not return to #${id}`);
    }
    for (const e of errors) fail(file, e);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shotDir}/${basename(file, '.html')}.png`, fullPage: true });
    console.log(`ok ${basename(file)}: ${refs.length} footnote links checked both ways`);
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
