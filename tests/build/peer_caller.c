/* Self-test fixture: calls a function defined in peer_callee.c. Checked
 * alone the call is an unknown external; checked with its peer it is a
 * symbol the objects define among themselves and must pass. */
int fx_peer_add(int a, int b);

int fx_peer_twice(int a)
{
    return fx_peer_add(a, a);
}
