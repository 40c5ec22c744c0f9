/* SPDX-License-Identifier: MIT */
/* The TLS peer subprocess (tests/port/tls_peer.py) and the test PKI. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

#include "support.h"

#define PEER_SCRIPT "tests/port/tls_peer.py"
#define PEER_MAX_ARGS 16
#define PEER_READY_MS 30000 /* a guard against a hung peer, not a timing assertion */

/* In the child: stdin from in_fd, stdout to out_fd (-1: inherit), die with the parent. */
static void child_exec(const char *const *argv, int in_fd, int out_fd)
{
#if defined(__linux__)
    (void)prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    if (in_fd >= 0) {
        (void)dup2(in_fd, 0);
    }
    if (out_fd >= 0) {
        (void)dup2(out_fd, 1);
    }
    execvp(argv[0], (char *const *)argv);
    _exit(127);
}

/* Read "PORT n\n" from fd; 0 if it does not come. */
static uint16_t read_port(int fd)
{
    char line[64];
    size_t len = 0;
    while (len + 1u < sizeof line) {
        struct pollfd p;
        ssize_t n;
        p.fd = fd;
        p.events = POLLIN;
        p.revents = 0;
        if (poll(&p, 1, PEER_READY_MS) <= 0) {
            return 0;
        }
        n = read(fd, line + len, 1);
        if (n <= 0) {
            return 0;
        }
        if (line[len] == '\n') {
            unsigned port = 0;
            line[len] = '\0';
            return sscanf(line, "PORT %u", &port) == 1 && port < 65536u ? (uint16_t)port : 0;
        }
        len++;
    }
    return 0;
}

int peer_start(test_peer *p, const char *const *args)
{
    const char *argv[PEER_MAX_ARGS + 3];
    int in[2], out[2];
    size_t n = 0;
    memset(p, 0, sizeof *p);
    p->to_child = -1;
    argv[n++] = "python3";
    argv[n++] = PEER_SCRIPT;
    while (args != NULL && *args != NULL && n < PEER_MAX_ARGS + 2u) {
        argv[n++] = *args++;
    }
    argv[n] = NULL;
    if (pipe(in) != 0) {
        return -1;
    }
    if (pipe(out) != 0) {
        (void)close(in[0]);
        (void)close(in[1]);
        return -1;
    }
    p->pid = fork();
    if (p->pid == 0) {
        (void)close(in[1]);
        (void)close(out[0]);
        child_exec(argv, in[0], out[1]);
    }
    (void)close(in[0]);
    (void)close(out[1]);
    p->to_child = in[1];
    (void)fcntl(in[1], F_SETFD, FD_CLOEXEC);
    if (p->pid > 0) {
        p->port = read_port(out[0]);
    }
    (void)close(out[0]);
    if (p->pid < 0 || p->port == 0) {
        peer_stop(p);
        return -1;
    }
    return 0;
}

void peer_stop(test_peer *p)
{
    if (p->to_child > 0) {
        (void)close(p->to_child); /* the peer also exits on stdin EOF */
    }
    if (p->pid > 0) {
        int status;
        (void)kill(p->pid, SIGTERM);
        while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    p->pid = 0;
    p->to_child = -1;
    p->port = 0;
}

const char *certs_dir(void)
{
    static char dir[512];
    static int made = 0;
    if (!made) {
        const char *env = getenv("WOS_TEST_CERTS");
        const char *argv[] = {"sh", "tests/certs/make_certs.sh", dir, NULL};
        pid_t pid;
        int status = -1;
        snprintf(dir, sizeof dir, "%s", env != NULL && env[0] != '\0' ? env : "build/certs");
        pid = fork();
        if (pid == 0) {
            child_exec(argv, -1, -1);
        }
        if (pid < 0) {
            return NULL;
        }
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "tests/certs/make_certs.sh %s failed\n", dir);
            return NULL;
        }
        made = 1;
    }
    return dir;
}

int cert_path(char *buf, size_t cap, const char *name)
{
    const char *dir = certs_dir();
    int n;
    if (dir == NULL) {
        return -1;
    }
    n = snprintf(buf, cap, "%s/%s", dir, name);
    return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int read_file(const char *path, uint8_t *buf, size_t cap, size_t *out_len)
{
    size_t len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    for (;;) {
        ssize_t n;
        if (len + 1u >= cap) {
            (void)close(fd);
            return -1; /* no room for the rest and the NUL */
        }
        n = read(fd, buf + len, cap - 1u - len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        len += (size_t)n;
    }
    (void)close(fd);
    buf[len] = '\0';
    *out_len = len;
    return 0;
}
