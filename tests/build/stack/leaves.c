/* size_report self-test: what the figures cannot see. fx_send() calls
 * through a function pointer and memset (both counted 0 and listed);
 * fx_vla() has a variable-length array (an unbounded dynamic frame). */
#include <string.h>

typedef int (*fx_cb)(void *ctx, const char *buf, int n);
int fx_send(fx_cb cb, void *ctx);
int fx_vla(int n);

int fx_send(fx_cb cb, void *ctx)
{
    char buf[32];
    memset(buf, 'x', sizeof buf);
    return cb(ctx, buf, (int)sizeof buf) + 1;
}

int fx_vla(int n)
{
    volatile char buf[n];
    buf[0] = (char)n;
    return buf[0];
}
