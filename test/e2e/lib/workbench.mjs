// Drives the real VS Code workbench (code-server) in chromium the way a person does: keyboard
// shortcuts, the command palette, what the screen shows. Every internal DOM class name the suite
// relies on lives in SELECTORS below: they drift between VS Code versions, so this is the one place to fix.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';

/** Workbench DOM hooks (checked against VS Code 1.139 / code-server 4.139). */
export const SELECTORS = {
  explorerRow: '.monaco-workbench .explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  tab: '.tabs-container .tab',
  activeEditor: '.editor-group-container.active .editor-instance .monaco-editor',
  viewLines: '.view-lines',
  viewLine: '.view-line',
  squiggle: { error: '.squiggly-error', warning: '.squiggly-warning', info: '.squiggly-info' },
  placeholderButton: '.monaco-editor-pane-placeholder a.monaco-button',
  status: {
    problems: '[id="status.problems"]',
    mode: '[id="status.editor.mode"]',
    selection: '[id="status.editor.selection"]',
    workspaceTrust: '[id="status.workspaceTrust"]',
  },
  banner: '.monaco-workbench .banner',
  markersPanel: '.markers-panel',
  markerRow: '.markers-panel .monaco-list-row',
  // Parts of one Problems row; the rule id is a link (a.monaco-link) when the diagnostic has a codeDescription.
  marker: { message: '.marker-message', source: '.marker-source', code: '.marker-code', codeLink: 'a.monaco-link', position: '.marker-line' },
  suggestRow: '.editor-widget.suggest-widget .monaco-list-row',
  actionWidgetRow: '.action-widget .monaco-list-row',
  outlinePane: '.outline-pane',
  explorerFoldersHeader: '.pane-header[aria-label^="Explorer Section"]',
  outlineRow: '.outline-pane .monaco-list-row',
  notificationCenter: '.notifications-center',
  notificationItem: '.notification-list-item',
  notificationError: '.notification-list-item-icon.codicon-error',
  tokenInspectWidget: '.token-inspect-widget',
  outputView: '.part.panel .output-view .view-lines',
};

/** Polls fn() (an async condition) until it returns a truthy value; throws with `what` on timeout. */
export async function waitUntil(fn, what, timeout = 30_000, interval = 100) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

const RESULTS = process.env.E2E_RESULTS ?? 'test-results';

/** E2E_TRACE=1: logs how long each Workbench call took, to find where a slow scenario waits. */
function traced(wb) {
  return new Proxy(wb, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'scenario' || prop === 'squiggles') return value;
      return async (...args) => {
        const started = Date.now();
        try {
          return await value.apply(receiver, args);
        } finally {
          console.log(`  [trace] ${String(prop)}(${args.map((a) => JSON.stringify(a)).join(', ').slice(0, 80)}) ${Date.now() - started} ms`);
        }
      };
    },
  });
}

/** One browser page showing one workbench window. */
export class Workbench {
  /** @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page */
  constructor(browser, page, name) {
    this.browser = browser;
    this.page = page;
    this.name = name;
  }

