/* SPDX-License-Identifier: MIT */
/* Helpers shared by the port tests (support_*.c is linked into each). */
#ifndef WOS_TEST_SUPPORT_H
#define WOS_TEST_SUPPORT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* --- support_heap.c: calloc/free seen through -Wl,--wrap ---------------- */
typedef struct heap_stats {
    size_t live_bytes;  /* allocated and not yet freed */
    size_t live_blocks;
    size_t peak_bytes;  /* highest live_bytes since heap_reset_peak() */
    size_t total_bytes; /* bytes allocated since heap_reset_peak() */
    size_t total_calls;
    size_t foreign_frees; /* free() of pointers calloc never returned (must stay 0) */
} heap_stats;

void heap_get(heap_stats *out);
/* Start a new measurement: peak = live, totals = 0. */
void heap_reset_peak(void);
/* Make the n-th calloc from now (1-based) fail; 0 disables. */
void heap_fail_nth(size_t n);
/* Whether the injected failure has happened. */
int heap_fail_fired(void);

/* --- support_net.c: an in-process TCP listener on 127.0.0.1 ------------ */
typedef enum listen_mode {
    LISTEN_ECHO,  /* echo each connection until the peer closes */
    LISTEN_CLOSE, /* close each connection as soon as it is accepted */
    LISTEN_HOLD   /* keep each connection open, never read, never write */
} listen_mode;

typedef struct test_listener {
    int fd;
    int stop[2]; /* writing to stop[1] ends the thread */
    int running;
    uint16_t port;
    listen_mode mode;
    pthread_t thread;
} test_listener;

/* 0 on success; the port is in l->port. */
int listener_start(test_listener *l, listen_mode mode);
/* Stops the thread and closes every socket; safe to call twice or unstarted
 * (after zero-initialisation). */
void listener_stop(test_listener *l);
/* A 127.0.0.1 port bound but not listening (connects are refused) while
 * *out_fd stays open; 0 on failure. */
uint16_t reserve_closed_port(int *out_fd);

/* --- support_peer.c: the TLS peer subprocess and its certificates ------- */
typedef struct test_peer {
    pid_t pid;    /* 0 when not running */
    int to_child; /* child's stdin; the peer exits when it closes */
    uint16_t port;
} test_peer;

/* Start `python3 tests/port/tls_peer.py ARGS...` (NULL-terminated) and wait
 * for its "PORT n" line. 0 on success; on failure nothing is left running. */
int peer_start(test_peer *p, const char *const *args);
/* Stop the peer (SIGTERM, reap); safe to call twice or unstarted. */
void peer_stop(test_peer *p);
/* Directory of the test PKI ($WOS_TEST_CERTS or build/certs), made by
 * tests/certs/make_certs.sh on first use; NULL if that fails. */
const char *certs_dir(void);
/* certs_dir()/name into buf; 0 on success. */
int cert_path(char *buf, size_t cap, const char *name);
/* Read a whole file into buf and append a NUL (not counted in *out_len);
 * 0 on success. */
int read_file(const char *path, uint8_t *buf, size_t cap, size_t *out_len);

#endif /* WOS_TEST_SUPPORT_H */
