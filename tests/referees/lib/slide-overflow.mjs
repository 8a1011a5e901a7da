// Referee: opens leitbild slide decks in Debian's headless Chromium (playwright-core, no browser
// download) at 1280x720 and checks that no slide's content overflows its 1280x720 box after the
// deck's own fitting script has run. Prints one line per deck, and per overflowing slide the
// source file and line it came from.
//
//   node slide-overflow.mjs DECK.html...                       exit 0: every slide fits; 1: some overflow
//   node slide-overflow.mjs --screenshots DIR --slides 1,4,7 --name almelo-stacked DECK.html
//                                                              also saves DIR/<name>-<n>.png (n: 1-based slide)
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const args = process.argv.slice(2);
let screenshots = null, slides = [], name = null;
const decks = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshots') screenshots = args[++i];
  else if (args[i] === '--slides') slides = args[++i].split(',').map(Number);
  else if (args[i] === '--name') name = args[++i];
  else decks.push(args[i]);
}
if (decks.length === 0) {
  console.error('usage: node slide-overflow.mjs [--screenshots DIR --slides 1,2 --name NAME] DECK.html...');
  process.exit(2);
}

const executablePath = process.env.LEITBILD_CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
// Decks must work without a network: any request that is not a local file fails the deck.
const offline = [];
await context.route(url => !url.href.startsWith('file:'), route => { offline.push(route.request().url()); return route.abort(); });

let failures = 0;
for (const deck of decks) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const url = pathToFileURL(path.resolve(deck)).href;
  await page.goto(url + '?controls=false&progress=false');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lb-ready') === 'slides', null, { timeout: 30000 });
  const measured = await page.evaluate(() => {
    const out = [];
    for (const s of document.querySelectorAll('.reveal .slides > section')) {
      const previous = s.style.display;
      s.style.display = 'block';
      const frame = s.querySelector('.lb-frame');
      const body = s.querySelector('.lb-body');
      const sides = Array.from(s.querySelectorAll('.lb-side'));
      out.push({
        slide: s.getAttribute('data-lb-slide'),
        source: s.getAttribute('data-lb-source') || '',
        scale: Number(s.getAttribute('data-lb-scale') || '1'),
        marked: s.hasAttribute('data-lb-overflow'),
        frame: frame ? [frame.offsetWidth, frame.offsetHeight, frame.scrollHeight - frame.clientHeight] : null,
        bodyOver: body ? Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth) : 0,
        sideOver: Math.max(0, ...sides.map(d => d.scrollWidth - d.clientWidth)),
      });
      s.style.display = previous;
    }
    return out;
  });
  const bad = measured.filter(m => m.marked || !m.frame || m.frame[0] !== 1280 || m.frame[1] !== 720 || m.frame[2] > 1 ||
                                   m.bodyOver > 1 || m.sideOver > 1);
  const scaled = measured.filter(m => m.scale < 1);
  const smallest = Math.min(1, ...measured.map(m => m.scale));
  console.log(`${bad.length ? 'FAIL' : 'ok  '} ${deck}: ${measured.length} slides, ${scaled.length} fitted by scaling` +
              (scaled.length ? ` (smallest ${Math.round(smallest * 100)}%)` : '') + (bad.length ? `, ${bad.length} overflow` : ''));
  for (const m of bad)
    console.log(`     slide ${m.slide} (${m.source || 'generated'}): overflows by ${Math.max(m.bodyOver, m.sideOver, m.frame ? m.frame[2] : 0)}px` +
                ` at ${Math.round(m.scale * 100)}% text size`);
  if (errors.length) console.log(`FAIL ${deck}: script errors: ${errors.join('; ')}`);
  failures += bad.length + errors.length;

  if (screenshots) {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const n of slides) {
      await page.evaluate(i => window.Reveal.slide(i), n - 1);
      await page.waitForTimeout(150);
      const file = path.join(screenshots, `${name || path.basename(path.dirname(deck))}-${n}.png`);
      await page.screenshot({ path: file });
      console.log(`     screenshot ${file}`);
    }
  }
  await page.close();
}
if (offline.length) {
  console.log(`FAIL: the decks asked for network resources: ${[...new Set(offline)].join(', ')}`);
  failures++;
}
await browser.close();
process.exit(failures ? 1 : 0);
