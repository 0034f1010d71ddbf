// Drive an open `rtdraft preview` page while saving the outline, as an editor would.
//   node preview_session.js URL OUTLINE PLAN.json
// PLAN.json: [{"content": "...the outline's new text...", "expect": "words the page
// must then show", "click": true}] — after each save, wait (no manual reload) until the
// page has reloaded itself and shows `expect`; report how long that took from the save
// and what the page shows. With "click", click the first problem's link and report the
// outline line it brings into view.
'use strict';
const fs = require('fs');
const { launch } = require('./chromium');

async function shows(page) {
  return page.evaluate(() => {
    const panel = document.getElementById('rtdraft-preview');
    const items = (sel) => [...document.querySelectorAll(sel)].map((li) => li.textContent);
    return {
      h1: (document.querySelector('h1') || {}).textContent || null,
      symbols: [...document.querySelectorAll('header svg[role=img], footer svg[role=img]')]
        .map((svg) => `${svg.closest('header, footer').tagName}: ${svg.querySelector('title').textContent} `
          + `${Math.round(svg.getBoundingClientRect().height * 100) / 100}`),
      problems: panel ? items('#rtdraft-preview ul.rtdraft-problems:first-of-type li')
        .filter((t) => t.includes(': error: ')) : [],
      findings: panel ? items('#rtdraft-preview li')
        .filter((t) => t.includes(': warning: ') || t.includes(': note: ')) : [],
    };
  });
}

async function saved(page, outline, step, timeout) {
  let reloads = 0;
  const onLoad = () => { reloads += 1; };
  page.on('load', onLoad);
  // A save is seen once the page's event stream is open: wait for it, as a reader would.
  await page.waitForSelector('html[data-rtdraft-live]', { timeout });
  const start = Date.now();
  fs.writeFileSync(outline, step.content);
  let ms;
  try {
    await page.waitForFunction((words) => document.body && document.body.innerText.includes(words),
      { timeout, polling: 5 }, step.expect);
    ms = Date.now() - start;
    // The new page's words can show before its load event reaches us (a busy machine):
    // give that event a moment, so that a reload is counted, and a page that changed
    // without one is not.
    if (reloads === 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000);
        page.once('load', () => { clearTimeout(timer); resolve(); });
      });
    }
  } finally {
    page.off('load', onLoad);
  }
  return { ms, reloads };
}

async function clickFirstProblem(page) {
  await page.click('#rtdraft-preview a[data-line]');
  return page.evaluate(() => {
    const shown = document.querySelector('[data-rtdraft-shown]');
    const box = shown.getBoundingClientRect();
    return { open: document.getElementById('rtdraft-source').open, line: shown.id,
      text: shown.textContent, visible: box.top >= 0 && box.bottom <= window.innerHeight };
  });
}

(async () => {
  const [url, outline, planFile] = process.argv.slice(2);
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const out = { initial: await shows(page), steps: [] };
    for (const step of plan) {
      const timing = await saved(page, outline, step, 10000);
      const result = Object.assign(timing, await shows(page));
      if (step.click) result.clicked = await clickFirstProblem(page);
      out.steps.push(result);
      await new Promise((r) => setTimeout(r, step.pause || 50));
    }
    process.stdout.write(JSON.stringify(out, null, 1));
  } finally {
    await close();
  }
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
