# SPDX-License-Identifier: MIT
"""The Pipes operations beyond the data-integration CRUD and /token:
authorize, credentials, api-key and client-credentials installations,
connected accounts, the user's data providers, organization
configurations and widget tokens (openapi-pipes.txt), plus the control
call that completes a pending authorization.

Connected accounts live in the Store (the token call reads them too);
organizations, their provider configurations and pending authorizations
live here. Every method takes the Store's lock around what it reads and
writes, so the two never disagree.
"""

import copy
import secrets
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs

from pipes_common import ApiError, bad_request, now_iso, redact, validate_fields

NOT_FOUND_ACCOUNT = "Connected account not found."
WIDGET_SCOPES = (
    "widgets:users-table:manage", "widgets:domain-verification:manage", "widgets:sso:manage",
    "widgets:api-keys:manage", "widgets:dsync:manage", "widgets:audit-log-streaming:manage",
    "widgets:pipes:manage",
)
DISPLAY_NAMES = {"github": "GitHub", "gitlab": "GitLab", "hubspot": "HubSpot", "openai": "OpenAI"}

USER_ORG_SPEC = {"user_id": ("nonempty", True), "organization_id": ("str", False)}
CREDENTIALS_REQ_SPEC = dict(USER_ORG_SPEC, connected_account_id=("str", False),
                            connection_owner=("str", False),
                            supports_multiple_connections=("bool", False))
AUTHORIZE_SPEC = dict(USER_ORG_SPEC, return_to=("str", False), config=("strmap", False))
API_KEY_UPSERT_SPEC = dict(USER_ORG_SPEC, secret=("nonempty", True))
CLIENT_CREDS_SPEC = dict(USER_ORG_SPEC, client_id=("nonempty", True),
                         client_secret=("nonempty", True), config=("strmap", False))
ACCOUNT_SPEC = {"access_token": ("str", False), "refresh_token": ("str", False),
                "expires_at": ("str", False), "scopes": ("strlist", False),
                "state": ("enum:connected,needs_reauthorization", False)}
ORG_CONFIG_SPEC = {"enabled": ("bool", False), "scopes": ("strlist?", False),
                   "client_id": ("nonempty", False), "client_secret": ("nonempty", False),
                   "config": ("strmap", False)}
WIDGET_SPEC = {"organization_id": ("str", False), "user_id": ("str", False),
               "scopes": ("strlist", False)}


def display_name(rec):
    if rec.get("custom_provider"):
        return rec["custom_provider"]["name"]
    return DISPLAY_NAMES.get(rec["slug"], rec["slug"].replace("-", " ").title())


def one_query(query, name):
    values = parse_qs(query, keep_blank_values=True).get(name)
    return values[0] if values else None


def account_view(conn, deprecated=False):
    """A connected_account object, as every operation answers it."""
    out = {"object": "connected_account", "id": conn["id"], "user_id": conn["user_id"],
           "organization_id": conn["organization_id"], "scopes": list(conn["scopes"]),
           "auth_method": conn["auth_method"]}
    if conn["auth_method"] == "api_key":
        out["api_key_last_4"] = conn.get("api_key_last_4")
    if conn["auth_method"] == "client_credentials":
        out["client_id"] = conn.get("client_id")
        out["client_secret_last_4"] = redact(conn.get("client_secret"))
        out["config"] = dict(conn.get("config") or {})
    out["state"] = conn["state"]
    out["created_at"] = conn["created_at"]
    out["updated_at"] = conn["updated_at"]
    if deprecated:  # data_providers still repeats these in camelCase
        out.update({"userlandUserId": conn["user_id"], "organizationId": conn["organization_id"],
                    "createdAt": conn["created_at"], "updatedAt": conn["updated_at"]})
    return out


def iso_in(seconds):
    t = datetime.now(timezone.utc) + timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


