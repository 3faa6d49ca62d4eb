/**
 * The record layer, assembled and held to RECORD.md's rules once every source has run: the
 * citations (addresses serialized, unique, used), the acts of record (bounds, jurisdiction
 * names and the characterization basis derived; every field backed by evidence; disagreeing
 * evidence explained; no duplicate), the checks (their independence and primary evidence
 * derived), and every report compared with the act it names.
 */
import type { Act, Check, Citation, Evidence, Provenance, Report } from '../../schema/index.js'
import type { characterizationBases, sides } from '../../schema/vocabularies.js'
import { diagnostic, type Diagnostic, type Place, type RuleId } from '../diagnostics/index.js'
import type { ActInput, CitationInput, EvidenceInput, Organization, Series, YamlItems } from '../parse/index.js'
import type { CheckInput } from '../../schema/check.js'
import { edtfBounds } from '../recognize/dates.js'
import { resolveJurisdiction } from '../recognize/jurisdictions.js'
import type { CodePointText } from '../text/code-point-text.js'
import { bodyNames, correctValueMatches, differs, isEmpty, sameSet } from './compare.js'

/** What the record layer keeps of a report: the fields it is compared on, its anchor, and where its directive stands. */
export type ReportSummary = Pick<
  Report,
  'id' | 'act' | 'jurisdiction' | 'date' | 'dateStart' | 'dateEnd' | 'body' | 'actor' | 'actType' | 'stage' | 'characterization' | 'stance' | 'provenance'
> & { place: Place }

/** The fields of a report compared with its act of record. */
export const comparedFields = ['jurisdiction', 'date', 'body', 'actor', 'actType', 'stage', 'characterization', 'stance'] as const

/** The report's summary, as a copy with strings of its own (a slice of a source text would keep the whole text alive). */
export function summarizeReport(report: Report, place: Place): ReportSummary {
  const { id, act, jurisdiction, date, dateStart, dateEnd, body, actor, actType, stage, characterization, stance, provenance } = report
  const copy = JSON.parse(
    JSON.stringify({ id, act, jurisdiction, date, dateStart, dateEnd, body, actor, actType, stage, characterization, stance, provenance })
  ) as Omit<ReportSummary, 'place'>
  return { ...copy, place }
}

/** Everything the record layer is made from. */
export interface RecordLayerInput {
  citations: YamlItems<CitationInput>
  acts: YamlItems<ActInput>
  checks: YamlItems<CheckInput>
  series: YamlItems<Series>
  reports: ReadonlyMap<string, ReportSummary>
  /** The side of each shipped source text, for evidence anchored in it. */
  sourceSides: ReadonlyMap<string, keyof typeof sides>
  /** The verbatim texts that `anchor:` entries point into. */
  texts: ReadonlyMap<string, CodePointText>
  organizations: readonly Organization[]
}

/** The record layer's records, and every problem found. */
export interface RecordLayer {
  citations: Citation[]
  acts: Act[]
  checks: Check[]
  /** Where each record stands in its YAML file, for diagnostics of later steps. */
  places: WeakMap<object, Place>
  diagnostics: Diagnostic[]
}

/** The most an evidence quote may hold, in code points. */
export const maxQuoteCodePoints = 300

type Basis = keyof typeof characterizationBases
const basisRank: Readonly<Record<Basis, number>> = { none: 0, reported: 1, quoted: 2, primary: 3 }

