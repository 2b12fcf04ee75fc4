/** z for a two-sided 5 % test (the 97.5 % quantile of the standard normal). */
export const Z_975 = 1.959963984540054;
/** z for 80 % power (the 80 % quantile of the standard normal). */
export const Z_80 = 0.8416212335729143;

/**
 * Users per arm for a two-sided test at level α = 5 % with power 80 % to detect p1 vs p2:
 * n = (z_{α/2}·√(2p̄(1−p̄)) + z_β·√(p1(1−p1) + p2(1−p2)))² / (p1 − p2)², p̄ = (p1 + p2)/2, rounded up.
 * Null when p1 = p2 (no finite cohort detects no difference).
 */
export function usersPerArm(p1: number, p2: number): number | null {
  if (!(Number.isFinite(p1) && Number.isFinite(p2)) || p1 === p2) return null;
  const pBar = (p1 + p2) / 2;
  const top = Z_975 * Math.sqrt(2 * pBar * (1 - pBar)) + Z_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((top * top) / ((p1 - p2) * (p1 - p2)));
}
