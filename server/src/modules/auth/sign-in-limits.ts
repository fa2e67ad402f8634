// The sign-in limits, after OWASP's authentication guidance: failures are counted per account and per IP
// separately. An account is slowed down, then locked; an IP has a higher threshold and, past it, hears 429 for
// its wrong passwords, but a correct password of an account that is not itself locked always signs in (an office
// behind one NAT address cannot be locked out by one of its machines).

/** Failures are counted over this window. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** This many failures of one account within the window lock that account until the oldest ages out. */
export const LOGIN_MAX_FAILURES = 5;
/** Before the lock, the wait an account's next attempt needs after its latest failure, by failures so far. */
export const LOGIN_SLOWDOWN_MS = [0, 0, 0, 2_000, 8_000] as const;
/** This many failures from one IP within the window turn its wrong answers into 429s. */
export const LOGIN_MAX_IP_FAILURES = 50;

/** Recent failures under one key. */
export interface FailureCount {
  n: number;
  oldest: Date;
  newest: Date;
}

/** Whether an account may try a password now; when not, how long until it may. */
export type AccountVerdict = { admitted: true } | { admitted: false; retryAfterMs: number; locked: boolean };

/** Judges an account's next attempt from its recent failures: slowed down after 3, locked at 5. */
export function judgeAccount(failures: FailureCount | undefined, now: Date): AccountVerdict {
  if (!failures || failures.n === 0) return { admitted: true };
  if (failures.n >= LOGIN_MAX_FAILURES) {
    return { admitted: false, locked: true, retryAfterMs: failures.oldest.getTime() + LOGIN_WINDOW_MS - now.getTime() };
  }
  const wait = LOGIN_SLOWDOWN_MS[failures.n] ?? 0;
  const ready = failures.newest.getTime() + wait;
  if (ready > now.getTime()) return { admitted: false, locked: false, retryAfterMs: ready - now.getTime() };
  return { admitted: true };
}

/** Whether an IP is past its threshold, and when its oldest counted failure ages out. */
export function judgeIp(failures: FailureCount | undefined, now: Date): { blocked: boolean; retryAfterMs: number } {
  if (!failures || failures.n < LOGIN_MAX_IP_FAILURES) return { blocked: false, retryAfterMs: 0 };
  return { blocked: true, retryAfterMs: failures.oldest.getTime() + LOGIN_WINDOW_MS - now.getTime() };
}
