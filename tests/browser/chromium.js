// Debian's chromium, headless, through puppeteer-core: never a downloaded browser,
// a fresh profile in a temporary folder, removed again on close.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.RTDRAFT_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rtdraft-chromium-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM, headless: true,
      args: FLAGS.concat([`--user-data-dir=${profile}`]), timeout: 60000,
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    throw e;
  }
  const close = async () => {
    try { await browser.close(); } finally {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    }
  };
  return { browser, close };
}

module.exports = { launch, FLAGS };
