/* SPDX-License-Identifier: MIT */
/* Shared by the Pipes decoders. Internal. */
#ifndef WOS_PIPES_INTERNAL_H
#define WOS_PIPES_INTERNAL_H

#include "wos_pipes.h"

/*
 * Common first step of every decoder: out (out_size bytes) is cleared; a
 * non-2xx status becomes WOS_ERR_HTTP_STATUS with err filled (err may be
 * NULL); a 2xx body is parsed into doc (r->tokens_needed set on
 * WOS_ERR_JSON_TOKENS). WOS_ERR_INVALID_ARG for a NULL out or reply.
 */
wos_status wos_pipes_reply_json(wos_pipes_reply *r, void *out, size_t out_size, wos_json *doc,
                                wos_api_error *err);

/* Decode the data integration object at token obj; with out NULL, only check it. */
wos_status wos_pipes_decode_integration_at(wos_json *doc, int obj, wos_data_integration *out);

#endif
