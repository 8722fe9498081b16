/**
 * What each person must receive in the five simulated months (month-plans.ts), written as
 * the procedures and the reminder policy say it: a nag each working day at 08:00 while
 * overdue, the offer to the next level on the second overdue working day, the raiser told
 * once when they do not own the stage, and the morning digest at 07:45 (the first tick after
 * 07:30). Ranges run over working days only: Good Friday, Easter Monday and weekends have nothing.
 */
import type { LocalDate } from '../../../src/calendar';
import { getProcedure } from '../../../src/procedures';
import { calendarOf } from '../../../src/workflow';
import { line, workingDaysFrom } from './month';

const d = (monthDay: string): LocalDate => `2027-${monthDay}`;

export class Expect {
  readonly reminders: string[] = [];
  readonly digests: string[] = [];
  private readonly calendar;

  constructor(procedureId: string) {
    this.calendar = calendarOf(getProcedure(procedureId));
  }

  on(day: string, time: string, names: readonly string[], text: string): this {
    this.reminders.push(...names.map((name) => line({ day: d(day), time, name, text })));
    return this;
  }

  /** "<label> is n working days overdue" at 08:00 each working day from..to, n counting up from `first`. */
  nags(label: string, names: readonly string[], from: string, to: string, first = 1): this {
    workingDaysFrom(this.calendar, d(from), d(to)).forEach((day, i) => {
      const n = first + i;
      const text = `${label} is ${n} working day${n === 1 ? '' : 's'} overdue`;
      this.reminders.push(...names.map((name) => line({ day, time: '08:00', name, text })));
    });
    return this;
  }

  digest(from: string, to: string, names: readonly string[], sections: string): this {
    for (const day of workingDaysFrom(this.calendar, d(from), d(to))) {
      this.digests.push(...names.map((name) => line({ day, time: '07:45', name, text: `digest: ${sections}` })));
    }
    return this;
  }
}

const NEXT = 'working days overdue: you are the next level';

