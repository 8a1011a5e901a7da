// Saves reveal.js's print view of a leitbild deck as a static page, so that page-level referees
// (axe.mjs) can judge every slide at once, laid out and visible, without racing reveal.js's
// asynchronous layout. Opens DECK.html?print-pdf in Debian's headless Chromium, waits until the
// deck reports data-lb-ready="print", removes the scripts and writes the DOM next to the deck.
//
//   node slide-print-snapshot.mjs DECK.html...     writes DECK-print-view.html beside each; exit 0 ok, 1 failure
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const decks = process.argv.slice(2);
if (decks.length === 0) {
  console.error('usage: node slide-print-snapshot.mjs DECK.html...');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.LEITBILD_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
await context.route(url => !url.href.startsWith('file:'), route => route.abort());
let failures = 0;
for (const deck of decks) {
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(path.resolve(deck)).href + '?print-pdf');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lb-ready') === 'print', null, { timeout: 30000 });
    const html = await page.evaluate(() => {
      for (const s of document.querySelectorAll('script')) s.remove();
      return '<!DOCTYPE html>\n' + document.documentElement.outerHTML;
    });
    const out = deck.replace(/\.html$/, '') + '-print-view.html';
    fs.writeFileSync(out, html);
    console.log(`ok   ${out}`);
  } catch (e) {
    console.log(`FAIL ${deck}: ${e.message.split('\n')[0]}`);
    failures++;
  }
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);
