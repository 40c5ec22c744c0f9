/* Self-test fixture: heap use must fail the symbol check (malloc). */
#include <stdlib.h>

void *fx_grab(size_t n)
{
    return malloc(n);
}
