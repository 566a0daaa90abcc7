/**
 * Does a question speak of an urgent worry about a child: risk right now, a disclosure, a child missing,
 * self-harm or suicide? Then the safeguarding signpost comes first, before any framework entry.
 *
 * Deliberately specific: questions about the framework's ideas ("seeing risks through the child's eyes",
 * "harm outside the home", "which approach do we use for domestic abuse") are ordinary and never match.
 * Measured by `npm run eval` on tests/eval/urgent.jsonl and on every ordinary evaluation question.
 */
const CHILD = String.raw`(?:child|children|kid|kids|baby|babies|infant|toddler|young person|young people|teen|teenager|girl|boy|son|daughter|pupil|yp|cyp|he|she|they|them|him|her)`;

const PATTERNS: readonly RegExp[] = [
  // Risk or danger now: "at risk right now", "in immediate danger", "not safe tonight".
  /\b(?:right now|immediate(?:ly)? (?:danger|risk|harm)|in danger|at (?:serious |immediate |significant )?risk (?:now|tonight|today|right now)|not safe (?:now|tonight|today|at home|to go home|to return home))\b/i,
  /\b(?:tonight|this evening|overnight|out of hours|this weekend)\b.*\b(?:worr|concern|risk|danger|safe|scared|afraid|abus|hurt|harm)/i,
  /\b(?:worr|concern|risk|danger|safe|scared|afraid|abus|hurt|harm)\w*\b.*\b(?:tonight|this evening|overnight|out of hours)\b/i,
  /\b(?:emergency|urgent(?:ly)?|asap)\b.*\b(?:child|safe|risk|danger|harm|hurt|abus|worr)/i,
  /\b(?:child|safe|risk|danger|harm|hurt|abus|worr)\w*\b.*\b(?:emergency|urgent(?:ly)?)\b/i,
  // A disclosure: "a child has just disclosed abuse", "she told me her stepdad hits her".
  /\bdisclos(?:e|ed|es|ing|ure|ures)\b/i,
  new RegExp(
    String.raw`\btold (?:me|us|a teacher|her teacher|his teacher|school|staff)\b.*\b(?:hit|hits|hitting|hurt|hurts|hurting|touch|touches|touched|touching|abus\w*|rap\w*|beat\w*|kick\w*|punch\w*|burn\w*|sexual\w*)\b`,
    'i',
  ),
  // Worried or scared about a child's safety.
  new RegExp(
    String.raw`\b(?:worried|worrying|concerned|scared|frightened|afraid)\b.*\b(?:about|for)\b.*\b${CHILD}\b`,
    'i',
  ),
  /\b(?:scared|afraid|frightened|too scared) (?:to go|of going) home\b|\bdoesn'?t want to go home\b|\bwon'?t go home\b/i,
  // Missing or run away.
  /\b(?:gone|went|is|are|been|was|reported|go|going) missing\b|\bmissing (?:child|children|person|from (?:home|care|school|placement))\b|\b(?:child|children|kid|teen|teenager|young person|girl|boy|son|daughter) (?:is |are |has |has been )?missing\b/i,
  /\b(?:run|ran|running) away\b|\babscond\w*\b|\bnot come home\b|\bhasn'?t come home\b|\bdidn'?t come home\b|\bcan'?t find (?:him|her|them|the child|my)\b/i,
  // Self-harm and suicide.
  /\bself[- ]?harm\w*\b|\bsuicid\w*\b|\boverdos\w*\b|\bkill(?:ing)? (?:himself|herself|themselves|themself|myself)\b|\bend (?:his|her|their|my) (?:own )?life\b|\b(?:cutting|hurting|harming) (?:himself|herself|themselves|themself)\b|\bwants? to die\b/i,
  // Abuse or injury happening: present or just now, not the framework's ideas about it.
  new RegExp(
    String.raw`\b(?:is|are|was|were|being|been|got|get|gets|getting) (?:\w+ )?(?:abused|assaulted|raped|beaten|hit|punched|kicked|burned|burnt|strangled|choked|molested|groomed|trafficked)\b`,
    'i',
  ),
  /\b(?:bruis\w*|injur(?:y|ies|ed)|broken bones?|burn marks?|unexplained marks?|marks on (?:his|her|their))\b/i,
  /\b(?:fgm|female genital mutilation|forced (?:into )?marriage|sexually exploited|being exploited|county lines (?:tonight|now))\b/i,
  /\b(?:call|ring|phone) (?:the )?(?:police|999|ambulance)\b|\b999\b/i,
  /\bthreat\w* to (?:take|snatch|hurt|harm|kill|abduct|remove)\b/i,
];

export function isUrgent(question: string): boolean {
  const text = question.slice(0, 1000).replace(/[’‘]/g, "'");
  return PATTERNS.some((p) => p.test(text));
}
