# SPDX-License-Identifier: MIT
"""Helpers the emulator's operation modules share: the error answer, the
API's validation messages, timestamps and secret redaction."""

from datetime import datetime, timezone

AUTH_METHODS = ("oauth", "api_key", "client_credentials")


class ApiError(Exception):
    """An HTTP error answer: status and a JSON body (None = empty body)."""

    def __init__(self, status, body):
        super().__init__(status)
        self.status = status
        self.body = body


def bad_request(messages):
    return ApiError(400, {"message": messages, "error": "Bad Request"})


def now_iso():
    t = datetime.now(timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def redact(secret):
    """Last four characters, as the API shows them; shorter secrets are masked."""
    if not secret:
        return None
    return secret[-4:] if len(secret) > 4 else "****"


# A field spec is (kind, required). Messages follow the API's validation style.

def _check_value(name, value, kind, errors):
    if kind.endswith("?"):
        if value is None:
            return
        kind = kind[:-1]
    if kind == "str":
        if not isinstance(value, str):
            errors.append("%s must be a string" % name)
    elif kind == "nonempty":
        if not isinstance(value, str):
            errors.append("%s must be a string" % name)
        elif not value:
            errors.append("%s should not be empty" % name)
    elif kind == "bool":
        if not isinstance(value, bool):
            errors.append("%s must be a boolean value" % name)
    elif kind == "obj":
        if not isinstance(value, dict):
            errors.append("%s must be an object" % name)
    elif kind in ("strlist", "authlist"):
        if not isinstance(value, list):
            errors.append("%s must be an array" % name)
        elif not all(isinstance(v, str) for v in value):
            errors.append("each value in %s must be a string" % name)
        elif kind == "authlist" and (not value or any(v not in AUTH_METHODS for v in value)):
            errors.append("each value in %s must be one of the following values: %s"
                          % (name, ", ".join(AUTH_METHODS)))
    elif kind == "strmap":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            errors.append("%s must be an object of string values" % name)
    elif kind.startswith("enum:"):
        allowed = kind[5:].split(",")
        if value not in allowed:
            errors.append("%s must be one of the following values: %s" % (name, ", ".join(allowed)))
    else:
        raise AssertionError(kind)


def check_fields(obj, spec, prefix, errors):
    for key, (kind, required) in spec.items():
        name = prefix + key
        if key not in obj:
            if required:
                errors.append("%s should not be empty" % name)
            continue
        _check_value(name, obj[key], kind, errors)


def validate_fields(body, spec):
    """A flat request body against one spec; 400 with every message found."""
    if not isinstance(body, dict):
        raise bad_request(["request body must be a JSON object"])
    errors = []
    check_fields(body, spec, "", errors)
    if errors:
        raise bad_request(errors)
