#!/usr/bin/python3
"""Import every CSV of the Data Package into SQLite with the sqlite3 command-line tool (Debian's
sqlite3) and check every foreign key that dist-data/datapackage.json declares.

*   Each tabular resource becomes a table of the same name, its columns typed from the Table
    Schema (integer → INTEGER, number → REAL, the rest TEXT), with the declared primary key
    and foreign keys, and is loaded with `.import --csv --skip 1`. An empty cell is null
    (the CSV rule), so empty strings are set to NULL after the import.
*   Each table must have as many rows as the JSON file has records, with the same ids.
*   Along each declared foreign key, every row whose key is not null must find its row in the
    referenced table: checked with a NOT EXISTS query, and again with PRAGMA foreign_key_check.

Usage: /usr/bin/python3 test/validators/sqlite_fks.py [--root DIR] [--sqlite3 PATH]
Prints a one-line summary; exits 0 when every key finds its row, 1 otherwise.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from report import finish

SQL_TYPES = {'integer': 'INTEGER', 'number': 'REAL'}


def q(name):
    """An SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def s(text):
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def dot_arg(text):
    """An argument of a sqlite3 dot-command."""
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def run(sqlite3, db, script, json_mode=False):
    args = [sqlite3, '-bail', '-batch'] + (['-json'] if json_mode else []) + [str(db)]
    done = subprocess.run(args, input=script, capture_output=True, text=True, encoding='utf-8')
    if done.returncode != 0 or done.stderr.strip():
        raise RuntimeError(f'sqlite3 exited {done.returncode}: {done.stderr.strip() or done.stdout.strip()}')
    return json.loads(done.stdout or '[]') if json_mode else done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=str(Path(__file__).resolve().parents[2]), help='folder holding dist-data/')
    parser.add_argument('--sqlite3', default=shutil.which('sqlite3'), help='the sqlite3 command-line tool')
    args = parser.parse_args()
    if not args.sqlite3:
        print('sqlite3: FAILED, the sqlite3 command-line tool is not on PATH')
        return 1
    data_dir = Path(args.root) / 'dist-data'
    package = json.loads((data_dir / 'datapackage.json').read_text(encoding='utf-8'))
    tables = [r for r in package['resources'] if r.get('path', '').endswith('.csv') and 'fields' in r.get('schema', {})]
    names = {r['name'] for r in tables}
    problems = []

    # Columns referenced by a foreign key must be a primary key or unique for PRAGMA foreign_key_check.
    referenced = {}
    for table in tables:
        for fk in table['schema'].get('foreignKeys', []):
            target = fk['reference'].get('resource') or table['name']  # '' means the table itself
            if target not in names:
                problems.append(f'{table["name"]}: foreign key {fk["fields"]} references {target!r}, not a table of the package')
            referenced.setdefault(target, set()).add(tuple(fk['reference']['fields']))

    version = run(args.sqlite3, ':memory:', 'SELECT sqlite_version();').strip()
    script, counts = [], {}
    for table in tables:
        schema = table['schema']
        columns = [f'{q(f["name"])} {SQL_TYPES.get(f["type"], "TEXT")}' for f in schema['fields']]
        key = schema.get('primaryKey')
        constraints = []
        if key:
            key = [key] if isinstance(key, str) else key
            constraints.append(f'PRIMARY KEY ({", ".join(map(q, key))})')
        for unique in sorted(referenced.get(table['name'], ())):
            if list(unique) != key:
                constraints.append(f'UNIQUE ({", ".join(map(q, unique))})')
        for fk in schema.get('foreignKeys', []):
            target = fk['reference'].get('resource') or table['name']
            fields = [fk['fields']] if isinstance(fk['fields'], str) else fk['fields']
            ref_fields = fk['reference']['fields']
            ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
            constraints.append(f'FOREIGN KEY ({", ".join(map(q, fields))}) REFERENCES {q(target)} ({", ".join(map(q, ref_fields))})')
        script.append(f'CREATE TABLE {q(table["name"])} ({", ".join(columns + constraints)});')
        script.append(f'.import --csv --skip 1 {dot_arg(str(data_dir / table["path"]))} {q(table["name"])}')
        for field in schema['fields']:
            script.append(f'UPDATE {q(table["name"])} SET {q(field["name"])} = NULL WHERE {q(field["name"])} = \'\';')

    with tempfile.TemporaryDirectory(prefix='khojaly-sqlite-') as folder:
        db = Path(folder) / 'dataset.sqlite'
        try:
            run(args.sqlite3, db, '\n'.join(script) + '\n')
        except RuntimeError as error:
            print(f'  import: {error}', file=sys.stderr)
            print(f'sqlite3 {version}: FAILED, the CSVs do not import')
            return 1

        rows = 0
        for table in tables:
            name = table['name']
            json_file = data_dir / (Path(table['path']).stem + '.json')
            if not json_file.exists():  # a tidy table: counted, its keys followed below
                rows += run(args.sqlite3, db, f'SELECT count(*) AS n FROM {q(name)};', json_mode=True)[0]['n']
            else:
                imported = [row['id'] for row in run(args.sqlite3, db, f'SELECT "id" FROM {q(name)} ORDER BY rowid;', json_mode=True)]
                rows += len(imported)
            if json_file.exists():
                ids = [record['id'] for record in json.loads(json_file.read_text(encoding='utf-8'))['records']]
                if imported != ids:
                    problems.append(f'{name}: imported {len(imported)} rows, {json_file.name} has {len(ids)} records (or the ids differ)')
            last = table['schema']['fields'][-1]['name']
            stray = run(args.sqlite3, db, f'SELECT count(*) AS n FROM {q(name)} WHERE {q(last)} LIKE \'%\' || char(13);', json_mode=True)
            if stray[0]['n']:
                problems.append(f'{name}: {stray[0]["n"]} rows end with a carriage return: the CRLF rows were misread')

        keys = checked = 0
        for table in tables:
            name = table['name']
            for fk in table['schema'].get('foreignKeys', []):
                keys += 1
                target = fk['reference'].get('resource') or name
                fields = [fk['fields']] if isinstance(fk['fields'], str) else fk['fields']
                ref_fields = fk['reference']['fields']
                ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
                non_null = ' AND '.join(f'c.{q(f)} IS NOT NULL' for f in fields)
                row_id = 'c."id"' if any(f['name'] == 'id' for f in table['schema']['fields']) else 'c.rowid'
                join = ' AND '.join(f'p.{q(r)} = c.{q(f)}' for f, r in zip(fields, ref_fields))
                found = run(args.sqlite3, db, (
                    f'SELECT count(*) AS n, coalesce(sum(NOT EXISTS (SELECT 1 FROM {q(target)} p WHERE {join})), 0) AS missing, '
                    f'group_concat(CASE WHEN NOT EXISTS (SELECT 1 FROM {q(target)} p WHERE {join}) THEN {row_id} END) AS rows '
                    f'FROM {q(name)} c WHERE {non_null};'
                ), json_mode=True)[0]
                checked += found['n']
                if found['missing']:
                    problems.append(f'{name}.{",".join(fields)} -> {target}.{",".join(ref_fields)}: '
                                    f'{found["missing"]} of {found["n"]} keys find no row (rows {found["rows"]})')
        pragma = run(args.sqlite3, db, 'PRAGMA foreign_key_check;', json_mode=True)
        if pragma:
            problems.append(f'PRAGMA foreign_key_check: {len(pragma)} violations, e.g. {pragma[0]}')

    return finish(problems,
                  f'sqlite3 {version}: FAILED, {len(problems)} problem(s)',
                  f'sqlite3 {version}: imported {len(tables)} CSVs ({rows} rows); {keys} foreign key(s), '
                  f'{checked} non-null keys, every one finds its row')


if __name__ == '__main__':
    sys.exit(main())
