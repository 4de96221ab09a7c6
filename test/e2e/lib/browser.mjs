// Launches Debian's chromium through playwright-core with the flags the suite needs offline:
// headless, no sandbox (CI containers run as root), no background network traffic.
import { chromium } from 'playwright-core';

/** A headless chromium; Playwright gives every launch its own temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
