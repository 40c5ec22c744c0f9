/* SPDX-License-Identifier: MIT */
/*
 * Replays a fuzz target's seed corpus and regression inputs on the target
 * (no libFuzzer, no file system): each embedded input is one test, fed to
 * the target's LLVMFuzzerTestOneInput with the same checks as on the host.
 * A failed check aborts the image (nonzero semihosting exit), which the
 * runner counts as a failure. corpus.h is written by embed_corpus.py.
 */
#include <stdio.h>

#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(void)
{
    size_t i;
    printf("[==========] Running %u test(s).\n", (unsigned)k_corpus_n);
    for (i = 0; i < k_corpus_n; i++) {
        printf("[ RUN      ] %s (%u bytes)\n", k_corpus[i].name, (unsigned)k_corpus[i].len);
        (void)LLVMFuzzerTestOneInput(k_corpus[i].data, k_corpus[i].len);
        printf("[       OK ] %s\n", k_corpus[i].name);
    }
    printf("[==========] %u test(s) run.\n", (unsigned)k_corpus_n);
    printf("[  PASSED  ] %u test(s).\n", (unsigned)k_corpus_n);
    return 0;
}
