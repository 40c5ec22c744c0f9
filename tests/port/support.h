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

/* --- support_dns.c: a DNS resolver that never answers ------------------ */
/* How long the resolver library waits for the silent server (one attempt). */
#define SILENT_RESOLVER_S 2

typedef struct silent_resolver {
    int started;
    int fd;        /* the UDP socket on 127.a.b.c:53 nobody reads */
    char addr[16]; /* 127.a.b.c */
    char dir[32];  /* temporary directory of the two files */
    int resolv_mounted, nss_mounted;
} silent_resolver;

/* From now on this process resolves names (not in /etc/hosts) through a
 * server that never answers: in a private mount namespace (made once per
 * process), /etc/resolv.conf and /etc/nsswitch.conf are covered by files
 * naming it. 0 on success; else why says what is not permitted here (not
 * root, no mount namespaces) and nothing is left behind. */
int silent_resolver_start(silent_resolver *r, char *why, size_t cap);
/* Uncover the files and close the socket; safe to call twice or unstarted
 * (after zero-initialisation). */
void silent_resolver_stop(silent_resolver *r);
/* Threads of this process now (/proc/self/task). */
size_t threads_now(void);

#endif /* WOS_TEST_SUPPORT_H */
