import type { Locale } from '../contracts/auth.type';
import type { AgingBucket } from '../domain/aging.util';
import type { IsoDate } from '../domain/dates.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type { Money } from '../domain/money.util';

/**
 * What a step makes happen in the agent's console besides showing text. The disposition code is
 * one of the campaign's disposition set, which is data, so it is a string here and checked against
 * the set when validateScript is given one.
 */
export type ScriptAction =
  | { type: 'offer_agreement' }
  | { type: 'schedule_callback' }
  | { type: 'set_disposition'; code: string };

export type ScriptActionType = ScriptAction['type'];

export interface ScriptAnswer {
  /** Stable within its step, so the recorded path can say which answer the agent chose. */
  id: string;
  /** Template: may use fields like the step's text. */
  label: string;
  /** The step this answer leads to. */
  next: string;
}

export interface ScriptQuestion {
  /** Template, read out to the debtor. */
  prompt: string;
  answers: readonly ScriptAnswer[];
}

export interface ScriptStep {
  id: string;
  /** Shown to the agent as the step's heading; plain text, never a template. */
  title: string;
  /** Template read out by the agent: `{{debtor.firstName}}`, `{{account.balance | money}}`… */
  text: string;
  /** A legal disclosure or other step the agent must complete; feeds script adherence (DESIGN §3). */
  required: boolean;
  /** Answers choose the next step. A step with a question must not also have `next`. */
  question?: ScriptQuestion;
  /**
   * The following step of a step without a question. A step with neither a question nor `next`
   * ends the script: it is an exit, and every step the agent can reach must be able to reach one.
   */
  next?: string;
  actions?: readonly ScriptAction[];
}

/** One version of a script. Published versions are immutable (DESIGN §7). */
export interface ScriptVersion {
  scriptId: string;
  version: number;
  name: string;
  /** The language the text is written in. */
  language: Locale;
  /** Whose disclosure rules the script must meet; null for a script not written for one country. */
  jurisdiction: Jurisdiction | null;
  startStepId: string;
  steps: readonly ScriptStep[];
}

/**
 * Everything a template can show, for one interaction. Values that an account may lack are
 * `null`; the renderer shows a visible placeholder for them (and for anything else absent or
 * malformed at run time), never "undefined".
 */
export interface ScriptContext {
  debtor: {
    firstName: string;
    lastName: string | null;
    fullName: string;
    nationalId: string | null;
  };
  account: {
    number: string;
    balance: Money;
    originalAmount: Money | null;
    daysPastDue: number;
    dueDate: IsoDate | null;
    product: string | null;
    agingBucket: AgingBucket;
  };
  client: { name: string };
  agency: { name: string };
  agent: { firstName: string; fullName: string };
  /** The installment a message is about (a payment reminder); calls and chats have none. */
  installment?: { number: number; amount: Money; dueDate: IsoDate } | null;
  /** The civil date of the call in the debtor's time zone; passed in so rendering has no hidden clock. */
  today: IsoDate;
}

/** One visit of a step in the agent's recorded progress through a script. */
export interface ScriptStepVisit {
  stepId: string;
  /** The agent marked the step done (read the disclosure, asked the question…). */
  completed: boolean;
}
