/** Refusals: a code for the shell and a reason for the practitioner. Pure. */
import type { Decision, Refusal } from './types';

export function refusal(code: Refusal['code'], reason: string): Refusal {
  return { code, reason };
}

export function refuse(code: Refusal['code'], reason: string): Decision {
  return { ok: false, refusal: refusal(code, reason) };
}
