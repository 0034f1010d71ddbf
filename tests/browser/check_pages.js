// Open each rendered page in chromium and report, as JSON on stdout, what the tests
// assert: axe-core's WCAG 2.1 AA violations, every request the page makes (intercepted:
// anything but file: or data: is refused), the fragment links that miss their target,
// headings, overflow at narrow widths, the Federal Identity Program's symbols (their
// names in the accessibility tree, their sizes and places at desktop and phone widths),
// and screenshots at desktop and phone widths.
//   node check_pages.js SCREENSHOT_DIR PAGE.html...
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./chromium');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function checkLinks(page) {
  // Follow every in-page link as a reader would (a click) and see where it lands.
  const hrefs = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')));
  const missed = [];
  const links = await page.$$('a[href^="#"]');
  for (let i = 0; i < links.length; i++) {
    const href = hrefs[i];
    const landed = await page.evaluate(async (a, href) => {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (!target) return 'no element with this id';
      a.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (decodeURIComponent(location.hash) !== decodeURIComponent(href)) return `location is ${location.hash}`;
      if (!target.matches(':target')) return 'target is not :target';
      const box = target.getBoundingClientRect();
      if (box.top < -1 || box.top > window.innerHeight) return `target at ${box.top}px`;
      return null;
    }, links[i], href);
    if (landed) missed.push({ href, problem: landed });
  }
  return { count: hrefs.length, hrefs, missed };
}

async function overflow(page, width) {
  await page.setViewport({ width, height: 800 });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// The names of the accessibility tree's nodes of this role, in the page's order.
function flatten(node, role, out = []) {
  if (!node) return out;
  if (node.role === role) out.push(node.name);
  for (const child of node.children || []) flatten(child, role, out);
  return out;
}

// Where the symbols are and how big, in CSS pixels, at the viewport's width.
async function symbols(page, viewport) {
  await page.setViewport(viewport);
  return page.evaluate(() => {
    const box = (selector) => {
      const e = document.querySelector(selector);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top + window.scrollY,
        width: r.width, height: r.height };
    };
    return { rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
      page: { width: document.documentElement.clientWidth,
        height: document.documentElement.scrollHeight },
      signature: box('header a[href^="https://www.canada.ca/"] > svg[role=img]'),
      wordmark: box('footer svg[role=img]'),
      h1: box('h1'), main: box('main'), footer: box('footer') };
  });
}

async function screenshots(browser, url, shots, name) {
  // A fresh page, so that no link shows as visited.
  const page = await browser.newPage();
  const out = { desktop: path.join(shots, `${name}-desktop.png`),
    phone: path.join(shots, `${name}-phone.png`) };
  await page.setViewport(DESKTOP);
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: out.desktop });
  await page.setViewport(PHONE);
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: out.phone });
  await page.close();
  return out;
}

async function check(browser, file, shots) {
  const url = pathToFileURL(path.resolve(file)).href;
  const shot = await screenshots(browser, url, shots, path.basename(file, '.html'));
  const page = await browser.newPage();
  // Every request is intercepted: the page itself (file:) and data: go on, anything
  // else is refused and reported.
  const requests = [];
  const refused = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    requests.push(r.url());
    if (/^(file|data):/.test(r.url())) r.continue(); else { refused.push(r.url()); r.abort(); }
  });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.setViewport(DESKTOP);
  await page.goto(url, { waitUntil: 'load' });
  const axe = await page.evaluate(async (source, tags) => {
    // axe is injected after the page loaded: the page's own policy allows no script.
    (0, eval)(source);
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })), passes: result.passes.length };
  }, AXE, TAGS);
  const structure = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main').length,
    headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])),
    navLinks: document.querySelectorAll('nav.toc a').length,
    tables: document.querySelectorAll('table > thead th[scope=col]').length / 3,
    columnWidths: [...document.querySelectorAll('table')].map((t) =>
      [...t.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width))),
    otherLanguage: [...document.querySelectorAll('main [lang]')].map((e) => e.lang),
    fonts: { heading: getComputedStyle(document.querySelector('h1')).fontFamily,
      text: getComputedStyle(document.body).fontFamily },
    paragraphWidthCh: (() => {
      const p = [...document.querySelectorAll('main p')].sort((a, b) => b.textContent.length - a.textContent.length)[0];
      const probe = document.createElement('span'); probe.textContent = '0'.repeat(100);
      probe.style.whiteSpace = 'nowrap'; probe.style.position = 'absolute';
      p.appendChild(probe); const ch = probe.getBoundingClientRect().width / 100; probe.remove();
      return p.getBoundingClientRect().width / ch;
    })(),
  }));
  const tree = await page.accessibility.snapshot();
  const names = await page.evaluate(() => [...document.querySelectorAll('svg[role=img]')]
    .map((svg) => ({ name: svg.querySelector('title') && svg.querySelector('title').textContent,
      landmark: svg.closest('header, footer').tagName.toLowerCase() })));
  const accessible = { names, images: flatten(tree, 'image'),
    links: flatten(tree, 'link').filter((name) => !/^\d|^[#↩]/.test(name)).slice(0, 3) };
  const sizes = { desktop: await symbols(page, DESKTOP), phone: await symbols(page, PHONE) };
  await page.setViewport(DESKTOP);
  const links = await checkLinks(page);
  const widths = { 640: await overflow(page, 640), 320: await overflow(page, 320) };
  await page.close();
  return { file, url, axe, structure, links, overflow: widths, requests, refused, consoleErrors,
    screenshots: shot, accessible, sizes };
}

(async () => {
  const [shots, ...files] = process.argv.slice(2);
  const { browser, close } = await launch();
  try {
    const results = [];
    for (const file of files) results.push(await check(browser, file, shots));
    process.stdout.write(JSON.stringify(results, null, 1));
  } finally {
    await close();
  }
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
