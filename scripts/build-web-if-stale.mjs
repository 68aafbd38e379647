// Builds the dashboard (npm run build) only when web/dist is missing or older than a source it is built from
// (web/ and src/, which the dashboard imports types and labels from), so a later `npm start` is ready in seconds.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir, skip) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip.includes(p) || e.name === 'node_modules') continue;
    t = Math.max(t, e.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs);
  }
  return t;
}

const built = join('web', 'dist', 'index.html');
const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs <
    Math.max(newest('web', [join('web', 'dist')]), newest('src', []), statSync('package-lock.json').mtimeMs);
if (stale) execSync('npm run build', { stdio: 'inherit' });
else console.log('Dashboard is al gebouwd (web/dist is bij).');
