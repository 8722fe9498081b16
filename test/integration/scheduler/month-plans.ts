/**
 * The five simulated months: who raises with whom, who takes up the escalation offer, and
 * who resolves it and when. Raised on Mon 15 Mar 2027 10:00 (GMT), run to Fri 16 Apr 2027:
 * over Good Friday (26 Mar) and Easter Monday (29 Mar) and the clock change (28 Mar, to BST).
 */
import type { RaiseInput } from '../bot/support';

export interface MonthPlan {
  procedureId: string;
  raise: RaiseInput;
  /** Takes up the first escalation offer sent to them with one press, at 10:00 that day. */
  offerTakenBy: string;
  /** Resolves the challenge at 10:00 on that day, if the month is to end resolved. */
  resolve?: { by: string; day: string };
}

export const MONTH_FROM = '2027-03-15';
export const MONTH_TO = '2027-04-16';
export const RAISED_AT = '2027-03-15T10:00:00Z';

export const plans: MonthPlan[] = [
  {
    procedureId: 'dudley',
    raise: {
      raiser: 'Olivia Hart',
      caseReference: 'NPA-SG-2027-201',
      raisedWith: 'Uma Shah',
      inputs: { subject: 'child' },
    },
    offerTakenBy: 'Paul Nandra',
    resolve: { by: 'Wendy Ng', day: '2027-04-07' },
  },
  {
    procedureId: 'durham',
    raise: {
      raiser: 'Dawn Pike',
      caseReference: 'DCC-LAC-55201',
      raisedWith: 'Jade Fox',
      inputs: { familyName: 'Zebedee-Quartermaine' },
    },
    offerTakenBy: 'Kai Lowe',
  },
  {
    procedureId: 'newcastle',
    raise: { raiser: 'Rosa Diaz', caseReference: 'NP-CC-27-00101', raisedWith: 'Xena Cho' },
    offerTakenBy: 'Xena Cho',
    resolve: { by: 'Rosa Diaz', day: '2027-04-01' },
  },
  {
    procedureId: 'leeds',
    raise: { raiser: 'Amira Khan', caseReference: 'LCC-2027-0101', raisedWith: 'Grace Liu' },
    offerTakenBy: 'Harry Walsh',
  },
  {
    procedureId: 'darlington',
    raise: {
      raiser: 'Gail Young',
      caseReference: 'BGP-ADULT-7801',
      raisedWith: 'Mina Patel',
      inputs: { subject: 'adult' },
    },
    offerTakenBy: 'Hugo Baker',
  },
];
