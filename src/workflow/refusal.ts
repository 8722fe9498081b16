/** Refusals: a code for the shell and a reason for the practitioner. Pure. */
import type { Decision, Refusal } from './types';

export function refusal(code: Refusal['code'], reason: string): Refusal {
  return { code, reason };
}

export function refuse(code: Refusal['code'], reason: string): Decision {
  return { ok: false, refusal: refusal(code, reason) };
}

/** The first problems in one sentence: "Please check: "Outcome" is required; ...". */
export function invalid(problems: readonly string[]): Decision {
  return refuse('invalid', `Please check: ${problems.join('; ')}.`);
}
