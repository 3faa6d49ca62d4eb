/**
 * Controlled vocabularies. Each value is defined here once, with its meaning; the zod
 * enums, the JSON Schemas, the Table Schema constraints and the codebook all read them
 * from this module.
 */

/** A vocabulary: each allowed value mapped to its one-line meaning. */
export type Vocabulary = Readonly<Record<string, string>>

/** Kinds of legal instrument. */
export const instrumentKinds = {
  convention: 'a multilateral treaty open to states',
  statute: 'the founding statute of a court or tribunal',
  code: 'a national code of law',
  decree: 'an executive decree of a head of state or government',
  resolution: 'a resolution of an assembly that has legal force'
} as const satisfies Vocabulary

/** Types of act. */
export const actTypes = {
  resolution: 'a resolution adopted by a legislature, assembly or council',
  declaration: 'a declaration adopted by a body',
  decision: 'a decision taken by a body, other than a resolution or declaration',
  statement: 'a public statement or remarks by an official or body',
  proclamation: 'a proclamation by an executive'
} as const satisfies Vocabulary

/** Levels of the body that acted. */
export const levels = {
  international: 'an intergovernmental organization or one of its bodies',
  national: 'a state, its legislature, government or officials',
  subnational: 'a federated state or province, its legislature, government or officials'
} as const satisfies Vocabulary

/** Kinds of jurisdiction code. */
export const jurisdictionTypes = {
  'iso-3166-1': 'an ISO 3166-1 alpha-2 country code',
  'iso-3166-2': 'an ISO 3166-2 subdivision code',
  organization: "a code from the project's registry of organizations (sources/organizations.yaml)"
} as const satisfies Vocabulary

/** How an act is reported to characterize the events. */
export const characterizations = {
  genocide: 'the act is reported to call the events genocide',
  'crime-against-humanity': 'the act is reported to call the events a crime against humanity',
  massacre: 'the act is reported to call the events a massacre',
  tragedy: 'the act is reported to call the events a tragedy',
  'grave-crime': 'the act is reported to call the events a grave crime'
} as const satisfies Vocabulary

/** What an act is reported to do. */
export const stances = {
  recognizes: 'the act is reported to recognize or state the characterization itself',
  'calls-for-recognition': 'the act is reported to call on others to recognize the events',
  condemns: 'the act is reported to condemn the events or their perpetrators',
  commemorates: 'the act is reported to commemorate the victims or mark an anniversary or day',
  'supports-campaign': 'the act is reported to support the "Justice for Khojaly" campaign',
  raises: 'the act is reported to raise the matter before a body'
} as const satisfies Vocabulary

/** How exact a stated quantity is. */
export const qualifiers = {
  exact: 'the source states the number without qualification',
  'more-than': 'the source says "more than" the number',
  'at-least': 'the source says "at least" the number',
  about: 'the source says "about" or "around" the number',
  vague: 'the source gives no number, only an amount such as "hundreds" (value is null)'
} as const satisfies Vocabulary

/** Units of a figure. */
export const units = {
  people: 'persons',
  states: 'sovereign states',
  senators: 'members of a senate',
  percent: 'percentage points of a whole',
  regions: 'administrative districts',
  resolutions: 'resolutions of a body',
  years: 'years'
} as const satisfies Vocabulary

/** What a figure measures, with the unit it is counted in by default. */
export const measures = {
  killed: 'people killed',
  wounded: 'people wounded',
  'taken-hostage': 'people taken hostage',
  displaced: 'people who became refugees or internally displaced persons',
  'supporting-states': 'states that supported an act',
  'voting-senators': 'senators taking part in a vote',
  'territory-occupied': "share of a state's territory under occupation",
  'regions-occupied': 'administrative districts under occupation',
  'unsc-resolutions': 'resolutions of the UN Security Council',
  'years-elapsed': 'years elapsed since the events'
} as const satisfies Vocabulary

/** The unit each measure is counted in when the annotation names none. */
export const defaultUnitOfMeasure: Readonly<Record<keyof typeof measures, keyof typeof units>> = {
  killed: 'people',
  wounded: 'people',
  'taken-hostage': 'people',
  displaced: 'people',
  'supporting-states': 'states',
  'voting-senators': 'senators',
  'territory-occupied': 'percent',
  'regions-occupied': 'regions',
  'unsc-resolutions': 'resolutions',
  'years-elapsed': 'years'
}

/** Kinds of correction. */
export const correctionKinds = {
  spelling: 'a name misspelt in the source',
  homoglyph: 'a letter of another script (Cyrillic, Greek) inside a Latin word',
  transliteration: 'a name transliterated differently from common English use'
} as const satisfies Vocabulary

/** How sure a correction is. */
export const confidences = {
  certain: 'the intended form is beyond doubt',
  probable: 'the intended form is very likely, on the evidence given in `reason`'
} as const satisfies Vocabulary

/** Which entity a check is about. */
export const recordTypes = {
  instrument: 'a record of instruments',
  act: 'a record of acts',
  figure: 'a record of figures',
  correction: 'a record of corrections'
} as const satisfies Vocabulary

/** What the evidence says of a claim. */
export const verdicts = {
  confirmed: 'the public evidence found matches what the record says',
  corrected: 'the evidence contradicts the record or makes it more precise; correctValue gives the right value',
  disputed: 'the evidence disagrees with itself, or with the record without settling the right value',
  unverified: 'no evidence independent of the source was found (an honest answer: we looked)'
} as const satisfies Vocabulary

/** Whether the evidence comes from both sides or one. */
export const independences = {
  independent: 'at least one citation comes from a source not aligned with either party to the conflict',
  'party-aligned': "every citation comes from sources aligned with one side (for example Azerbaijan's government or diaspora outlets)"
} as const satisfies Vocabulary

/** Every vocabulary by the name the codebook uses for it. */
export const vocabularies = {
  instrumentKinds,
  actTypes,
  levels,
  jurisdictionTypes,
  characterizations,
  stances,
  qualifiers,
  units,
  measures,
  correctionKinds,
  confidences,
  recordTypes,
  verdicts,
  independences
} as const

/** The values of a vocabulary as a non-empty tuple, the shape `z.enum` wants. */
export function valuesOf<V extends Vocabulary>(vocabulary: V): [keyof V & string, ...(keyof V & string)[]] {
  return Object.keys(vocabulary) as [keyof V & string, ...(keyof V & string)[]]
}
