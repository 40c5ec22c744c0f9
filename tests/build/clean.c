/* Self-test fixture: only what the core may use. The 64-bit division
 * brings in __aeabi_uldivmod, so the allowed list of runtime helpers is
 * exercised too, not just the string routines. */
#include <stdint.h>
#include <string.h>

struct fx_pair { char a[24]; uint64_t n; };

uint64_t fx_clean(struct fx_pair *dst, const struct fx_pair *src,
                  const char *s, uint64_t d)
{
    memcpy(dst, src, sizeof *dst);
    return (dst->n + strlen(s)) / d;
}
