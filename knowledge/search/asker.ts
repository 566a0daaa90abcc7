/**
 * Who is asking, said first: "iro here, …", "probation: our service user…", "asye asking what…", "fostering sw: …".
 * It is the asker's role, not what the question is about, so the checks that decline a question for a name it says
 * (another model, a procedure or role, a job matter) read the question without it. Ranking still reads it all.
 */

/** At most this many words before "here", "asking" or a colon count as the asker. */
const ASKER_WORDS = 3;

const INTRODUCTION = new RegExp(
  String.raw`^\s*((?:[a-z0-9&/'’.-]+\s+){0,${ASKER_WORDS - 1}}[a-z0-9&/'’.-]+)\s*(?:\s(?:here|asking)\b[\s,.:;!?–—-]*|:\s+)`,
  'i',
);

/** The question without an opening introduction of the asker; unchanged when it has none. */
export function withoutAsker(question: string): string {
  const match = INTRODUCTION.exec(question);
  if (!match) return question;
  const rest = question.slice(match[0].length);
  // "who is here" or "anyone asking?" alone is not an introduction before a question.
  return rest.trim() === '' ? question : rest;
}
