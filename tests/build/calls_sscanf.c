/* Self-test fixture: sscanf must fail the symbol check. */
#include <stdio.h>

int fx_read(const char *s, int *out)
{
    return sscanf(s, "%d", out);
}
