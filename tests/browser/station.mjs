// What the browser tests share: headless Chromium as run.sh provides it, and a clerk's log-in
// with the keyboard (the clerks run.sh adds all have the password "correct horse 1").
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

export async function login(page, base, name) {
  await page.goto(base + '/');
  await page.waitForSelector('#login-view:not([hidden])');
  await page.keyboard.type(name);  // the name field has the focus
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse 1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#queue tr.queue-item');
}
