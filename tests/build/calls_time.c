/* Self-test fixture: time() must fail the symbol check. */
#include <time.h>

long fx_now(void)
{
    return (long)time(NULL);
}