export function expectedMonth(procedureId: string): Expect {
  const e = new Expect(procedureId);
  switch (procedureId) {
    case 'dudley': {
      const [raiser, raisedWith] = ['Olivia Hart', 'Uma Shah'];
      const stage2 = ['Paul Nandra', 'Queenie Ali', 'Victor Lane', 'Wendy Ng'];
      const leads = ['Abi Turner', 'Bea Lowe', 'Carl Hughes', 'Ravi Bhatt'];
      return e
        .on('03-16', '17:30', [raiser, raisedWith], 'Stage 1 is overdue')
        .nags('Stage 1', [raiser, raisedWith], '03-17', '03-18')
        .on('03-18', '08:00', stage2, `Stage 1 is 2 ${NEXT}`)
        .on('03-22', '08:00', stage2, 'Stage 2 is due Tue 23 Mar 2027, 5pm')
        .on('03-23', '17:30', stage2, 'Stage 2 is overdue')
        .on('03-23', '17:30', [raiser], 'Your challenge is overdue at Stage 2')
        .nags('Stage 2', stage2, '03-24', '04-07')
        .on('03-25', '08:00', ['Ravi Bhatt', 'Bea Lowe'], `Stage 2 is 2 ${NEXT}`)
        .digest('03-16', '03-16', [raiser, raisedWith], 'Due today')
        .digest('03-16', '03-16', [...stage2, ...leads], 'Due today')
        .digest('03-17', '03-18', [raiser, raisedWith], 'Overdue')
        .digest('03-17', '03-18', [...stage2, ...leads], 'Overdue')
        .digest('03-19', '03-22', stage2, 'Awaiting your action')
        .digest('03-23', '03-23', stage2, 'Due today')
        .digest('03-23', '03-23', leads, 'Due today')
        .digest('03-24', '04-07', stage2, 'Overdue')
        .digest('03-24', '04-07', leads, 'Overdue')
        .digest('04-08', '04-08', [...stage2, ...leads], 'Resolved yesterday');
    }
    case 'durham': {
      const [iro, raisedWith] = ['Dawn Pike', 'Jade Fox'];
      const stage2 = ['Kai Lowe', 'Lena Park'];
      const leads = ['Fay Moss', 'Max Rowe', 'Pia Ward', 'Quinn Abbott'];
      return e
        .on('03-16', '17:30', [iro, raisedWith], 'Stage 1 is overdue')
        .nags('Stage 1', [iro, raisedWith], '03-17', '03-18')
        .on('03-18', '08:00', stage2, `Stage 1 is 2 ${NEXT}`)
        .on('03-22', '08:00', [iro, ...stage2], 'Stage 2 is due Tue 23 Mar 2027, 5pm')
        .on('03-23', '17:30', [iro, ...stage2], 'Stage 2 is overdue')
        .nags('Stage 2', [iro, ...stage2], '03-24', '04-16')
        .on('03-25', '08:00', ['Pia Ward'], `Stage 2 is 2 ${NEXT}`)
        .digest('03-16', '03-16', [iro, raisedWith], 'Due today')
        .digest('03-16', '03-16', [...stage2, ...leads], 'Due today')
        .digest('03-17', '03-18', [iro, raisedWith], 'Overdue')
        .digest('03-17', '03-18', [...stage2, ...leads], 'Overdue')
        .digest('03-19', '03-22', [iro, ...stage2], 'Awaiting your action')
        .digest('03-23', '03-23', [iro, ...stage2], 'Due today')
        .digest('03-23', '03-23', leads, 'Due today')
        .digest('03-24', '04-16', [iro, ...stage2], 'Overdue')
        .digest('03-24', '04-16', leads, 'Overdue');
    }
    case 'newcastle': {
      const [raiser, lead, raisedWith] = ['Rosa Diaz', 'Tara Quinn', 'Xena Cho'];
      const step3 = ['Sam Kerr', lead, 'Yusuf Ali', 'Zoe Frost'];
      const leads = [
        'Adam Webb',
        'Bella Ruiz',
        'Cody Nash',
        'Eli Graham',
        'Sam Kerr',
        'Will Knox',
        'Yusuf Ali',
        'Zoe Frost',
      ];
      // Every Newcastle step is due 5 working days from the day raised: step 2 starts already 2 days overdue.
      return e
        .on('03-19', '08:00', [raiser, lead], 'Step 1 is due Mon 22 Mar 2027, 5pm')
        .on('03-22', '17:30', [raiser, lead], 'Step 1 is overdue')
        .nags('Step 1', [raiser, lead], '03-23', '03-24')
        .on('03-24', '08:00', [raisedWith], `Step 1 is 2 ${NEXT}`)
        .on('03-24', '10:00', [raiser, raisedWith], 'Step 2 is 2 working days overdue')
        .on('03-24', '10:00', step3, `Step 2 is 2 ${NEXT}`)
        .nags('Step 2', [raiser, raisedWith], '03-25', '04-01', 3)
        .digest('03-16', '03-16', [raiser, lead], 'Awaiting your action')
        .digest('03-16', '03-16', leads, 'New')
        .digest('03-17', '03-19', [raiser, lead], 'Awaiting your action')
        .digest('03-22', '03-22', [raiser, lead], 'Due today')
        .digest('03-22', '03-22', leads, 'Due today')
        .digest('03-23', '03-24', [raiser, lead], 'Overdue')
        .digest('03-23', '04-01', leads, 'Overdue')
        .digest('03-25', '04-01', [raiser, raisedWith], 'Overdue')
        .digest('03-25', '04-01', [lead], 'Overdue')
        .digest('04-02', '04-02', [...leads, lead], 'Resolved yesterday');
    }
    case 'leeds': {
      const [raiser, raisedWith] = ['Amira Khan', 'Grace Liu'];
      const step2 = ['Ben Ortiz', 'Harry Walsh'];
      const leads = ['Eleanor Price', 'Frank Osei', 'Kemi Adeyemi', 'Liam Fraser', 'Maya Singh', 'Noah Evans'];
      // Step 2 would be due 10 working days from Fri 2 Apr; LEE-6's one month from raising caps it at Thu 15 Apr.
      return e
        .on('03-30', '08:00', [raiser, raisedWith], 'Step 1 is due Wed 31 Mar 2027, 5pm')
        .on('03-31', '17:30', [raiser, raisedWith], 'Step 1 is overdue')
        .nags('Step 1', [raiser, raisedWith], '04-01', '04-02')
        .on('04-02', '08:00', step2, `Step 1 is 2 ${NEXT}`)
        .on('04-14', '08:00', step2, 'Step 2 is due Thu 15 Apr 2027, 5pm')
        .on('04-15', '17:30', step2, 'Step 2 is overdue')
        .on('04-15', '17:30', [raiser], 'Your challenge is overdue at Step 2')
        .nags('Step 2', step2, '04-16', '04-16')
        .digest('03-16', '03-16', [raiser, raisedWith], 'Awaiting your action')
        .digest('03-16', '03-16', [...step2, ...leads], 'New')
        .digest('03-17', '03-30', [raiser, raisedWith], 'Awaiting your action')
        .digest('03-31', '03-31', [raiser, raisedWith], 'Due today')
        .digest('03-31', '03-31', [...step2, ...leads], 'Due today')
        .digest('04-01', '04-02', [raiser, raisedWith], 'Overdue')
        .digest('04-01', '04-02', [...step2, ...leads], 'Overdue')
        .digest('04-05', '04-14', step2, 'Awaiting your action')
        .digest('04-15', '04-15', step2, 'Due today')
        .digest('04-15', '04-15', leads, 'Due today')
        .digest('04-16', '04-16', step2, 'Overdue')
        .digest('04-16', '04-16', leads, 'Overdue');
    }
    case 'darlington': {
      const [raiser, raisedWith] = ['Gail Young', 'Mina Patel'];
      const stage2 = ['Hugo Baker', 'Iris Dean', 'Ned Price', 'Ola Berg'];
      const leads = ['Kara Bloom', 'Rhea Dunn', 'Tess Wynn', 'Vic Holt'];
      // Stage 3's owners are stage 2's: there is no next level to offer stage 2 to.
      return e
        .on('03-16', '17:30', [raiser, raisedWith], 'Stage 1 is overdue')
        .nags('Stage 1', [raiser, raisedWith], '03-17', '03-18')
        .on('03-18', '08:00', stage2, `Stage 1 is 2 ${NEXT}`)
        .on('03-22', '08:00', stage2, 'Stage 2 is due Tue 23 Mar 2027, 5pm')
        .on('03-23', '17:30', stage2, 'Stage 2 is overdue')
        .on('03-23', '17:30', [raiser], 'Your challenge is overdue at Stage 2')
        .nags('Stage 2', stage2, '03-24', '04-16')
        .digest('03-16', '03-16', [raiser, raisedWith], 'Due today')
        .digest('03-16', '03-16', [...stage2, ...leads], 'Due today')
        .digest('03-17', '03-18', [raiser, raisedWith], 'Overdue')
        .digest('03-17', '03-18', [...stage2, ...leads], 'Overdue')
        .digest('03-19', '03-22', stage2, 'Awaiting your action')
        .digest('03-23', '03-23', stage2, 'Due today')
        .digest('03-23', '03-23', leads, 'Due today')
        .digest('03-24', '04-16', stage2, 'Overdue')
        .digest('03-24', '04-16', leads, 'Overdue');
    }
  }
  throw new Error(`no expected month for ${procedureId}`);
}
