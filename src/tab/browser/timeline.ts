/** A challenge's timeline as the tab draws it: stages done, now and to come, with dates, deadlines and pauses. */
import { formatDay, formatInstant } from '../../../cards/view-models/format';
import type { ChallengeView, TimelineStageView } from '../../reports/challenge-view';
import { h } from './dom';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function stageDates(s: TimelineStageView): (HTMLElement | string)[] {
  const parts: (HTMLElement | string)[] = [];
  if (s.state === 'toCome') {
    if (s.startedAt) parts.push(`Would start ${formatDay(s.startedAt)}`);
    if (s.deadline) parts.push(`due ${formatInstant(s.deadline)}`);
    if (!s.startedAt && !s.deadline) parts.push('Dates are set when it starts');
    return [h('span', { class: 'projected' }, parts.join(', '))];
  }
  if (s.startedAt) parts.push(`Started ${formatDay(s.startedAt)}`);
  if (s.state === 'done' && s.endedAt)
    parts.push(`${s.endedBy === 'resolved' ? 'resolved' : 'escalated'} ${formatDay(s.endedAt)}`);
  const out: (HTMLElement | string)[] = [parts.join(', ')];
  if (s.deadline) {
    if (s.overdue) {
      const days = s.workingDaysOverdue ?? 0;
      out.push(
        h(
          'strong',
          { class: 'overdue' },
          `Overdue${days > 0 ? ` by ${plural(days, 'working day')}` : ''}: was due ${formatInstant(s.deadline)}`,
        ),
      );
    } else if (s.state === 'now' && s.workingDaysLeft !== undefined) {
      const left = s.workingDaysLeft === 0 ? 'due today' : `${plural(s.workingDaysLeft, 'working day')} left`;
      out.push(h('span', { class: 'due' }, `Due ${formatInstant(s.deadline)} (${left})`));
    } else if (s.late) {
      out.push(h('span', { class: 'late' }, `Late: was due ${formatInstant(s.deadline)}`));
    } else {
      out.push(`Due ${formatInstant(s.deadline)}`);
    }
  } else if (s.state !== 'done') {
    out.push('No fixed deadline');
  }
  return out;
}

export function timelineView(view: ChallengeView): HTMLElement {
  const stages = view.timeline.stages.map((s) =>
    h(
      'li',
      {
        class: ['stage', s.state, s.overdue ? 'is-overdue' : '', s.late ? 'is-late' : ''].filter(Boolean).join(' '),
        'data-stage': s.label,
        'data-state': s.state,
        'data-deadline': s.deadline,
        'aria-current': s.state === 'now' ? 'step' : undefined,
      },
      h('span', { class: 'marker', 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'stage-body' },
        h(
          'div',
          { class: 'stage-title' },
          h('strong', {}, s.label),
          ` ${s.title}`,
          s.state === 'now' ? h('span', { class: 'badge now' }, 'Now') : null,
        ),
        h('div', { class: 'stage-dates' }, ...stageDates(s).flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))),
      ),
    ),
  );
  const paused = view.timeline.paused.map((p) =>
    h('li', {}, p.until ? `Paused ${formatDay(p.from)} to ${formatDay(p.until)}` : `Paused since ${formatDay(p.from)}`),
  );
  const limits = view.timeline.limits.map((l) =>
    h('li', {}, `${l.label}: by ${formatInstant(l.deadline)}${l.rule ? ` (${l.rule})` : ''}`),
  );
  return h(
    'div',
    { class: 'timeline-wrap' },
    h('ol', { class: 'timeline', 'aria-label': `Timeline of ${view.caseReference}` }, stages),
    paused.length || limits.length || view.timeline.undatedBecause
      ? h(
          'ul',
          { class: 'timeline-notes' },
          paused,
          limits,
          view.timeline.undatedBecause === 'paused'
            ? h('li', {}, 'Paused: the stages to come are dated when it resumes.')
            : null,
        )
      : null,
  );
}
