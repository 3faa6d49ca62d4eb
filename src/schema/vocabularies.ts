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
  resolution: 'a resolution adopted (or proposed) by a legislature, assembly, council or committee',
  declaration: 'a declaration adopted or issued by a body',
  decision: 'a decision taken by a body, other than a resolution or declaration',
  statement: 'a public statement by an official, a body or a group of members',
  proclamation: 'a proclamation by an executive or a presiding officer',
  memorial: 'a memorial: a legislature’s request or expression of sense, as New Mexico’s',
  motion: 'a motion tabled in a legislature (an early day motion, a members’ motion), voted or not',
  remarks: 'remarks made in a legislature and printed in its record, or spoken there',
  letter: 'a letter from an official or legislator, or a letter circulated as an official document',
  citation: 'a legislative citation: an honorary document issued by an office or member, not voted',
  law: 'a law or statute',
  decree: 'a decree or order of a head of state or government',
  appeal: 'an appeal addressed to other parliaments, organizations or the public',
  communique: 'a final communiqué of a conference or summit',
  'written-declaration': 'a written declaration signed by members of an assembly (not a text of the assembly)',
  judgment: 'a judgment or decision of a court'
} as const satisfies Vocabulary

/** Who acted: the whole body, a part of it, or a person. */
export const actors = {
  body: 'the chamber, assembly, organization or institution as such (by vote, consensus or as an institution)',
  committee: 'a committee of a body, acting on its own text',
  members: 'a group of members: signatories, a party or friendship group, a delegation',
  member: 'one legislator',
  executive: 'a head of state or government, governor, minister, ministry, mayor or secretary-general',
  court: 'a court'
} as const satisfies Vocabulary

/** The stage an act reached in the procedure of whoever acted. */
export const stages = {
  draft: 'a text prepared or proposed that was never adopted',
  introduced: 'tabled, filed or put on the agenda, with no decision known',
  committee: 'a plenary text still in committee (a committee’s own adopted text is actor committee, stage adopted)',
  adopted: 'passed by vote or consensus',
  signed: 'signed by an executive or by signatories',
  published: 'issued, delivered or published: statements, remarks in the record, communiqués, letters sent',
  unknown: 'the evidence does not say how far the act went'
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

/**
 * What an act calls the events (for a report: what the text reports the act calling them), in
 * the order of strength the explorer's map and every "strongest term" use: genocide first.
 */
export const characterizations = {
  genocide: 'calls the events genocide (or an act of genocide)',
  'crime-against-humanity': 'calls the events a crime against humanity',
  'war-crime': 'calls the events a war crime',
  'ethnic-cleansing': 'calls the events ethnic cleansing',
  massacre: 'calls the events a massacre',
  atrocity: 'calls the events an atrocity',
  carnage: 'calls the events a carnage',
  'terror-act': 'calls the events an act of terror',
  'grave-crime': 'calls the events a grave crime',
  tragedy: 'calls the events a tragedy',
  provocation: 'calls the events a provocation (a term of the Armenian side’s counter-statements)'
} as const satisfies Vocabulary

/** A short mark for each characterization, for figures that must not rely on colour alone. */
export const characterizationMarks = {
  genocide: 'G',
  'crime-against-humanity': 'H',
  'war-crime': 'W',
  'ethnic-cleansing': 'E',
  massacre: 'M',
  atrocity: 'A',
  carnage: 'K',
  'terror-act': 'X',
  'grave-crime': 'C',
  tragedy: 'T',
  provocation: 'P'
} as const satisfies Record<keyof typeof characterizations, string>

/**
 * The characterizations from strongest to weakest, genocide first: the key order of
 * `characterizations`, as a list. Whatever ranks terms (the explorer's map, every "strongest
 * term") reads the order from here.
 */
export const characterizationStrength: readonly (keyof typeof characterizations)[] = Object.freeze(valuesOf(characterizations))

/** What an act does (for a report: what the text reports the act doing). */
export const stances = {
  recognizes: 'recognizes or states the characterization itself',
  'calls-for-recognition': 'calls on others to recognize the events',
  condemns: 'condemns the events or their perpetrators',
  commemorates: 'commemorates the victims or marks an anniversary or day',
  'supports-campaign': 'supports the "Justice for Khojaly" campaign',
  raises: 'raises the matter before a body',
  rejects: 'denies or contests a characterization of Khojaly, or the Azerbaijani account of it, as counter-acts do'
} as const satisfies Vocabulary

/** Whose words an evidence quote is. */
export const voices = {
  act: 'the act’s own words, in its text or quoted by the document as the act’s words',
  reporter: 'the publisher’s own words about the act'
} as const satisfies Vocabulary

/** What kind of document a citation is. */
export const citationKinds = {
  primary: 'the act’s own text on the issuing body’s site, or in its official record or gazette',
  copy: 'the act’s text reproduced elsewhere: a scan, a repost, an embassy’s full copy',
  report: 'news or other writing about the act',
  reference: 'an encyclopedia, a list or an inventory'
} as const satisfies Vocabulary

/** Which side of the conflict a document's publisher is aligned with. */
export const sides = {
  independent: 'aligned with neither: foreign legislatures and intergovernmental bodies publishing their own acts, foreign news media',
  az: 'Azerbaijani state bodies and sites (ministries, embassies, the Milli Majlis), state or state-aligned media, diaspora and campaign sites; a repost of their releases too',
  am: 'Armenian state bodies and sites, state or aligned media, diaspora organizations, the de facto Nagorno-Karabakh authorities'
} as const satisfies Vocabulary

/** How directly the evidence shows a characterization term: computed, never typed. */
export const characterizationBases = {
  primary: 'the act’s own words, read in its text (a primary document or a copy of it)',
  quoted: 'the act’s own words as a report quotes them',
  reported: 'only a publisher’s words about the act, or a shipped advocacy text that does not quote it',
  none: 'the act characterizes nothing'
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
  instrument: 'a legal instrument a source cites (`instruments`)',
  report: 'what a source text reports of an act (`reports`, the acts of version 1)',
  act: 'an act of record (`acts`)',
  figure: 'a quantity a source states (`figures`)',
  correction: 'a correction of a source’s spelling (`corrections`)',
  citation: 'a document used as evidence (`citations`)'
} as const satisfies Vocabulary

/** What the evidence says of a claim. */
export const verdicts = {
  confirmed: 'the public evidence found matches what the record says',
  corrected: 'the evidence contradicts the record or makes it more precise; correctValue gives the right value',
  disputed: 'the evidence disagrees with itself, or with the record without settling the right value',
  unverified: 'no evidence that settles the claim was found (an honest answer: we looked)'
} as const satisfies Vocabulary

/** Whose evidence a check rests on: derived from its citations' sides, never typed. */
export const independences = {
  independent: 'at least one cited document is aligned with neither side',
  'aligned-one-side': 'every cited document is aligned with the same side',
  'aligned-both-sides': 'documents of both sides are cited, and none aligned with neither'
} as const satisfies Vocabulary

/** Every vocabulary by the name the codebook uses for it. */
export const vocabularies = {
  instrumentKinds,
  actTypes,
  actors,
  stages,
  levels,
  jurisdictionTypes,
  characterizations,
  stances,
  voices,
  citationKinds,
  sides,
  characterizationBases,
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
