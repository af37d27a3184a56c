"""Schemathesis hooks of scripts/ci.d/70-schemathesis.sh.

The one rule between fields that JSON Schema cannot state is an order: a date of death not before
the date of birth, an upper reference limit not below the lower. The document names these pairs in
each request schema's `x-not-before` (from the same `FieldRule` declarations the server checks);
this hook keeps generated bodies that break them out of the positive cases.
"""
import json
import os

import schemathesis

with open(os.environ["OSSIFY_OPENAPI"]) as f:
    DOCUMENT = json.load(f)


def not_before(operation):
    """`x-not-before` of the operation's request body schema: {later field: earlier field}."""
    op = DOCUMENT["paths"].get(operation.path, {}).get(operation.method.lower(), {})
    ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    return DOCUMENT["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}).get("x-not-before", {})


def number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@schemathesis.hook
def filter_body(context, body):
    if context.operation is None or not isinstance(body, dict):
        return True
    for later, earlier in not_before(context.operation).items():
        a, b = body.get(later), body.get(earlier)
        if number(a) and number(b) and a < b:
            return False
        if isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 10 and a < b:
            return False  # YYYY-MM-DD dates order as text
    return True
