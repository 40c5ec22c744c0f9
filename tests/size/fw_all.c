/* SPDX-License-Identifier: MIT */
/*
 * Size image "all": every public function and operation of the core. The
 * Makefile keeps each global symbol of the library with -Wl,-u, so the
 * figure holds whatever a firmware could call; this file only gives the
 * image its entry point.
 */
int main(void);

int main(void) { return 0; }