/** The key of an address for the URL rule: serialized, no fragment, no scheme, no trailing slash. */
export function urlKey(href: string): string {
  const url = new URL(href)
  url.hash = ''
  return url.href.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

/** Assembles the record layer from `input`, reporting each problem at its place. */
export function buildRecordLayer(input: RecordLayerInput): RecordLayer {
  const diagnostics: Diagnostic[] = []
  const places = new WeakMap<object, Place>()
  const at = (place: Place | undefined, fallback: string, ruleId: RuleId, message: string) =>
    diagnostics.push(diagnostic(place?.file ?? fallback, place?.start ?? { line: 1, column: 1 }, place?.end, ruleId, message))

  // 1. Citations: addresses serialized, each document once.
  const citations: Citation[] = []
  const citationById = new Map<string, Citation>()
  const byUrl = new Map<string, string>()
  for (const input_ of input.citations.items) {
    const place = input.citations.places.get(input_)
    let href: string
    try {
      href = new URL(input_.url).href
    } catch {
      at(place, 'sources/citations.yaml', 'record-invalid', `citation "${input_.id}": url "${input_.url}" is not a web address`)
      continue
    }
    const record: Citation = { ...input_, url: href }
    const key = urlKey(href)
    const other = byUrl.get(key)
    if (other) at(place, 'sources/citations.yaml', 'citation-duplicate', `citation "${record.id}" has the address of citation "${other}" (${href}); keep one`)
    else byUrl.set(key, record.id)
    citations.push(record)
    citationById.set(record.id, record)
    if (place) places.set(record, place)
  }

  const checksOfAct = new Map<string, Set<string | null>>()
  for (const check of input.checks.items) {
    if (check.recordType !== 'act') continue
    const fields = checksOfAct.get(check.recordId) ?? new Set()
    fields.add(check.field)
    checksOfAct.set(check.recordId, fields)
  }
  const used = new Set<string>()

  // 2. Acts of record: derived fields, then the evidence rules.
  const acts: Act[] = []
  const duplicates = new Map<string, string>()
  for (const act of input.acts.items) {
    const place = input.acts.places.get(act)
    const problem = (ruleId: RuleId, message: string) => at(place, 'sources/record', ruleId, `act "${act.id}": ${message}`)
    const jurisdiction = resolveJurisdiction(act.jurisdiction, input.organizations)
    if (!jurisdiction) {
      problem('jurisdiction-unknown', `jurisdiction "${act.jurisdiction}" is neither an ISO 3166-1/3166-2 code nor in sources/organizations.yaml`)
      continue
    }
    const bounds = act.date === null ? undefined : edtfBounds(act.date)
    if (act.date !== null && !bounds) {
      problem('date-invalid', `date "${act.date}" is not a day of the calendar`)
      continue
    }
    const evidence = act.evidence.flatMap((entry, index) => {
      const resolved = resolveEvidence(entry, index, input, citationById, problem)
      if (resolved && entry.citation) used.add(entry.citation)
      return resolved ? [resolved] : []
    })
    if (evidence.length !== act.evidence.length) continue
    const record: Act = {
      id: act.id,
      date: act.date,
      dateStart: bounds?.start ?? null,
      dateEnd: bounds?.end ?? null,
      jurisdiction: jurisdiction.code,
      jurisdictionType: jurisdiction.type,
      jurisdictionName: jurisdiction.name,
      level: jurisdiction.level,
      body: act.body,
      bodyAliases: act.bodyAliases,
      actor: act.actor,
      actType: act.actType,
      stage: act.stage,
      identifier: act.identifier,
      session: act.session,
      place: act.place,
      people: act.people,
      votes: act.votes,
      characterization: act.characterization,
      characterizationBasis: characterizationBasisOf(act.characterization, evidence, citationById),
      stance: act.stance,
      concernsKhojaly: act.concernsKhojaly,
      evidence,
      notes: act.notes
    }
    verifyEvidence(record, checksOfAct.get(act.id) ?? new Set(), problem)
    const key = JSON.stringify([record.jurisdiction, record.body, record.actor, record.date, record.identifier, record.people[0]?.name ?? null])
    const twin = duplicates.get(key)
    if (twin) problem('act-duplicate', `has the jurisdiction, body, actor, date, identifier and first person of act "${twin}"; they are one act`)
    else duplicates.set(key, record.id)
    acts.push(record)
    if (place) places.set(record, place)
  }

  // 3. Checks: citations resolved, independence and primary evidence derived.
  const checks: Check[] = []
  for (const check of input.checks.items) {
    const place = input.checks.places.get(check)
    const cited = check.citations.flatMap((use) => {
      const citation = citationById.get(use.citation)
      if (!citation) at(place, 'sources/checks.yaml', 'reference-missing', `check "${check.id}": citation "${use.citation}" is not in sources/citations.yaml`)
      else used.add(use.citation)
      return citation ? [citation] : []
    })
    const record: Check = { ...check, independence: independenceOf(cited), primaryEvidence: cited.some((c) => c.kind === 'primary' || c.kind === 'copy') }
    checks.push(record)
    if (place) places.set(record, place)
  }

  // 4. The series: the acts they found are acts of record, and a claim names a citation, which uses it.
  const actIds = new Set(acts.map((a) => a.id))
  for (const series of input.series.items) {
    const place = input.series.places.get(series)
    for (const item of series.items) {
      for (const id of item.acts)
        if (!actIds.has(id))
          at(place, 'sources/record/series.yaml', 'reference-missing', `series "${series.id}", item "${item.label}": act "${id}" is not an act of record`)
      if (item.claim === null) continue
      if (!citationById.has(item.claim))
        at(
          place,
          'sources/record/series.yaml',
          'reference-missing',
          `series "${series.id}", item "${item.label}": claim "${item.claim}" is not in sources/citations.yaml`
        )
      else used.add(item.claim)
    }
  }

  // 5. Every citation is used.
  for (const citation of citations) {
    if (!used.has(citation.id))
      at(places.get(citation), 'sources/citations.yaml', 'citation-unused', `citation "${citation.id}" is cited by no evidence entry and no check`)
  }

  // 6. Every report against its act of record.
  const actById = new Map(acts.map((a) => [a.id, a]))
  const checksOfReport = new Map<string, Check[]>()
  for (const check of checks) if (check.recordType === 'report') checksOfReport.set(check.recordId, [...(checksOfReport.get(check.recordId) ?? []), check])
  for (const report of input.reports.values()) {
    const reportChecks = checksOfReport.get(report.id) ?? []
    const problem = (ruleId: RuleId, message: string) => at(report.place, 'sources', ruleId, `report "${report.id}": ${message}`)
    if (report.act === null) {
      if (!reportChecks.some((c) => c.field === 'act')) problem('report-unlinked', 'names no act of record, and no check on its `act` says what was looked for')
      continue
    }
    const act = actById.get(report.act)
    if (!act) {
      problem('reference-missing', `act="${report.act}" is not an act of record (sources/record/)`)
      continue
    }
    compareReport(report, act, reportChecks, problem, (check, message) => at(places.get(check), 'sources/checks.yaml', 'check-contradicts-record', message))
  }
  return { citations, acts, checks, places, diagnostics }
}

/** An evidence entry as published: its citation, or its anchor (a report's, or a span of a shipped text). */
function resolveEvidence(
  entry: EvidenceInput,
  index: number,
  input: RecordLayerInput,
  citations: ReadonlyMap<string, Citation>,
  problem: (ruleId: RuleId, message: string) => void
): Evidence | undefined {
  const which = `evidence ${index + 1}`
  const given = [entry.citation, entry.report, entry.anchor].filter((v) => v !== undefined).length
  if (given !== 1) {
    problem('evidence-source', `${which} names ${given === 0 ? 'no' : given} document${given === 1 ? '' : 's'}; give exactly one of citation, report or anchor`)
    return undefined
  }
  if (entry.supports.length === 0 && Object.keys(entry.gives).length === 0) {
    problem('evidence-source', `${which} supports no field and gives no value: say what it shows`)
    return undefined
  }
  if (Array.from(entry.quote).length > maxQuoteCodePoints)
    problem('quote-too-long', `${which}: the quote has ${Array.from(entry.quote).length} code points, over ${maxQuoteCodePoints}`)
  const base = { voice: entry.voice, supports: entry.supports, gives: entry.gives, quote: entry.quote, notes: entry.notes }
  if (entry.citation !== undefined) {
    if (!citations.has(entry.citation)) {
      problem('reference-missing', `${which}: citation "${entry.citation}" is not in sources/citations.yaml`)
      return undefined
    }
    return { citation: entry.citation, report: null, anchor: null, ...base }
  }
  let anchor: Provenance | undefined
  if (entry.report !== undefined) {
    anchor = input.reports.get(entry.report)?.provenance[0]
    if (!anchor) {
      problem('reference-missing', `${which}: report "${entry.report}" is not a report of any source`)
      return undefined
    }
  } else if (entry.anchor !== undefined) {
    const { sourceId, start, end } = entry.anchor
    const text = input.texts.get(sourceId)
    if (!text || end > text.length || start >= end) {
      problem('reference-missing', `${which}: anchor ${sourceId} ${start}..${end} is not a span of a shipped text`)
      return undefined
    }
    const point = text.pointAt(start)
    anchor = { sourceId, start, end, quote: text.slice(start, end), line: point.line, column: point.column, section: null }
  }
  if (!anchor) return undefined
  if (!anchor.quote.includes(entry.quote))
    problem('quote-outside-anchor', `${which}: the quote "${entry.quote}" is not in the anchored text "${anchor.quote.slice(0, 60)}…"`)
  return { citation: null, report: entry.report ?? null, anchor, ...base }
}

/** The basis of one entry for a term it supports: primary, quoted or reported. */
function basisOfEntry(entry: Evidence, citations: ReadonlyMap<string, Citation>): Basis {
  if (entry.voice !== 'act') return 'reported'
  if (entry.citation === null) return 'quoted' // a shipped text quoting the act
  const kind = citations.get(entry.citation)?.kind
  return kind === 'primary' || kind === 'copy' ? 'primary' : kind === 'report' ? 'quoted' : 'reported'
}

/** The act's basis: per term the strongest entry that supports it, then the weakest term; none with no term. */
export function characterizationBasisOf(terms: readonly string[], evidence: readonly Evidence[], citations: ReadonlyMap<string, Citation>): Basis {
  let weakest: Basis | undefined
  for (const term of terms) {
    let strongest: Basis = 'none'
    for (const entry of evidence) {
      if (!entry.supports.some((s) => s === `characterization:${term}`)) continue
      const basis = basisOfEntry(entry, citations)
      if (basisRank[basis] > basisRank[strongest]) strongest = basis
    }
    if (weakest === undefined || basisRank[strongest] < basisRank[weakest]) weakest = strongest
  }
  return weakest ?? 'none'
}

/** Independence of a check, from the sides of the documents it cites. */
function independenceOf(cited: readonly Citation[]): Check['independence'] {
  if (cited.length === 0) return null
  if (cited.some((c) => c.side === 'independent')) return 'independent'
  return new Set(cited.map((c) => c.side)).size > 1 ? 'aligned-both-sides' : 'aligned-one-side'
}

/** The evidence rules of one act: every field backed, one entry about the act itself, disagreements explained, nulls noted. */
function verifyEvidence(act: Act, checkedFields: ReadonlySet<string | null>, problem: (ruleId: RuleId, message: string) => void): void {
  const supported = new Set(act.evidence.flatMap((e) => e.supports))
  const needed: string[] = ['jurisdiction', 'actor']
  for (const field of ['date', 'body', 'actType', 'votes'] as const) if (act[field] !== null) needed.push(field)
  if (act.stage !== 'unknown') needed.push('stage')
  if (act.people.length > 0) needed.push('people')
  for (const term of act.characterization) needed.push(`characterization:${term}`)
  for (const stance of act.stance) needed.push(`stance:${stance}`)
  const unsupported = needed.filter((field) => !supported.has(field as Evidence['supports'][number]))
  if (unsupported.length > 0) problem('evidence-missing', `no evidence entry supports ${unsupported.join(', ')}`)
  for (const key of act.evidence.flatMap((e) => e.supports)) {
    const [field, value] = key.split(':')
    if (field === 'characterization' && !act.characterization.some((t) => t === value))
      problem('evidence-missing', `an entry supports ${key}, which the act's characterization does not hold`)
    if (field === 'stance' && !act.stance.some((t) => t === value))
      problem('evidence-missing', `an entry supports ${key}, which the act's stance does not hold`)
  }
  const describing = [...(act.body === null ? [] : ['body']), ...(act.date === null ? [] : ['date'])]
  if (describing.length === 0 || !act.evidence.some((e) => describing.every((f) => e.supports.some((s) => s === f)))) {
    problem('evidence-not-specific', `no evidence entry supports both ${describing.join(' and ') || 'a body and a date'} of the act itself`)
  }
  for (const field of ['date', 'body', 'actType'] as const) {
    if (act[field] === null && act.notes === null) problem('note-missing', `${field} is null, and no note says what is unknown`)
  }
  const names = bodyNames(act)
  const given = new Map<string, unknown[]>()
  for (const entry of act.evidence) for (const [field, value] of Object.entries(entry.gives)) given.set(field, [...(given.get(field) ?? []), value])
  for (const [field, values] of given) {
    if (field === 'body')
      for (const value of values)
        if (typeof value === 'string' && !names.has(value) && !checkedFields.has('body'))
          problem(
            'evidence-disagrees',
            `an entry gives body "${value}", which is neither the act's body nor one of its bodyAliases; add it to bodyAliases if it names the same body, else add a check on body`
          )
    const split = values.some((a, i) => values.slice(i + 1).some((b) => differs(field, a, b, names)))
    if (split && !checkedFields.has(field))
      problem(
        'evidence-disagrees',
        `the evidence gives different values for ${field} (${values.map((v) => JSON.stringify(v)).join(', ')}); add a check on the act's ${field} saying how the documents disagree`
      )
  }
}

/** A report against its act: each difference explained by a corrected check with the act's value, or a disputed one. */
function compareReport(
  report: ReportSummary,
  act: Act,
  checks: readonly Check[],
  problem: (ruleId: RuleId, message: string) => void,
  contradicted: (check: Check, message: string) => void
): void {
  const names = bodyNames(act)
  for (const field of comparedFields) {
    const reportValue = report[field]
    if (!reportDiffers(field, report, act, names)) continue
    const onField = checks.filter((c) => c.field === field)
    for (const check of onField.filter((c) => c.verdict === 'confirmed')) {
      contradicted(
        check,
        `check "${check.id}" confirms the ${field} of report "${report.id}", but the report's ${JSON.stringify(reportValue)} differs from act "${act.id}"'s ${JSON.stringify(act[field])}`
      )
    }
    const explained = onField.some((c) => c.verdict === 'disputed' || (c.verdict === 'corrected' && correctValueMatches(field, c.correctValue, act[field])))
    if (!explained) {
      problem(
        'report-disagrees',
        `its ${field} ${JSON.stringify(reportValue)} differs from act "${act.id}"'s ${JSON.stringify(act[field])}, and no check on the report's ${field} explains it (corrected with correctValue ${JSON.stringify(Array.isArray(act[field]) ? (act[field] as string[]).join(', ') : act[field])}, or disputed)`
      )
    }
  }
}

/** The fields on which a report differs from its act of record, in the order of `comparedFields`. */
export function reportDifferences(report: Omit<ReportSummary, 'place' | 'provenance' | 'id' | 'act'>, act: Act): (typeof comparedFields)[number][] {
  const names = bodyNames(act)
  return comparedFields.filter((field) => reportDiffers(field, report, act, names))
}

/**
 * Whether a report's `field` differs from its act's: never when the report gives nothing; for
 * lists, not the same set; for dates, bounds that do not overlap (or an act with no date); for
 * the body, neither the act's body nor an alias; otherwise not equal.
 */
function reportDiffers(
  field: (typeof comparedFields)[number],
  report: Omit<ReportSummary, 'place' | 'provenance' | 'id' | 'act'>,
  act: Act,
  names: ReadonlySet<string>
): boolean {
  const value = report[field]
  if (isEmpty(value)) return false
  if (field === 'date') return act.dateStart === null || act.dateEnd === null || report.dateEnd! < act.dateStart || act.dateEnd < report.dateStart!
  if (field === 'body') return !names.has(String(value))
  const actValue = act[field]
  if (Array.isArray(value)) return !Array.isArray(actValue) || !sameSet(value, actValue)
  return value !== actValue
}
