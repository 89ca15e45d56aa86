// True once `active` has stayed true for `delayMs`: keeps blips (a reconnect that takes a few
// hundred milliseconds) from flashing a banner.
import { useEffect, useState } from 'react';

export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [since, setSince] = useState<boolean>(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setSince(true), delayMs);
    return () => {
      clearTimeout(timer);
      setSince(false);
    };
  }, [active, delayMs]);
  return active && since;
}
