/* Self-test fixture: strto* must fail the symbol check. */
#include <stdlib.h>

long fx_number(const char *s)
{
    return strtol(s, NULL, 10);
}
