import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, APP_INDEX_URL, isAppUrl } from '../../electron/main/app-protocol';
import { tempDataDir } from '../helpers/store';

/** A built renderer in out/renderer, with a file beside it the page must never reach. */
function rendererFolder(): string {
  const out = tempDataDir();
  const dir = path.join(out, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rapport</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(out, 'secret.txt'), 'not for the page');
  return dir;
}

describe('the desktop app’s app:// protocol', () => {
  it('serves the built renderer with the CSP header', async () => {
    const dir = rendererFolder();
    const index = await answerAppRequest(dir, APP_INDEX_URL);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await index.text()).toMatch(/<title>Rapport/);
    const script = await answerAppRequest(dir, 'app://rapport/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves nothing outside the renderer, nothing for another host, and answers a broken escape with 400', async () => {
    const dir = rendererFolder();
    const secret = 'secret.txt';
    for (const url of [`app://rapport/../${secret}`, `app://rapport/..%2f${secret}`, `app://rapport/%2e%2e/${secret}`, 'app://rapport/nothing.js', 'app://other/index.html']) {
      expect((await answerAppRequest(dir, url)).status, url).toBe(404);
    }
    expect((await answerAppRequest(dir, 'app://rapport/%E0')).status).toBe(400);
  });

  it('tells our pages from others by scheme and host, not by Node’s "null" origin of every custom scheme', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://rapport/index.html#/people')).toBe(true);
    for (const url of ['evil://rapport/index.html', 'app://evil/index.html', 'file:///index.html', 'https://rapport/index.html', 'not a url']) expect(isAppUrl(url), url).toBe(false);
  });
});
