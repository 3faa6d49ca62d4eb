#!/usr/bin/python3
"""Open the published SQLite database with Python's sqlite3 module and report, as JSON on
stdout: the SQLite version, PRAGMA integrity_check, PRAGMA foreign_key_check, the row count
of every table, and the result of each query given with --query (as lists of rows).

Usage: /usr/bin/python3 test/validators/sqlite_database.py DATABASE [--query SQL ...]
"""
import argparse
import json
import sqlite3
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('database')
    parser.add_argument('--query', action='append', default=[])
    args = parser.parse_args()
    # Read-only, so that opening it can never change the committed file.
    connection = sqlite3.connect(f'file:{args.database}?mode=ro', uri=True)
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    report = {
        'sqliteVersion': sqlite3.sqlite_version,
        'integrityCheck': [row[0] for row in connection.execute('PRAGMA integrity_check')],
        'foreignKeyCheck': [list(row) for row in connection.execute('PRAGMA foreign_key_check')],
        'counts': {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables},
        'queries': [[list(row) for row in connection.execute(query)] for query in args.query],
    }
    json.dump(report, sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
