import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, SCREENSHOTS, test } from './fixtures';

/**
 * The everyday screens as the owner sees them, at the two window sizes the product brief names,
 * light and dark, on the sample book: written under test-results/screenshots to be looked at. None
 * may need horizontal scrolling. The intimacy report is printed to PDF and drawn as PNG (pdftoppm).
 */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 800 },
];

test('Home, People, a person, Agenda, Relationships and the intimacy report at 1024×700 and 1366×800, light and dark', async ({ page, station }) => {
  test.setTimeout(600_000);
  await station.api('sample.load');
  const ann = await station.api<{ items: { id: number }[] }>('people.list', { query: 'ann lee' });
  const annId = ann.value.items[0]?.id;
  const screens = [
    { name: 'home', route: '/', heading: 'Home' },
    { name: 'people', route: '/people', heading: 'People' },
    { name: 'person', route: `/people/${annId}`, heading: 'Ann Lee' },
    { name: 'agenda', route: '/agenda', heading: 'Agenda' },
    { name: 'relationships', route: '/relationships', heading: 'Relationships' },
  ];
  const overflowing: string[] = [];
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const s of screens) {
        await page.goto(`${station.url}/#${s.route}`);
        await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(s.heading);
        await expect(page.getByLabel('Loading', { exact: true })).toHaveCount(0);
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) overflowing.push(`${s.name} ${size.width}×${size.height} ${scheme}: ${wide} px too wide`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${s.name}-${size.width}-${scheme}.png`) });
      }
      // The intimacy report on screen, then on paper: black on white whatever the scheme.
      await page.goto(`${station.url}/#/reports/intimacy`);
      await expect(page.getByRole('heading', { name: 'Intimacy report', level: 1 })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
      await page.screenshot({ path: path.join(SCREENSHOTS, `intimacy-${size.width}-${scheme}.png`) });
    }
    await page.emulateMedia({ media: 'print', colorScheme: scheme });
    const pdf = path.join(SCREENSHOTS, `intimacy-report-${scheme}.pdf`);
    fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen', colorScheme: scheme });
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, pdf.replace(/\.pdf$/, '')]);
  }
  expect(overflowing).toEqual([]);
});
