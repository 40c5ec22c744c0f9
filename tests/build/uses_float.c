/* Self-test fixture: double arithmetic pulls in soft-float helpers
 * (__aeabi_dmul and friends) on Cortex-M4, which the check must refuse. */
long fx_scale(long v, double f)
{
    return (long)((double)v * f);
}
