/* SPDX-License-Identifier: MIT */
/* One client call per connect command; results go to connect_output.c, failures to errors.c. */
#include "cli.h"

#include <string.h>

static int written(wos_status st, int rc)
{
    if (st != WOS_OK) {
        fprintf(stderr, "wos-pipes: cannot write the result: %s\n", wos_status_str(st));
        return CLI_EXIT_FAIL;
    }
    return rc;
}

static int run_authorize(const cli_opts *o, wos_client *c)
{
    wos_authorize_url u;
    wos_call_info info;
    static char url[2048];
    wos_status st = wos_client_authorize(c, &o->cx.authorize, NULL, &u, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    st = cli_out_url(&u);
    if (st == WOS_OK && o->cx.qr) {
        if (u.url.len >= sizeof url) {
            fputs("wos-pipes: the URL is too long for a QR code\n", stderr);
        } else {
            memcpy(url, u.url.ptr, u.url.len);
            url[u.url.len] = '\0';
            if (!cli_qr_print(stderr, url)) {
                fputs("wos-pipes: cannot draw the QR code\n", stderr);
            }
        }
    }
    return written(st, CLI_EXIT_OK);
}

static int run_credentials(const cli_opts *o, wos_client *c)
{
    static wos_credentials_result r;
    wos_call_info info;
    bool active;
    wos_status st = wos_client_get_credentials(c, &o->cx.token, NULL, &r, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    active = r.active;
    st = cli_out_credentials(&r);
    wos_credentials_wipe(&r);
    return written(st, active ? CLI_EXIT_OK : CLI_EXIT_INACTIVE);
}

static int run_account(const cli_opts *o, wos_client *c)
{
    static wos_connected_account a;
    wos_call_info info;
    wos_status st;
    if (o->cx.op == &wos_op_account_delete) {
        st = wos_client_delete_account(c, &o->cx.account, NULL, &info);
        return st == WOS_OK ? CLI_EXIT_OK : cli_fail(o, st, &info);
    }
    st = wos_client_op(c, o->cx.op, o->cx.params, NULL, &a, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    return written(cli_out_account(&a), CLI_EXIT_OK);
}

static int run_list(const cli_opts *o, wos_client *c)
{
    static wos_pipes_items l;
    wos_call_info info;
    wos_status st = wos_client_op(c, o->cx.op, o->cx.params, NULL, &l, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    return written(o->cmd == CMD_PROVIDERS ? cli_out_providers(&l) : cli_out_org_configs(&l),
                   CLI_EXIT_OK);
}

static int run_org_config_set(const cli_opts *o, wos_client *c)
{
    static wos_org_config r;
    wos_call_info info;
    wos_status st = wos_client_set_org_config(c, &o->cx.org_config, NULL, &r, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    return written(cli_out_org_config(&r), CLI_EXIT_OK);
}

static int run_widget_token(const cli_opts *o, wos_client *c)
{
    wos_widget_token t;
    wos_call_info info;
    wos_status st = wos_client_widget_token(c, &o->cx.widget, NULL, &t, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    st = cli_out_widget_token(&t);
    wos_secure_zero((void *)(uintptr_t)t.token.ptr, t.token.len);
    return written(st, CLI_EXIT_OK);
}

/* Onboarding: the state machine of wos_onboard.h, sleeping between polls. */
static int run_connect(const cli_opts *o, wos_client *c)
{
    static wos_onboard ob;
    wos_call_info info;
    wos_status st = wos_onboard_init(&ob, &o->cx.authorize, (o->cx.poll_s ? o->cx.poll_s : 2u) * 1000u,
                                     (o->cx.wait_s ? o->cx.wait_s : 300u) * 1000u);
    while (st == WOS_OK && ob.state != WOS_ONBOARD_DONE && ob.state != WOS_ONBOARD_TIMED_OUT) {
        if (ob.state == WOS_ONBOARD_SHOW_URL) {
            fprintf(stderr, "Open this URL, or scan the code, to connect %.*s:\n%s\n",
                    (int)o->cx.authorize.slug.len, o->cx.authorize.slug.ptr, ob.url);
            if (!cli_qr_print(stderr, ob.url)) {
                fputs("wos-pipes: cannot draw the QR code\n", stderr);
            }
            fputs("Waiting for the connection...\n", stderr);
        }
        st = wos_onboard_step(&ob, c, true, &info);
    }
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    if (ob.state == WOS_ONBOARD_TIMED_OUT) {
        fputs("{\"active\":false,\"error\":\"not_connected\"}\n", stdout);
        return CLI_EXIT_INACTIVE;
    }
    st = cli_out_token(&ob.token);
    wos_access_token_wipe(&ob.token);
    return written(st, ob.token.active ? CLI_EXIT_OK : CLI_EXIT_INACTIVE);
}

int cli_cx_run(const cli_opts *o, wos_client *c)
{
    switch (o->cmd) {
    case CMD_CONNECT:
        return run_connect(o, c);
    case CMD_AUTHORIZE:
        return run_authorize(o, c);
    case CMD_CREDENTIALS:
        return run_credentials(o, c);
    case CMD_PROVIDERS:
        return run_list(o, c);
    case CMD_ORG_CONFIG:
        return o->cx.op == &wos_op_org_configs ? run_list(o, c) : run_org_config_set(o, c);
    case CMD_WIDGET_TOKEN:
        return run_widget_token(o, c);
    default: /* api-key, client-credentials, account */
        return run_account(o, c);
    }
}
