/**
 * The overlay's directives: for each, where it may stand, which attributes it takes and
 * which vocabulary an attribute's value comes from. docs/annotating.md describes the same
 * table for people; the extractor checks every directive against it.
 */
import { actTypes, characterizations, confidences, instrumentKinds, measures, stances, units, type Vocabulary } from '../../schema/vocabularies.js'

/** One attribute a directive takes. */
export interface AttributeSpec {
  required: boolean
  vocabulary?: Vocabulary
}

/** One directive. */
export interface DirectiveSpec {
  /** Container (`:::name`) or span (`:name[…]`). */
  form: 'container' | 'span' | 'either'
  /** The record directive it must stand inside; undefined: anywhere. */
  within?: ReadonlyArray<'act' | 'instrument'>
  attributes: Readonly<Record<string, AttributeSpec>>
}

const optional: AttributeSpec = { required: false }
const required: AttributeSpec = { required: true }
const fixKinds = { spelling: '', transliteration: '' } as const satisfies Vocabulary

/** Every directive the overlay may use. */
export const directiveSpecs: Readonly<Record<string, DirectiveSpec>> = {
  act: { form: 'container', attributes: { id: required, type: { required: true, vocabulary: actTypes }, jurisdiction: required, note: optional } },
  instrument: { form: 'span', attributes: { id: required, kind: { required: true, vocabulary: instrumentKinds }, jurisdiction: optional, note: optional } },
  name: { form: 'span', within: ['instrument'], attributes: { value: optional } },
  date: { form: 'span', within: ['act', 'instrument'], attributes: { edtf: optional, note: optional } },
  body: { form: 'span', within: ['act', 'instrument'], attributes: { value: optional } },
  id: { form: 'span', within: ['act', 'instrument'], attributes: { value: optional } },
  provision: { form: 'span', within: ['instrument'], attributes: { value: optional } },
  session: { form: 'span', within: ['act'], attributes: { value: optional } },
  place: { form: 'span', within: ['act'], attributes: { value: optional } },
  person: { form: 'span', within: ['act'], attributes: { name: optional, role: optional } },
  term: { form: 'span', within: ['act'], attributes: { value: { required: false, vocabulary: characterizations } } },
  stance: { form: 'span', within: ['act'], attributes: { value: { required: true, vocabulary: stances } } },
  figure: {
    form: 'span',
    attributes: { id: required, measure: { required: true, vocabulary: measures }, unit: { required: false, vocabulary: units }, by: optional, note: optional }
  },
  fix: {
    form: 'span',
    attributes: {
      id: required,
      to: required,
      kind: { required: true, vocabulary: fixKinds },
      confidence: { required: true, vocabulary: confidences },
      reason: required
    }
  },
  voice: { form: 'span', attributes: {} },
  nodata: { form: 'either', attributes: { why: optional } }
}

/** Directives that make a record and may enclose field directives. */
export const recordDirectives = ['act', 'instrument'] as const
