/**
 * The overlay's directives, declared once: each directive's form, where it may stand, the
 * attributes it takes (with the vocabulary an attribute's value comes from), and what it
 * makes or which record fields it fills. The annotation walk checks every directive against
 * this table, record assembly reads its field map, and the directive tables of
 * docs/annotating.md are generated from it. To add a directive: add it here, then fill its
 * field in records.ts if it is not a plain text field, and describe its rules in annotating.md.
 */
import type { Instrument, Report } from '../../schema/index.js'
import {
  actors,
  actTypes,
  characterizations,
  confidences,
  correctionKinds,
  instrumentKinds,
  measures,
  stages,
  stances,
  units,
  type Vocabulary
} from '../../schema/vocabularies.js'

/** One attribute a directive takes. */
export interface AttributeSpec {
  required: boolean
  /** The vocabulary its value must come from, if any. */
  vocabulary?: Vocabulary
  /** What it means, for the generated docs. */
  meaning: string
}

/** The directives that make a record and may enclose field directives. */
export const recordDirectives = ['report', 'instrument'] as const
/** Name of a record directive. */
export type RecordDirective = (typeof recordDirectives)[number]

/** A text field of a record that one span fills: its normalized value and, where kept, the words as written. */
export interface TextField<R> {
  value: keyof R & string
  asWritten?: keyof R & string
}

/** One directive. */
export interface DirectiveSpec {
  /** Container (`:::name`), span (`:name[…]`), or either. */
  form: 'container' | 'span' | 'either'
  /** The record directives it must stand inside; undefined: anywhere. */
  within?: readonly RecordDirective[]
  attributes: Readonly<Record<string, AttributeSpec>>
  /** The text field it fills in each record it may stand in (single-valued: a second span is an error). */
  fills?: { report?: TextField<Report>; instrument?: TextField<Instrument> }
  /** What it makes or gives, for the generated docs. */
  gives: string
  /** Its words are not data (the source's own voice, a passage marked not data): no data directive may stand inside it. */
  notData?: true
  /** May stand inside words that are not data (a correction of spelling holds wherever the word stands). */
  inNotData?: true
}

const id: AttributeSpec = { required: true, meaning: 'the record id' }
const note: AttributeSpec = { required: false, meaning: 'a curator note, kept in `notes`' }
const value: AttributeSpec = { required: false, meaning: 'the normalized value, when the words made clean are not it' }
/** A correction of spelling is a fix; homoglyphs are found by the build without markup. */
const { homoglyph: _homoglyph, ...fixKinds } = correctionKinds

