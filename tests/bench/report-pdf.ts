import type { Row } from './run';
import { percentile, withStationAndBrowser } from './browser';

const ROUNDS = 3;

/**
 * In Chromium against station mode: from opening the rapport report of a book of `people` to a
 * finished printable PDF (print stylesheet, every row). `baseline` is the bare aggregate query's
 * time for the same book, measured by the caller.
 */
export async function reportToPdf(dataDir: string, people: number, baseline: number[], log: (m: string) => void): Promise<Row> {
  return withStationAndBrowser(dataDir, async (url, openPage) => {
    const samples: number[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const page = await openPage();
      const start = performance.now();
      await page.goto(`${url}/#/reports/rapport`);
      await page.getByRole('table', { name: 'People by rapport score' }).locator('tbody tr').nth(people - 1).waitFor({ state: 'attached', timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      samples.push(performance.now() - start);
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      await page.close();
    }
    log(`printed the ${people.toLocaleString()}-person rapport report to a ${pages}-page PDF ${ROUNDS} times`);
    return {
      name: `rapport report to PDF, ${people.toLocaleString()} people (Chromium, station)`,
      p50_ms: percentile(samples, 50),
      p95_ms: percentile(samples, 95),
      baseline_p50_ms: percentile(baseline, 50),
      baseline_p95_ms: percentile(baseline, 95),
    };
  });
}
