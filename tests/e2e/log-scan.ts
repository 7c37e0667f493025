/** The server log after the browser suite: no line of it may carry an unmasked phone, ID-card or bank-card number. */
const PATTERNS: [string, RegExp][] = [
  ['phone', /(?<![\dA-Za-z+.])(?:\+?86)?1[3-9]\d{9}(?![\dA-Za-z])/],
  ['ID number', /(?<![\dA-Za-z.])\d{17}[\dXx](?![\dA-Za-z])/],
  ['card number', /(?<![\dA-Za-z.])\d{16,19}(?![\dA-Za-z])/],
];

/** Leaks in the pino JSON lines (a digit run inside an id such as ch_5df15c78338776982117 is not a number) of `log` (the start-up banner's demo accounts are printed for people, not logged). */
export function piiLeaks(log: string): { lines: number; leaks: string[] } {
  const lines = log.split('\n').filter((line) => line.startsWith('{'));
  const leaks: string[] = [];
  for (const line of lines) {
    for (const [what, pattern] of PATTERNS) {
      const hit = pattern.exec(line);
      if (hit) leaks.push(`${what} ${hit[0]} in ${line.slice(0, 300)}`);
    }
  }
  return { lines: lines.length, leaks };
}
