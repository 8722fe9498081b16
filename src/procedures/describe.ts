/**
 * Procedure data in plain words, for the generated docs and for cards. Pure.
 */
import type { DeadlineRule, OwnerRole, RoleName } from './schema';

const roleWords: Record<RoleName, string> = {
  practitioner: 'practitioner',
  lineManager: 'line manager',
  safeguardingLead: 'safeguarding lead',
  seniorManager: 'senior manager',
  serviceManager: 'service manager',
  headOfService: 'head of service',
  director: 'director',
  businessUnit: 'business unit',
  executive: 'executive',
  coordinator: 'coordinator',
  boardRepresentative: 'board representative',
  serviceManagerOversight: 'overseeing service manager',
};

/** "raising.lineManager" → "the raising agency's line manager". */
export function describeRole(role: OwnerRole): string {
  const [side, name] = role.split('.') as [string, RoleName];
  if (role === 'raising.practitioner') return 'the practitioner who raised it';
  if (role === 'receiving.practitioner') return 'the practitioner it is raised with';
  if (side === 'partnership') return `the partnership ${roleWords[name]}`;
  return `the ${side} agency's ${roleWords[name]}`;
}

export function describeRoles(roles: readonly OwnerRole[]): string {
  return roles.map(describeRole).join('; ');
}

/** "5 working days from the stage start", "no later than day 9 of the challenge" (the day raised is day 1). */
export function describeDeadline(rule: DeadlineRule): string {
  const from = (anchor: 'stageStart' | 'raised') => (anchor === 'raised' ? 'the day raised' : 'the stage start');
  switch (rule.kind) {
    case 'workingDays':
      return `${plural(rule.days, 'working day')} from ${from(rule.from)}`;
    case 'dayOfChallenge':
      return `no later than day ${rule.day} of the challenge`;
    case 'calendarMonths':
      return `${plural(rule.months, 'calendar month')} from ${from(rule.from)}`;
    case 'none':
      return `no fixed timescale: ${rule.guidance}`;
  }
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
