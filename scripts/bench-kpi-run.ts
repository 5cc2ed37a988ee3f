/** One measured run of the KPI benchmark over a generated content root (see bench-kpi.ts). Prints JSON. */
import { kpiChanges } from '../src/core/kpiTable.ts';
import { evaluateGoal } from '../src/core/evaluate.ts';
import { quartersOverlapping } from '../src/core/periods.ts';
import { createEngine } from '../src/core/project.ts';
import { loadProject } from '../src/load/project.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: bench-kpi-run.ts <content root>');

let t = performance.now();
const result = await loadProject(root);
const loadMs = performance.now() - t;
if (!result.ok) throw new Error(`benchmark content does not validate: ${result.problems.length} problems`);
const { project } = result;
const engine = createEngine(project);

t = performance.now();
const range = project.index.dataRange()!;
const quarters = quartersOverlapping(range.first, range.last);
const scopes: string[][] = [engine.index.channels, ...engine.index.channels.map((c) => [c])];
let kpiValues = 0;
for (const quarter of quarters) {
  for (const channels of scopes) kpiValues += kpiChanges(engine, channels, quarter).size;
}
const kpiMs = performance.now() - t;

t = performance.now();
let evaluated = 0;
for (const goal of project.goals) {
  evaluateGoal(engine, goal, goal.period.end);
  evaluated++;
}
const goalsMs = performance.now() - t;

process.stdout.write(
  JSON.stringify({
    loadMs,
    kpiMs,
    goalsMs,
    kpiValues,
    scopes: quarters.length * scopes.length,
    goals: evaluated,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