class Accounts:
    """Connected accounts, providers, organization configurations, widgets."""

    def __init__(self, store, seed_getter):
        self.store = store
        self.seed_getter = seed_getter
        self.lock = store.lock
        self.pending = {}        # state -> pending authorization
        self.orgs = {}           # organization id -> {slug: override}
        self.reset()

    def reset(self):
        seed = self.seed_getter()
        with self.lock:
            self.pending = {}
            self.orgs = {}
            for org in seed.get("organizations", []):
                self.orgs[org["id"]] = {c["slug"]: dict(c) for c in org.get("configurations", [])}

    # shared look-ups ---------------------------------------------------
    def _integration(self, slug):
        rec = self.store.integrations.get(slug)
        if rec is None:
            raise ApiError(404, {"message": "Data integration not found for the given provider slug."})
        return rec

    def _org(self, org_id):
        if org_id is not None and org_id not in self.orgs:
            raise ApiError(404, {"message": "Organization not found: '%s'." % org_id})

    def _account(self, slug, user_id, org_id):
        conn = self.store.connections.get(self.store.conn_key(slug, user_id, org_id))
        if conn is None or conn["state"] == "disconnected":
            raise ApiError(404, {"message": NOT_FOUND_ACCOUNT})
        return conn

    def _new_account(self, slug, user_id, org_id, **members):
        now = now_iso()
        conn = {"slug": slug, "user_id": user_id, "organization_id": org_id,
                "id": "data_installation_" + self.store.ids.next(), "auth_method": "oauth",
                "state": "connected", "scopes": [], "expires_at": None,
                "created_at": now, "updated_at": now}
        conn.update(members)
        self.store.connections[self.store.conn_key(slug, user_id, org_id)] = conn
        return conn

    # authorize and its completion -------------------------------------
    def authorize(self, slug, body, base_url):
        validate_fields(body, AUTHORIZE_SPEC)
        with self.lock:
            self._integration(slug)
            self._org(body.get("organization_id"))
            state = secrets.token_urlsafe(18)
            self.pending[state] = {"slug": slug, "user_id": body["user_id"],
                                   "organization_id": body.get("organization_id"),
                                   "return_to": body.get("return_to"),
                                   "config": dict(body.get("config") or {}), "due": None}
        return 200, {"url": "%s/data-integrations/%s/authorize-redirect" % (base_url, state)}

    def complete(self, body):
        """Control call: complete pending authorizations now or after `after_s`.
        Selects by `state` (the URL's segment), or by slug/user_id/organization_id,
        or all pending when the body names none."""
        if not isinstance(body, dict):
            raise bad_request(["body must be an object"])
        after = body.get("after_s", 0)
        if not isinstance(after, (int, float)) or isinstance(after, bool) or after < 0:
            raise bad_request(["after_s must be a non-negative number"])
        with self.lock:
            chosen = [s for s, p in self.pending.items()
                      if body.get("state", s) == s
                      and all(body.get(k, p[k]) == p[k] for k in ("slug", "user_id", "organization_id"))]
            for s in chosen:
                self.pending[s]["due"] = time.monotonic() + after
            self._settle()
        return 200, {"completing": len(chosen), "after_s": after}

    def _settle(self):
        """Pending authorizations whose time came become connected accounts."""
        now = time.monotonic()
        for state, p in list(self.pending.items()):
            if p["due"] is None or p["due"] > now:
                continue
            del self.pending[state]
            rec = self.store.integrations.get(p["slug"])
            if rec is None:
                continue
            key = self.store.conn_key(p["slug"], p["user_id"], p["organization_id"])
            old = self.store.connections.get(key)
            members = {"state": "connected", "auth_method": "oauth",
                       "scopes": list(rec["scopes"] or []),
                       "access_token": "emu_" + secrets.token_hex(20),
                       "expires_at": iso_in(3600), "updated_at": now_iso()}
            if old is not None:
                old.update(members)
            else:
                self._new_account(p["slug"], p["user_id"], p["organization_id"], **members)

    def redirect(self, state):
        """A browser opening the authorize URL completes it at once."""
        with self.lock:
            p = self.pending.get(state)
            if p is None:
                raise ApiError(404, {"message": "Authorization session not found or expired."})
            p["due"] = time.monotonic()
            self._settle()
        return 200, {"connected": True, "return_to": p["return_to"]}

    # credentials and installations -------------------------------------
    def credentials(self, slug, body):
        validate_fields(body, CREDENTIALS_REQ_SPEC)
        with self.lock:
            self._settle()
            rec = self._integration(slug)
            conn = self.store.connections.get(
                self.store.conn_key(slug, body["user_id"], body.get("organization_id")))
            if conn is None or conn["state"] == "disconnected":
                return 200, {"active": False, "error": "not_installed"}
            if conn["state"] != "connected":
                return 200, {"active": False, "error": conn["state"]}
            method = conn["auth_method"]
            cred = {"object": "credential", "auth_method": method}
            granted = list(conn["scopes"])
            missing = [s for s in (rec["scopes"] or []) if s not in granted]
            if method == "api_key":
                cred["value"] = conn["api_key"]
            elif method == "client_credentials":
                cred.update(value="cc_" + secrets.token_hex(16), expires_at=iso_in(3600),
                            scopes=granted, missing_scopes=missing,
                            metadata=dict(conn.get("metadata") or {}))
            else:
                cred.update(value=conn["access_token"], expires_at=conn["expires_at"],
                            scopes=granted, missing_scopes=missing)
            return 200, {"active": True, "credential": cred}

    def _upsert(self, slug, body, method, members):
        with self.lock:
            rec = self._integration(slug)
            self._org(body.get("organization_id"))
            if method not in rec["auth_methods"]:
                raise ApiError(422, {"code": "auth_method_mismatch", "message":
                                     "This integration does not support %s installations." % method})
            key = self.store.conn_key(slug, body["user_id"], body.get("organization_id"))
            conn = self.store.connections.get(key)
            if conn is not None and conn["state"] != "disconnected" and conn["auth_method"] != method:
                raise ApiError(422, {"code": "auth_method_mismatch", "message":
                                     "This installation uses %s authentication." % conn["auth_method"]})
            members = dict(members, auth_method=method, state="connected", updated_at=now_iso())
            if conn is None:
                conn = self._new_account(slug, body["user_id"], body.get("organization_id"), **members)
            else:
                conn.update(members)
            return 200, account_view(conn)

    def api_key(self, slug, body):
        validate_fields(body, API_KEY_UPSERT_SPEC)
        return self._upsert(slug, body, "api_key",
                            {"api_key": body["secret"], "api_key_last_4": redact(body["secret"])})

    def client_credentials(self, slug, body):
        validate_fields(body, CLIENT_CREDS_SPEC)
        return self._upsert(slug, body, "client_credentials",
                            {"client_id": body["client_id"], "client_secret": body["client_secret"],
                             "config": dict(body.get("config") or {})})

    # connected accounts ------------------------------------------------
    def account(self, method, user_id, slug, query, body):
        org_id = one_query(query, "organization_id") or None
        with self.lock:
            self._settle()
            self._integration(slug)
            self._org(org_id)
            if method == "GET":
                return 200, account_view(self._account(slug, user_id, org_id))
            if method == "DELETE":
                conn = self._account(slug, user_id, org_id)
                del self.store.connections[self.store.conn_key(slug, user_id, org_id)]
                conn.clear()
                return 204, None
            validate_fields(body, ACCOUNT_SPEC)
            members = {k: body[k] for k in ("access_token", "refresh_token", "expires_at", "scopes")
                       if k in body}
            if "state" in body:
                members["state"] = body["state"]
            elif "access_token" in body or "refresh_token" in body:
                members["state"] = "connected"
            if method == "POST":
                key = self.store.conn_key(slug, user_id, org_id)
                old = self.store.connections.get(key)
                if old is not None and old["state"] != "disconnected":
                    raise ApiError(409, {"message": "A connected account already exists for this "
                                                    "user, integration, and organization."})
                if "access_token" not in body and "refresh_token" not in body:
                    raise ApiError(422, {"message": "An access_token or refresh_token is required."})
                conn = self._new_account(slug, user_id, org_id, **members)
                return 201, account_view(conn)
            conn = self._account(slug, user_id, org_id)
            conn.update(members, updated_at=now_iso())
            return 200, account_view(conn)

    def providers(self, user_id, query):
        org_id = one_query(query, "organization_id") or None
        with self.lock:
            self._settle()
            self._org(org_id)
            data = []
            for rec in sorted(self.store.integrations.values(), key=lambda r: r["id"]):
                conn = self.store.connections.get(self.store.conn_key(rec["slug"], user_id, org_id))
                if conn is not None and conn["state"] == "disconnected":
                    conn = None
                data.append({
                    "object": "data_provider", "id": rec["id"], "name": display_name(rec),
                    "description": rec["description"], "slug": rec["slug"],
                    "integration_type": rec["integration_type"], "credentials_type": "oauth2",
                    "scopes": copy.deepcopy(rec["scopes"]), "auth_methods": list(rec["auth_methods"]),
                    "ownership": "organization" if org_id else "userland_user",
                    "created_at": rec["created_at"], "updated_at": rec["updated_at"],
                    "integrationType": rec["integration_type"], "credentialsType": "oauth2",
                    "createdAt": rec["created_at"], "updatedAt": rec["updated_at"],
                    "connected_account": None if conn is None else account_view(conn, deprecated=True),
                })
        return 200, {"object": "list", "data": data}

    # organization configurations -----------------------------------------
    def _config_view(self, org_id, rec):
        over = self.orgs[org_id].get(rec["slug"], {})
        creds = rec["credentials"]
        ctype = (creds or {}).get("type", "shared")
        out = {"object": "data_integration_configuration", "id": rec["id"],
               "organization_id": org_id, "slug": rec["slug"], "name": display_name(rec),
               "enabled": over.get("enabled", rec["enabled"]),
               "scopes": copy.deepcopy(over["scopes"] if "scopes" in over else rec["scopes"]),
               "config": dict(over.get("config", rec["config"] if ctype != "organization" else {})),
               "created_at": over.get("created_at", rec["created_at"]),
               "updated_at": over.get("updated_at", rec["updated_at"])}
        if ctype == "organization":
            out["credentials"] = {"credentials_type": "organization",
                                  "has_credentials": bool(over.get("client_id")),
                                  "client_id": over.get("client_id"),
                                  "client_secret_last_four": redact(over.get("client_secret")),
                                  "redirect_uri": rec["redirect_uri"]}
        return out

    def org_configs(self, org_id):
        with self.lock:
            if org_id not in self.orgs:
                raise ApiError(404, {"message": "Organization not found: '%s'." % org_id})
            data = [self._config_view(org_id, rec)
                    for rec in sorted(self.store.integrations.values(), key=lambda r: r["id"])]
        return 200, {"object": "list", "data": data}

    def org_config_set(self, org_id, slug, body):
        validate_fields(body, ORG_CONFIG_SPEC)
        if not any(k in body for k in ("enabled", "scopes", "client_id", "config")):
            raise bad_request(["at least one of enabled, scopes, client_id or config must be provided"])
        if ("client_id" in body) != ("client_secret" in body):
            raise bad_request(["client_id and client_secret must be provided together"])
        with self.lock:
            if org_id not in self.orgs:
                raise ApiError(404, {"message": "Organization not found: '%s'." % org_id})
            rec = self._integration(slug)
            org_managed = (rec["credentials"] or {}).get("type") == "organization"
            if ("client_id" in body or "config" in body) and not org_managed:
                raise bad_request(["client_id, client_secret and config are accepted only for "
                                   "providers whose credentials are organization-managed"])
            allowed = set(rec["scopes"] or [])
            if body.get("scopes") and not set(body["scopes"]) <= allowed:
                raise ApiError(422, {"message": "Invalid scopes for %s: %s" % (
                    slug, ", ".join(sorted(set(body["scopes"]) - allowed)))})
            over = self.orgs[org_id].setdefault(slug, {"created_at": now_iso()})
            for k in ("enabled", "scopes", "client_id", "client_secret", "config"):
                if k in body:
                    over[k] = copy.deepcopy(body[k])
            if "scopes" in body and body["scopes"] is None:
                del over["scopes"]  # null: inherit the provider's scopes again
            over["updated_at"] = now_iso()
            return 200, self._config_view(org_id, rec)

    # widgets -------------------------------------------------------------
    def widget_token(self, body):
        validate_fields(body, WIDGET_SPEC)
        errors = []
        for s in body.get("scopes") or []:
            if s not in WIDGET_SCOPES:
                errors.append("each value in scopes must be one of the following values: "
                              + ", ".join(WIDGET_SCOPES))
                break
        if body.get("scopes") and not body.get("organization_id"):
            errors.append("organization_id is required when scopes are provided")
        if errors:
            raise bad_request(errors)
        with self.lock:
            self._org(body.get("organization_id"))
        return 201, {"token": "eyJ" + secrets.token_urlsafe(48)}


