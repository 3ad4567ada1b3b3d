import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadSampleData } from '../../electron/core/services/sample';
import { intimacyReport, rapportCsv, rapportReport, seminarReport } from '../../electron/core/services/reports';
import { listSeminars } from '../../electron/core/services/seminars';
import { SeminarListInput } from '../../shared/contract';
import { RapportFilterSchema } from '../../shared/domain/report';
import { openTestContext } from '../helpers/store';

describe('reports on the sample book', () => {
  it('the rapport report counts what the store holds, segment by segment', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const count = (sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).get(...args) as { n: number }).n;
    const whole = rapportReport(ctx, RapportFilterSchema.parse({}), 0, null);
    expect(whole.segment).toBe('Whole book');
    expect(whole.total).toBe(count('SELECT count(*) AS n FROM people'));
    expect(whole.stageMix.client).toBe(count("SELECT count(*) AS n FROM people WHERE stage = 'client'"));
    expect(whole.rows).toHaveLength(whole.total);
    expect(whole.rows.map((r) => r.score)).toEqual([...whole.rows.map((r) => r.score)].sort((a, b) => b - a));
    expect(whole.rows.every((r) => r.address === undefined)).toBe(true);

    const tagged = rapportReport(ctx, RapportFilterSchema.parse({ tags: ['Healthcare'], stages: ['client', 'customer'] }), 0, 10);
    expect(tagged.segment).toBe('Stage: Client, Customer · Tags: Healthcare');
    expect(tagged.total).toBe(
      count(
        "SELECT count(*) AS n FROM people p WHERE p.stage IN ('client', 'customer') AND p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = 'Healthcare')",
      ),
    );
    expect(tagged.rows.length).toBeLessThanOrEqual(10);
    const personal = rapportReport(ctx, RapportFilterSchema.parse({ includePersonal: true }), 0, 5);
    expect(personal.rows.some((r) => (r.address ?? '').length > 0)).toBe(true);
  });

  it('a page names the first of the ready and at-risk lists, in the whole report’s order, with their full counts', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const whole = rapportReport(ctx, RapportFilterSchema.parse({}), 0, null);
    expect(whole.readyTotal).toBe(whole.ready.length);
    expect(whole.atRiskTotal).toBe(whole.atRisk.length);
    for (const limit of [1, 2, 3, 100]) {
      const page = rapportReport(ctx, RapportFilterSchema.parse({}), 0, limit);
      expect(page.ready).toEqual(whole.ready.slice(0, limit));
      expect(page.atRisk).toEqual(whole.atRisk.slice(0, limit));
      expect(page.readyTotal).toBe(whole.readyTotal);
      expect(page.atRiskTotal).toBe(whole.atRiskTotal);
    }
  });

  it('exports CSV with a byte-order mark that parses back to the same rows, accents intact', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const csv = rapportCsv(ctx, RapportFilterSchema.parse({}));
    expect(csv.content.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const report = rapportReport(ctx, RapportFilterSchema.parse({}), 0, null);
    expect(parsed.data.map((r) => r.Name)).toEqual(report.rows.map((r) => r.name));
    expect(parsed.data.some((r) => r.Name?.includes('José') || r.Name?.includes('Müller') || r.Name?.includes('田中'))).toBe(true);
    expect(parsed.meta.fields).not.toContain('Home address');
    const first = parsed.data[0];
    expect(Number(first?.['Rapport score'])).toBe(report.rows[0]?.score);
    expect(first?.['Last personal touch']).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
  });

  it('the seminar and intimacy reports count what the store holds', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const seminarId = listSeminars(ctx, SeminarListInput.parse({ when: 'past' }))[0]?.id ?? 0;
    const r = seminarReport(ctx, seminarId);
    expect(r).toMatchObject({ registered: 120, attended: 88, walkIns: 6, noShows: 32 });
    expect(r.inPerson + r.stream).toBe(88);
    expect(r.movement.reduce((n, m) => n + m.people, 0)).toBe(88);
    const intimacy = intimacyReport(ctx);
    expect(intimacy.hostedByMonth.length).toBeGreaterThanOrEqual(24);
    expect(intimacy.hostedByMonth.reduce((n, m) => n + m.people, 0)).toBeGreaterThan(0);
    expect(intimacy.neverInvited.every((c) => c.timesHosted === 0)).toBe(true);
  });
});
