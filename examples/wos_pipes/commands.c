/* SPDX-License-Identifier: MIT */
/* One client call per command; results go to output.c, failures to errors.c. */
#include "cli.h"

#include <string.h>

static wos_pipes_call make_call(const cli_opts *o)
{
    static const wos_pipes_op k_ops[] = {WOS_OP_DELETE, WOS_OP_TOKEN,  WOS_OP_LIST,  WOS_OP_GET,
                                         WOS_OP_CREATE, WOS_OP_UPDATE, WOS_OP_DELETE};
    wos_pipes_call call;
    memset(&call, 0, sizeof call);
    call.op = o->cmd < CMD_AUTHORIZE ? k_ops[o->cmd] : NULL;
    call.slug = o->slug;
    call.token = &o->token;
    call.list = &o->list;
    call.fields = &o->fields;
    if (o->cmd >= CMD_AUTHORIZE) {
        call.op = o->cx.op;
        call.params = o->cx.params;
    }
    return call;
}

/*
 * Build the request once before connecting: an argument the library
 * refuses (a slug of "." or "..", bytes that are not UTF-8, a line break
 * in a header value) is then a usage error, and nothing was sent.
 */
int cli_check_request(const cli_opts *o)
{
    static const wos_pipes_endpoint k_ep = {{"localhost", 9u}, 443u, true, {"sk_check", 8u}};
    wos_pipes_call call = make_call(o);
    size_t cap = 0, len = 0;
    char *buf = cli_work_buffer(&cap);
    wos_status st = wos_pipes_write_request(&k_ep, &call, buf, cap, &len);
    wos_request_wipe(buf, cap); /* it held the client secret, if any */
    if (st == WOS_ERR_INVALID_ARG || st == WOS_ERR_INVALID_UTF8) {
        return cli_usage_error("the library refused the arguments (%s): check SLUG and the "
                               "values for bytes that are not UTF-8 or line breaks",
                               wos_status_str(st));
    }
    if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        fprintf(stderr, "wos-pipes: the request needs %lu bytes, the buffer has %lu\n",
                (unsigned long)len, (unsigned long)cap);
        return CLI_EXIT_FAIL;
    }
    if (st != WOS_OK) {
        fprintf(stderr, "wos-pipes: cannot build the request: %s\n", wos_status_str(st));
        return CLI_EXIT_FAIL;
    }
    return CLI_CONTINUE;
}

static int output_failed(wos_status st)
{
    fprintf(stderr, "wos-pipes: cannot write the result: %s\n", wos_status_str(st));
    return CLI_EXIT_FAIL;
}

static int run_token(const cli_opts *o, wos_client *c)
{
    wos_access_token t;
    wos_call_info info;
    bool active;
    wos_status st = wos_client_get_token(c, &o->token, NULL, &t, &info);
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    active = t.active;
    st = cli_out_token(&t);
    wos_access_token_wipe(&t);
    if (st != WOS_OK) {
        return output_failed(st);
    }
    return active ? CLI_EXIT_OK : CLI_EXIT_INACTIVE;
}

static int run_integration(const cli_opts *o, wos_client *c)
{
    wos_data_integration d;
    wos_call_info info;
    wos_status st;
    if (o->cmd == CMD_CREATE) {
        st = wos_client_create(c, &o->fields, NULL, &d, &info);
    } else if (o->cmd == CMD_UPDATE) {
        st = wos_client_update(c, o->slug, &o->fields, NULL, &d, &info);
    } else {
        st = wos_client_get(c, o->slug, NULL, &d, &info);
    }
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    st = cli_out_integration(&d);
    return st == WOS_OK ? CLI_EXIT_OK : output_failed(st);
}

typedef struct walk {
    bool started;     /* the opening was written */
    bool first;       /* no item written yet */
    wos_status out_st; /* output failure that stopped the walk */
} walk;

static wos_status on_page(void *ctx, wos_integration_page *page)
{
    walk *w = (walk *)ctx;
    if (!w->started) {
        w->started = true;
        cli_out_list_begin();
    }
    w->out_st = cli_out_page_items(page, &w->first);
    return w->out_st;
}

static int run_list(const cli_opts *o, wos_client *c)
{
    static const wos_str k_null = WOS_STR_NULL;
    wos_integration_page page;
    wos_call_info info;
    walk w = {false, true, WOS_OK};
    wos_status st;
    if (o->all) {
        st = wos_client_list_all(c, &o->list, NULL, on_page, &w, &info);
        page.before = k_null;
        page.after = k_null;
    } else {
        st = wos_client_list(c, &o->list, NULL, &page, &info);
        if (st == WOS_OK) {
            st = on_page(&w, &page);
        }
    }
    if (w.out_st != WOS_OK) {
        return output_failed(w.out_st);
    }
    if (st != WOS_OK) {
        return cli_fail(o, st, &info);
    }
    if (!w.started) {
        cli_out_list_begin();
    }
    st = cli_out_list_end(page.before, page.after);
    return st == WOS_OK ? CLI_EXIT_OK : output_failed(st);
}

static int run_delete(const cli_opts *o, wos_client *c)
{
    wos_call_info info;
    wos_status st = wos_client_delete(c, o->slug, NULL, &info);
    return st == WOS_OK ? CLI_EXIT_OK : cli_fail(o, st, &info);
}

int cli_run(const cli_opts *o, wos_client *c)
{
    switch (o->cmd) {
    case CMD_TOKEN:
        return run_token(o, c);
    case CMD_LIST:
        return run_list(o, c);
    case CMD_DELETE:
        return run_delete(o, c);
    case CMD_GET:
    case CMD_CREATE:
    case CMD_UPDATE:
        return run_integration(o, c);
    default:
        return cli_cx_run(o, c);
    }
}
