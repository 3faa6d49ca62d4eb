/**
 * Records from annotations: each report, instrument, figure and correction, its values derived
 * from the words its spans mark (dates read into EDTF, numbers read from the text, names
 * cleaned), with provenance pointing back at those words. Which span fills which text field
 * is the directive table's field map (directives.ts); this module assembles the records.
 */
import type { Correction, Figure, Instrument, Provenance, Report } from '../../schema/index.js'
import type { OverlayEntityName, RecordLists } from '../../schema/entities.js'
import {
  actors,
  actTypes,
  characterizations,
  confidences,
  defaultUnitOfMeasure,
  instrumentKinds,
  measures,
  stages,
  stances,
  units
} from '../../schema/vocabularies.js'
import { diagnostic, type Diagnostic, type Place, type RuleId } from '../diagnostics/index.js'
import type { Organization } from '../parse/registry.js'
import { cleanText } from '../recognize/clean-text.js'
import { noDate, resolveDate, type DateFields } from '../recognize/dates.js'
import type { MixedScriptWord } from '../recognize/homoglyphs.js'
import { resolveJurisdiction } from '../recognize/jurisdictions.js'
import { readFigureNumber } from '../recognize/numbers.js'
import { termOf } from '../recognize/terms.js'
import type { CodePointText } from '../text/code-point-text.js'
import type { Annotation, SectionHeading } from './annotations.js'
import { directiveEntries, directiveSpecs, isValueOf, type RecordDirective, type TextField } from './directives.js'
import { homoglyphCorrections } from './homoglyph-corrections.js'

/** The records one source's overlay yields, by entity. */
export type OverlayRecords = RecordLists<OverlayEntityName>

