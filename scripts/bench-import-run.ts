/** One measured run of the import benchmark (see bench-import.ts): imports one file into a content root; prints JSON. */
import { main } from '../src/cli/main.ts';

const [root, file, ...extra] = process.argv.slice(2);
if (!root || !file) throw new Error('usage: bench-import-run.ts <content root> <file> [options]');
let out = '';
let err = '';
const t = performance.now();
const status = await main(['import', file, ...extra], {
  out: (s) => {
    out += s;
  },
  err: (s) => {
    err += s;
  },
  env: { GOALPOST_ROOT: root },
  cwd: process.cwd(),
});
const ms = performance.now() - t;
if (status !== 0) throw new Error(`import failed:\n${err.slice(0, 2000)}`);
process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, summary: out.split('\n')[2] ?? '' }));
