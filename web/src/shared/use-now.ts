import { useEffect, useState } from 'react';

/** Now (epoch ms), ticking every `ms`: for countdowns that need no second-by-second update. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
