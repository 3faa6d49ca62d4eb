/**
 * Records from annotations: each act, instrument, figure and correction, its values derived
 * from the words its spans mark (dates read into EDTF, numbers read from the text, names
 * cleaned), with provenance pointing back at those words.
 */
import type { Act, Correction, Figure, Instrument, Provenance } from '../../schema/index.js'
import { defaultUnitOfMeasure } from '../../schema/vocabularies.js'
import { diagnostic, type Diagnostic, type Point } from '../diagnostics.js'
import { cleanText } from '../recognize/clean-text.js'
import { disagreements, edtfBounds, edtfToParts, partsToEdtf, readDatePhrase } from '../recognize/dates.js'
import { describeLetter, type MixedScriptWord } from '../recognize/homoglyphs.js'
import { resolveJurisdiction } from '../recognize/jurisdictions.js'
import { termOf } from '../recognize/terms.js'
import { findNumbers, qualifierOf } from '../recognize/numbers.js'
import type { Organization } from '../recognize/organizations.js'
import type { CodePointText } from '../text-positions.js'
import type { Annotation, SectionHeading } from './annotations.js'

/** Where a record's directive stands in its overlay, for diagnostics of later stages. */
export interface RecordPlace {
  file: string
  start: Point
  end: Point
}

/** The records one source yields. */
export interface ExtractedRecords {
  instruments: Instrument[]
  acts: Act[]
  figures: Figure[]
  corrections: Correction[]
  /** The overlay place of each record made from a directive, keyed by the record object. */
  places: WeakMap<object, RecordPlace>
  diagnostics: Diagnostic[]
}

/** What extraction of one source needs to know. */
export interface ExtractionContext {
  sourceId: string
  /** Path of the overlay, for diagnostics. */
  file: string
  verbatim: CodePointText
  headings: readonly SectionHeading[]
  organizations: readonly Organization[]
  /** The mixed-script words of the verbatim text, found once per source. */
  mixedScriptWords: readonly MixedScriptWord[]
}