  /** Opens the workbench at `url` (…/?folder=…) and waits until the explorer shows the folder. */
  static async open(url, name) {
    if (!url) throw new Error('no workbench URL: run the suite through test/e2e/run.sh (npm run test:e2e)');
    mkdirSync(join(RESULTS, 'logs'), { recursive: true });
    const browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
    const consoleLog = join(RESULTS, 'logs', `${name}-browser-console.log`);
    page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.stack ?? e}\n`));
    const started = Date.now();
    await page.goto(url);
    await page.locator(SELECTORS.explorerRow).first().waitFor({ timeout: 90_000 });
    if (process.env.E2E_TRACE) console.log(`  [trace] workbench loaded in ${Date.now() - started} ms`);
    const wb = new Workbench(browser, page, name);
    return process.env.E2E_TRACE ? traced(wb) : wb;
  }

  async close() {
    await this.browser.close();
  }

  /**
   * Runs one scenario and saves test-results/<name>.png afterwards, also when it fails (then the
   * picture shows the state the assertion saw).
   */
  async scenario(name, fn) {
    try {
      await fn();
    } finally {
      const started = Date.now();
      await this.page.screenshot({ path: join(RESULTS, `${name}.png`) }).catch((e) => console.error(`screenshot ${name}: ${e.message}`));
      if (process.env.E2E_TRACE) console.log(`  [trace] screenshot ${name}.png ${Date.now() - started} ms`);
    }
  }

  // ---- quick input: Ctrl+P and the command palette

  /** Opens a workspace file by its relative path through Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relativePath) {
    const { page } = this;
    const base = relativePath.split('/').pop();
    const folder = relativePath.split('/').slice(0, -1).join('/');
    await page.keyboard.press('Control+P');
    await page.locator(SELECTORS.quickInputBox).fill(relativePath);
    const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: base }).filter({ hasText: folder }).first();
    await row.waitFor();
    await row.click();
    await page.locator(SELECTORS.activeTab).filter({ hasText: base }).first().waitFor();
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
  }

  /** Waits until the active editor shows text (not a binary placeholder). */
  async waitForTextEditor() {
    await this.page.locator(`${SELECTORS.activeEditor} ${SELECTORS.viewLines}`).waitFor();
  }

  /** Runs a command from the command palette (F1) by its title, e.g. 'View: Close All Editors'. */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('F1');
    const box = page.locator(SELECTORS.quickInputBox);
    await box.fill(`>${title}`);
    // The row's aria-label is the title plus its keybinding ("Change Language Mode, Control+K M").
    const row = page.locator(`${SELECTORS.quickInputRow}[aria-label="${title}"], ${SELECTORS.quickInputRow}[aria-label^="${title}, "]`).first();
    await row.waitFor();
    await row.click();
    // Done when the palette has closed, or has been replaced by the command's own picker.
    await waitUntil(async () => !(await page.locator(SELECTORS.quickInput).isVisible()) || !(await box.inputValue()).startsWith(`>${title}`),
      `the command palette to run "${title}"`, 10_000, 50);
  }

  /** Picks an item in the quick input that is already open (e.g. after Change Language Mode). */
  async pickQuickInput(filter, rowText) {
    const { page } = this;
    await page.locator(SELECTORS.quickInputBox).fill(filter);
    const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: rowText }).first();
    await row.waitFor();
    await row.click();
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
  }

  // ---- the editor

  /** The active editor's language as the status bar shows it ("ASL", "JSON", ...). */
  async languageMode() {
    return (await this.page.locator(SELECTORS.status.mode).innerText()).trim();
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goTo(line, column = 1) {
    const { page } = this;
    await page.keyboard.press('Control+G');
    await page.locator(SELECTORS.quickInputBox).fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
    await waitUntil(async () => {
      const c = await this.cursor();
      return c.line === line && c.column === column;
    }, `cursor at ${line}:${column}`, 10_000);
  }

  /** The cursor position from the status bar ("Ln 12, Col 5"). */
  async cursor() {
    const text = await this.page.locator(SELECTORS.status.selection).innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`unexpected cursor status "${text}"`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /** The text of the editor's rendered (visible) lines, spaces normalised. */
  async visibleText() {
    const text = await this.page.locator(`${SELECTORS.activeEditor} ${SELECTORS.viewLines}`).innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Squiggles of one severity currently rendered in the active editor. */
  squiggles(severity = 'error') {
    return this.page.locator(`${SELECTORS.activeEditor} ${SELECTORS.squiggle[severity]}`);
  }

  /**
   * Screen rectangle of the first rendered occurrence of `text` in the active editor, measured on
   * the glyphs themselves (a DOM Range over the line's text nodes), or undefined when not rendered.
   */
  async textRect(text) {
    return this.page.evaluate(({ editor, line, text }) => {
      for (const el of document.querySelectorAll(`${editor} ${line}`)) {
        const content = el.textContent.replace(/\u00a0/g, ' ');
        const at = content.indexOf(text);
        if (at < 0) continue;
        // Walk the text nodes to the start and end offsets.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0, node, started = false;
        while ((node = walker.nextNode())) {
          const len = node.textContent.length;
          if (!started && at < seen + len) { range.setStart(node, at - seen); started = true; }
          if (started && at + text.length <= seen + len) { range.setEnd(node, at + text.length - seen); break; }
          seen += len;
        }
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }
      return undefined;
    }, { editor: SELECTORS.activeEditor, line: SELECTORS.viewLine, text });
  }

  /** Screen rectangles of the squiggles of one severity in the active editor. */
  async squiggleRects(severity = 'error') {
    return this.squiggles(severity).evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
  }

  /**
   * Computed text colour of the rendered token span containing `token`, on the first rendered line
   * that contains `lineText`; undefined while that line is not rendered.
   */
  async tokenColour(lineText, token) {
    return this.page.evaluate(({ editor, line, lineText, token }) => {
      const norm = (t) => t.replace(/\u00a0/g, ' ');
      const el = [...document.querySelectorAll(`${editor} ${line}`)].find((l) => norm(l.textContent).includes(lineText));
      const span = el && [...el.querySelectorAll('span span')].find((s) => norm(s.textContent).includes(token));
      return span ? { colour: getComputedStyle(span).color, className: span.className, text: norm(span.textContent) } : undefined;
    }, { editor: SELECTORS.activeEditor, line: SELECTORS.viewLine, lineText, token });
  }

  /** Reverts and closes every editor, so the next scenario starts from an empty editor area. */
  async closeAllEditors() {
    const tabs = this.page.locator(SELECTORS.tab);
    await this.page.keyboard.press('Escape');
    for (let i = 0; i < 20 && (await tabs.count()) > 0; i++) await this.runCommand('View: Revert and Close Editor');
    await waitUntil(async () => (await tabs.count()) === 0, 'all editors closed', 10_000);
  }

  /** Shows the Outline view with room for its rows: the explorer's folder section is collapsed. */
  async showOutline() {
    const { page } = this;
    await this.runCommand('Explorer: Focus on Outline View');
    const folders = page.locator(SELECTORS.explorerFoldersHeader);
    if (await folders.evaluate((e) => e.classList.contains('expanded'))) await folders.click();
    await page.locator(SELECTORS.outlinePane).waitFor();
  }

  // ---- status bar, Problems, notifications

  /** Error and warning counts as the status bar shows them ("Errors: 1, Warnings: 0"). */
  async problemCounts() {
    const label = (await this.page.locator(SELECTORS.status.problems).getAttribute('aria-label')) ?? '';
    if (/No Problems/i.test(label)) return { errors: 0, warnings: 0, label };
    const n = (re) => Number(re.exec(label)?.[1] ?? 0);
    return { errors: n(/Errors?: (\d+)/i), warnings: n(/Warnings?: (\d+)/i), label };
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its row locator. */
  async openProblems() {
    const { page } = this;
    if (!(await page.locator(SELECTORS.markersPanel).isVisible())) await page.keyboard.press('Control+Shift+M');
    await page.locator(SELECTORS.markersPanel).waitFor();
    return page.locator(SELECTORS.markerRow);
  }

  /** Marker rows of the Problems panel (file rows excluded): message, source, code, docs link, position. */
  async problemRows() {
    const rows = await this.openProblems();
    return rows.evaluateAll((els, sel) => els
      .filter((e) => e.querySelector(sel.message))
      .map((e) => {
        const text = (s) => e.querySelector(s)?.textContent ?? '';
        const pos = /Ln (\d+), Col (\d+)/.exec(text(sel.position));
        return {
          message: text(sel.message),
          source: text(sel.source),
          code: text(sel.code),
          href: e.querySelector(sel.codeLink)?.getAttribute('href') ?? '',
          line: pos ? Number(pos[1]) : undefined,
          column: pos ? Number(pos[2]) : undefined,
          text: e.getAttribute('aria-label') ?? e.textContent,
        };
      }), SELECTORS.marker);
  }

  /** Every notification (toasts and the notification centre), with its severity, as the UI lists them. */
  async notifications() {
    const { page } = this;
    await this.runCommand('Notifications: Show Notifications');
    const centre = page.locator(SELECTORS.notificationCenter);
    await centre.waitFor();
    const items = await centre.locator(SELECTORS.notificationItem).evaluateAll((els, errorSel) => els.map((e) => ({
      text: e.textContent,
      error: !!e.querySelector(errorSel),
    })), SELECTORS.notificationError);
    await page.keyboard.press('Escape');
    return items;
  }
}
