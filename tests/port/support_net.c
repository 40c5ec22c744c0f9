/* SPDX-License-Identifier: MIT */
/* An in-process TCP listener on 127.0.0.1 for the POSIX transport tests. */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support.h"

/* Wait until fd is readable or a stop is requested; 1 readable, 0 stop. */
static int wait_readable(test_listener *l, int fd)
{
    for (;;) {
        struct pollfd p[2];
        p[0].fd = fd;
        p[0].events = POLLIN;
        p[1].fd = l->stop[0];
        p[1].events = POLLIN;
        p[0].revents = p[1].revents = 0;
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return 0;
        }
        if (p[1].revents != 0) {
            return 0;
        }
        if (p[0].revents != 0) {
            return 1;
        }
    }
}

static void echo(test_listener *l, int c)
{
    char buf[4096];
    while (wait_readable(l, c)) {
        ssize_t n = recv(c, buf, sizeof buf, 0), off = 0;
        if (n <= 0) {
            return;
        }
        while (off < n) {
            ssize_t w = send(c, buf + off, (size_t)(n - off), MSG_NOSIGNAL);
            if (w <= 0) {
                return;
            }
            off += w;
        }
    }
}

static void *listener_main(void *arg)
{
    test_listener *l = arg;
    while (wait_readable(l, l->fd)) {
        int c = accept(l->fd, NULL, NULL);
        if (c < 0) {
            continue;
        }
        if (l->mode == LISTEN_ECHO) {
            echo(l, c);
        } else if (l->mode == LISTEN_HOLD) {
            /* Hold until stopped; never read the client's data. */
            struct pollfd p;
            p.fd = l->stop[0];
            p.events = POLLIN;
            p.revents = 0;
            (void)poll(&p, 1, -1);
        }
        (void)close(c);
    }
    return NULL;
}

static int bind_loopback(int fd, uint16_t *out_port)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        return -1;
    }
    *out_port = ntohs(a.sin_port);
    return 0;
}

int listener_start(test_listener *l, listen_mode mode)
{
    memset(l, 0, sizeof *l);
    l->fd = -1;
    l->stop[0] = l->stop[1] = -1;
    l->mode = mode;
    l->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (l->fd < 0 || bind_loopback(l->fd, &l->port) != 0 || listen(l->fd, 8) != 0 ||
        pipe(l->stop) != 0 || pthread_create(&l->thread, NULL, listener_main, l) != 0) {
        listener_stop(l);
        return -1;
    }
    l->running = 1;
    return 0;
}

void listener_stop(test_listener *l)
{
    if (l->running) {
        (void)!write(l->stop[1], "x", 1);
        (void)pthread_join(l->thread, NULL);
        l->running = 0;
    }
    if (l->fd > 0) {
        (void)close(l->fd);
    }
    if (l->stop[0] > 0) {
        (void)close(l->stop[0]);
        (void)close(l->stop[1]);
    }
    l->fd = l->stop[0] = l->stop[1] = -1;
}

uint16_t reserve_closed_port(int *out_fd)
{
    uint16_t port = 0;
    *out_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (*out_fd < 0 || bind_loopback(*out_fd, &port) != 0) {
        return 0;
    }
    return port;
}
