// How long a customer waited, in calendar time and in the open hours of the SLA policy's
// business calendar, and whether a response or resolution came before its target: what the
// core stores with each response and resolution event.
import { addBusinessTime, businessTimeBetween, NoOpenTimeError } from '../businessHours';
import type { ResolvedSlaPolicy } from '../sla';

export interface Wait {
  waitMs: number;
  /** Open time of the policy's calendar; calendar time when the policy has none (or no policy). */
  businessWaitMs: number;
}

export function waitBetween(policy: ResolvedSlaPolicy | null, from: number, to: number): Wait {
  const waitMs = Math.max(0, to - from);
  if (!policy?.calendar || waitMs === 0) return { waitMs, businessWaitMs: waitMs };
  return { waitMs, businessWaitMs: businessTimeBetween(policy.calendar, from, to) };
}

/** Whether a business wait kept within a target (seconds); null without a target. */
export const withinTarget = (businessWaitMs: number, targetSeconds: number | null): boolean | null =>
  targetSeconds === null ? null : businessWaitMs <= targetSeconds * 1000;

/** The instant `targetSeconds` of the policy's open time after `from` (Infinity when its calendar never opens again). */
export function targetInstant(policy: ResolvedSlaPolicy, from: number, targetSeconds: number): number {
  if (!policy.calendar) return from + targetSeconds * 1000;
  try {
    return addBusinessTime(policy.calendar, from, targetSeconds * 1000);
  } catch (error) {
    if (error instanceof NoOpenTimeError) return Infinity;
    throw error;
  }
}
