/* Self-test fixture: the printf family must fail the symbol check. */
#include <stdio.h>

int fx_report(int v)
{
    return printf("v=%d\n", v);
}
