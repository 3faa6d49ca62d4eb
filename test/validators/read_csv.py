#!/usr/bin/python3
"""Read every CSV of dist-data/ with pandas (Debian's python3-pandas), with the dtypes that the
codebook (docs/codebook.md, its "pandas dtype" column) documents, and compare with the JSON.

For each table of the codebook (entities and tidy tables), dist-data/<name>.csv is read with
`dtype=<the codebook's dtypes>, keep_default_na=False, na_values=['']` (only an empty cell is
null), and must have:

*   the codebook's columns, in its order, each with the documented dtype;
*   no null in a column the codebook says is never null;
*   as many rows as dist-data/<entity>.json has records, with the same ids in the same order,
    and every cell equal to the record's value (arrays and objects decoded from their JSON
    text, the CSV formula guard undone).

Every CSV of dist-data/ must have a codebook table, and every codebook table its CSV.

Usage: /usr/bin/python3 test/validators/read_csv.py [--root DIR]
Prints a one-line summary; exits 0 when everything matches, 1 otherwise.
"""
import argparse
import json
import math
import re
import sys
from pathlib import Path

import pandas as pd
from report import finish

HEADER = re.compile(r'^\|\s*field\s*\|\s*type\s*\|\s*null\s*\|\s*pandas dtype\s*\|')
UNESCAPED_BAR = re.compile(r'(?<!\\)\|')
FORMULA_GUARD = re.compile(r"^'(?='*[=+\-@\t\r])")


def codebook_tables(text):
    """{entity: [(field, nullable, dtype)]} from the codebook's field tables, in order."""
    tables, section, rows = {}, None, None
    for line in text.splitlines():
        if line.startswith('## '):
            section, rows = line[3:].strip(), None
            continue
        if HEADER.match(line):
            rows = tables.setdefault(section, [])
            continue
        if rows is None:
            continue
        if not line.startswith('|'):
            rows = None
            continue
        cells = [cell.strip() for cell in UNESCAPED_BAR.split(line)[1:-1]]
        if set(''.join(cells)) <= set('-: '):
            continue  # the |---| row
        field, _type, null, dtype = cells[0].strip('`'), cells[1], cells[2], cells[3]
        if null not in ('yes', 'no'):
            raise ValueError(f'codebook, {section}: field {field} has null {null!r}, not yes or no')
        rows.append((field, null == 'yes', dtype))
    return tables


def is_null(value):
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def same(cell, value):
    """Whether a cell read by pandas holds the JSON record's value."""
    if value is None:
        return is_null(cell)
    if is_null(cell):
        return False
    if isinstance(value, (list, dict)):
        return isinstance(cell, str) and json.loads(cell) == value
    if isinstance(value, bool):
        return bool(cell) == value if not isinstance(cell, str) else cell == json.dumps(value)
    if isinstance(value, (int, float)):
        return not isinstance(cell, str) and float(cell) == float(value)
    return isinstance(cell, str) and FORMULA_GUARD.sub('', cell) == value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=str(Path(__file__).resolve().parents[2]), help='folder holding dist-data/ and docs/')
    args = parser.parse_args()
    root = Path(args.root)
    data_dir = root / 'dist-data'
    problems = []

    tables = codebook_tables((root / 'docs' / 'codebook.md').read_text(encoding='utf-8'))
    if not tables:
        problems.append('docs/codebook.md has no field table with a "pandas dtype" column')
    csvs = {path.stem for path in data_dir.glob('*.csv')}
    for name in sorted(csvs - set(tables)):
        problems.append(f'{name}.csv: no table in the codebook')
    for name in sorted(set(tables) - csvs):
        problems.append(f'codebook table {name}: no dist-data/{name}.csv')

    files = rows = 0
    for name in sorted(csvs & set(tables)):
        fields = tables[name]
        dtypes = {field: dtype for field, _nullable, dtype in fields}
        try:
            frame = pd.read_csv(data_dir / f'{name}.csv', encoding='utf-8', dtype=dtypes, keep_default_na=False, na_values=[''])
        except Exception as error:  # a cell the documented dtype cannot hold
            problems.append(f'{name}.csv: pandas cannot read it with the codebook dtypes: {type(error).__name__}: {error}')
            continue
        files += 1
        rows += len(frame)
        expected_columns = [field for field, _nullable, _dtype in fields]
        if list(frame.columns) != expected_columns:
            problems.append(f'{name}.csv: columns {list(frame.columns)} are not the codebook\'s {expected_columns}')
            continue
        for field, nullable, dtype in fields:
            if str(frame[field].dtype) != dtype:
                problems.append(f'{name}.csv: column {field} read as {frame[field].dtype}, the codebook says {dtype}')
            if not nullable and frame[field].isna().any():
                problems.append(f'{name}.csv: column {field} has nulls; the codebook says it never is null')
        if not (data_dir / f'{name}.json').exists():
            continue  # a tidy table: no JSON of its own (test/pipeline rebuilds its lists from the entity JSON)
        records = json.loads((data_dir / f'{name}.json').read_text(encoding='utf-8'))['records']
        if len(frame) != len(records):
            problems.append(f'{name}.csv: {len(frame)} rows, {name}.json: {len(records)} records')
            continue
        if frame['id'].tolist() != [record['id'] for record in records]:
            problems.append(f'{name}.csv: ids differ from {name}.json (or their order does)')
            continue
        mismatches = [
            f'{record["id"]}.{field}'
            for index, record in enumerate(records)
            for field in expected_columns
            if not same(frame[field].iloc[index], record.get(field))
        ]
        if mismatches:
            problems.append(f'{name}.csv: {len(mismatches)} cells differ from {name}.json: {", ".join(mismatches[:5])}')

    return finish(problems,
                  f'pandas {pd.__version__}: FAILED, {len(problems)} problem(s) in {len(csvs)} CSV file(s)',
                  f'pandas {pd.__version__}: {files} CSV files, {rows} rows read with the codebook\'s dtypes; '
                  f'record counts, ids and cells match the JSON')


if __name__ == '__main__':
    sys.exit(main())
