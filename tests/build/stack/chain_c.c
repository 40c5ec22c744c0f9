/* size_report self-test: the end of the fx_a -> fx_b -> fx_c chain.
 * fx_c_bias puts initialised data in flash, which the flash figure counts. */
int fx_c(int x);

int fx_c_bias = 3;

int fx_c(int x)
{
    volatile char buf[96];
    buf[0] = (char)x;
    buf[95] = (char)(x + fx_c_bias);
    return buf[0] + buf[95];
}
