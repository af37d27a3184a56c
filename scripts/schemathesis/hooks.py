"""Schemathesis hooks of scripts/ci.d/70-schemathesis.sh: rules the document states that OpenAPI
cannot apply by itself, read from the document (made from the `FieldRule` declarations the server
checks). A positive case that breaks one is made to keep it by leaving out the optional field the
rule is about (so it stays valid under the schema); negative cases are sent as drawn.

- Bodies: an order, which JSON Schema cannot state (a date of death not before the date of birth,
  an upper reference limit not below the lower): each request schema's `x-not-before`.
- Queries: rules between parameters (a grouping for one event only), JSON Schemas over the query
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
    ref = operation_of(operation).get("requestBody", {}).get("content", {}).get("application/json", {}) \
        .get("schema", {}).get("$ref", "")
    return DOCUMENT["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}).get("x-not-before", {})


def number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def before(a, b):
    if number(a) and number(b):
        return a < b
    # YYYY-MM-DD dates order as text.
    return isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 10 and a < b


@schemathesis.hook
def before_call(context, case, kwargs):
    meta = getattr(case, "meta", None)
    if meta is None or not meta.generation.mode.is_positive:
        return
    if isinstance(case.body, dict):
        for later, earlier in not_before(case.operation).items():
            if before(case.body.get(later), case.body.get(earlier)):
                del case.body[later]
    if isinstance(case.query, dict):
        for rule in operation_of(case.operation).get("x-query-rules", []):
            if not jsonschema_rs.validator_for(rule["schema"]).is_valid(case.query):
                case.query.pop(rule["field"], None)
