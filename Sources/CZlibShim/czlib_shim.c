// zlib's deflateInit2/inflateInit2 are macros Swift cannot import; these three functions are the
// whole surface the program needs (one gzip member in, one gzip member out).
#include "czlib_shim.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int czlib_gzip(const uint8_t *in, size_t len, uint8_t **out, size_t *out_len) {
    z_stream s;
    memset(&s, 0, sizeof s);
    int rc = deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    if (rc != Z_OK) return rc;
    size_t cap = deflateBound(&s, (uLong)len) + 32;
    uint8_t *buf = malloc(cap);
    if (!buf) { deflateEnd(&s); return Z_MEM_ERROR; }
    s.next_in = (Bytef *)in;
    s.avail_in = (uInt)len;
    s.next_out = buf;
    s.avail_out = (uInt)cap;
    rc = deflate(&s, Z_FINISH);
    if (rc != Z_STREAM_END) { free(buf); deflateEnd(&s); return rc == Z_OK ? Z_BUF_ERROR : rc; }
    *out = buf;
    *out_len = s.total_out;
    deflateEnd(&s);
    return 0;
}

int czlib_gunzip_member(const uint8_t *in, size_t len, size_t *consumed, uint8_t **out, size_t *out_len) {
    z_stream s;
    memset(&s, 0, sizeof s);
    int rc = inflateInit2(&s, 15 + 16);
    if (rc != Z_OK) return rc;
    size_t cap = len * 4 + 1024, used = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) { inflateEnd(&s); return Z_MEM_ERROR; }
    s.next_in = (Bytef *)in;
    s.avail_in = (uInt)len;
    for (;;) {
        if (used == cap) {
            cap *= 2;
            uint8_t *grown = realloc(buf, cap);
            if (!grown) { free(buf); inflateEnd(&s); return Z_MEM_ERROR; }
            buf = grown;
        }
        s.next_out = buf + used;
        s.avail_out = (uInt)(cap - used);
        rc = inflate(&s, Z_NO_FLUSH);
        used = cap - s.avail_out;
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK) { free(buf); inflateEnd(&s); return rc == Z_BUF_ERROR ? Z_DATA_ERROR : rc; }
    }
    *out = buf;
    *out_len = used;
    *consumed = len - s.avail_in;
    inflateEnd(&s);
    return 0;
}

void czlib_free(void *p) { free(p); }