/** Every directive the overlay may use, in the order the docs list them. */
export const directiveSpecs = {
  report: {
    form: 'container',
    attributes: {
      id,
      act: {
        required: false,
        meaning:
          'the id of the act of record the report tells of (sources/record/); leave it out when no act of record exists, and say why in a check on the report’s `act`'
      },
      type: { required: false, vocabulary: actTypes, meaning: 'the act type the text gives, when it gives one' },
      jurisdiction: { required: true, meaning: 'an ISO 3166-1/-2 code or an organization code from `sources/organizations.yaml`' },
      actor: { required: false, vocabulary: actors, meaning: 'who the text says acted, when it says' },
      stage: { required: false, vocabulary: stages, meaning: 'the stage the text says the act reached, when it says' },
      note
    },
    gives: 'one **reports** record; its provenance is the text from its first to its last character'
  },
  nodata: {
    form: 'either',
    attributes: { why: { required: false, meaning: 'why the words are not data' } },
    gives: 'nothing: a passage in the source’s own voice, or a candidate that is not data; every candidate inside counts as covered',
    notData: true
  },
  instrument: {
    form: 'span',
    attributes: {
      id,
      kind: { required: true, vocabulary: instrumentKinds, meaning: 'the kind of instrument' },
      jurisdiction: { required: false, meaning: 'the country whose law it is' },
      note
    },
    gives: 'one **instruments** record over the whole span'
  },
  name: {
    form: 'span',
    within: ['instrument'],
    attributes: { value },
    fills: { instrument: { value: 'name', asWritten: 'nameAsWritten' } },
    gives: 'the name'
  },
  date: {
    form: 'span',
    within: ['report', 'instrument'],
    attributes: { edtf: { required: false, meaning: 'the EDTF date, when the words do not give all of it' }, note },
    gives: '`dateAsWritten`, `date`, `dateStart`, `dateEnd`'
  },
  body: {
    form: 'span',
    within: ['report', 'instrument'],
    attributes: { value },
    fills: { report: { value: 'body', asWritten: 'bodyAsWritten' }, instrument: { value: 'adoptedBy' } },
    gives: 'the body that acted, or that adopted the instrument'
  },
  id: {
    form: 'span',
    within: ['report', 'instrument'],
    attributes: { value },
    fills: { report: { value: 'identifier' }, instrument: { value: 'identifier' } },
    gives: 'the number or title'
  },
  provision: {
    form: 'span',
    within: ['instrument'],
    attributes: { value },
    fills: { instrument: { value: 'provision', asWritten: 'provisionAsWritten' } },
    gives: 'the provision cited'
  },
  session: { form: 'span', within: ['report'], attributes: { value }, fills: { report: { value: 'session' } }, gives: 'the session' },
  place: { form: 'span', within: ['report'], attributes: { value }, fills: { report: { value: 'place' } }, gives: 'the city' },
  person: {
    form: 'span',
    within: ['report'],
    attributes: {
      name: { required: false, meaning: 'the name in common English spelling' },
      role: { required: false, meaning: 'the office or part in the act' }
    },
    gives: 'one entry of `people` (`nameAsWritten` is the text)'
  },
  term: {
    form: 'span',
    within: ['report'],
    attributes: { value: { required: false, vocabulary: characterizations, meaning: 'the term, when the words do not name it plainly' } },
    gives: 'one `characterization` term'
  },
  stance: {
    form: 'span',
    within: ['report'],
    attributes: { value: { required: true, vocabulary: stances, meaning: 'the stance' } },
    gives: 'one `stance` value'
  },
  figure: {
    form: 'span',
    attributes: {
      id,
      measure: { required: true, vocabulary: measures, meaning: 'what the number measures' },
      unit: { required: false, vocabulary: units, meaning: 'what is counted (default: from the measure)' },
      by: { required: false, meaning: '`report` (the enclosing report) or a report id: who states it (`statedBy`)' },
      note
    },
    gives: 'one **figures** record'
  },
  fix: {
    form: 'span',
    attributes: {
      id,
      to: { required: true, meaning: 'the correct form' },
      kind: { required: true, vocabulary: fixKinds, meaning: 'the kind of error' },
      confidence: { required: true, vocabulary: confidences, meaning: 'how sure the correction is' },
      reason: { required: true, meaning: 'why the correct form is the one given' }
    },
    gives: 'one **corrections** record',
    inNotData: true
  },
  voice: { form: 'span', attributes: {}, gives: 'nothing: the source naming the event in its own voice', notData: true }
} as const satisfies Record<string, DirectiveSpec>

/** Attributes that hold the curators' prose (a note, a reason), where line breaks and tabs may stand. */
export const proseAttributes: ReadonlySet<string> = new Set(['note', 'reason', 'why'])

/** Name of a directive. */
export type DirectiveName = keyof typeof directiveSpecs

/** The table seen by name, for lookups of names that come from input. */
const specsByName: Readonly<Record<string, DirectiveSpec>> = directiveSpecs

/** The spec of a directive by a name that comes from input: own properties only, never the prototype's. */
export function directiveSpec(name: string): DirectiveSpec | undefined {
  return Object.hasOwn(specsByName, name) ? specsByName[name] : undefined
}

/** Every directive with its spec, in table order. */
export function directiveEntries(): Array<[string, DirectiveSpec]> {
  return Object.entries(specsByName)
}

/** Whether `value` is a value of `vocabulary` (own keys only). */
export function isValueOf<V extends Vocabulary>(value: string | undefined, vocabulary: V): value is keyof V & string {
  return value !== undefined && Object.hasOwn(vocabulary, value)
}

/** Whether a directive name is a record directive. */
export function isRecordDirective(name: string): name is RecordDirective {
  return (recordDirectives as readonly string[]).includes(name)
}
