// `npm start`: the desktop app in development (electron-vite dev) when the Electron binary is
// here or can be fetched; otherwise says so and starts station mode, the same app in a browser.
// `npm start -- --station [--port <n>] [--data <dir>]` asks for station mode directly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { downloadElectron, electronExecutable } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const stationAsked = args.includes('--station');

const NO_ELECTRON = `
Rapport's desktop window runs on Electron, whose runtime is downloaded on first use from
github.com, and that download is not possible here (no connection to it). Rapport starts in
station mode instead: the same app and the same book, in your browser, on this computer only.
Open the address printed below; it carries this session's key. For the desktop window later,
run \`npx install-electron\` where github.com can be reached, then \`npm start\` again.
`;

/** Runs a child in this terminal; Ctrl+C reaches both, and its exit code becomes ours. */
function runAndExit(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!stationAsked && (electronExecutable() ?? (downloadElectron() ? electronExecutable() : null))) {
  runAndExit(path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite'), ['dev', ...args]);
} else {
  if (!stationAsked) console.error(NO_ELECTRON);
  runAndExit(process.execPath, [path.join(import.meta.dirname, 'station.mjs'), ...args.filter((a) => a !== '--station')]);
}