/** Builds the records of one source from its annotations. */
export function extractRecords(annotations: readonly Annotation[], context: ExtractionContext): ExtractedRecords {
  const out: ExtractedRecords = { instruments: [], acts: [], figures: [], corrections: [], places: new WeakMap(), diagnostics: [] }
  const placed = <T extends object>(record: T, annotation: Annotation): T => {
    out.places.set(record, { file: context.file, ...annotation.place })
    return record
  }
  const { verbatim } = context
  const report = (annotation: Annotation, ruleId: Parameters<typeof diagnostic>[3], message: string) =>
    out.diagnostics.push(diagnostic(context.file, annotation.place.start, annotation.place.end, ruleId, message))

  const provenance = (start: number, end: number): Provenance => {
    const point = verbatim.pointAt(start)
    return { sourceId: context.sourceId, start, end, quote: verbatim.slice(start, end), line: point.line, column: point.column, section: sectionAt(start) }
  }
  const sectionAt = (offset: number): string | null => {
    let found: SectionHeading | undefined
    for (const heading of context.headings) if (heading.start <= offset) found = heading
    return found && found.end > found.start ? verbatim.slice(found.start, found.end) : null
  }
  const textOf = (a: Annotation) => verbatim.slice(a.start, a.end)
  /** Descendants of an annotation, remembered for this extraction: every field lookup asks again. */
  const below = new Map<Annotation, readonly Annotation[]>()
  const descendantsOf = (a: Annotation): readonly Annotation[] => {
    let found = below.get(a)
    if (!found) below.set(a, (found = descendants(a)))
    return found
  }

  /** The clean form of a span: its `:fix` corrections applied, then homoglyphs folded and spaces collapsed. */
  const cleanValueOf = (a: Annotation): string => {
    let text = ''
    let at = a.start
    for (const fix of descendantsOf(a).filter((d) => d.name === 'fix' && d.attributes.to !== undefined)) {
      if (fix.start < at) continue
      text += verbatim.slice(at, fix.start) + fix.attributes.to
      at = fix.end
    }
    return cleanText(text + verbatim.slice(at, a.end))
  }
  const valueOf = (a: Annotation) => (a.attributes.value !== undefined ? a.attributes.value : cleanValueOf(a))

  /** Field spans of a record: its descendants, not crossing into another record. */
  const fieldsOf = (record: Annotation, name: string) => descendantsOf(record).filter((d) => d.name === name)
  const single = (record: Annotation, name: string): Annotation | undefined => {
    const found = fieldsOf(record, name)
    if (found.length > 1)
      report(found[1]!, name === 'date' ? 'date-duplicate' : 'field-duplicate', `${record.name} "${record.attributes.id}" has more than one :${name} span`)
    return found[0]
  }
  const notesOf = (...spans: Array<Annotation | undefined>): string | null => {
    const notes = spans.map((s) => s?.attributes.note).filter((n): n is string => n !== undefined && n.trim() !== '')
    return notes.length > 0 ? notes.join(' ') : null
  }

  const dateFieldsOf = (span: Annotation | undefined) => {
    const none = { date: null, dateStart: null, dateEnd: null, dateAsWritten: null }
    if (!span || span.start === span.end) return none // an empty span is reported as span-empty
    const phrase = textOf(span)
    const parts = readDatePhrase(phrase)
    const given = span.attributes.edtf
    let value: string | undefined
    if (given !== undefined) {
      const givenParts = edtfToParts(given)
      if (!givenParts || !edtfBounds(given)) {
        report(span, 'date-invalid', `edtf="${given}" is not a valid EDTF date of the forms this dataset uses`)
        return none
      }
      const contradicted = parts ? disagreements(parts, givenParts) : []
      if (contradicted.length > 0) {
        report(
          span,
          'date-mismatch',
          `the words "${phrase}" say ${partsToEdtf({ ...givenParts, ...parts }) ?? JSON.stringify(parts)}, but edtf="${given}" (${contradicted.join(' and ')} ${contradicted.length === 1 ? 'differs' : 'differ'})`
        )
        return none
      }
      if (parts && partsToEdtf(parts) !== undefined && partsToEdtf(parts) !== given) {
        report(span, 'date-mismatch', `the words "${phrase}" give ${partsToEdtf(parts)}; drop edtf="${given}" or make it agree`)
        return none
      }
      if ((!parts || partsToEdtf(parts) === undefined) && span.attributes.note === undefined) {
        report(span, 'attribute-missing', `edtf="${given}" completes the words "${phrase}": add a note saying where the rest of the date comes from`)
      }
      value = given
    } else if (!parts) {
      report(span, 'date-unparsed', `"${phrase}" is not a date phrase this pipeline reads; give edtf and a note`)
      return none
    } else {
      value = partsToEdtf(parts)
      if (value === undefined) {
        report(span, 'date-incomplete', `"${phrase}" gives no year; give the full date as edtf with a note saying where it comes from`)
        return none
      }
    }
    const bounds = edtfBounds(value)
    if (!bounds) {
      report(span, 'date-invalid', `"${phrase}" gives ${value}, which is not a day of the calendar`)
      return none
    }
    return { date: value, dateStart: bounds.start, dateEnd: bounds.end, dateAsWritten: phrase }
  }

  const jurisdictionOf = (record: Annotation) => {
    const code = record.attributes.jurisdiction
    if (code === undefined) return undefined
    const found = resolveJurisdiction(code, context.organizations)
    if (!found) report(record, 'jurisdiction-unknown', `jurisdiction "${code}" is neither an ISO 3166-1/3166-2 code nor in sources/organizations.yaml`)
    return found
  }

  const buildAct = (act: Annotation) => {
    const jurisdiction = jurisdictionOf(act)
    const date = single(act, 'date')
    const body = single(act, 'body')
    const identifier = single(act, 'id')
    const session = single(act, 'session')
    const place = single(act, 'place')
    const terms = fieldsOf(act, 'term').flatMap((term) => {
      const value = term.attributes.value ?? termOf(textOf(term))
      if (value === undefined) report(term, 'term-unknown', `"${textOf(term)}" is not a characterization term; give value=`)
      return value === undefined ? [] : [value]
    })
    out.acts.push(
      placed(
        {
          id: act.attributes.id ?? '',
          ...dateFieldsOf(date),
          jurisdiction: jurisdiction?.code ?? act.attributes.jurisdiction ?? '',
          jurisdictionType: jurisdiction?.type ?? 'iso-3166-1',
          jurisdictionName: jurisdiction?.name ?? '',
          level: jurisdiction?.level ?? 'national',
          body: body ? valueOf(body) : null,
          bodyAsWritten: body ? textOf(body) : null,
          actType: act.attributes.type as Act['actType'],
          identifier: identifier ? valueOf(identifier) : null,
          session: session ? valueOf(session) : null,
          place: place ? valueOf(place) : null,
          characterization: unique(terms) as Act['characterization'],
          stance: unique(fieldsOf(act, 'stance').map((s) => s.attributes.value!)) as Act['stance'],
          people: fieldsOf(act, 'person').map((person) => ({
            name: person.attributes.name ?? cleanValueOf(person),
            nameAsWritten: textOf(person),
            role: person.attributes.role ?? null
          })),
          notes: notesOf(act, date),
          provenance: [provenance(act.start, act.end)]
        },
        act
      )
    )
  }

  const buildInstrument = (instrument: Annotation) => {
    const jurisdiction = jurisdictionOf(instrument)
    const name = single(instrument, 'name')
    const date = single(instrument, 'date')
    const body = single(instrument, 'body')
    const identifier = single(instrument, 'id')
    const provision = single(instrument, 'provision')
    if (!name) report(instrument, 'attribute-missing', `instrument "${instrument.attributes.id}" needs a :name span`)
    out.instruments.push(
      placed(
        {
          id: instrument.attributes.id ?? '',
          name: name ? valueOf(name) : '',
          nameAsWritten: name ? textOf(name) : '',
          kind: instrument.attributes.kind as Instrument['kind'],
          adoptedBy: body ? valueOf(body) : null,
          ...dateFieldsOf(date),
          identifier: identifier ? valueOf(identifier) : null,
          provision: provision ? valueOf(provision) : null,
          provisionAsWritten: provision ? textOf(provision) : null,
          jurisdiction: jurisdiction?.code ?? null,
          jurisdictionType: jurisdiction?.type ?? null,
          notes: notesOf(instrument, date),
          provenance: [provenance(instrument.start, instrument.end)]
        },
        instrument
      )
    )
  }

  const buildFigure = (figure: Annotation) => {
    const text = textOf(figure)
    const numbers = findNumbers(text)
    if (numbers.length === 0) {
      report(figure, 'figure-no-number', `"${text}" states no number (ordinals and identifiers are not numbers)`)
      return
    }
    if (numbers.length > 1) {
      report(
        figure,
        'figure-several-numbers',
        `"${text}" states ${numbers.length} numbers (${numbers.map((n) => n.asWritten).join(', ')}); mark one figure per span`
      )
      return
    }
    const number = numbers[0]!
    const enclosingAct = ancestors(figure).find((a) => a.name === 'act')
    const by = figure.attributes.by
    if (by === 'act' && !enclosingAct) report(figure, 'reference-missing', `by=act, but figure "${figure.attributes.id}" stands in no act`)
    const measure = figure.attributes.measure as Figure['measure']
    out.figures.push(
      placed(
        {
          id: figure.attributes.id ?? '',
          value: number.value,
          valueAsWritten: number.asWritten,
          qualifier: qualifierOf(text.slice(0, number.start), number),
          unit: (figure.attributes.unit as Figure['unit'] | undefined) ?? defaultUnitOfMeasure[measure] ?? 'people',
          measure,
          statedBy: by === undefined ? null : by === 'act' ? (enclosingAct?.attributes.id ?? null) : by,
          notes: notesOf(figure),
          provenance: [provenance(figure.start, figure.end)]
        },
        figure
      )
    )
  }

  const buildFix = (fix: Annotation) => {
    out.corrections.push(
      placed(
        {
          id: fix.attributes.id ?? '',
          asWritten: textOf(fix),
          normalized: fix.attributes.to ?? '',
          kind: fix.attributes.kind as Correction['kind'],
          confidence: fix.attributes.confidence as Correction['confidence'],
          reason: fix.attributes.reason ?? '',
          provenance: [provenance(fix.start, fix.end)]
        },
        fix
      )
    )
  }

  const builders: Readonly<Record<string, (a: Annotation) => void>> = { act: buildAct, instrument: buildInstrument, figure: buildFigure, fix: buildFix }
  for (const annotation of annotations.flatMap((a) => [a, ...descendantsOf(a)])) builders[annotation.name]?.(annotation)

  out.corrections.push(...homoglyphCorrections(context, provenance))
  return out
}

