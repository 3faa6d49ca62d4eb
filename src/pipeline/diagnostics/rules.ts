/**
 * Every rule a diagnostic can carry, the CLI's `validate` included: its id, the stages that
 * raise it, its severity, what it means and one example. The docs' list of rules is
 * generated from this table, and a test runs a case of every rule.
 */

/** The stages of the flow (and the `validate` command), in order. */
export const stages = {
  parse: 'reading files: the overlay, its frontmatter and verbatim text, the YAML inputs',
  align: 'the overlay, markup removed, against the verbatim text',
  extract: 'directives into records, with the recognizers reading their values',
  validate: 'records against their schemas, their texts and each other',
  emit: 'writing the files: the data, the schemas and the generated documents, all at once or not at all',
  cli: "the `validate` command, on a user's file"
} as const

/** Name of a stage. */
export type Stage = keyof typeof stages

/** Definition of one diagnostic rule. */
export interface Rule {
  /** The stages that raise it. */
  stages: readonly Stage[]
  severity: 'error' | 'warning'
  /** What the rule checks and what to do about it. */
  description: string
  /** A short input that breaks it. */
  example: string
}

/** The rules, by id. */
export const rules = {
  'file-not-utf8': {
    stages: ['parse'],
    severity: 'error',
    description: 'The file is not valid UTF-8. Re-save it as UTF-8.',
    example: 'a byte 0xFF in an overlay'
  },
  'file-bom': {
    stages: ['parse'],
    severity: 'error',
    description: 'The file starts with a byte-order mark, which shifts every offset by one in some readers. Remove it.',
    example: 'EF BB BF at the start of a .txt'
  },
  'file-too-large': {
    stages: ['parse'],
    severity: 'error',
    description:
      'The file is larger than its limit: 16 MiB for an overlay, a verbatim text or the checks, 1 MiB for the registry of organizations. The size is counted while reading, not taken from the file system. Split the document.',
    example: 'a 20 MiB overlay'
  },
  'file-empty': { stages: ['parse'], severity: 'error', description: 'The file is empty.', example: 'a 0-byte overlay' },
  'file-missing': {
    stages: ['parse'],
    severity: 'error',
    description: 'A file named by the overlay does not exist. Check the `text` field of the frontmatter.',
    example: 'text: missing.txt'
  },
  'file-unreadable': {
    stages: ['parse'],
    severity: 'error',
    description:
      'A file could not be read: permissions, or something other than a regular file in its place (a folder, a FIFO, a device, a socket), which is refused before it is opened.',
    example: 'text: a-folder.txt'
  },
  'registry-invalid': {
    stages: ['parse'],
    severity: 'error',
    description: 'sources/organizations.yaml is missing or malformed: each entry needs code, name, intergovernmental and aliases.',
    example: '- code: oic'
  },
  'nesting-too-deep': {
    stages: ['parse'],
    severity: 'error',
    description:
      'Markup nests deeper than its limit, checked before the overlay is parsed: 32 `[` open at once in a paragraph, 32 block-quote or list markers at the start of a line, 32 container directives open at once (see docs/annotating.md). Nest less deeply.',
    example: '33 nested :nodata[ spans'
  },
  'markup-too-dense': {
    stages: ['parse'],
    severity: 'error',
    description:
      'The overlay holds more of a kind of markup than its limit, checked before it is parsed: 400 unescaped `[ ] * _ <` in one paragraph, 1,000 lines starting with `>`, 100 setext headings (see docs/annotating.md). Split the paragraph with a blank line, escape the characters, or write `#` headings.',
    example: 'a paragraph of 401 unescaped *'
  },
  'frontmatter-missing': {
    stages: ['parse'],
    severity: 'error',
    description: 'The overlay has no YAML frontmatter. Start it with `---`, the fields, `---`.',
    example: 'an overlay beginning with text'
  },
  'frontmatter-yaml': {
    stages: ['parse'],
    severity: 'error',
    description: 'The frontmatter is not valid YAML, or uses aliases (refused, to stop alias bombs).',
    example: 'title: [unclosed'
  },
  'frontmatter-field': {
    stages: ['parse'],
    severity: 'error',
    description: 'A frontmatter field is missing, unknown or of the wrong shape.',
    example: 'language: 42'
  },
  'path-escapes': {
    stages: ['parse'],
    severity: 'error',
    description:
      'A path leaves the sources folder: the `text` path (`..`, an absolute path or a symbolic link), or a symbolic link among the files of sources/ that points outside it. Name a file inside sources/.',
    example: 'text: ../../etc/passwd'
  },
  'verbatim-name-taken': {
    stages: ['validate'],
    severity: 'error',
    description:
      'The verbatim file has a name that dist-data/ already gives another file: one the build writes itself (`acts.csv`, `datapackage.json`, …) or the verbatim text of another source, also when the names differ only in case or Unicode normalization (one file on macOS and Windows). Rename the file and its `text` line.',
    example: 'text: acts.csv'
  },
  'sha256-mismatch': {
    stages: ['parse'],
    severity: 'error',
    description: 'The verbatim file does not have the sha256 the frontmatter records: it changed. Restore it, or review the change and record the new hash.',
    example: 'a word edited in the .txt'
  },
  'align-differs': {
    stages: ['align'],
    severity: 'error',
    description: 'The overlay text, markup removed, differs from the verbatim text here. Restore the verbatim words.',
    example: 'a word edited in the overlay'
  },
  'align-dropped': {
    stages: ['align'],
    severity: 'error',
    description: 'Verbatim text is missing from the overlay here. Copy it back.',
    example: 'a sentence deleted from the overlay'
  },
  'align-added': {
    stages: ['align'],
    severity: 'error',
    description: 'The overlay has text the verbatim file does not. Remove it, or escape markup that was meant literally.',
    example: 'a sentence added to the overlay'
  },
  'unescaped-colon': {
    stages: ['parse'],
    severity: 'warning',
    description: 'A colon before a letter or digit starts a text directive and swallows text. Write `\\:`.',
    example: 'at 10:30'
  },
  'bracket-in-label': {
    stages: ['parse'],
    severity: 'warning',
    description: 'A bracket inside a directive label ends or confuses the label. Escape it as `\\[` or `\\]`.',
    example: ':term[a \\] b]'
  },
  'container-unclosed': {
    stages: ['extract'],
    severity: 'error',
    description: 'A container directive is not closed by a line `:::`.',
    example: ':::report{#a type=resolution jurisdiction=PK} with no closing line'
  },
  'directive-unknown': {
    stages: ['extract'],
    severity: 'error',
    description: 'No directive of this name exists. See docs/annotating.md for the list.',
    example: ':dat[March 2011]'
  },
  'directive-misplaced': {
    stages: ['extract'],
    severity: 'error',
    description:
      'The directive is not allowed where it stands (an act inside an act, a term outside any act, a span across a heading, a data span inside `:voice` or `:nodata`, whose words are not data).',
    example: ':term[genocide] outside :::act'
  },
  'attribute-unknown': {
    stages: ['extract'],
    severity: 'error',
    description: 'The directive has an attribute it does not take (often a misspelling).',
    example: ':::report{#a typ=resolution}'
  },
  'attribute-duplicate': {
    stages: ['extract'],
    severity: 'error',
    description:
      'The directive gives an attribute (or its id) more than once. The markdown parser would keep the last one without a word, so the overlay says what it does not mean. Give it once.',
    example: ':::report{#a type=resolution jurisdiction=US-MA jurisdiction=US-TX}'
  },
  'attribute-missing': { stages: ['extract'], severity: 'error', description: 'A required attribute is missing.', example: ':::report{#a}' },
  'attribute-invalid': {
    stages: ['extract'],
    severity: 'error',
    description:
      'An attribute value is not in its vocabulary or not of its form, or is text no record may hold: not well-formed Unicode, not in NFC, or with a control character, a bidirectional control or an invisible zero-width character.',
    example: ':figure[5 people]{#f measure=injured}'
  },
  'jurisdiction-unknown': {
    stages: ['extract'],
    severity: 'error',
    description: 'The jurisdiction is neither an ISO 3166-1/3166-2 code nor in sources/organizations.yaml.',
    example: 'jurisdiction=XX'
  },
  'id-duplicate': {
    stages: ['validate'],
    severity: 'error',
    description: 'Two records share an id. Ids are unique across the dataset.',
    example: 'two :::report{#a …}'
  },
  'reference-missing': {
    stages: ['extract', 'validate'],
    severity: 'error',
    description: "An attribute names a record that does not exist (in any source), or a record's provenance points outside the source it comes from.",
    example: ':figure[5]{#f measure=killed by=nope}'
  },
  'date-unparsed': {
    stages: ['extract'],
    severity: 'error',
    description: 'The words of a date span are not a date this pipeline reads. Give `edtf` and a `note`.',
    example: ':date[sometime]'
  },
  'date-incomplete': {
    stages: ['extract'],
    severity: 'error',
    description: 'The date span lacks a year (or more). Give the full date in `edtf` with a `note` saying where it comes from.',
    example: ':date[May 17]'
  },
  'date-mismatch': {
    stages: ['extract'],
    severity: 'error',
    description: 'The `edtf` attribute disagrees with the words of the span.',
    example: ':date[March 2011]{edtf=2011-04}'
  },
  'date-invalid': {
    stages: ['extract'],
    severity: 'error',
    description: 'The `edtf` attribute is not a valid EDTF date of the forms this dataset uses.',
    example: 'edtf=2011-13'
  },
  'date-duplicate': { stages: ['extract'], severity: 'error', description: 'A record has more than one date span.', example: 'two :date spans in one act' },
  'field-duplicate': {
    stages: ['extract'],
    severity: 'error',
    description: 'A record has more than one span for a single-valued field (body, id, session, place, name, provision).',
    example: 'two :place spans in one act'
  },
  'figure-no-number': {
    stages: ['extract'],
    severity: 'error',
    description: 'A figure span contains no number (ordinals and identifiers are not numbers).',
    example: ':figure[many]{#f measure=killed}'
  },
  'figure-several-numbers': {
    stages: ['extract'],
    severity: 'error',
    description: 'A figure span contains more than one number. Make the span smaller.',
    example: ':figure[613 killed, 487 wounded]'
  },
  'term-unknown': {
    stages: ['extract'],
    severity: 'error',
    description: 'The words of a term span are not a characterization term; give `value`.',
    example: ':term[atrocity]'
  },
  'span-empty': { stages: ['extract'], severity: 'error', description: 'A span directive has no text.', example: ':date[]' },
  'homoglyph-unmapped': {
    stages: ['extract'],
    severity: 'warning',
    description: 'A word mixes scripts but a letter has no Latin look-alike, so no correction is made. Check the word by hand.',
    example: 'Latin word with a Cyrillic Ж'
  },
  'candidate-uncovered': {
    stages: ['validate'],
    severity: 'warning',
    description:
      'A candidate (number, date word, name, characterization term) is neither inside a span directive nor inside :::nodata. Annotate it or mark it :nodata.',
    example: 'a bare 1992 inside an act'
  },
  'checks-yaml': {
    stages: ['parse'],
    severity: 'error',
    description: 'sources/checks.yaml is not a valid YAML list (or uses aliases).',
    example: '- id: [unclosed'
  },
  'check-reference': {
    stages: ['validate'],
    severity: 'error',
    description: 'A check names a record that does not exist in the entity its recordType names, or a field that entity does not have.',
    example: 'recordType: act, recordId: nope'
  },
  'check-citations': {
    stages: ['validate'],
    severity: 'error',
    description: 'A check gives no citation although its verdict is not unverified. Cite the evidence, or say unverified.',
    example: 'verdict: confirmed, citations: []'
  },
  'record-invalid': {
    stages: ['parse', 'validate'],
    severity: 'error',
    description: 'A record does not satisfy its schema (a field empty, a normalized value with a Cyrillic letter, a value outside its vocabulary).',
    example: 'name="Кhojaly"'
  },
  'provenance-mismatch': {
    stages: ['validate'],
    severity: 'error',
    description: 'A provenance quote does not equal its slice of the verbatim text (an internal fault: report it).',
    example: '—'
  },
  'as-written-outside-quote': {
    stages: ['validate'],
    severity: 'error',
    description: "An `…AsWritten` value does not occur in the record's provenance quotes.",
    example: '—'
  },
  'record-yaml': {
    stages: ['parse'],
    severity: 'error',
    description:
      'sources/citations.yaml, a file of sources/record/ or the series file is not a valid YAML list (or uses aliases, duplicate keys or unknown tags).',
    example: '- id: [unclosed'
  },
  'evidence-source': {
    stages: ['validate'],
    severity: 'error',
    description:
      'An evidence entry must name exactly one of `citation` (a citation id), `report` (the anchor of that report) or `anchor` (a span of a shipped text).',
    example: 'an entry with both citation and report'
  },
  'evidence-missing': {
    stages: ['validate'],
    severity: 'error',
    description:
      'A field of an act of record (date, jurisdiction, body, actor, actType, stage, votes, people, each characterization term and stance) has no evidence entry that supports it. Add the field to the `supports` of the entry that shows it, or an entry that does.',
    example: 'characterization: [genocide] with no entry supporting characterization:genocide'
  },
  'evidence-not-specific': {
    stages: ['validate'],
    severity: 'error',
    description:
      'No evidence entry describes the act itself (supports both its body and its date): a list of countries that "recognize", or an aggregate claim, is not evidence of one act.',
    example: 'the only entry supports characterization only'
  },
  'evidence-disagrees': {
    stages: ['validate'],
    severity: 'error',
    description:
      'Two evidence entries give different values for a field (dates whose bounds do not overlap, bodies neither of which is the act’s body or an alias, different sets of terms). Add a check on that field of the act saying how the documents disagree.',
    example: 'gives.date 2011-12-08 and 2011-12-20'
  },
  'quote-too-long': {
    stages: ['validate'],
    severity: 'error',
    description: 'An evidence quote is longer than 300 code points. Quote only the words that back the fields.',
    example: 'a whole paragraph'
  },
  'quote-outside-anchor': {
    stages: ['validate'],
    severity: 'error',
    description: 'The quote of an anchored evidence entry does not occur in the shipped text it is anchored in.',
    example: 'report: x with a quote the report does not hold'
  },
  'note-missing': {
    stages: ['validate'],
    severity: 'error',
    description: 'An act of record has no date, body or actType, and no note saying what is unknown.',
    example: 'date: null, notes: null'
  },
  'citation-duplicate': {
    stages: ['validate'],
    severity: 'error',
    description:
      'Two citations have the same address (after WHATWG serialization, ignoring the fragment, http versus https and a trailing slash). Keep one and cite it twice.',
    example: 'http://a.org/x and https://a.org/x/'
  },
  'citation-unused': {
    stages: ['validate'],
    severity: 'error',
    description: 'A citation is cited by no evidence entry and no check. Remove it, or cite it.',
    example: 'a citation nobody names'
  },
  'act-duplicate': {
    stages: ['validate'],
    severity: 'error',
    description: 'Two acts of record have the same jurisdiction, body, actor, date, identifier and first person: they are one act. Merge them.',
    example: 'the same resolution entered twice'
  },
  'report-unlinked': {
    stages: ['validate'],
    severity: 'error',
    description:
      'A report names no act of record (`act=` on its directive) and no check on its `act` field says what was looked for. Link it, or add the check.',
    example: ':::report{#x jurisdiction=PK} with no act= and no check'
  },
  'report-disagrees': {
    stages: ['validate'],
    severity: 'error',
    description:
      'A report differs from its act of record (jurisdiction, date, body, actor, actType, stage, characterization or stance) and no check explains it: a `corrected` check on that report field whose correctValue is the act’s value, or a `disputed` one.',
    example: 'the report says Senate, the act is the Chamber of Deputies'
  },
  'check-contradicts-record': {
    stages: ['validate'],
    severity: 'error',
    description:
      'A `confirmed` check stands on a report field that differs from the report’s act of record: the record says otherwise. Make it corrected or disputed.',
    example: 'confirmed on characterization: genocide, act: massacre'
  },
  'root-missing': {
    stages: ['parse'],
    severity: 'error',
    description:
      'The project folder (`--root`, or the working directory) does not exist or is not a folder. Nothing is created: give the folder that holds sources/.',
    example: '--root ./no-such-folder'
  },
  'output-locked': {
    stages: ['emit'],
    severity: 'error',
    description:
      'Another build of the same project is running: it holds the lock `.khojaly-build.lock` in the project root, which names its process. Wait for it to end. A lock whose process is dead is taken over without a word; if no build runs and the lock stays (another host, a reused process id), remove the file.',
    example: 'two builds started together'
  },
  'output-unwritable': {
    stages: ['emit'],
    severity: 'error',
    description:
      'The file system refused a write (no space left, read-only, permission denied, a part of the path that is a file): the message names the path and the reason. Nothing was written; the previous output is whole.',
    example: 'dist-data/ on a full disk'
  },
  'output-wrong-kind': {
    stages: ['emit'],
    severity: 'error',
    description:
      'A path the build writes holds something of another kind: a file where it writes a folder (`docs` as a plain file), a folder where it writes a file. Move it away.',
    example: 'docs is a file'
  },
  'output-symlink': {
    stages: ['emit'],
    severity: 'error',
    description:
      'A path the build writes is a symbolic link (`docs -> elsewhere`, a linked README.md): the build never writes through a link, which could overwrite files outside the project. Put the folder or file itself there.',
    example: 'docs -> /tmp/elsewhere'
  },
  'output-name-collision': {
    stages: ['emit'],
    severity: 'error',
    description:
      'A folder the build writes into already holds a file whose name differs from one it writes only in case or Unicode normalization (`Codebook.md` beside `codebook.md`): one file on macOS and Windows. Rename or remove it.',
    example: 'docs/Codebook.md'
  },
  'generated-block-missing': {
    stages: ['emit'],
    severity: 'error',
    description:
      'A document with parts the build writes (README.md, docs/annotating.md, docs/datasheet.md) lacks the markers of one: `<!-- generated:NAME … -->` and `<!-- /generated:NAME -->`. Put them back.',
    example: 'README.md without <!-- generated:summary'
  },
  'validate-read': {
    stages: ['cli'],
    severity: 'error',
    description: '`validate` could not read the file: missing, too large, not UTF-8, empty, or of a kind it does not validate (it says which).',
    example: 'validate timeline.svg'
  },
  'validate-parse': {
    stages: ['cli'],
    severity: 'error',
    description:
      "The file is not JSON, or a row of the CSV cannot be read (a broken quote, a wrong number of cells) or a cell does not decode by its column's type, or the file is nested too deeply.",
    example: '{ not json'
  },
  'validate-shape': {
    stages: ['cli'],
    severity: 'error',
    description:
      'The file is neither an entity file `{ "version", "records" }` nor an array of records, a CSV header lacks a column of its table or has one it does not have, or the file holds no records (the database, the workbook, the explorer page).',
    example: '{"rows": []}'
  },
  'validate-schema': {
    stages: ['cli'],
    severity: 'error',
    description: 'A record (or the Data Package) does not satisfy its published schema or profile.',
    example: '"measure": "injured"'
  },
  'validate-key-duplicate': {
    stages: ['cli'],
    severity: 'error',
    description: "Two records of the file have the same primary key (the Table Schema's `primaryKey`, `id`). Give each record its own.",
    example: 'two records with "id": "a"'
  },
  'validate-date-bounds': {
    stages: ['cli'],
    severity: 'error',
    description:
      '`dateStart` or `dateEnd` of a record is not the first or last day its EDTF `date` can mean (or is not null when `date` is null). The validate stage of the build checks the same rule.',
    example: '"date": "2012-02", "dateStart": "2012-02-02"'
  }
} as const satisfies Record<string, Rule>

/** Id of a diagnostic rule. */
export type RuleId = keyof typeof rules
