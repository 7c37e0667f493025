/**
 * VRPTW benchmark: solves Solomon-format instances and compares with best-known results.
 *
 *   npm run -s bench:vrp -- --instances DIR [--seconds S] [--json] [--seed N]
 *                           [--instance FILE] [--filter REGEX] [--best-known CSV]
 *                           [--vehicle-cost C] [--parallel N]
 *
 * Prints one line per instance (JSON with --json, a table row otherwise) and ends with a
 * one-line JSON summary. Exits non-zero if an instance is malformed or a solution infeasible.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseSolomon, solveVrptw, verifySolution } from '../src/domains/dispatch/vrp';

interface Args {
  files: string[];
  seconds: number;
  json: boolean;
  seed: number;
  vehicleCost: number;
  parallel: number;
  bestKnownFile?: string;
}

interface BestKnown {
  vehicles: number;
  distance: number;
}

interface Result {
  instance: string;
  vehicles: number;
  distance: number;
  seconds: number;
  feasible: boolean;
  gapPct: number | null;
  iterations: number;
  routes: (number | string)[][];
  violations?: string[];
}

function usage(message: string): never {
  console.error(`bench:vrp: ${message}`);
  console.error(
    'usage: bench:vrp -- --instances DIR | --instance FILE [--seconds S] [--json] [--seed N] [--filter REGEX]' +
      ' [--best-known CSV] [--vehicle-cost C] [--parallel N]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let dir: string | undefined;
  let seconds = 10;
  let json = false;
  let seed = 1;
  let vehicleCost = 0;
  let parallel = 1;
  let filter: RegExp | undefined;
  let bestKnownFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--instances') dir = value();
    else if (flag === '--instance') files.push(value());
    else if (flag === '--seconds') seconds = Number(value());
    else if (flag === '--seed') seed = Number(value());
    else if (flag === '--vehicle-cost') vehicleCost = Number(value());
    else if (flag === '--parallel') parallel = Number(value());
    else if (flag === '--json') json = true;
    else if (flag === '--filter') filter = new RegExp(value(), 'i');
    else if (flag === '--best-known') bestKnownFile = value();
    else if (flag !== '--') usage(`unknown option ${flag}`);
  }
  if (!(seconds > 0)) usage('--seconds must be a positive number');
  if (!Number.isInteger(seed)) usage('--seed must be an integer');
  if (!(vehicleCost >= 0)) usage('--vehicle-cost must be >= 0');
  if (!Number.isInteger(parallel) || parallel < 1) usage('--parallel must be a positive integer');
  if (dir !== undefined) {
    if (!existsSync(dir)) usage(`no such directory: ${dir}`);
    const names = readdirSync(dir)
      .filter((f) => /\.txt$/i.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    files.push(...names.map((f) => join(dir, f)));
    bestKnownFile ??= join(dir, 'best_known.csv');
  }
  if (files.length === 0) usage('no instances given');
  bestKnownFile ??= join(dirname(files[0]), 'best_known.csv');
  const selected = filter ? files.filter((f) => filter.test(basename(f))) : files;
  return { files: selected, seconds, json, seed, vehicleCost, parallel, bestKnownFile };
}

function loadBestKnown(file: string | undefined): Map<string, BestKnown> {
  const table = new Map<string, BestKnown>();
  if (!file || !existsSync(file)) return table;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const [instance, vehicles, distance] = line.split(',');
    if (instance && Number.isFinite(Number(distance))) {
      table.set(instance.trim().toUpperCase(), { vehicles: Number(vehicles), distance: Number(distance) });
    }
  }
  return table;
}

/** Parses, solves and verifies one instance; the whole call stays within `seconds`. */
function runInstance(file: string, args: Args, bestKnown: Map<string, BestKnown>): Result {
  const started = performance.now();
  const parsed = parseSolomon(readFileSync(file, 'utf8'), file);
  const problem = { ...parsed.problem, vehicleCost: args.vehicleCost };
  const name = parsed.name;
  const instance = name || basename(file).replace(/\.txt$/i, '');
  // Leave a little room for verification and output so the measured time stays within budget.
  const timeLimitMs = Math.max(1, args.seconds * 1000 - (performance.now() - started) - 100);
  const solution = solveVrptw(problem, { timeLimitMs, seed: args.seed });
  const check = verifySolution(problem, solution.routes);
  const elapsed = (performance.now() - started) / 1000;
  const known = bestKnown.get(instance.toUpperCase());
  return {
    instance,
    vehicles: check.vehicles,
    distance: check.distance,
    seconds: elapsed,
    feasible: check.feasible,
    gapPct: known ? ((check.distance - known.distance) / known.distance) * 100 : null,
    iterations: solution.iterations,
    routes: solution.routes,
    ...(check.feasible ? {} : { violations: check.violations }),
  };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const family = (instance: string) => /^[A-Za-z]+\d?/.exec(instance)?.[0].toUpperCase() ?? instance;

type Outcome = { result: Result } | { file: string; error: string };

function attempt(file: string, args: Args, bestKnown: Map<string, BestKnown>): Outcome {
  try {
    return { result: runInstance(file, args, bestKnown) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs the instances, `args.parallel` at a time in worker threads (each with its own full
 * time budget), and hands outcomes to `report` in input order.
 */
async function runAll(args: Args, bestKnown: Map<string, BestKnown>, report: (o: Outcome) => void): Promise<void> {
  if (args.parallel <= 1) {
    for (const file of args.files) report(attempt(file, args, bestKnown));
    return;
  }
  const outcomes: (Outcome | undefined)[] = [];
  let next = 0;
  let printed = 0;
  const work = async () => {
    // Workers do not inherit tsx's module hooks, so the worker registers them before loading this file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { args, bestKnown } });
    try {
      while (next < args.files.length) {
        const index = next++;
        outcomes[index] = await new Promise<Outcome>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage(args.files[index]);
        });
        for (; printed < args.files.length && outcomes[printed]; printed++) report(outcomes[printed] as Outcome);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.parallel, args.files.length) }, work));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const bestKnown = loadBestKnown(args.bestKnownFile);
  const results: Result[] = [];
  let errors = 0;
  if (!args.json) {
    console.log('instance     veh  (bk)     distance  best-known    gap%   seconds  feasible');
  }
  await runAll(args, bestKnown, (outcome) => {
    if ('error' in outcome) {
      errors++;
      console.error(`bench:vrp: ${outcome.error}`);
      if (args.json) console.log(JSON.stringify({ instance: basename(outcome.file), error: outcome.error }));
      return;
    }
    const result = outcome.result;
    results.push(result);
    const known = bestKnown.get(result.instance.toUpperCase());
    if (args.json) {
      const { instance, vehicles, feasible, gapPct, iterations, routes, violations } = result;
      const distance = round(result.distance);
      const seconds = round(result.seconds);
      const gap = gapPct === null ? null : round(gapPct, 3);
      console.log(
        JSON.stringify({ instance, vehicles, distance, seconds, feasible, gapPct: gap, iterations, routes, violations }),
      );
    } else {
      console.log(
        [
          result.instance.padEnd(10),
          String(result.vehicles).padStart(5),
          `(${known?.vehicles ?? '-'})`.padStart(6),
          result.distance.toFixed(2).padStart(12),
          (known ? known.distance.toFixed(2) : '-').padStart(11),
          (result.gapPct === null ? '-' : result.gapPct.toFixed(2)).padStart(7),
          result.seconds.toFixed(2).padStart(9),
          String(result.feasible).padStart(9),
        ].join(' '),
      );
    }
  });
  console.log(JSON.stringify(summarise(results, bestKnown, errors, args)));
  if (errors > 0 || results.some((r) => !r.feasible)) process.exitCode = 1;
}

function summarise(results: Result[], bestKnown: Map<string, BestKnown>, errors: number, args: Args) {
  const withKnown = results.filter((r) => r.gapPct !== null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const families: Record<string, { instances: number; meanGapPct: number | null; vehicles: number; bestKnownVehicles: number }> = {};
  for (const r of withKnown) {
    const f = (families[family(r.instance)] ??= { instances: 0, meanGapPct: 0, vehicles: 0, bestKnownVehicles: 0 });
    f.instances++;
    f.meanGapPct = (f.meanGapPct ?? 0) + (r.gapPct as number);
    f.vehicles += r.vehicles;
    f.bestKnownVehicles += bestKnown.get(r.instance.toUpperCase())?.vehicles ?? 0;
  }
  for (const f of Object.values(families)) f.meanGapPct = round((f.meanGapPct as number) / f.instances, 3);
  const totalSeconds = results.reduce((a, r) => a + r.seconds, 0);
  const meanGap = mean(withKnown.map((r) => r.gapPct as number));
  return {
    summary: true,
    instances: results.length + errors,
    solved: results.length,
    errors,
    feasible: results.filter((r) => r.feasible).length,
    meanGapPct: meanGap === null ? null : round(meanGap, 3),
    vehicles: results.reduce((a, r) => a + r.vehicles, 0),
    bestKnownVehicles: withKnown.reduce((a, r) => a + (bestKnown.get(r.instance.toUpperCase())?.vehicles ?? 0), 0),
    totalSeconds: round(totalSeconds),
    meanSeconds: results.length ? round(totalSeconds / results.length) : null,
    maxSeconds: results.length ? round(Math.max(...results.map((r) => r.seconds))) : null,
    secondsBudget: args.seconds,
    seed: args.seed,
    vehicleCost: args.vehicleCost,
    families,
  };
}

if (isMainThread) {
  await main();
} else {
  const { args, bestKnown } = workerData as { args: Args; bestKnown: Map<string, BestKnown> };
  parentPort?.on('message', (file: string) => parentPort?.postMessage(attempt(file, args, bestKnown)));
}
