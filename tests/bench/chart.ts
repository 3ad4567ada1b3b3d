import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from './run';

/** A figure measured at several book sizes (growth.ts): plotted as lines, service and bare. */
export interface GrowthRow extends Row {
  figure: string;
  people: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
/** Above this ratio to its baseline a bar is drawn in red (the issue's target for interactive figures). */
const TARGET_RATIO = 2;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);

/** One bar pair per figure: its p95 over its baseline's p95, each row on its own scale, the ratio beside. */
function barsSvg(rows: Row[]): string {
  const line = 34;
  const label = 430;
  const bar = 380;
  const height = rows.length * line + 30;
  const parts = rows.map((r, i) => {
    const y = 24 + i * line;
    const max = Math.max(r.p95_ms, r.baseline_p95_ms, 1e-6);
    const ratio = r.baseline_p95_ms > 0 ? r.p95_ms / r.baseline_p95_ms : NaN;
    const over = ratio > TARGET_RATIO;
    return `<g>
  <text x="0" y="${y + 12}" class="name">${esc(r.name.trim())}</text>
  <rect x="${label}" y="${y}" width="${((r.p95_ms / max) * bar).toFixed(1)}" height="12" fill="${over ? '#c92a2a' : '#364fc7'}"><title>p95 ${ms(r.p95_ms)} (p50 ${ms(r.p50_ms)})</title></rect>
  <rect x="${label}" y="${y + 14}" width="${((r.baseline_p95_ms / max) * bar).toFixed(1)}" height="8" fill="#adb5bd"><title>baseline p95 ${ms(r.baseline_p95_ms)}</title></rect>
  <text x="${label + bar + 8}" y="${y + 12}" class="${over ? 'over' : ''}">${ms(r.p95_ms)} · ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'}</text>
  <text x="${label + bar + 8}" y="${y + 24}" class="dim">bare ${ms(r.baseline_p95_ms)}</text>
</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${label + bar + 170}" height="${height}" role="img" aria-label="Each figure's p95 beside its baseline">
<text x="${label}" y="12" class="dim">p95 (colour) over its same-run baseline p95 (grey); red: above ${TARGET_RATIO}× its baseline</text>
${parts.join('\n')}
</svg>`;
}

/** Time against book size, both on log scales: a service line parallel to its bare line grows no faster. */
function growthSvg(figure: string, points: GrowthRow[]): string {
  const w = 420;
  const h = 240;
  const pad = 48;
  const sizes = points.map((p) => p.people);
  const values = points.flatMap((p) => [p.p95_ms, p.baseline_p95_ms]).filter((v) => v > 0);
  const [x0, x1] = [Math.log10(Math.min(...sizes)), Math.log10(Math.max(...sizes))];
  const [y0, y1] = [Math.floor(Math.log10(Math.min(...values))), Math.ceil(Math.log10(Math.max(...values)))];
  const x = (people: number) => pad + ((Math.log10(people) - x0) / Math.max(1e-9, x1 - x0)) * (w - 2 * pad);
  const y = (v: number) => h - pad + 10 - ((Math.log10(Math.max(v, 10 ** y0)) - y0) / Math.max(1e-9, y1 - y0)) * (h - 2 * pad);
  const path = (pick: (p: GrowthRow) => number) => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.people).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const grid: string[] = [];
  for (let e = y0; e <= y1; e++) grid.push(`<line x1="${pad}" x2="${w - pad}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#e9ecef"/><text x="4" y="${y(10 ** e) + 4}" class="dim">${ms(10 ** e)}</text>`);
  for (const p of points) grid.push(`<text x="${x(p.people) - 20}" y="${h - 8}" class="dim">${p.people.toLocaleString('en')}</text>`);
  return `<figure><figcaption>${esc(figure)} — p95 against people in the book</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(figure)} against book size">
${grid.join('\n')}
<path d="${path((p) => p.baseline_p95_ms)}" fill="none" stroke="#adb5bd" stroke-width="2"/>
<path d="${path((p) => p.p95_ms)}" fill="none" stroke="#364fc7" stroke-width="2"/>
${points.map((p) => `<circle cx="${x(p.people)}" cy="${y(p.p95_ms)}" r="3" fill="#364fc7"><title>${ms(p.p95_ms)} (bare ${ms(p.baseline_p95_ms)})</title></circle>`).join('')}
</svg></figure>`;
}

/** Writes bench-results/bench-<time>.html and bench-results/latest.html; returns the path written. */
export function writeChart(rows: Row[]): string {
  const growth = rows.filter((r): r is GrowthRow => 'figure' in r && 'people' in r);
  const flat = rows.filter((r) => !growth.includes(r as GrowthRow));
  const figures = [...new Set(growth.map((g) => g.figure))];
  const when = new Date().toISOString();
  const [load1, load5] = os.loadavg();
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rapport bench ${when}</title>
<style>body{font:13px system-ui,sans-serif;margin:24px;color:#212529}svg text{font:12px system-ui,sans-serif}.name{fill:#212529}.dim{fill:#868e96}.over{fill:#c92a2a;font-weight:700}figure{display:inline-block;margin:0 24px 24px 0}figcaption{font-weight:600;margin-bottom:4px}</style>
</head><body>
<h1>Rapport bench</h1>
<p>${when} · ${os.cpus().length} cores · load ${load1?.toFixed(2)} / ${load5?.toFixed(2)} (1 / 5 min) · baselines measured in the same run</p>
${flat.length ? barsSvg(flat) : ''}
${figures.length ? `<h2>Cost growth</h2><p>Blue: the figure; grey: its bare baseline. Parallel lines: the figure grows no faster than the bare query.</p>${figures.map((f) => growthSvg(f, growth.filter((g) => g.figure === f).sort((a, b) => a.people - b.people))).join('\n')}` : ''}
<script type="application/json" id="rows">${JSON.stringify(rows).replace(/</g, '\\u003c')}</script>
</body></html>
`;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `bench-${when.replace(/[:.]/g, '-')}.html`);
  fs.writeFileSync(file, html);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.html'), html);
  return file;
}
