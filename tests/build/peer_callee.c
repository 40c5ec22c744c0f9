/* Self-test fixture: the callee of peer_caller.c. */
int fx_peer_add(int a, int b);

int fx_peer_add(int a, int b)
{
    return a + b;
}
