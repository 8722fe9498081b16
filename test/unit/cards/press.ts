/**
 * What a Teams client sends when a button is pressed: the action's data merged with the
 * inputs of the card it sits on and of that card's parents (not of sibling ShowCards),
 * each input filled in the way a person would (or left as the card pre-filled it).
 */
import { walk } from './validate-card';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The inputs of a card, not counting those inside its ShowCards. */
function ownInputs(card: Node): Node[] {
  const found: Node[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isNode(v)) return;
    if (v.type === 'Action.ShowCard') return;
    if (typeof v.type === 'string' && v.type.startsWith('Input.')) found.push(v);
    for (const [k, child] of Object.entries(v)) if (k !== 'fallback') visit(child);
  };
  visit(card.body);
  visit(card.actions);
  return found;
}

/** The cards from the root to the one holding the action. */
function chainTo(card: Node, action: Node): Node[] | undefined {
  const inHere = [...walk({ body: card.body, actions: card.actions })].filter((o) => o.type === 'Action.ShowCard');
  const direct = (v: unknown): boolean => {
    if (v === action) return true;
    if (Array.isArray(v)) return v.some(direct);
    if (!isNode(v) || v.type === 'Action.ShowCard') return false;
    return Object.values(v).some(direct);
  };
  if (direct(card.body) || direct(card.actions)) return [card];
  for (const show of inHere) {
    if (!isNode(show.card)) continue;
    const rest = chainTo(show.card, action);
    if (rest) return [card, ...rest];
  }
  return undefined;
}

export function fillValue(input: Node): unknown {
  const value = typeof input.value === 'string' ? input.value : '';
  switch (input.type) {
    case 'Input.Text':
      if (input.style === 'email') return value || 'someone@agency.example.org';
      return value || `Entered for ${String(input.id)}`;
    case 'Input.Date':
      return value || '2027-01-28';
    case 'Input.Toggle':
      return value || 'false';
    case 'Input.ChoiceSet': {
      const first = (input.choices as { value: string }[] | undefined)?.[0]?.value ?? '';
      return value || first;
    }
    default:
      return value;
  }
}

/** The data a press of `action` sends, with `overrides` for some input ids. */
export function press(card: object, action: Node, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const chain = chainTo(card as Node, action);
  if (!chain) throw new Error('action not on the card');
  const inputs: Record<string, unknown> = {};
  for (const c of chain) for (const input of ownInputs(c)) inputs[String(input.id)] = fillValue(input);
  return { ...(action.data as object), ...inputs, ...overrides };
}
