/* SPDX-License-Identifier: MIT */
/* A DNS resolver that never answers, for this process only: a private mount
 * namespace in which /etc/resolv.conf names a UDP socket on 127.a.b.c:53
 * that nobody reads. Nothing leaves loopback; the host's files are untouched. */
#define _GNU_SOURCE 1

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "support.h"

static int in_private_namespace;

static int fail(char *why, size_t cap, const char *what)
{
    snprintf(why, cap, "%s: %s", what, strerror(errno));
    return -1;
}

/* Once per process: our own mount namespace, with no propagation back. */
static int private_mounts(char *why, size_t cap)
{
    if (in_private_namespace) {
        return 0;
    }
    if (unshare(CLONE_NEWNS) != 0) {
        return fail(why, cap, "unshare(CLONE_NEWNS) (needs root or CAP_SYS_ADMIN)");
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        return fail(why, cap, "making / private in the new mount namespace");
    }
    in_private_namespace = 1;
    return 0;
}

/* A UDP socket bound to port 53 of a random 127/8 address (so that tests
 * running at the same time on this machine do not collide). */
static int bind_silent_server(silent_resolver *r, char *why, size_t cap)
{
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    int tries;
    r->fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (r->fd < 0) {
        return fail(why, cap, "UDP socket");
    }
    for (tries = 0; tries < 20; tries++) {
        struct sockaddr_in a;
        seed = seed * 1103515245u + 12345u;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons(53);
        /* 127.100.0.1 .. 127.227.255.254: clear of 127.0.0.x and 127.0.1.1 */
        a.sin_addr.s_addr = htonl(0x7F640000u | ((seed >> 8) & 0x7FFFFEu) | 1u);
        if (bind(r->fd, (struct sockaddr *)&a, sizeof a) == 0) {
            (void)inet_ntop(AF_INET, &a.sin_addr, r->addr, sizeof r->addr);
            return 0;
        }
        if (errno != EADDRINUSE) {
            break;
        }
    }
    return fail(why, cap, "binding a UDP socket to 127.x.y.z:53");
}

static int write_text(const char *dir, const char *name, const char *text, char *path, size_t cap)
{
    FILE *f;
    snprintf(path, cap, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fputs(text, f);
    return fclose(f);
}

/* Bind-mount dir/name over target; sets *mounted. */
static int cover(const char *dir, const char *name, const char *text, const char *target,
                 int *mounted, char *why, size_t cap)
{
    char path[160];
    if (write_text(dir, name, text, path, sizeof path) != 0) {
        return fail(why, cap, "writing a file under /tmp");
    }
    if (mount(path, target, NULL, MS_BIND, NULL) != 0) {
        snprintf(why, cap, "bind-mounting over %s: %s", target, strerror(errno));
        return -1;
    }
    *mounted = 1;
    return 0;
}

int silent_resolver_start(silent_resolver *r, char *why, size_t cap)
{
    char text[160];
    memset(r, 0, sizeof *r);
    r->fd = -1;
    r->started = 1;
    if (private_mounts(why, cap) != 0 || bind_silent_server(r, why, cap) != 0) {
        silent_resolver_stop(r);
        return -1;
    }
    snprintf(r->dir, sizeof r->dir, "/tmp/wos-dns-XXXXXX");
    if (mkdtemp(r->dir) == NULL) {
        r->dir[0] = '\0';
        silent_resolver_stop(r);
        return fail(why, cap, "mkdtemp under /tmp");
    }
    /* Each query waits SILENT_RESOLVER_S, one attempt: the lookups a test
     * abandons end by themselves soon after. */
    snprintf(text, sizeof text, "nameserver %s\noptions timeout:%d attempts:1\n", r->addr,
             SILENT_RESOLVER_S);
    if (cover(r->dir, "resolv.conf", text, "/etc/resolv.conf", &r->resolv_mounted, why, cap) != 0 ||
        cover(r->dir, "nsswitch.conf", "hosts: files dns\n", "/etc/nsswitch.conf",
              &r->nss_mounted, why, cap) != 0) {
        silent_resolver_stop(r);
        return -1;
    }
    return 0;
}

void silent_resolver_stop(silent_resolver *r)
{
    char path[160];
    if (!r->started) {
        return;
    }
    r->started = 0;
    if (r->nss_mounted) {
        (void)umount2("/etc/nsswitch.conf", MNT_DETACH);
        r->nss_mounted = 0;
    }
    if (r->resolv_mounted) {
        (void)umount2("/etc/resolv.conf", MNT_DETACH);
        r->resolv_mounted = 0;
    }
    if (r->dir[0] != '\0') {
        snprintf(path, sizeof path, "%s/resolv.conf", r->dir);
        (void)unlink(path);
        snprintf(path, sizeof path, "%s/nsswitch.conf", r->dir);
        (void)unlink(path);
        (void)rmdir(r->dir);
        r->dir[0] = '\0';
    }
    if (r->fd >= 0) {
        (void)close(r->fd);
        r->fd = -1;
    }
}

size_t threads_now(void)
{
    size_t n = 0;
    struct dirent *e;
    DIR *d = opendir("/proc/self/task");
    if (d == NULL) {
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        n += e->d_name[0] != '.';
    }
    (void)closedir(d);
    return n;
}
