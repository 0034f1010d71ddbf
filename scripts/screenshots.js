// The README's web pictures, in Debian's chromium (scripts/readme_pictures.py runs this):
//   node screenshots.js OUT DESKTOP.html PHONE.html PREVIEW_URL OUTLINE BROKEN_TEXT
// html-desktop.png: DESKTOP.html at 1280x900; html-phone-fr.png: PHONE.html at a phone's
// 360x740 (twice the pixels); html-footer.png: DESKTOP.html's foot (the footer with the
// Canada wordmark) at 1280x500; preview-problems.png: the open preview after OUTLINE is
// saved with BROKEN_TEXT, the first problem clicked.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch } = require('../tests/browser/chromium');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function shot(browser, url, viewport, file, foot = false) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  await page.goto(url, { waitUntil: 'load' });
  if (foot) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.screenshot({ path: file });
  await page.close();
}

async function main() {
  const [out, desktop, phone, previewUrl, outline, broken] = process.argv.slice(2);
  const { browser, close } = await launch();
  try {
    await shot(browser, `file://${path.resolve(desktop)}`, DESKTOP,
      path.join(out, 'html-desktop.png'));
    await shot(browser, `file://${path.resolve(phone)}`, PHONE,
      path.join(out, 'html-phone-fr.png'));
    await shot(browser, `file://${path.resolve(desktop)}`, { width: 1280, height: 500 },
      path.join(out, 'html-footer.png'), true);
    const page = await browser.newPage();
    await page.setViewport(DESKTOP);
    await page.goto(previewUrl, { waitUntil: 'load' });
    await page.waitForSelector('html[data-rtdraft-live]', { timeout: 30000 });
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 30000 });
    fs.writeFileSync(outline, fs.readFileSync(broken));
    await reloaded;    // the page reloads itself after the save
    await page.waitForSelector('#rtdraft-preview a[data-line]', { timeout: 30000 });
    await page.click('#rtdraft-preview a[data-line]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: path.join(out, 'preview-problems.png') });
  } finally {
    await close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
