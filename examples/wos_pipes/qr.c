/* SPDX-License-Identifier: MIT */
/* A QR code of a URL on the terminal, with Debian's libqrencode (the CLI only; the library stays free of it). */
#include "cli.h"

#include <qrencode.h>

/* Two modules a character (upper and lower half blocks), with a quiet zone of 2. */
bool cli_qr_print(FILE *f, const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
    int x, y, n;
    if (q == NULL) {
        return false;
    }
    n = q->width;
    for (y = -2; y < n + 2; y += 2) {
        for (x = -2; x < n + 2; x++) {
            int top = y >= 0 && y < n && x >= 0 && x < n && (q->data[y * n + x] & 1);
            int bot = y + 1 >= 0 && y + 1 < n && x >= 0 && x < n && (q->data[(y + 1) * n + x] & 1);
            /* Dark modules are drawn as spaces on a light background (most terminals are dark). */
            fputs(top ? (bot ? " " : "\xe2\x96\x84") : (bot ? "\xe2\x96\x80" : "\xe2\x96\x88"), f);
        }
        fputc('\n', f);
    }
    QRcode_free(q);
    return true;
}
