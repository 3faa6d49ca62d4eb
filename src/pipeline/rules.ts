/**
 * Every rule a diagnostic can carry: its id, severity, what it means and one example.
 * The docs' list of rules is generated from this table.
 */

/** Definition of one diagnostic rule. */
export interface Rule {
  severity: 'error' | 'warning'
  /** What the rule checks and what to do about it. */
  description: string
  /** A short input that breaks it. */
  example: string
}

/** The rules, by id. */
export const rules = {
  'file-not-utf8': { severity: 'error', description: 'The file is not valid UTF-8. Re-save it as UTF-8.', example: 'a byte 0xFF in an overlay' },
  'file-bom': {
    severity: 'error',
    description: 'The file starts with a byte-order mark, which shifts every offset by one in some readers. Remove it.',
    example: 'EF BB BF at the start of a .txt'
  },
  'file-too-large': {
    severity: 'error',
    description: 'The file is larger than the limit of 16 MiB per source file. Split the document.',
    example: 'a 20 MiB overlay'
  },
  'file-empty': { severity: 'error', description: 'The file is empty.', example: 'a 0-byte overlay' },
  'file-missing': {
    severity: 'error',
    description: 'A file named by the overlay does not exist. Check the `text` field of the frontmatter.',
    example: 'text: missing.txt'
  },
  'file-unreadable': { severity: 'error', description: 'A file could not be read (permissions, a folder in its place).', example: 'text: a-folder.txt' },
  'registry-invalid': {
    severity: 'error',
    description: 'sources/organizations.yaml is missing or malformed: each entry needs code, name, intergovernmental and aliases.',
    example: '- code: oic'
  },
  'frontmatter-missing': {
    severity: 'error',
    description: 'The overlay has no YAML frontmatter. Start it with `---`, the fields, `---`.',
    example: 'an overlay beginning with text'
  },
  'frontmatter-yaml': {
    severity: 'error',
    description: 'The frontmatter is not valid YAML, or uses aliases (refused, to stop alias bombs).',
    example: 'title: [unclosed'
  },
  'frontmatter-field': { severity: 'error', description: 'A frontmatter field is missing, unknown or of the wrong shape.', example: 'language: 42' },
  'path-escapes': {
    severity: 'error',
    description: 'The `text` path leaves the sources folder (`..`, an absolute path or a symbolic link). Name a file inside sources/.',
    example: 'text: ../../etc/passwd'
  },
  'verbatim-name-taken': {
    severity: 'error',
    description:
      'The verbatim file has a name that dist-data/ already gives another file: one the build writes itself (`acts.csv`, `datapackage.json`, …) or the verbatim text of another source. Rename the file and its `text` line.',
    example: 'text: acts.csv'
  },
  'sha256-mismatch': {
    severity: 'error',
    description: 'The verbatim file does not have the sha256 the frontmatter records: it changed. Restore it, or review the change and record the new hash.',
    example: 'a word edited in the .txt'
  },
  'align-differs': {
    severity: 'error',
    description: 'The overlay text, markup removed, differs from the verbatim text here. Restore the verbatim words.',
    example: 'a word edited in the overlay'
  },
  'align-dropped': {
    severity: 'error',
    description: 'Verbatim text is missing from the overlay here. Copy it back.',
    example: 'a sentence deleted from the overlay'
  },
  'align-added': {
    severity: 'error',
    description: 'The overlay has text the verbatim file does not. Remove it, or escape markup that was meant literally.',
    example: 'a sentence added to the overlay'
  },
  'unescaped-colon': {
    severity: 'warning',
    description: 'A colon before a letter or digit starts a text directive and swallows text. Write `\\:`.',
    example: 'at 10:30'
  },
  'bracket-in-label': {
    severity: 'warning',
    description: 'A bracket inside a directive label ends or confuses the label. Escape it as `\\[` or `\\]`.',
    example: ':term[a \\] b]'
  },
  'container-unclosed': {
    severity: 'error',
    description: 'A container directive is not closed by a line `:::`.',
    example: ':::act{#a type=resolution jurisdiction=PK} with no closing line'
  },
  'directive-unknown': {
    severity: 'error',
    description: 'No directive of this name exists. See docs/annotating.md for the list.',
    example: ':dat[March 2011]'
  },
  'directive-misplaced': {
    severity: 'error',
    description: 'The directive is not allowed where it stands (an act inside an act, a term outside any act, a span across a heading).',
    example: ':term[genocide] outside :::act'
  },
  'attribute-unknown': {
    severity: 'error',
    description: 'The directive has an attribute it does not take (often a misspelling).',
    example: ':::act{#a typ=resolution}'
  },
  'attribute-missing': { severity: 'error', description: 'A required attribute is missing.', example: ':::act{#a jurisdiction=PK}' },
  'attribute-invalid': {
    severity: 'error',
    description: 'An attribute value is not in its vocabulary or not of its form.',
    example: ':figure[5 people]{#f measure=injured}'
  },
  'jurisdiction-unknown': {
    severity: 'error',
    description: 'The jurisdiction is neither an ISO 3166-1/3166-2 code nor in sources/organizations.yaml.',
    example: 'jurisdiction=XX'
  },
  'id-duplicate': { severity: 'error', description: 'Two records share an id. Ids are unique across the dataset.', example: 'two :::act{#a …}' },
  'reference-missing': {
    severity: 'error',
    description: "An attribute names a record that does not exist (in any source), or a record's provenance points outside the source it comes from.",
    example: ':figure[5]{#f measure=killed by=nope}'
  },
  'date-unparsed': {
    severity: 'error',
    description: 'The words of a date span are not a date this pipeline reads. Give `edtf` and a `note`.',
    example: ':date[sometime]'
  },
  'date-incomplete': {
    severity: 'error',
    description: 'The date span lacks a year (or more). Give the full date in `edtf` with a `note` saying where it comes from.',
    example: ':date[May 17]'
  },
  'date-mismatch': { severity: 'error', description: 'The `edtf` attribute disagrees with the words of the span.', example: ':date[March 2011]{edtf=2011-04}' },
  'date-invalid': { severity: 'error', description: 'The `edtf` attribute is not a valid EDTF date of the forms this dataset uses.', example: 'edtf=2011-13' },
  'date-duplicate': { severity: 'error', description: 'A record has more than one date span.', example: 'two :date spans in one act' },
  'field-duplicate': {
    severity: 'error',
    description: 'A record has more than one span for a single-valued field (body, id, session, place, name, provision).',
    example: 'two :place spans in one act'
  },
  'figure-no-number': {
    severity: 'error',
    description: 'A figure span contains no number (ordinals and identifiers are not numbers).',
    example: ':figure[many]{#f measure=killed}'
  },
  'figure-several-numbers': {
    severity: 'error',
    description: 'A figure span contains more than one number. Make the span smaller.',
    example: ':figure[613 killed, 487 wounded]'
  },
  'term-unknown': { severity: 'error', description: 'The words of a term span are not a characterization term; give `value`.', example: ':term[atrocity]' },
  'span-empty': { severity: 'error', description: 'A span directive has no text.', example: ':date[]' },
  'homoglyph-unmapped': {
    severity: 'warning',
    description: 'A word mixes scripts but a letter has no Latin look-alike, so no correction is made. Check the word by hand.',
    example: 'Latin word with a Cyrillic Ж'
  },
  'candidate-uncovered': {
    severity: 'warning',
    description:
      'A candidate (number, date word, name, characterization term) is neither inside a span directive nor inside :::nodata. Annotate it or mark it :nodata.',
    example: 'a bare 1992 inside an act'
  },
  'checks-yaml': { severity: 'error', description: 'sources/checks.yaml is not a valid YAML list (or uses aliases).', example: '- id: [unclosed' },
  'check-reference': {
    severity: 'error',
    description: 'A check names a record that does not exist in the entity its recordType names, or a field that entity does not have.',
    example: 'recordType: act, recordId: nope'
  },
  'check-citations': {
    severity: 'error',
    description: 'A check gives no citation although its verdict is not unverified. Cite the evidence, or say unverified.',
    example: 'verdict: confirmed, citations: []'
  },
  'record-invalid': {
    severity: 'error',
    description: 'A record does not satisfy its schema (a field empty, a normalized value with a Cyrillic letter, a value outside its vocabulary).',
    example: 'name="Кhojaly"'
  },
  'provenance-mismatch': {
    severity: 'error',
    description: 'A provenance quote does not equal its slice of the verbatim text (an internal fault: report it).',
    example: '—'
  },
  'as-written-outside-quote': { severity: 'error', description: "An `…AsWritten` value does not occur in the record's provenance quotes.", example: '—' }
} as const satisfies Record<string, Rule>

/** Id of a diagnostic rule. */
export type RuleId = keyof typeof rules