/** Corrections for every mixed-script word of the verbatim text, found without markup. */
function homoglyphCorrections(context: ExtractionContext, provenance: (start: number, end: number) => Provenance): Correction[] {
  const seen = new Map<string, number>()
  const corrections: Correction[] = []
  for (const word of context.mixedScriptWords) {
    if (word.normalized === undefined) continue
    // Ids are ASCII: letters with marks lose them, other letters become hyphens ("Xocalı" → "xocal").
    const key =
      word.normalized
        .normalize('NFD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'word'
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const start = context.verbatim.codePointOffset(word.start)
    corrections.push({
      id: `${context.sourceId}-homoglyph-${key}-${n}`,
      asWritten: word.asWritten,
      normalized: word.normalized,
      kind: 'homoglyph',
      confidence: 'certain',
      reason: `${word.foreignLetters.map(describeLetter).join(', ')} inside the Latin word "${word.normalized}"`,
      provenance: [provenance(start, context.verbatim.codePointOffset(word.end))]
    })
  }
  return corrections
}

function descendants(a: Annotation): Annotation[] {
  return a.children.flatMap((child) => [child, ...descendants(child)])
}

function ancestors(a: Annotation): Annotation[] {
  const list: Annotation[] = []
  for (let p = a.parent; p; p = p.parent) list.push(p)
  return list
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}
