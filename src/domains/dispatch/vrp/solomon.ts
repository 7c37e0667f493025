import type { Customer, VrptwProblem } from './types';

/** Raised for instance text that does not follow the Solomon format; names file and line. */
export class SolomonParseError extends Error {
  constructor(source: string, line: number | null, detail: string) {
    super(`${source}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'SolomonParseError';
  }
}

export interface SolomonInstance {
  name: string;
  problem: VrptwProblem;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parses a Solomon / Gehring–Homberger VRPTW instance:
 * a name line, a VEHICLE section (`NUMBER CAPACITY`), and a CUSTOMER section whose rows are
 * `CUST_NO X Y DEMAND READY DUE SERVICE`, the first row being the depot.
 * Customer ids are the numbers from the file. Throws `SolomonParseError` on malformed input.
 */
export function parseSolomon(text: string, source = 'instance'): SolomonInstance {
  const lines = text.split(/\r?\n/);
  const fail = (index: number | null, detail: string): never => {
    throw new SolomonParseError(source, index === null ? null : index + 1, detail);
  };
  const tokens = (i: number) => lines[i].trim().split(/\s+/).filter(Boolean);
  const isNumeric = (ts: string[]) => ts.length > 0 && ts.every((t) => NUMBER.test(t));

  const nameIndex = lines.findIndex((l) => l.trim() !== '');
  if (nameIndex < 0) fail(null, 'file is empty');
  const name = lines[nameIndex].trim();

  const vehicleIndex = lines.findIndex((l) => /^\s*VEHICLE\b/i.test(l));
  if (vehicleIndex < 0) fail(null, 'missing VEHICLE section');
  const customerIndex = lines.findIndex((l) => /^\s*CUSTOMER\b/i.test(l));
  if (customerIndex < 0) fail(null, 'missing CUSTOMER section');
  if (customerIndex < vehicleIndex) fail(customerIndex, 'CUSTOMER section must follow the VEHICLE section');

  let vehicles = NaN;
  let capacity = NaN;
  for (let i = vehicleIndex + 1; i < customerIndex; i++) {
    const ts = tokens(i);
    if (ts.length === 0 || !/^[-+.\d]/.test(ts[0])) continue;
    if (ts.length !== 2 || !isNumeric(ts)) fail(i, `expected "NUMBER CAPACITY", got "${lines[i].trim()}"`);
    [vehicles, capacity] = ts.map(Number);
    if (!Number.isInteger(vehicles) || vehicles <= 0) fail(i, `vehicle number must be a positive integer, got ${ts[0]}`);
    if (!(capacity > 0)) fail(i, `capacity must be positive, got ${ts[1]}`);
    break;
  }
  if (Number.isNaN(vehicles)) fail(vehicleIndex, 'VEHICLE section has no "NUMBER CAPACITY" line');

  const rows: { line: number; values: number[] }[] = [];
  for (let i = customerIndex + 1; i < lines.length; i++) {
    const ts = tokens(i);
    if (ts.length === 0) continue;
    if (rows.length === 0 && !/^[-+.\d]/.test(ts[0])) continue; // column headers
    if (ts.length !== 7 || !isNumeric(ts)) {
      fail(i, `expected 7 numbers (id x y demand ready due service), got "${lines[i].trim()}"`);
    }
    rows.push({ line: i, values: ts.map(Number) });
  }
  if (rows.length < 2) fail(null, 'CUSTOMER section needs a depot row and at least one customer');

  const ids = new Set<number>();
  for (const { line, values } of rows) {
    const [id, , , demand, ready, due, service] = values;
    if (ids.has(id)) fail(line, `duplicate customer number ${id}`);
    ids.add(id);
    if (demand < 0) fail(line, `negative demand ${demand}`);
    if (demand > capacity) fail(line, `demand ${demand} exceeds vehicle capacity ${capacity}`);
    if (service < 0) fail(line, `negative service time ${service}`);
    if (ready > due) fail(line, `ready time ${ready} is after due date ${due}`);
  }

  const [depotRow, ...customerRows] = rows.map((r) => r.values);
  const customers: Customer[] = customerRows.map(([id, x, y, demand, ready, due, service]) => ({
    id,
    x,
    y,
    demand,
    ready,
    due,
    service,
  }));
  const [id, x, y, , ready, due] = depotRow;
  return {
    name,
    problem: { depot: { id, x, y, ready, due }, customers, vehicleCapacity: capacity, maxVehicles: vehicles },
  };
}
