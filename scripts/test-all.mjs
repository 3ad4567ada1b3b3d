// `npm test`: typecheck, lint, vitest (unit + integration), production build, Playwright e2e —
// in that order — then one summary line "N passed, N failed, N skipped" over all of them.
// Each of typecheck, lint and build counts as one check; vitest and Playwright count their tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The end-to-end tests drive a real Chromium; say so now rather than after ten minutes of other checks.
const chromium = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const install =
    process.platform === 'linux'
      ? 'sudo apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-cjk'
      : 'RAPPORT_CHROMIUM=/path/to/chromium npm test    # point it at an installed Chromium';
  console.error(`\nnpm test needs Chromium for its end-to-end tests, and there is none at ${chromium}. Install it with:\n\n  ${install}\n\n(or set RAPPORT_CHROMIUM to a Chromium binary), then run npm test again.\n`);
  process.exit(1);
}
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function check(title, command, args) {
  if (run(title, command, args)) totals.passed += 1;
  else totals.failed += 1;
}

check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}

const buildOk = run('production build', bin('electron-vite'), ['build']);
if (buildOk) totals.passed += 1;
else totals.failed += 1;

if (buildOk) {
  const pwJson = path.join(results, 'playwright.json');
  fs.rmSync(pwJson, { force: true });
  const e2eOk = run('end to end (Playwright, station mode in Chromium)', bin('playwright'), ['test']);
  const pw = readJson(pwJson);
  if (pw?.stats) {
    totals.passed += pw.stats.expected + pw.stats.flaky;
    totals.failed += pw.stats.unexpected + (e2eOk || pw.stats.unexpected > 0 ? 0 : 1);
    totals.skipped += pw.stats.skipped;
  } else {
    totals.failed += 1;
  }
} else {
  lines.push('skip end to end: the build failed');
}

console.log(`\n━━ summary ━━\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
