// The built site in a real browser (Debian's chromium via playwright-core), served from 127.0.0.1, at the web root
// and under a path prefix: browsing by links, search with a person filter, and axe in light and dark mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers.ts';
import { buildTestSite, contentFiles, PREFIX, type TestSite } from '../site/fixtures.ts';
import { serveStatic, type StaticServer } from '../site/serve.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The sample article plus a second one naming two of its people, so a person page leads on to another article.
const SECOND = `---
title: Lavrov and Peskov speak on embassy staffing
date: 2025-03-04
people: [Sergei Lavrov, Dmitry Peskov]
places: [Moscow]
---
MOSCOW - Russian Foreign Minister Sergei Lavrov said on Tuesday that talks on embassy staffing would continue.

Kremlin spokesperson Dmitry Peskov said the next round would take place in the spring.
`;

// An article from an earlier year: its search records are in another Pagefind index, merged into the newest one.
const OLDER = `---
title: Baltic ferry link to Kaliningrad reopens
date: 2019-06-11
places: [Kaliningrad, Lithuania]
---
KLAIPEDA - The ferry link between Klaipeda and Kaliningrad reopened on Tuesday after a two-month pause.

Port officials in Lithuania said the first crossing carried forty lorries.
`;

let t: TestSite;
let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  t = await buildTestSite({ ...contentFiles(join(ROOT, 'content')), 'second.txt': SECOND, 'older.txt': OLDER }, 'browser');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  await t?.cleanup();
});

const isSeed = (a: { source: string }) => a.source !== 'second.txt' && a.source !== 'older.txt';
const seedTitle = () => t.ingest.articles.find(isSeed)!.title;
const secondTitle = () => t.ingest.articles.find((a) => a.source === 'second.txt')!.title;

for (const [label, prefix] of [['at the web root', '/'], [`under ${PREFIX}`, PREFIX]] as const) {
  describe(`site ${label}`, () => {
    let base: string;
    let page: Page;

    beforeAll(async () => {
      const root = prefix === '/' ? t.site : t.prefixRoot;
      const server = await serveStatic(root, join(root, prefix, '404.html'));
      servers.push(server);
      base = server.origin + prefix.slice(1);
      page = await browser.newPage();
    });
    afterAll(() => page?.close());

    it('browses home → article → person → another article by that person', async () => {
      await page.goto(base);
      await page.getByRole('link', { name: seedTitle() }).first().click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(seedTitle());
      expect(page.url()).toContain(prefix);
      await page.locator('aside.entities').getByRole('link', { name: 'Sergei Lavrov' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toContain('Sergei Lavrov');
      expect(page.url()).toBe(`${base}people/sergei-lavrov/`);
      await page.locator('.entity-articles').getByRole('link', { name: secondTitle() }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(secondTitle());
    });

    it('finds the seed article for "Lavrov" and filters by a person', async () => {
      await page.goto(`${base}search/`);
      const input = page.locator('.pagefind-ui__search-input');
      await input.waitFor();
      await input.fill('Lavrov');
      const results = page.locator('.pagefind-ui__result-link');
      await expect.poll(() => results.allTextContents(), { timeout: 20_000 }).toContain(seedTitle());
      expect(await results.count()).toBe(2);
      // Result links stay under the prefix.
      for (const href of await results.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) expect(href!.startsWith(prefix)).toBe(true);
      // Filter by a person named only in the seed article.
      const group = page.locator('.pagefind-ui__filter-panel details', { hasText: 'person' }).first();
      if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
      await group.locator('label', { hasText: 'Maria Zakharova' }).click();
      await expect.poll(() => results.allTextContents(), { timeout: 20_000 }).toEqual([seedTitle()]);
      await results.first().click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(seedTitle());
    });

    it('finds an article held in an older year\'s search index, merged into the newest one', async () => {
      // The older year's index carries no Pagefind scripts of its own: the search page loads them from the newest.
      expect(existsSync(join(prefix === '/' ? t.site : join(t.prefixRoot, prefix), 'pagefind/2019/pagefind-ui.js'))).toBe(false);
      await page.goto(`${base}search/?q=Kaliningrad`);
      const results = page.locator('.pagefind-ui__result-link');
      await expect.poll(() => results.allTextContents(), { timeout: 20_000 }).toEqual(['Baltic ferry link to Kaliningrad reopens']);
      await results.first().click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Baltic ferry link to Kaliningrad reopens');
    });

    it('runs a query given in the address', async () => {
      await page.goto(`${base}search/?q=Peskov`);
      await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 20_000 }).toBe(2);
    });

    it('serves the 404 page with working links', async () => {
      const res = await page.goto(`${base}no/such/page/`);
      expect(res?.status()).toBe(404);
      await page.getByRole('link', { name: 'Search the archive' }).click();
      expect(page.url()).toBe(`${base}search/`);
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${scheme} mode`, async () => {
        const seed = t.ingest.articles.find(isSeed)!;
        const pages = ['', `${seed.id}/`, 'people/sergei-lavrov/', 'people/', 'places/by-mentions/', 'archive/', 'archive/2025/02/', 'search/?q=Lavrov'];
        await page.emulateMedia({ colorScheme: scheme });
        const report: Record<string, string[]> = {};
        for (const p of pages) {
          await page.goto(base + p);
          if (p.startsWith('search')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
            const r = await axe.run();
            return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
          });
          if (violations.length) report[p || '/'] = violations;
        }
        expect(report).toEqual({});
      });
    }
  });
}
