import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server-process.util';

/** What every browser suite shares: Debian's Chromium, headless, at one desktop size. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const VIEWPORT = { width: 1440, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

let screenshots: string | null = null;

/** The README's pictures are refreshed only on request (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
export function screenshotsDir(): string {
  if (!screenshots) {
    screenshots = process.env['UPDATE_SCREENSHOTS']
      ? join(REPO_ROOT, 'test/browser/screenshots')
      : mkdtempSync(join(tmpdir(), 'recupera-screenshots-'));
    mkdirSync(screenshots, { recursive: true });
  }
  return screenshots;
}

/**
 * The console scrolls inside its content pane, not the document, so Playwright's fullPage alone
 * would stop at the viewport: grow the viewport to the content's height, shoot, and restore it.
 */
export async function fullPageScreenshot(
  page: Page,
  file: string,
  settle?: () => Promise<void>,
): Promise<void> {
  // Park the pointer on the empty middle of the top bar: no hovered row, no chart tooltip.
  await page.mouse.move(VIEWPORT.width / 2, 26);
  const content = page.locator('mat-sidenav-content');
  const overflow = await content.evaluate((element) => element.scrollHeight - element.clientHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height + Math.max(0, overflow) });
  await page.waitForFunction(() => {
    const element = document.querySelector('mat-sidenav-content');
    return element !== null && element.scrollHeight <= element.clientHeight;
  });
  await settle?.();
  await page.screenshot({ path: join(screenshotsDir(), file), fullPage: true });
  await page.setViewportSize(VIEWPORT);
}
