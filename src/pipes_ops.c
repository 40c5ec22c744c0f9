/* SPDX-License-Identifier: MIT */
/*
 * One descriptor per operation (see pipes_ops.h). Each is its own object in
 * the link (-fdata-sections), so a firmware links the encoders and decoders
 * of the operations it names and no others.
 */
#include "pipes_ops.h"

const char wos_methods[] = "POST\0GET\0PUT\0DELETE";
/* The offsets of pipes_ops.h name these bytes. */
typedef char wos_methods_match[sizeof wos_methods == 20u ? 1 : -1];

/* The decoders take typed results; these adapt them to the descriptor's
 * void * (a call through a mismatched function pointer type is undefined). */
static wos_status decode_token(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_token(r, (wos_access_token *)out, err);
}

static wos_status decode_integration(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_integration(r, (wos_data_integration *)out, err);
}

static wos_status decode_list(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_list(r, (wos_integration_page *)out, err);
}

wos_status wos_pipes_dec_gone(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    (void)out;
    return wos_pipes_decode_delete(r, err);
}

/* A token call only reads, so it is repeatable, though it is a POST. */
const wos_pipes_op_desc wos_op_token = {
    .method = WOS_M_POST, .segments = 0u, .retry = WOS_RETRY_REPEATABLE | WOS_RETRY_KEYED,
    .has_result = 1u, .prepare = wos_pipes_prepare_token, .decode = decode_token,
};
/* A create is not resent once it may have reached the server (the server
 * does not de-duplicate POSTs); a PUT of the same body and a DELETE are. */
const wos_pipes_op_desc wos_op_create = {
    .method = WOS_M_POST, .segments = 1u,
    .retry = WOS_RETRY_KEYED | WOS_RETRY_WRITE | WOS_RETRY_CONFLICT_UNCONFIRMED,
    .has_result = 1u, .prepare = wos_pipes_prepare_create, .decode = decode_integration,
};
const wos_pipes_op_desc wos_op_list = {
    .method = WOS_M_GET, .segments = 1u, .retry = WOS_RETRY_REPEATABLE,
    .has_result = 1u, .prepare = wos_pipes_prepare_list, .decode = decode_list,
};
const wos_pipes_op_desc wos_op_get = {
    .method = WOS_M_GET, .segments = 2u, .retry = WOS_RETRY_REPEATABLE,
    .has_result = 1u, .prepare = wos_pipes_prepare_slug, .decode = decode_integration,
};
const wos_pipes_op_desc wos_op_update = {
    .method = WOS_M_PUT, .segments = 2u, .retry = WOS_RETRY_REPEATABLE | WOS_RETRY_WRITE,
    .has_result = 1u, .prepare = wos_pipes_prepare_update, .decode = decode_integration,
};
const wos_pipes_op_desc wos_op_delete = {
    .method = WOS_M_DELETE, .segments = 2u,
    .retry = WOS_RETRY_REPEATABLE | WOS_RETRY_WRITE | WOS_RETRY_GONE_IS_DONE,
    .has_result = 0u, .prepare = wos_pipes_prepare_slug, .decode = wos_pipes_dec_gone,
};
