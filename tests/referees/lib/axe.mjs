// axe-core in Debian's headless Chromium over local pages: WCAG 2.0, 2.1 and 2.2, levels A and AA.
//
//   node tests/referees/lib/axe.mjs [--viewport WxH [--zoom Z]]... [--reflow] PAGE.html...
//
//   --viewport WxH  window size in CSS pixels at 100 % (default 1280x800). Repeat it to check every
//                   page in several windows; each page is loaded once and resized.
//   --zoom Z        browser zoom for the --viewport before it (or the default), e.g. 2 for 200 %:
//                   the page is laid out in (W/Z)x(H/Z) CSS pixels, as a browser does when zooming
//   --reflow        also fail a page that scrolls sideways (WCAG 1.4.10 Reflow; axe cannot see that)
//
// Prints one line per violation: "PAGE: RULE (IMPACT) TARGET - HELP". Exit 0: no violation;
// 1: violations (or a page failed to load, or a page asked for anything but a local file);
// 2: usage; 77: chromium or node_modules missing. Chromium runs with a fresh profile and no network.
// Shared by the html_, slides_ and epub_ referees; keep this interface.
import { chromium } from 'playwright-core';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = path.resolve(here, '../../../node_modules/axe-core/axe.min.js');
const executablePath = process.env.LEITBILD_CHROMIUM || '/usr/bin/chromium';

const args = process.argv.slice(2);
const settings = [];  // { width, height, zoom }
let reflow = false;
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--viewport') {
    const m = /^(\d+)x(\d+)$/.exec(args[++i] || '');
    if (!m) { console.error('--viewport wants WxH, e.g. 320x640'); process.exit(2); }
    settings.push({ width: Number(m[1]), height: Number(m[2]), zoom: 1 });
  } else if (args[i] === '--zoom') {
    const zoom = Number(args[++i]);
    if (!(zoom > 0)) { console.error('--zoom wants a number, e.g. 2'); process.exit(2); }
    if (settings.length === 0) settings.push({ width: 1280, height: 800, zoom: 1 });
    settings[settings.length - 1].zoom = zoom;
  } else if (args[i] === '--reflow') reflow = true;
  else pages.push(args[i]);
}
if (settings.length === 0) settings.push({ width: 1280, height: 800, zoom: 1 });
if (pages.length === 0) {
  console.error('usage: node axe.mjs [--viewport WxH [--zoom Z]]... [--reflow] PAGE.html...');
  process.exit(2);
}
const layout = s => ({ width: Math.round(s.width / s.zoom), height: Math.round(s.height / s.zoom) });
const label = s => `${s.width}x${s.height}${s.zoom !== 1 ? ` at ${s.zoom * 100} %` : ''}`;
if (!fs.existsSync(executablePath) || !fs.existsSync(axeSource)) {
  console.error(`SKIP: needs ${executablePath} (Debian package chromium) and node_modules/axe-core (scripts/setup)`);
  process.exit(77);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'leitbild-axe-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
  viewport: layout(settings[0]),
});
const external = [];
await context.route(url => !url.href.startsWith('file:'), route => {
  external.push(route.request().url());
  return route.abort();
});

let violations = 0;
try {
  const page = context.pages()[0] || await context.newPage();
  for (const file of pages) {
    const shown = path.relative(process.cwd(), path.resolve(file));
    external.length = 0;
    try {
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
    } catch (e) {
      console.log(`${shown}: page-load-failed - ${e.message.split('\n')[0]}`);
      violations++;
      continue;
    }
    await page.addScriptTag({ path: axeSource });
    for (const setting of settings) {
      await page.setViewportSize(layout(setting));
      const where = settings.length > 1 ? ` [${label(setting)}]` : '';
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        });
      });
      for (const v of result.violations) {
        for (const node of v.nodes) {
          console.log(`${shown}${where}: ${v.id} (${v.impact}) ${node.target.join(' ')} - ${v.help}`);
          violations++;
        }
      }
      if (reflow) {
        const overflow = await page.evaluate(() => {
          const doc = document.scrollingElement || document.documentElement;
          return { scroll: doc.scrollWidth, view: window.innerWidth };
        });
        if (overflow.scroll > overflow.view + 1) {
          console.log(`${shown}${where}: reflow (serious) html - the page is ${overflow.scroll}px wide in a ${overflow.view}px window and scrolls sideways`);
          violations++;
        }
      }
    }
    for (const url of external) {
      console.log(`${shown}: external-request (serious) ${url} - pages must not load anything from another server`);
      violations++;
    }
  }
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(violations > 0 ? 1 : 0);
