/**
 * How the must-never-miss rules (rules.ts) are asked: whether any matches, and whose words a match is in (the
 * worker's own, someone quoted, someone else as the subject).
 */
import { CRISIS, WORKER_SAFETY } from './rules';

export function crisisRule(text: string): boolean {
  return CRISIS.some((r) => r.test(text));
}

/**
 * A crisis rule matched in the worker's own words ("i should join him", "asking for me, i am right now"):
 * then it is the worker's crisis, whoever else the message names.
 */
export function ownCrisisRule(text: string): boolean {
  if (/\basking for (?:me|myself)\b/.test(text)) return true;
  return CRISIS.some((r) => {
    const m = r.exec(text);
    return m !== null && /\b(?:i|im|ive|id|me|myself)\b/.test(m[0]);
  });
}

export function workerSafetyRule(text: string): boolean {
  return WORKER_SAFETY.some((r) => r.test(text));
}

const FIRST_PERSON = /\b(?:i|im|ive|id|ill|me|my|myself|mine)\b/;

/**
 * A threat in quotation marks is aimed at the worker only when it speaks to them ("we know where you live",
 * "tell the social worker…"): "he punched me again", or "mum was strangled by her ex", quoted, is not.
 */
export function quotedThreatRule(quote: string): boolean {
  // Of someone other than the speaker only as an order or a plan ("get the lads to…", "they'll…"), not a history.
  const aboutAnother = !FIRST_PERSON.test(quote) && /\b(?:get|send|tell|will|ll|gonna|going to)\b/.test(quote);
  return WORKER_SAFETY.some((r) => {
    const m = r.exec(quote);
    // Said to the worker ("you…", "the social worker"), or of someone other than the speaker ("get the lads to wait
    // for her", overheard); never the speaker's own harm.
    return (
      m !== null &&
      (/\b(?:you|your|ur|u|ya|yours|social workers?|sws?)\b/.test(m[0]) || (aboutAnother && !FIRST_PERSON.test(m[0])))
    );
  });
}

/** A threat rule that, in someone's quoted words, tells of harm to the speaker ("he punched me again"). */
export function ownHarmRule(quote: string): boolean {
  return WORKER_SAFETY.some((r) => {
    const m = r.exec(quote);
    return m !== null && FIRST_PERSON.test(m[0]);
  });
}

/**
 * Where a crisis rule matched in words that are not the worker's own ("hes going to drive into the sea"), as
 * a word index into the text; undefined when none did. Whose they are is read from the words before.
 */
export function crisisWordAt(text: string): number | undefined {
  for (const r of CRISIS) {
    const m = r.exec(text);
    if (m !== null && !FIRST_PERSON.test(m[0])) return text.slice(0, m.index).split(' ').filter(Boolean).length;
  }
  return undefined;
}
