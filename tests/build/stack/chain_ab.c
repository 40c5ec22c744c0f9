/* size_report self-test: fx_a() -> fx_b() here, fx_b() -> fx_c() in
 * chain_c.c, each with a local array. fx_a() also calls the shallower
 * fx_leaf(), so its worst case must be the sum of the frames of fx_a, fx_b
 * and fx_c: the deepest chain, followed across objects. */
int fx_c(int x);
int fx_b(int x);
int fx_a(int x);

__attribute__((noinline)) static int fx_leaf(int x)
{
    volatile char buf[8];
    buf[0] = (char)x;
    return buf[0];
}

__attribute__((noinline)) int fx_b(int x)
{
    volatile char buf[48];
    buf[0] = (char)x;
    buf[47] = (char)fx_c(x);
    return buf[0] + buf[47];
}

int fx_a(int x)
{
    volatile char buf[24];
    buf[0] = (char)fx_b(x);
    buf[23] = (char)fx_leaf(x);
    return buf[0] + buf[23];
}
