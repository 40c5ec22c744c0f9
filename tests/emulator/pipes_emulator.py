#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Local WorkOS Pipes API emulator for the end-to-end tests and `make demo`.

Speaks HTTPS (or plain HTTP with --plain) on 127.0.0.1 only, keeps its state in
memory, loads connected accounts from a seed file, and lets a test switch on
faults at runtime through a control API under /_emulator/. Python 3 standard
library only. The contract it follows is /work/shared/api/PIPES-API.md and
openapi-pipes.txt; tests/emulator/README.md documents the control API.
"""

import argparse
import copy
import hmac
import json
import os
import random
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import traceback
from datetime import datetime, timezone
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pipes_common import (AUTH_METHODS, ApiError, bad_request, check_fields,  # noqa: E402
                          now_iso, redact)
from pipes_accounts import Accounts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SEED = os.path.join(HERE, "seed.json")
DEFAULT_CERT_DIR = os.path.join(REPO, "build", "certs")
MAKE_CERTS = os.path.join(REPO, "tests", "certs", "make_certs.sh")
DEFAULT_API_KEY = "sk_test_emulator"

IDLE_TIMEOUT_S = 60.0        # keep-alive idle limit when no fault sets one
REQUEST_TIMEOUT_S = 30.0     # reading one request once its first byte arrived
HANDSHAKE_TIMEOUT_S = 10.0
MAX_BODY = 1 << 20
TRAILER_NAME = "X-Emulator-Trailer"

BUILTIN_PROVIDERS = frozenset((
    "asana", "box", "confluence", "dropbox", "figma", "github", "gitlab",
    "google", "hubspot", "intercom", "jira", "linear", "microsoft", "notion",
    "openai", "salesforce", "slack", "snowflake", "stripe", "zendesk", "zoom",
))
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NOT_FOUND_SLUG = "Data integration not found for the given provider slug."


def phrase(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


# ---------------------------------------------------------------- identifiers

class UlidGen:
    """Monotonic ULIDs: ids sort by creation, which is what list cursors use."""

    def __init__(self):
        self.lock = threading.Lock()
        self.last = 0

    @staticmethod
    def decode(text):
        if len(text) != 26 or any(c not in CROCKFORD for c in text):
            return None
        value = 0
        for c in text:
            value = value * 32 + CROCKFORD.index(c)
        return value

    @staticmethod
    def encode(value):
        return "".join(CROCKFORD[(value >> (5 * i)) & 31] for i in range(25, -1, -1))

    def note(self, object_id):
        value = self.decode(object_id.rsplit("_", 1)[-1])
        if value is not None:
            with self.lock:
                self.last = max(self.last, value)

    def next(self):
        with self.lock:
            value = (int(time.time() * 1000) << 80) | random.getrandbits(80)
            if value <= self.last:
                value = self.last + 1
            self.last = value
            return self.encode(value)


# ---------------------------------------------------------------- validation
# A field spec is (kind, required). Messages follow the API's validation style.

CREDENTIALS_SPEC = {"type": ("enum:custom,organization", True),
                    "client_id": ("str", False), "client_secret": ("str", False)}
API_KEY_SPEC = {"secret": ("nonempty", True), "user_id": ("nonempty", True),
                "organization_id": ("str", False)}
CUSTOM_PROVIDER_SPEC = {
    "name": ("nonempty", True), "authorization_url": ("str", False), "token_url": ("str", False),
    "refresh_token_url": ("str?", False), "pkce_enabled": ("bool", False),
    "request_scope_separator": ("str", False), "scopes_required": ("bool", False),
    "client_secret_required": ("bool", False),
    "additional_authorization_parameters": ("strmap", False),
    "token_body_content_type": ("str", False),
    "authenticate_via": ("enum:request_body,basic_auth_header", False),
}
CUSTOM_PROVIDER_DEFAULTS = {
    "authorization_url": None, "token_url": None, "refresh_token_url": None,
    "pkce_enabled": True, "request_scope_separator": " ", "scopes_required": False,
    "client_secret_required": True, "additional_authorization_parameters": {},
    "token_body_content_type": "application/x-www-form-urlencoded",
    "authenticate_via": "request_body",
}
CREATE_SPEC = {
    "provider": ("nonempty", True), "description": ("str?", False), "enabled": ("bool", False),
    "scopes": ("strlist?", False), "auth_methods": ("authlist", False), "config": ("strmap", False),
    "credentials": ("obj", False), "api_key": ("obj", False), "custom_provider": ("obj", False),
}
UPDATE_SPEC = {
    "description": ("str?", False), "enabled": ("bool", False), "scopes": ("strlist?", False),
    "credentials": ("obj", False), "api_key": ("obj", False), "custom_provider": ("obj", False),
}
TOKEN_SPEC = {"user_id": ("nonempty", True), "organization_id": ("str", False),
              "connected_account_id": ("str", False), "connection_owner": ("str", False),
              "supports_multiple_connections": ("bool", False)}


def validate(body, spec, update=False):
    if not isinstance(body, dict):
        raise bad_request(["request body must be a JSON object"])
    errors = []
    check_fields(body, spec, "", errors)
    nested = (("credentials", CREDENTIALS_SPEC), ("api_key", API_KEY_SPEC),
              ("custom_provider", CUSTOM_PROVIDER_SPEC))
    for key, sub in nested:
        if isinstance(body.get(key), dict):
            if update and key == "custom_provider":
                sub = {k: (kind, False) for k, (kind, _) in sub.items()}
            check_fields(body[key], sub, key + ".", errors)
    if errors:
        raise bad_request(errors)


def credentials_problem(creds, have_client_id=False):
    """The 422 message for a credentials block, or None when it is acceptable."""
    cid, secret = creds.get("client_id"), creds.get("client_secret")
    if creds["type"] == "custom":
        if not secret or not (cid or have_client_id):
            return "client_id and client_secret are required for custom credentials."
    elif cid is not None or secret is not None:
        return "client_id and client_secret must be omitted for organization credentials."
    return None


# ---------------------------------------------------------------- state

class Store:
    """The emulated environment: data integrations and connected accounts."""

    def __init__(self, seed_path):
        self.seed_path = seed_path
        self.ids = UlidGen()
        self.lock = threading.RLock()
        self.integrations = {}
        self.connections = {}
        self.reset()

    # seed ------------------------------------------------------------
    def reset(self):
        seed = {"integrations": [], "connections": []}
        if self.seed_path:
            with open(self.seed_path, encoding="utf-8") as f:
                seed = json.load(f)
        self.seed_data = seed
        integrations, connections = {}, {}
        for item in seed.get("integrations", []):
            rec = self._seed_integration(item)
            integrations[rec["slug"]] = rec
        for item in seed.get("connections", []):
            conn = dict(item)
            if conn["slug"] not in integrations:
                raise ValueError("seed connection for unknown slug %r" % conn["slug"])
            conn.setdefault("organization_id", None)
            conn.setdefault("state", "connected")
            conn.setdefault("auth_method", "oauth")
            conn.setdefault("scopes", [])
            conn.setdefault("expires_at", None)
            conn.setdefault("id", "data_installation_" + self.ids.next())
            conn.setdefault("created_at", now_iso())
            conn.setdefault("updated_at", conn["created_at"])
            connections[self._conn_key(conn["slug"], conn["user_id"], conn["organization_id"])] = conn
        with self.lock:
            self.integrations, self.connections = integrations, connections

    def _seed_integration(self, item):
        slug = item["slug"]
        rec = {
            "id": item.get("id") or "data_integration_" + self.ids.next(),
            "slug": slug,
            "integration_type": item.get("integration_type", slug),
            "description": item.get("description"),
            "enabled": item.get("enabled", True),
            "state": item.get("state", "valid"),
            "scopes": item.get("scopes"),
            "redirect_uri": item.get("redirect_uri"),
            "auth_methods": item.get("auth_methods", ["oauth"]),
            "credentials": item.get("credentials"),
            "config": item.get("config", {}),
            "custom_provider": None,
            "created_at": item.get("created_at") or now_iso(),
            "updated_at": item.get("updated_at") or item.get("created_at") or now_iso(),
        }
        if item.get("custom_provider") is not None:
            rec["custom_provider"] = dict(CUSTOM_PROVIDER_DEFAULTS, **item["custom_provider"])
        self.ids.note(rec["id"])
        if not rec["redirect_uri"]:
            rec["redirect_uri"] = self._redirect_uri(slug, rec["id"])
        return rec

    @staticmethod
    def conn_key(slug, user_id, organization_id):
        return (slug, user_id, organization_id or None)

    _conn_key = conn_key

    @staticmethod
    def _redirect_uri(slug, object_id):
        return "https://api.workos.com/data-integrations/%s/dik_%s/callback" % (
            quote(slug, safe=""), object_id.rsplit("_", 1)[-1])

    # views -----------------------------------------------------------
    @staticmethod
    def view(rec, installation=None, with_installation=False):
        creds = rec["credentials"]
        out = {
            "object": "data_integration",
            "id": rec["id"], "slug": rec["slug"], "integration_type": rec["integration_type"],
            "description": rec["description"], "enabled": rec["enabled"], "state": rec["state"],
            "scopes": copy.deepcopy(rec["scopes"]), "redirect_uri": rec["redirect_uri"],
            "auth_methods": list(rec["auth_methods"]),
            "credentials": None if creds is None else {
                "type": creds["type"], "client_id": creds.get("client_id"),
                "redacted_client_secret": redact(creds.get("client_secret"))},
        }
        if with_installation:
            out["installation"] = installation
        out["config"] = dict(rec["config"])
        out["custom_provider"] = copy.deepcopy(rec["custom_provider"])
        out["created_at"] = rec["created_at"]
        out["updated_at"] = rec["updated_at"]
        return out

    def _install_api_key(self, slug, api_key):
        key = self._conn_key(slug, api_key["user_id"], api_key.get("organization_id"))
        old = self.connections.get(key)
        conn = {"slug": slug, "user_id": api_key["user_id"],
                "organization_id": api_key.get("organization_id"),
                "id": old["id"] if old and "id" in old else "data_installation_" + self.ids.next(),
                "auth_method": "api_key", "state": "connected", "scopes": [],
                "api_key": api_key["secret"], "api_key_last_4": redact(api_key["secret"]),
                "expires_at": None, "created_at": old["created_at"] if old else now_iso(),
                "updated_at": now_iso()}
        self.connections[key] = conn
        return {"id": conn["id"], "user_id": conn["user_id"],
                "organization_id": conn["organization_id"], "api_key_last_4": conn["api_key_last_4"]}

    # operations ------------------------------------------------------
    def create(self, body):
        validate(body, CREATE_SPEC)
        provider = body["provider"]
        custom = body.get("custom_provider")
        if provider in BUILTIN_PROVIDERS and custom is not None:
            raise ApiError(422, {"message": "custom_provider cannot be supplied for the built-in "
                                            "provider '%s'." % provider})
        if provider not in BUILTIN_PROVIDERS and custom is None:
            raise ApiError(404, {"message": "Provider not found: '%s'." % provider})
        if provider in (".", ".."):
            raise bad_request(["provider must be a valid slug"])
        auth_methods = body.get("auth_methods", ["oauth"])
        with self.lock:
            if provider in self.integrations:
                raise ApiError(409, {"message": "A data integration with slug '%s' already "
                                                "exists." % provider})
            self._check_create_422(body, auth_methods)
            object_id = "data_integration_" + self.ids.next()
            stamp = now_iso()
            creds = body.get("credentials")
            rec = {
                "id": object_id, "slug": provider,
                "integration_type": "custom" if custom is not None else provider,
                "description": body.get("description"), "enabled": body.get("enabled", False),
                "state": "valid", "scopes": copy.deepcopy(body.get("scopes")),
                "redirect_uri": self._redirect_uri(provider, object_id),
                "auth_methods": list(auth_methods),
                "credentials": None if creds is None else {
                    "type": creds["type"], "client_id": creds.get("client_id"),
                    "client_secret": creds.get("client_secret")},
                "config": dict(body.get("config", {})),
                "custom_provider": None if custom is None
                else dict(CUSTOM_PROVIDER_DEFAULTS, **copy.deepcopy(custom)),
                "created_at": stamp, "updated_at": stamp,
            }
            self.integrations[provider] = rec
            installation = None
            if body.get("api_key") is not None:
                installation = self._install_api_key(provider, body["api_key"])
            return 201, self.view(rec, installation, with_installation=True)

    @staticmethod
    def _check_create_422(body, auth_methods):
        creds = body.get("credentials")
        problem = None
        if "oauth" in auth_methods and creds is None:
            problem = "credentials are required for oauth integrations."
        elif creds is not None and "oauth" not in auth_methods:
            problem = "credentials are only accepted for oauth integrations."
        elif creds is not None:
            problem = credentials_problem(creds)
        if problem is None and body.get("api_key") is not None and "api_key" not in auth_methods:
            problem = "api_key is only accepted for api_key integrations."
        custom = body.get("custom_provider")
        if problem is None and custom is not None and "oauth" in auth_methods:
            if not custom.get("authorization_url") or not custom.get("token_url"):
                problem = "custom_provider.authorization_url and token_url are required for oauth."
        if problem:
            raise ApiError(422, {"message": problem})

    def get(self, slug):
        with self.lock:
            rec = self.integrations.get(slug)
            if rec is None:
                raise ApiError(404, {"message": NOT_FOUND_SLUG})
            return 200, self.view(rec)

    def update(self, slug, body):
        validate(body, UPDATE_SPEC, update=True)
        with self.lock:
            rec = self.integrations.get(slug)
            if rec is None:
                raise ApiError(404, {"message": NOT_FOUND_SLUG})
            self._check_update_422(rec, body)
            for key in ("description", "enabled", "scopes"):
                if key in body:
                    rec[key] = copy.deepcopy(body[key])
            creds = body.get("credentials")
            if creds is not None:
                old_id = (rec["credentials"] or {}).get("client_id")
                rec["credentials"] = {"type": creds["type"],
                                      "client_id": creds.get("client_id", old_id),
                                      "client_secret": creds.get("client_secret")}
                if creds["type"] == "organization":
                    rec["credentials"]["client_id"] = None
            if body.get("custom_provider") is not None:
                rec["custom_provider"].update(copy.deepcopy(body["custom_provider"]))
            installation = None
            if body.get("api_key") is not None:
                installation = self._install_api_key(slug, body["api_key"])
            rec["updated_at"] = now_iso()
            return 200, self.view(rec, installation, with_installation=True)

    @staticmethod
    def _check_update_422(rec, body):
        creds = body.get("credentials")
        problem = None
        if creds is not None and body.get("api_key") is not None:
            problem = "credentials and api_key are mutually exclusive."
        elif body.get("custom_provider") is not None and rec["custom_provider"] is None:
            problem = "custom_provider can only be updated on a custom provider integration."
        elif creds is not None and "oauth" not in rec["auth_methods"]:
            problem = "credentials are only accepted for oauth integrations."
        elif creds is not None:
            had_id = bool((rec["credentials"] or {}).get("client_id"))
            problem = credentials_problem(creds, have_client_id=had_id)
        elif body.get("api_key") is not None and "api_key" not in rec["auth_methods"]:
            problem = "api_key is only accepted for api_key integrations."
        if problem:
            raise ApiError(422, {"message": problem})

    def delete(self, slug):
        with self.lock:
            if self.integrations.pop(slug, None) is None:
                raise ApiError(404, {"message": NOT_FOUND_SLUG})
            for key in [k for k in self.connections if k[0] == slug]:
                del self.connections[key]
            return 204, None

    def token(self, slug, body):
        validate(body, TOKEN_SPEC)
        with self.lock:
            rec = self.integrations.get(slug)
            if rec is None:
                raise ApiError(404, {"message": NOT_FOUND_SLUG})
            conn = self.connections.get(self._conn_key(slug, body["user_id"],
                                                       body.get("organization_id")))
            if conn is None or conn["state"] == "disconnected":
                return 200, {"active": False, "error": "not_installed"}
            if conn["auth_method"] != "oauth":
                raise ApiError(422, {
                    "code": "auth_method_mismatch",
                    "message": "This installation uses %s authentication. Use the POST "
                               "/:slug/credentials endpoint instead." % conn["auth_method"]})
            if conn["state"] != "connected":
                return 200, {"active": False, "error": conn["state"]}
            granted = list(conn["scopes"])
            missing = [s for s in (rec["scopes"] or []) if s not in granted]
            return 200, {"active": True, "access_token": {
                "object": "access_token", "access_token": conn["access_token"],
                "expires_at": conn["expires_at"], "scopes": granted, "missing_scopes": missing}}

    def list(self, query):
        limit, order, before, after = parse_list_query(query)
        with self.lock:
            items = sorted(self.integrations.values(), key=lambda r: r["id"],
                           reverse=order != "asc")
            page, back_meta, fwd_meta = paginate(items, limit, order, before, after)
            data = [self.view(r) for r in page]
        if order == "normal":
            meta = {"before": fwd_meta, "after": back_meta}
        else:
            meta = {"before": back_meta, "after": fwd_meta}
        return 200, {"object": "list", "data": data, "list_metadata": meta}


def parse_list_query(query):
    params = parse_qs(query, keep_blank_values=True)

    def one(name):
        values = params.get(name)
        return values[0] if values else None

    errors = []
    limit, raw = 10, one("limit")
    if raw is not None:
        if not (raw.isascii() and raw.isdigit()):
            errors.append("limit must be an integer number")
        elif int(raw) < 1:
            errors.append("limit must not be less than 1")
        elif int(raw) > 100:
            errors.append("limit must not be greater than 100")
        else:
            limit = int(raw)
    order = one("order") or "desc"
    if order not in ("asc", "desc", "normal"):
        errors.append("order must be one of the following values: asc, desc, normal")
    if errors:
        raise bad_request(errors)
    return limit, order, one("before") or None, one("after") or None


def paginate(items, limit, order, before, after):
    """Keyset pagination over `items` (already in list order) by object id.

    The forward cursor selects items that come after it in list order, the
    backward one items that come before it. For asc/desc `after` is forward and
    `before` backward; "normal" lists descending with the two swapped. Returns
    (page, backward cursor for the metadata, forward cursor for the metadata);
    a cursor is null when nothing lies beyond the page in that direction."""
    descending = order != "asc"
    forward, backward = (before, after) if order == "normal" else (after, before)

    def comes_after(object_id, cursor):
        return object_id < cursor if descending else object_id > cursor

    ids = [r["id"] for r in items]
    lo, hi = 0, len(items)
    if forward is not None:
        lo = next((i for i, v in enumerate(ids) if comes_after(v, forward)), len(ids))
    if backward is not None:
        hi = next((i for i, v in enumerate(ids) if v == backward or comes_after(v, backward)),
                  len(ids))
    hi = max(lo, hi)
    if backward is not None and forward is None:
        start, end = max(lo, hi - limit), hi
    else:
        start, end = lo, min(hi, lo + limit)
    page = items[start:end]
    if not page:
        return page, None, None
    return page, (ids[start] if start > 0 else None), (ids[end - 1] if end < len(ids) else None)


# ---------------------------------------------------------------- faults

RESPONSE_KINDS = ("status", "truncate", "drop")
FAULT_KEYS = frozenset(("status", "retry_after", "body", "content_type", "delay_ms", "chunked",
                        "truncate", "drop", "count", "method", "path", "close_idle_after_ms"))


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def parse_fault(spec):
    """Check one fault object; returns (rule or None, idle setting or MISSING)."""
    if not isinstance(spec, dict):
        raise ApiError(400, {"message": "a fault must be a JSON object"})
    unknown = sorted(set(spec) - FAULT_KEYS)
    if unknown:
        raise ApiError(400, {"message": "unknown fault keys: %s" % ", ".join(unknown)})
    errors = []
    rule = {}
    if "status" in spec:
        if not _is_int(spec["status"]) or not 400 <= spec["status"] <= 599:
            errors.append("status must be an integer from 400 to 599")
        rule["status"] = spec["status"]
    for flag in ("chunked", "truncate", "drop"):
        if flag in spec:
            if not isinstance(spec[flag], bool):
                errors.append("%s must be a boolean" % flag)
            elif spec[flag]:
                rule[flag] = True
    if "delay_ms" in spec:
        if not _is_int(spec["delay_ms"]) or not 0 <= spec["delay_ms"] <= 600000:
            errors.append("delay_ms must be an integer from 0 to 600000")
        rule["delay_ms"] = spec["delay_ms"]
    for key in ("retry_after", "body", "content_type"):
        if key in spec:
            value = spec[key]
            if key == "retry_after" and _is_int(value) and value >= 0:
                value = str(value)
            if not isinstance(value, str) or "\r" in value or ("\n" in value and key != "body"):
                errors.append("%s must be a string%s" % (
                    key, " or a non-negative integer" if key == "retry_after" else ""))
            if "status" not in spec:
                errors.append("%s needs status" % key)
            rule[key] = value
    for key in ("method", "path"):
        if key in spec:
            if not isinstance(spec[key], str) or not spec[key]:
                errors.append("%s must be a non-empty string" % key)
            rule[key] = spec[key]
    if sum(1 for k in RESPONSE_KINDS if k in rule) > 1:
        errors.append("status, truncate and drop exclude each other")
    idle = MISSING
    if "close_idle_after_ms" in spec:
        idle = spec["close_idle_after_ms"]
        if idle is not None and (not _is_int(idle) or idle < 1):
            errors.append("close_idle_after_ms must be a positive integer or null")
    effects = [k for k in ("status", "truncate", "drop", "delay_ms", "chunked") if k in rule]
    if not effects and idle is MISSING:
        errors.append("a fault needs status, delay_ms, chunked, truncate, drop "
                      "or close_idle_after_ms")
    count = spec.get("count", None if effects == ["chunked"] else 1)
    if count is not None and (not _is_int(count) or count < 1):
        errors.append("count must be a positive integer or null (no limit)")
    if errors:
        raise ApiError(400, {"message": errors, "error": "Bad Request"})
    if not effects:
        return None, idle
    rule["remaining"] = count
    return rule, idle


def fault_classes(rule):
    classes = set()
    if any(k in rule for k in RESPONSE_KINDS):
        classes.add("response")
    if "delay_ms" in rule:
        classes.add("delay")
    if "chunked" in rule:
        classes.add("chunked")
    return classes


class _Missing:
    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


# ---------------------------------------------------------------- the app

class Emulator:
    """Everything the handler threads share: store, faults, log and counters."""

    def __init__(self, store, api_key, log_file=None):
        self.store = store
        self.api_key = api_key.encode()
        self.lock = threading.Lock()
        self.request_counter = 0
        self.connection_counter = 0
        self.log_file = log_file
        self.base_url = "https://localhost"
        self.accounts = Accounts(store, lambda: store.seed_data)
        self._clear()

    def _clear(self):
        self.rules = []
        self.rule_counter = 0
        self.idle_ms = None
        self.log = []
        self.counters = dict.fromkeys((
            "connections_accepted", "tls_handshakes", "tls_resumed", "tls_handshake_failures",
            "idle_closes", "api_requests"), 0)

    def reset(self):
        self.store.reset()
        self.accounts.reset()
        with self.lock:
            self._clear()

    # counters --------------------------------------------------------
    def count(self, name, delta=1):
        with self.lock:
            self.counters[name] += delta

    def new_connection(self):
        with self.lock:
            self.connection_counter += 1
            self.counters["connections_accepted"] += 1
            return self.connection_counter

    def next_request_id(self):
        with self.lock:
            self.request_counter += 1
            return "req_%d" % self.request_counter

    def idle_timeout(self, after_control):
        with self.lock:
            if self.idle_ms is None or after_control:
                return IDLE_TIMEOUT_S
            return self.idle_ms / 1000.0

    def record(self, entry):
        with self.lock:
            entry["seq"] = len(self.log) + 1
            self.log.append(entry)
            self.counters["api_requests"] += 1
            if self.log_file:
                self.log_file.write(json.dumps(entry, sort_keys=True) + "\n")
                self.log_file.flush()

    def log_snapshot(self):
        with self.lock:
            entries = [dict(e) for e in self.log]
            counters = dict(self.counters)
        conns = {e["connection_id"] for e in entries}
        counters["api_connections"] = len(conns)
        counters["api_connections_resumed"] = len(
            {e["connection_id"] for e in entries if e["tls_resumed"]})
        return {"requests": entries, "counters": counters}

    # faults ----------------------------------------------------------
    def add_faults(self, body):
        specs = body if isinstance(body, list) else [body]
        parsed = [parse_fault(s) for s in specs]
        with self.lock:
            for rule, idle in parsed:
                if idle is not MISSING:
                    self.idle_ms = idle
                if rule is not None:
                    self.rule_counter += 1
                    rule["id"] = self.rule_counter
                    self.rules.append(rule)
        return self.faults_view()

    def clear_faults(self):
        with self.lock:
            self.rules = []
            self.idle_ms = None
        return self.faults_view()

    def faults_view(self):
        with self.lock:
            return {"faults": [dict(r) for r in self.rules], "close_idle_after_ms": self.idle_ms}

    def take_faults(self, method, path):
        """Effects for one API request; at most one rule per effect class applies."""
        effects, taken = {}, set()
        with self.lock:
            for rule in list(self.rules):
                if rule.get("method", method) != method or rule.get("path", path) != path:
                    continue
                classes = fault_classes(rule)
                if classes & taken:
                    continue
                taken |= classes
                for key, value in rule.items():
                    if key not in ("id", "remaining", "method", "path"):
                        effects[key] = value
                if rule["remaining"] is not None:
                    rule["remaining"] -= 1
                    if rule["remaining"] == 0:
                        self.rules.remove(rule)
        return effects

    # control API -----------------------------------------------------
    def control(self, method, path, body):
        route = (method, path.rstrip("/"))
        if route == ("GET", "/_emulator/health"):
            return 200, {"ok": True}
        if route == ("GET", "/_emulator/log"):
            return 200, self.log_snapshot()
        if route == ("GET", "/_emulator/faults"):
            return 200, self.faults_view()
        if route == ("DELETE", "/_emulator/faults"):
            return 200, self.clear_faults()
        if route == ("POST", "/_emulator/faults"):
            return 200, self.add_faults(parse_json(body))
        if route == ("POST", "/_emulator/authorizations/complete"):
            return self.accounts.complete(parse_json(body))
        if route == ("POST", "/_emulator/reset"):
            self.reset()
            return 200, {"ok": True}
        raise ApiError(404, {"message": "Cannot %s %s" % (method, path), "error": "Not Found"})

    # Pipes API -------------------------------------------------------
    def authorized(self, header):
        if not header:
            return "missing"
        scheme, _, key = header.strip().partition(" ")
        if scheme.lower() != "bearer":
            return "invalid"
        return "ok" if hmac.compare_digest(key.strip().encode(), self.api_key) else "invalid"

    def api(self, method, raw_path, query, body):
        segments = raw_path.split("/")[1:]
        if len(segments) > 1 and segments[-1] == "":
            segments.pop()
        segs = [unquote(s) for s in segments]
        store = self.store
        not_found = ApiError(404, {"message": "Cannot %s %s" % (method, raw_path),
                                   "error": "Not Found"})
        routed = self.route_accounts(method, segs, segments, query, body)
        if routed is not None:
            return routed
        if not segs or segs[0] != "data-integrations":
            raise not_found
        if len(segs) == 1:
            if method == "GET":
                return store.list(query)
            if method == "POST":
                return store.create(parse_json(body))
        elif len(segs) == 2 and segs[1]:
            if method == "GET":
                return store.get(segs[1])
            if method == "PUT":
                return store.update(segs[1], parse_json(body))
            if method == "DELETE":
                return store.delete(segs[1])
        elif len(segs) == 3 and segs[1] and segments[2] == "token" and method == "POST":
            return store.token(segs[1], parse_json(body))
        raise not_found


    def route_accounts(self, method, segs, raw, query, body):
        """The operations of pipes_accounts.py; None when the path is not one."""
        acc, n = self.accounts, len(segs)
        if n == 3 and segs[0] == "data-integrations" and segs[1]:
            sub = (method, raw[2])
            if sub == ("POST", "authorize"):
                return acc.authorize(segs[1], parse_json(body), self.base_url)
            if sub == ("GET", "authorize-redirect"):
                return acc.redirect(segs[1])
            if sub == ("POST", "credentials"):
                return acc.credentials(segs[1], parse_json(body))
            if sub == ("PUT", "api-key"):
                return acc.api_key(segs[1], parse_json(body))
            if sub == ("PUT", "client-credentials"):
                return acc.client_credentials(segs[1], parse_json(body))
        if n >= 4 and segs[:2] == ["user_management", "users"] and segs[2]:
            if n == 5 and raw[3] == "connected_accounts" and segs[4] and \
                    method in ("GET", "POST", "PUT", "DELETE"):
                data = parse_json(body) if method in ("POST", "PUT") else None
                return acc.account(method, segs[2], segs[4], query, data)
            if n == 4 and raw[3] == "data_providers" and method == "GET":
                return acc.providers(segs[2], query)
        if n >= 3 and segs[0] == "organizations" and segs[1] and \
                raw[2] == "data_integration_configurations":
            if n == 3 and method == "GET":
                return acc.org_configs(segs[1])
            if n == 4 and segs[3] and method == "PUT":
                return acc.org_config_set(segs[1], segs[3], parse_json(body))
        if segs == ["widgets", "token"] and method == "POST":
            return acc.widget_token(parse_json(body))
        return None


def parse_json(body):
    if not body:
        return {}
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, {"message": "Invalid JSON body: %s" % exc.__class__.__name__,
                             "error": "Bad Request"})


DEFAULT_FAULT_BODIES = {
    502: ("text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                       "<h1>502 Bad Gateway</h1></center></body></html>\n"),
    504: ("text/html", "<html><head><title>504 Gateway Time-out</title></head><body><center>"
                       "<h1>504 Gateway Time-out</h1></center></body></html>\n"),
}


def fault_response(effects):
    status = effects["status"]
    if "body" in effects:
        ctype, text = effects.get("content_type", "application/json"), effects["body"]
    elif status in DEFAULT_FAULT_BODIES:
        ctype, text = DEFAULT_FAULT_BODIES[status]
    else:
        ctype = "application/json"
        text = json.dumps({"message": phrase(status)})
    headers = []
    if "retry_after" in effects:
        headers.append(("Retry-After", effects["retry_after"]))
    return status, text.encode("utf-8"), ctype, headers


# ---------------------------------------------------------------- HTTP layer

class BodyError(Exception):
    pass


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pipes-emulator/1.0"
    sys_version = ""

    # connection life ---------------------------------------------------
    def setup(self):
        app = self.server.app
        self.conn_id = app.new_connection()
        self.tls_resumed = None
        self.tls_version = None
        self.tls_ok = True
        self.aborted = False
        self.after_control = False
        self.conn_requests = 0
        ctx = self.server.ssl_ctx
        if ctx is not None:
            self.request.settimeout(HANDSHAKE_TIMEOUT_S)
            try:
                self.request = ctx.wrap_socket(self.request, server_side=True)
            except (ssl.SSLError, OSError, ValueError):
                self.tls_ok = False
                app.count("tls_handshake_failures")
                return
            self.tls_resumed = bool(self.request.session_reused)
            self.tls_version = self.request.version()
            app.count("tls_handshakes")
            if self.tls_resumed:
                app.count("tls_resumed")
        super().setup()

    def finish(self):
        if self.tls_ok:
            try:
                super().finish()
            except OSError:
                pass
            if not self.aborted:
                self.close_gracefully()
        try:
            self.request.close()
        except OSError:
            pass

    def handle(self):
        if not self.tls_ok:
            return
        app = self.server.app
        while True:
            try:
                self.connection.settimeout(app.idle_timeout(self.after_control))
                if not self.rfile.peek(1):
                    return
            except socket.timeout:
                app.count("idle_closes")
                return
            except (OSError, ValueError):
                return
            self.connection.settimeout(REQUEST_TIMEOUT_S)
            self.close_connection = True
            try:
                self.handle_one_request()
            except (OSError, ValueError):
                return
            if self.close_connection:
                return

    def close_gracefully(self):
        """Send close_notify without waiting for the peer's. OpenSSL drops a
        session from its server cache when a connection ends without it, which
        would defeat session-id resumption (TLS 1.2 without tickets)."""
        if isinstance(self.connection, ssl.SSLSocket):
            try:
                self.connection.settimeout(0.0)
                self.connection.unwrap()
            except (OSError, ValueError):
                pass

    def abort(self):
        """Close without close_notify, as when a connection is lost."""
        self.close_connection = True
        self.aborted = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except (OSError, ValueError):
            pass

    def log_message(self, fmt, *args):  # keep stdout/stderr quiet and secret-free
        pass

    # requests ----------------------------------------------------------
    def do_any(self):
        app = self.server.app
        self.conn_requests += 1
        raw_path, _, query = self.path.partition("?")
        rid = app.next_request_id()
        try:
            body = self.read_body()
        except BodyError as exc:
            self.close_connection = True
            status, payload = (413, "Payload Too Large") if str(exc) == "413" else (400, str(exc))
            self.after_control = False
            self.record(rid, raw_path, query, status, None, "invalid")
            self.send_json(rid, status, {"message": payload, "error": phrase(status)})
            return
        if raw_path == "/_emulator" or raw_path.startswith("/_emulator/"):
            self.after_control = True
            self.serve_control(rid, raw_path, body)
            return
        self.after_control = False
        self.serve_api(rid, raw_path, query, body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_any

    def read_body(self):
        te = self.headers.get("Transfer-Encoding", "")
        if te:
            if te.strip().lower() != "chunked":
                raise BodyError("unsupported Transfer-Encoding")
            return self.read_chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not (length.isascii() and length.strip().isdigit()):
            raise BodyError("invalid Content-Length")
        n = int(length)
        if n > MAX_BODY:
            raise BodyError("413")
        data = self.rfile.read(n)
        if len(data) != n:
            raise BodyError("body shorter than Content-Length")
        return data

    def read_chunked(self):
        data = b""
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise BodyError("invalid chunk size")
            if size == 0:
                break
            if len(data) + size > MAX_BODY:
                raise BodyError("413")
            data += self.rfile.read(size)
            if self.rfile.readline(1024) != b"\r\n":
                raise BodyError("invalid chunk framing")
        while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
            pass
        return data

    def serve_control(self, rid, raw_path, body):
        app = self.server.app
        try:
            status, payload = app.control(self.command, raw_path, body)
        except ApiError as exc:
            status, payload = exc.status, exc.body
        except Exception as exc:  # e.g. a seed file edited into invalid JSON
            traceback.print_exc(file=sys.stderr)
            status, payload = 500, {"message": "control request failed: %s" % exc}
        self.send_json(rid, status, payload)

    def serve_api(self, rid, raw_path, query, body):
        app = self.server.app
        effects = app.take_faults(self.command, raw_path)
        fault_names = [k for k in ("status", "delay_ms", "chunked", "truncate", "drop")
                       if k in effects]
        if "delay_ms" in effects:
            time.sleep(effects["delay_ms"] / 1000.0)
        auth = app.authorized(self.headers.get("Authorization"))
        if "drop" in effects:
            self.record(rid, raw_path, query, None, fault_names, auth)
            self.abort()
            return
        headers = []
        if "status" in effects:
            status, data, ctype, headers = fault_response(effects)
        elif auth != "ok" and not (self.command == "GET" and
                                   raw_path.endswith("/authorize-redirect")):
            # The authorize URL is for a person's browser, which has no API key.
            status, data, ctype = 401, b"", None
        else:
            status, data, ctype = self.run_api(raw_path, query, body)
        self.record(rid, raw_path, query, status, fault_names, auth)
        self.send(rid, status, data, ctype, headers,
                  chunked="chunked" in effects, truncate="truncate" in effects)

    def run_api(self, raw_path, query, body):
        try:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if body and self.command in ("POST", "PUT") and ctype != "application/json":
                raise bad_request(["Content-Type must be application/json"])
            status, payload = self.server.app.api(self.command, raw_path, query, body)
        except ApiError as exc:
            status, payload = exc.status, exc.body
        except Exception:  # an emulator bug must still answer, not hang the client
            traceback.print_exc(file=sys.stderr)
            status, payload = 500, {"message": "emulator internal error"}
        if payload is None:
            return status, b"", None
        return status, json.dumps(payload, separators=(",", ":")).encode(), "application/json"

    def record(self, rid, raw_path, query, status, faults, auth):
        h = self.headers
        self.server.app.record({
            "request_id": rid, "method": self.command, "path": raw_path, "query": query,
            "status": status, "idempotency_key": h.get("Idempotency-Key"),
            "connection_id": self.conn_id, "connection_request": self.conn_requests,
            "tls_resumed": self.tls_resumed, "tls_version": self.tls_version, "faults": faults or [], "auth": auth,
            "user_agent": h.get("User-Agent"), "content_type": h.get("Content-Type"),
            "accept": h.get("Accept"), "host": h.get("Host"),
        })

    # responses ---------------------------------------------------------
    def send_error(self, code, message=None, explain=None):
        """Malformed requests (from BaseHTTPRequestHandler) get our JSON shape too."""
        self.close_connection = True
        rid = self.server.app.next_request_id()
        self.send_json(rid, code, {"message": message or phrase(code), "error": phrase(code)})

    def send_json(self, rid, status, payload):
        if payload is None:
            self.send(rid, status, b"", None, [])
        else:
            data = json.dumps(payload, separators=(",", ":")).encode()
            self.send(rid, status, data, "application/json", [])

    def send(self, rid, status, data, ctype, headers, chunked=False, truncate=False):
        lines = ["HTTP/1.1 %d %s" % (status, phrase(status)), "Date: " + formatdate(usegmt=True),
                 "Server: " + self.server_version, "X-Request-ID: " + rid]
        if ctype:
            lines.append("Content-Type: %s; charset=utf-8" % ctype)
        lines += ["%s: %s" % kv for kv in headers]
        no_body = status == 204 or status < 200 or self.command == "HEAD"
        chunked = chunked and not no_body
        if chunked:
            lines += ["Transfer-Encoding: chunked", "Trailer: " + TRAILER_NAME]
        elif status != 204 and status >= 200:
            lines.append("Content-Length: %d" % len(data))
        if self.close_connection and not truncate:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            if no_body:
                self.wfile.write(head)
            elif chunked:
                self.write_chunked(head, data, truncate)
            elif truncate:
                self.wfile.write(head + data[:len(data) // 2])
            else:
                self.wfile.write(head + data)
        except OSError:
            self.close_connection = True
            return
        if truncate:
            self.abort()

    def write_chunked(self, head, data, truncate):
        """A few chunks, the first with an extension, upper-case hex, then a trailer."""
        self.wfile.write(head)
        n = len(data)
        cuts = sorted({0, n // 3, (2 * n) // 3, n})
        pieces = [data[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
        if truncate:
            pieces = pieces[:max(1, len(pieces) - 1)] if len(pieces) > 1 else [data[:n // 2]]
        for i, piece in enumerate(pieces):
            ext = ";emulator=chunk-%d" % (i + 1) if i == 0 else ""
            self.wfile.write(b"%X%s\r\n%s\r\n" % (len(piece), ext.encode(), piece))
        if not truncate:
            self.wfile.write(b"0\r\n%s: done\r\n\r\n" % TRAILER_NAME.encode())


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, ssl_ctx, app):
        self.ssl_ctx = ssl_ctx
        self.app = app
        super().__init__(address, Handler)

    def handle_error(self, request, client_address):
        traceback.print_exc(file=sys.stderr)


# ---------------------------------------------------------------- startup

def ensure_certs(cert_dir):
    needed = ("ca.pem", "server.pem", "server.key")
    if all(os.path.exists(os.path.join(cert_dir, n)) for n in needed):
        return
    result = subprocess.run(["sh", MAKE_CERTS, cert_dir], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    if result.returncode != 0 or not all(os.path.exists(os.path.join(cert_dir, n))
                                         for n in needed):
        raise SystemExit("pipes-emulator: %s %s failed: %s" % (
            MAKE_CERTS, cert_dir, result.stderr.decode(errors="replace").strip()))


def make_ssl_context(cert_dir, tls_max="1.3"):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # TLS 1.3 with two session tickets after each full handshake (OpenSSL's
    # default, made explicit: clients' TLS 1.3 resumption is tested here).
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3 if tls_max == "1.3" else ssl.TLSVersion.TLSv1_2
    ctx.num_tickets = 2
    # A client that closes without close_notify (common on small devices)
    # must not cost it its session: OpenSSL 3 would drop it from the cache.
    ctx.options |= getattr(ssl, "OP_IGNORE_UNEXPECTED_EOF", 0)
    ctx.load_cert_chain(os.path.join(cert_dir, "server.pem"), os.path.join(cert_dir, "server.key"))
    return ctx


def write_port_file(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, path)


def parse_args(argv):
    p = argparse.ArgumentParser(description="Local WorkOS Pipes API emulator (see README.md).")
    p.add_argument("--cert-dir", default=DEFAULT_CERT_DIR,
                   help="test PKI directory, created by tests/certs/make_certs.sh if missing")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = a free one)")
    p.add_argument("--seed", default=DEFAULT_SEED, help="seed JSON ('' = start empty)")
    p.add_argument("--api-key", default=os.environ.get("PIPES_EMULATOR_API_KEY", DEFAULT_API_KEY))
    p.add_argument("--plain", action="store_true", help="serve plain HTTP instead of HTTPS")
    p.add_argument("--tls-max", choices=["1.2", "1.3"], default="1.3",
                   help="highest TLS version offered (default 1.3, with session tickets)")
    p.add_argument("--port-file", help="write the bound port to this file")
    p.add_argument("--log-file", help="append one JSON line per API request")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        store = Store(args.seed or None)
    except (OSError, ValueError, KeyError) as exc:
        raise SystemExit("pipes-emulator: cannot load seed %s: %s" % (args.seed, exc))
    ssl_ctx = None
    if not args.plain:
        cert_dir = os.path.abspath(args.cert_dir)
        ensure_certs(cert_dir)
        ssl_ctx = make_ssl_context(cert_dir, args.tls_max)
    log_file = open(args.log_file, "a", encoding="utf-8") if args.log_file else None
    app = Emulator(store, args.api_key, log_file)
    try:
        server = Server(("127.0.0.1", args.port), ssl_ctx, app)
    except OSError as exc:
        raise SystemExit("pipes-emulator: cannot listen on 127.0.0.1:%d: %s" % (args.port, exc))
    port = server.server_address[1]
    app.base_url = "%s://localhost:%d" % ("http" if args.plain else "https", port)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    worker = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                              daemon=True)
    worker.start()
    if args.port_file:  # before the line, so the line means the file is there
        write_port_file(args.port_file, port)
    print("pipes-emulator listening on %s://localhost:%d" % ("http" if args.plain else "https",
                                                              port), flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    if log_file:
        log_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
