/* size_report self-test: the firmware of a linked image. It calls into the
 * library (the chain, the leaves, the division); fx_vla is never
 * called, so --gc-sections drops it and the library part excludes it. */
int fx_a(int x);
int fx_send(int (*cb)(void *ctx, const char *buf, int n), void *ctx);
unsigned long long fx_div(unsigned long long a, unsigned long long b);
int main(void);

static int fx_cb(void *ctx, const char *buf, int n)
{
    (void)ctx;
    return buf[0] + n;
}

int main(void)
{
    static volatile unsigned long long v = 1000;
    return fx_a(1) + fx_send(fx_cb, 0) + (int)fx_div(v, 7u);
}
