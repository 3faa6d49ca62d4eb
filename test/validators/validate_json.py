#!/usr/bin/python3
"""Validate every JSON data file of dist-data/ against the emitted JSON Schemas, with Python's
jsonschema (Debian's python3-jsonschema), independently of the project's own ajv check.

*   Every schemas/*.schema.json is checked against the draft 2020-12 metaschema and put in a
    local store under its `$id`; `$ref`s resolve from that store only (a `$ref` that would
    need the network is an error).
*   Every dist-data/<name>.json is validated against schemas/<name>.schema.json (the file
    schema, which `$ref`s the record schema). datapackage.json is the one JSON file without
    an emitted schema (the Frictionless profile describes it); it is only parsed.
*   Formats are asserted: every `format` the schemas use must have a checker here, or the
    run fails rather than silently not checking it.

Usage: /usr/bin/python3 test/validators/validate_json.py [--root DIR]
Prints a one-line summary; exits 0 when everything is valid, 1 otherwise.
"""
import argparse
import json
import sys
import warnings
from pathlib import Path

warnings.simplefilter('ignore', DeprecationWarning)  # RefResolver is deprecated in jsonschema >= 4.18

import jsonschema  # noqa: E402
from jsonschema import Draft202012Validator, FormatChecker, RefResolver  # noqa: E402
from jsonschema.exceptions import RefResolutionError, SchemaError  # noqa: E402
from report import finish

NOT_DESCRIBED_BY_AN_EMITTED_SCHEMA = {'datapackage.json'}


def formats_in(node, found):
    """Every value of a `format` keyword anywhere in a schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'format' and isinstance(value, str):
                found.add(value)
            else:
                formats_in(value, found)
    elif isinstance(node, list):
        for value in node:
            formats_in(value, found)
    return found


def no_network(uri):
    raise RefResolutionError(f'$ref {uri} is not in the local schema store (no network fetch)')


def because(error):
    """For an anyOf/oneOf failure, why the variants that are not a plain type mismatch failed."""
    reasons = [e.message for e in error.context if e.validator != 'type'] or [e.message for e in error.context]
    return f' ({"; ".join(reasons)})' if reasons else ''


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version('jsonschema')
    except Exception:  # pragma: no cover
        return 'unknown'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=str(Path(__file__).resolve().parents[2]), help='folder holding dist-data/ and schemas/')
    args = parser.parse_args()
    root = Path(args.root)
    schemas_dir, data_dir = root / 'schemas', root / 'dist-data'
    problems = []

    store, schemas_by_file = {}, {}
    for path in sorted(schemas_dir.glob('*.schema.json')):
        schema = json.loads(path.read_text(encoding='utf-8'))
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as error:
            problems.append(f'{path.name}: not a valid draft 2020-12 schema: {error.message}')
            continue
        schema_id = schema.get('$id')
        if not isinstance(schema_id, str) or not schema_id.endswith('/' + path.name):
            problems.append(f'{path.name}: $id {schema_id!r} does not name the file')
        elif schema_id in store:
            problems.append(f'{path.name}: $id {schema_id} used twice')
        else:
            store[schema_id] = schema
        schemas_by_file[path.name] = schema
    if not schemas_by_file:
        problems.append(f'no *.schema.json in {schemas_dir}')

    format_checker = getattr(Draft202012Validator, 'FORMAT_CHECKER', None) or FormatChecker()
    used_formats = set()
    for schema in schemas_by_file.values():
        formats_in(schema, used_formats)
    unchecked = sorted(used_formats - set(format_checker.checkers))
    if unchecked:
        problems.append(f'formats used by the schemas but not asserted by this jsonschema: {", ".join(unchecked)}')

    files = records = 0
    for path in sorted(data_dir.glob('*.json')):
        try:
            instance = json.loads(path.read_text(encoding='utf-8'))
        except ValueError as error:
            problems.append(f'{path.name}: not JSON: {error}')
            continue
        if path.name in NOT_DESCRIBED_BY_AN_EMITTED_SCHEMA:
            continue
        schema_name = path.name[: -len('.json')] + '.schema.json'
        schema = schemas_by_file.get(schema_name)
        if schema is None:
            problems.append(f'{path.name}: no schemas/{schema_name} to validate it against')
            continue
        resolver = RefResolver.from_schema(schema, store=store, handlers={'http': no_network, 'https': no_network})
        validator = Draft202012Validator(schema, resolver=resolver, format_checker=format_checker)
        try:
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        except RefResolutionError as error:
            problems.append(f'{path.name}: {error}')
            continue
        for error in errors[:5]:
            where = '/'.join(str(part) for part in error.absolute_path) or '(root)'
            problems.append(f'{path.name} at /{where}: {error.message}{because(error)}')
        if len(errors) > 5:
            problems.append(f'{path.name}: and {len(errors) - 5} more errors')
        files += 1
        if isinstance(instance, dict) and isinstance(instance.get('records'), list):
            records += len(instance['records'])
    if files == 0:
        problems.append(f'no JSON data file in {data_dir}')

    asserted = ', '.join(sorted(used_formats)) or 'none used'
    return finish(problems,
                  f'jsonschema {jsonschema_version()}: FAILED, {len(problems)} problem(s) in {files} JSON file(s)',
                  f'jsonschema {jsonschema_version()}: {files} JSON files, {records} records valid against {len(store)} schemas '
                  f'(draft 2020-12, local $ref store, formats asserted: {asserted})')


if __name__ == '__main__':
    sys.exit(main())
