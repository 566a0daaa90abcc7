// Issue 24, "The personal-details check on suggestions is easy to get round": each format the probe stored
// is refused now (looksPersonal is what the Send button checks), and the reminder names its kind.
import { looksPersonal, personalDetails } from '../../knowledge/safety/personal-details';

describe('a suggestion holding personal details is refused, however it is written (issue 24)', () => {
  test.each([
    ['a phone number with hyphens', 'ring the carer on 07700-900-123 about this', 'phone'],
    ['a phone number with spaces in odd places', 'her mob is 07 700 900 123', 'phone'],
    ['a phone number with dots and brackets', 'tel (020) 7946.0018', 'phone'],
    ['full-width digits', 'mum is on ０７７００ ９００１２３', 'phone'],
    ['full-width digits in a landline', 'office ０２０７９４６００１８', 'phone'],
    ['a date of birth in words', 'child born 12 March 2015, which principle applies', 'date-of-birth'],
    ['an ordinal date of birth', 'she was born on the 5th of june 2014', 'date-of-birth'],
    ['an email with (at) and (dot)', 'email jo.bloggs(at)example(dot)org', 'email'],
    ['an email with [at] and [dot]', 'jbloggs[at]hotmail[dot]com', 'email'],
    ['an email in words', 'write to j dot smith at lbbd dot gov dot uk', 'email'],
    ['an email with spaces round the @', 'd.smith @ yahoo.co.uk', 'email'],
    ['a spaced-out postcode', 'they live at R M 10 7 B Y', 'postcode'],
    ['a postcode in lower case', 'moved to ig11 7la', 'postcode'],
    ['a lower-case name with an age in words', 'jayden smith, fourteen, who goes to eastbury academy', 'name'],
    ['…and its age', 'jayden smith, fourteen, who goes to eastbury academy', 'age'],
    ['…and its school', 'jayden smith, fourteen, who goes to eastbury academy', 'school'],
    // Round 2 (issue 22, from a retired blind set):
    ['a first name with the apostrophe left out', 'kayleighs nan asked what cares means', 'name'],
    ['an everyday word as a name, with "who is" and an age', 'how can i help precious who is 9 understand', 'name'],
    ['…and its age', 'how can i help precious who is 9 understand', 'age'],
    ['a reference starting with digits', 'youth court ref 24yc0193 for my lad', 'reference'],
    // Round 3 (from retired blind sets E and F):
    ['an age with "her"', 'her 9yo keeps asking why he cant go home', 'age'],
    ['an everyday first name, "is", an age', 'destiny is 15 and wants to see her dad', 'name'],
    ['an everyday first name with an age in brackets', 'grace (15) wants to chair her review', 'name'],
    ['a lower-case first name and surname, then an age', 'grace brown, 17, leaving care soon', 'name'],
    ['a family by its surname in lower case', 'the patels said our values are buzzwords', 'name'],
    ['an estate by name', 'the family on the gascoigne estate, which approach', 'address'],
    ['a street in lower case', 'my family on ripple road, dad has learning needs', 'address'],
    // Rounds 5 and 6 (from retired blind sets H and I):
    ['a surname before "family", without "the"', 'patel family, mum wants to know about cares', 'name'],
    ['a Jersey surname after "le"', 'the le brocq family - staying strengths based', 'name'],
    ['a Jersey address', 'nans address is 22 la rue du moulin, how do i make it collaborative', 'address'],
    ['another Jersey address', 'dad lives at 3 clos de la ville and wants to be involved', 'address'],
    ['an estate of three words', 'family on the pomme dor farm estate, what approach', 'address'],
    ['references by year and serial', 'refs 2023/0457 and 2023/0458 are siblings', 'reference'],
    ['a school year and where', 'year 9 at jo richardson, wants to understand his rights', 'school'],
    ['a capitalised name with an age in brackets', 'a welcome letter for Bailey Hunt (10) joining our home', 'name'],
    // Rounds 9 and 10 (from retired blind sets L and M):
    ['an unknown capitalised name, then an age between commas', 'jersey sw - Elodie, 15, wants her records', 'name'],
    ['…and its age', 'jersey sw - Elodie, 15, wants her records', 'age'],
    ['a reference with letters inside it', 'ref no 3319/CSC/24, draft a summary', 'reference'],
    ['a file number with letters after it', 'file number 3304-LAC, show the whole journey', 'reference'],
    ['a surname shared with a researcher, with an age', 'Jayden Burnham, 14, wants to move placement', 'name'],
  ] as const)('%s', (_label, text, kind) => {
    expect(looksPersonal(text)).toBe(true);
    expect(personalDetails(text)).toContain(kind);
  });

  test('the same questions without the details pass', () => {
    for (const text of [
      'ring the carer about this',
      'which principle applies to a child born into poverty',
      'how do we email families kindly',
      'what do we do when a family moves',
      'a fourteen year old who goes to an academy, how does respect apply',
      'what does precious mean in the compassion value',
      'the referral was sent, what next under cares',
      'ideas for direct work with a 7 year old',
      'lads at risk of exploitation on the estate as a group',
      'on the same road as the school, does contextual safeguarding apply',
      'Bruce Perrys work on trauma, does it link to our framework',
      "is safe uncertainty Barry Mason's idea",
      'what does the foster family need from us, and the birth family',
      'in 2021/2022 the service changed its model',
      'year 9 at school is hard for care experienced children',
      'read Principle Six (6) before supervision',
      'how do island families use the community as a strength',
      'Leaving Care team in Chadwell Heath asked about transitional safeguarding',
      'is Appreciative Inquiry from David Cooperrider used in Strengthening Families',
      'Judith Trowell wrote about systemic practice, is that the Jersey model',
      'Ofsted, 12 weeks ago, said our plans were good',
      'Section, 17 of the act, is not in the framework',
    ])
      expect([text, looksPersonal(text)]).toEqual([text, false]);
  });
});
