import { Rng } from './rng';
import type { Customer, VrptwProblem } from './types';

/** First rows of Solomon's C101, used as a well-formed parser fixture. */
export const SMALL_SOLOMON = `C101-SMALL

VEHICLE
NUMBER     CAPACITY
  25         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      40         50          0          0       1236          0
    1      45         68         10        912        967         90
    2      45         70         30        825        870         90
    3      42         66         10         65        146         90
    4      42         68         10        727        782         90
    5      42         65         10         15         67         90
    6      40         69         20        621        702         90
    7      40         66         20        170        225         90
    8      38         68         20        255        324         90
    9      38         70         10        534        605         90
   10      35         66         10        357        410         90
`;

/**
 * Random instance in the style of Solomon's R1 set: uniform points, depot in the middle,
 * and time windows placed so that every customer can be served by a dedicated vehicle.
 */
export function randomProblem(n: number, seed: number, horizon = 1000): VrptwProblem {
  const rng = new Rng(seed);
  const depot = { id: 0, x: 50, y: 50, ready: 0, due: horizon };
  const customers: Customer[] = [];
  for (let i = 1; i <= n; i++) {
    const x = rng.next() * 100;
    const y = rng.next() * 100;
    const service = 10;
    const d = Math.hypot(x - 50, y - 50);
    const latest = horizon - d - service;
    const centre = d + rng.next() * (latest - d);
    const half = 10 + rng.next() * 50;
    customers.push({
      id: i,
      x,
      y,
      demand: 1 + rng.int(30),
      ready: Math.max(0, centre - half),
      due: Math.min(latest, centre + half),
      service,
    });
  }
  return { depot, customers, vehicleCapacity: 200 };
}
