"""Schemathesis hooks of scripts/ci.d/70-schemathesis.sh: rules the document states that OpenAPI
cannot apply by itself, read from the document (made from the `FieldRule` declarations the server
checks), keep generated requests that break them out of the positive cases.

- Bodies: an order, which JSON Schema cannot state (a date of death not before the date of birth,
  an upper reference limit not below the lower): each request schema's `x-not-before`.
- Queries: rules between parameters (a grouping only for one event), JSON Schemas over the query
  as an object: each operation's `x-query-rules`.
"""
import json
import os

import jsonschema_rs
import schemathesis

with open(os.environ["OSSIFY_OPENAPI"]) as f:
    DOCUMENT = json.load(f)


def operation_of(operation):
    return DOCUMENT["paths"].get(operation.path, {}).get(operation.method.lower(), {})


def not_before(operation):
    """`x-not-before` of the operation's request body schema: {later field: earlier field}."""
    op = operation_of(operation)
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


@schemathesis.hook
def filter_query(context, query):
    if context.operation is None or not isinstance(query, dict):
        return True
    rules = operation_of(context.operation).get("x-query-rules", [])
    return all(jsonschema_rs.validator_for(rule).is_valid(query) for rule in rules)
