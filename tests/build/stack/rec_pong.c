/* size_report self-test: the other half of the fx_ping/fx_pong cycle. */
int fx_ping(const int *p, int n);
int fx_pong(const int *p, int n);

int fx_pong(const int *p, int n)
{
    return n > 0 ? p[0] + 3 * fx_ping(p + 1, n - 1) : 0;
}