/** The records of one source, where each directive stands, and what was wrong. */
export interface ExtractedRecords extends OverlayRecords {
  /** The overlay place of each record made from a directive, keyed by the record object. */
  places: WeakMap<object, Place>
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

/** The text fields each record directive's spans fill, from the directive table: [directive, field]. */
function textFieldsOf(record: RecordDirective): Array<[string, TextField<Report> | TextField<Instrument>]> {
  return directiveEntries().flatMap(([name, spec]) => {
    const fill = spec.fills?.[record]
    return fill ? [[name, fill]] : []
  })
}

/** Builds the records of one source from its annotations. */
export function extractRecords(annotations: readonly Annotation[], context: ExtractionContext): ExtractedRecords {
  const out: ExtractedRecords = { reports: [], instruments: [], figures: [], corrections: [], places: new WeakMap(), diagnostics: [] }
  const placed = <T extends object>(record: T, annotation: Annotation): T => {
    out.places.set(record, { file: context.file, ...annotation.place })
    return record
  }
  const { verbatim } = context
  const problem = (annotation: Annotation, ruleId: RuleId, message: string) =>
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
  const descendantsMemo = new Map<Annotation, readonly Annotation[]>()
  const descendantsOf = (a: Annotation): readonly Annotation[] => {
    let found = descendantsMemo.get(a)
    if (!found) descendantsMemo.set(a, (found = descendants(a)))
    return found
  }

  /** The clean form of a span: its `:fix` corrections applied, then homoglyphs folded and spaces collapsed. */
  const cleanValueOf = (a: Annotation): string => {
    let text = ''
    let at = a.start
    for (const fix of descendantsOf(a).filter((d) => d.name === 'fix' && d.attributes.to !== undefined)) {
      // A fix inside a fix already applied (they overlap) cannot be applied again.
      if (fix.start < at) continue
      text += verbatim.slice(at, fix.start) + fix.attributes.to
      at = fix.end
    }
    return cleanText(text + verbatim.slice(at, a.end))
  }
  const valueOf = (a: Annotation) => (a.attributes.value !== undefined ? a.attributes.value : cleanValueOf(a))

  /** Field spans of a record: its descendants, not crossing into another record. */
  const fieldsOf = (record: Annotation, name: string) => descendantsOf(record).filter((d) => d.name === name)
  /** The one span of a single-valued field, reporting any second one. */
  const onlySpan = (record: Annotation, name: string): Annotation | undefined => {
    const found = fieldsOf(record, name)
    if (found.length > 1)
      problem(found[1]!, name === 'date' ? 'date-duplicate' : 'field-duplicate', `${record.name} "${record.attributes.id}" has more than one :${name} span`)
    return found[0]
  }
  const notesOf = (...spans: Array<Annotation | undefined>): string | null => {
    const notes = spans.map((s) => s?.attributes.note).filter((n): n is string => n !== undefined && n.trim() !== '')
    return notes.length > 0 ? notes.join(' ') : null
  }
  /** The text fields of a record, filled by the table: every field the record's spans may fill, null when none does. */
  const textFields = (record: Annotation, kind: RecordDirective): Record<string, string | null> => {
    const values: Record<string, string | null> = {}
    for (const [name, field] of textFieldsOf(kind)) {
      const span = onlySpan(record, name)
      values[field.value] = span ? valueOf(span) : null
      if (field.asWritten) values[field.asWritten] = span ? textOf(span) : null
    }
    return values
  }

  const dateOf = (span: Annotation | undefined): DateFields => {
    if (!span || span.start === span.end) return noDate // an empty span is reported as span-empty
    const { fields, problems } = resolveDate(textOf(span), span.attributes.edtf, span.attributes.note !== undefined)
    for (const found of problems) problem(span, found.ruleId, found.message)
    return fields
  }

  const jurisdictionOf = (record: Annotation) => {
    const code = record.attributes.jurisdiction
    if (code === undefined) return undefined
    const found = resolveJurisdiction(code, context.organizations)
    if (!found) problem(record, 'jurisdiction-unknown', `jurisdiction "${code}" is neither an ISO 3166-1/3166-2 code nor in sources/organizations.yaml`)
    return found
  }

  /** A vocabulary attribute that may be absent: its value, or null; undefined when it is there but invalid (reported by the walk). */
  const optionalValue = <V extends Record<string, string>>(value: string | undefined, vocabulary: V): (keyof V & string) | null | undefined =>
    value === undefined ? null : isValueOf(value, vocabulary) ? value : undefined

  const buildReport = (report: Annotation) => {
    const jurisdiction = jurisdictionOf(report)
    const actType = optionalValue(report.attributes.type, actTypes)
    const actor = optionalValue(report.attributes.actor, actors)
    const stage = optionalValue(report.attributes.stage, stages)
    // A missing or unknown attribute was reported by the annotation walk; no record is made.
    if (!jurisdiction || actType === undefined || actor === undefined || stage === undefined) return
    const date = onlySpan(report, 'date')
    const { body, bodyAsWritten, identifier, session, place } = textFields(report, 'report')
    const terms = fieldsOf(report, 'term').flatMap((term) => {
      const value = term.attributes.value ?? termOf(textOf(term))
      if (value === undefined) problem(term, 'term-unknown', `"${textOf(term)}" is not a characterization term; give value=`)
      return value === undefined ? [] : [value]
    })
    const record: Report = {
      id: report.attributes.id ?? '',
      act: report.attributes.act ?? null,
      ...dateOf(date),
      jurisdiction: jurisdiction.code,
      jurisdictionType: jurisdiction.type,
      jurisdictionName: jurisdiction.name,
      level: jurisdiction.level,
      body: body ?? null,
      bodyAsWritten: bodyAsWritten ?? null,
      actor,
      actType,
      stage,
      identifier: identifier ?? null,
      session: session ?? null,
      place: place ?? null,
      characterization: unique(terms.filter((t) => isValueOf(t, characterizations))),
      stance: unique(fieldsOf(report, 'stance').flatMap((s) => (isValueOf(s.attributes.value, stances) ? [s.attributes.value] : []))),
      people: fieldsOf(report, 'person').map((person) => ({
        name: person.attributes.name ?? cleanValueOf(person),
        nameAsWritten: textOf(person),
        role: person.attributes.role ?? null
      })),
      notes: notesOf(report, date),
      provenance: [provenance(report.start, report.end)]
    }
    out.reports.push(placed(record, report))
  }

  const buildInstrument = (instrument: Annotation) => {
    const kind = instrument.attributes.kind
    if (!isValueOf(kind, instrumentKinds)) return
    const jurisdiction = jurisdictionOf(instrument)
    const date = onlySpan(instrument, 'date')
    if (fieldsOf(instrument, 'name').length === 0) problem(instrument, 'attribute-missing', `instrument "${instrument.attributes.id}" needs a :name span`)
    const { name, nameAsWritten, adoptedBy, identifier, provision, provisionAsWritten } = textFields(instrument, 'instrument')
    const record: Instrument = {
      id: instrument.attributes.id ?? '',
      name: name ?? '',
      nameAsWritten: nameAsWritten ?? '',
      kind,
      adoptedBy: adoptedBy ?? null,
      ...dateOf(date),
      identifier: identifier ?? null,
      provision: provision ?? null,
      provisionAsWritten: provisionAsWritten ?? null,
      jurisdiction: jurisdiction?.code ?? null,
      jurisdictionType: jurisdiction?.type ?? null,
      notes: notesOf(instrument, date),
      provenance: [provenance(instrument.start, instrument.end)]
    }
    out.instruments.push(placed(record, instrument))
  }

  const buildFigure = (figure: Annotation) => {
    const measure = figure.attributes.measure
    const unit = figure.attributes.unit
    if (!isValueOf(measure, measures) || (unit !== undefined && !isValueOf(unit, units))) return
    const text = textOf(figure)
    const read = readFigureNumber(text)
    if ('ruleId' in read) {
      problem(figure, read.ruleId, read.message)
      return
    }
    const enclosingReport = ancestors(figure).find((a) => a.name === 'report')
    const by = figure.attributes.by
    if (by === 'report' && !enclosingReport) problem(figure, 'reference-missing', `by=report, but figure "${figure.attributes.id}" stands in no report`)
    const record: Figure = {
      id: figure.attributes.id ?? '',
      value: read.number.value,
      valueAsWritten: read.number.asWritten,
      qualifier: read.qualifier,
      unit: unit ?? defaultUnitOfMeasure[measure],
      measure,
      statedBy: by === undefined ? null : by === 'report' ? (enclosingReport?.attributes.id ?? null) : by,
      notes: notesOf(figure),
      provenance: [provenance(figure.start, figure.end)]
    }
    out.figures.push(placed(record, figure))
  }

  const buildFix = (fix: Annotation) => {
    const { kind, confidence } = fix.attributes
    if (!isValueOf(kind, directiveSpecs.fix.attributes.kind.vocabulary) || !isValueOf(confidence, confidences)) return
    const record: Correction = {
      id: fix.attributes.id ?? '',
      asWritten: textOf(fix),
      normalized: fix.attributes.to ?? '',
      kind,
      confidence,
      reason: fix.attributes.reason ?? '',
      provenance: [provenance(fix.start, fix.end)]
    }
    out.corrections.push(placed(record, fix))
  }

  const builders: Readonly<Partial<Record<string, (a: Annotation) => void>>> = {
    report: buildReport,
    instrument: buildInstrument,
    figure: buildFigure,
    fix: buildFix
  }
  for (const annotation of annotations.flatMap((a) => [a, ...descendantsOf(a)])) builders[annotation.name]?.(annotation)

  for (const c of homoglyphCorrections(context.sourceId, context.mixedScriptWords, verbatim, provenance)) out.corrections.push(c)
  return out
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
