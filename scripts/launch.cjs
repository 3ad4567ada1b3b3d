// `npm start`, `npm test` and `npm run station` start here, under whatever Node runs npm, so a
// newcomer never meets a crash from a Node that is too old (better-sqlite3 and Vite segfault
// under Node 20). Where Node is older than the project needs, the project's own pinned Node is
// brought (scripts/node-env.sh, Linux x64) and the command runs under it; elsewhere the one
// command to run is printed. Written for old Node on purpose: no syntax newer than Node 12's.
'use strict';
var childProcess = require('child_process');
var fs = require('fs');
var path = require('path');

var ROOT = path.resolve(__dirname, '..');
var NEEDED = [22, 12];
var COMMANDS = {
  start: { script: 'start.mjs', npm: 'npm start' },
  test: { script: 'test-all.mjs', npm: 'npm test' },
  station: { script: 'station.mjs', npm: 'npm run station' },
};

function recentEnough(version) {
  var parts = version.split('.').map(Number);
  return parts[0] > NEEDED[0] || (parts[0] === NEEDED[0] && parts[1] >= NEEDED[1]);
}

function stop(message) {
  console.error('\n' + message + '\n');
  process.exit(1);
}

function run(command, args, env) {
  var result = childProcess.spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: Object.assign({}, process.env, env || {}) });
  if (result.error) stop('Rapport: could not run ' + command + ': ' + result.error.message);
  process.exit(result.status === null ? 1 : result.status);
}

var name = process.argv[2];
var command = COMMANDS[name];
if (!command) stop('Rapport: unknown command ' + name + '. Use npm start, npm test or npm run station.');
var args = [path.join(__dirname, command.script)].concat(process.argv.slice(3));

if (recentEnough(process.versions.node)) {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) {
    console.error('Rapport: installing its dependencies first (npm ci)…');
    var install = childProcess.spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (install.status !== 0) stop('Rapport: npm ci failed (see above). Fix that, then run ' + command.npm + ' again.');
  }
  run(process.execPath, args);
} else if (process.env.RAPPORT_PINNED_NODE_TRIED) {
  stop('Rapport: the project\'s own Node did not take over (still ' + process.version + '). Run `rm -rf .tools` and then ' + command.npm + ' again.');
} else if (process.platform === 'linux' && process.arch === 'x64') {
  console.error(
    'Rapport needs Node.js ' + NEEDED.join('.') + ' or newer; this is ' + process.version + '. ' +
      'Running ' + command.npm + ' with the project\'s own Node instead (scripts/node-env.sh; downloaded once from the npm registry into .tools/).',
  );
  run('bash', ['-c', '. "$0/scripts/node-env.sh" && exec node "$@"', ROOT].concat(args), { RAPPORT_PINNED_NODE_TRIED: '1' });
} else {
  stop(
    'Rapport needs Node.js ' + NEEDED.join('.') + ' or newer, and this is ' + process.version + '.\n' +
      'Install Node.js 24 LTS from https://nodejs.org (or run `nvm install 24`), then run ' + command.npm + ' again.',
  );
}
