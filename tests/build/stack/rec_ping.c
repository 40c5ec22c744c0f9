/* size_report self-test: fx_ping() and fx_pong() (rec_pong.c) recurse
 * through each other across objects; fx_ping_user() only calls into the
 * cycle. The report must name the cycle and fail. */
int fx_pong(const int *p, int n);
int fx_ping(const int *p, int n);
int fx_ping_user(const int *p);

int fx_ping(const int *p, int n)
{
    return n > 0 ? p[0] + 2 * fx_pong(p + 1, n - 1) : 0;
}

int fx_ping_user(const int *p)
{
    return fx_ping(p, 4) + 1;
}
