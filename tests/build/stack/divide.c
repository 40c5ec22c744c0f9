/* size_report self-test: 64-bit division, which the compiler leaves to
 * libgcc (__aeabi_uldivmod on Arm), so a linked image has libgcc bytes. */
unsigned long long fx_div(unsigned long long a, unsigned long long b);

unsigned long long fx_div(unsigned long long a, unsigned long long b)
{
    return a / b;
}
