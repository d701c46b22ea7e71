#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <stddef.h>
#include <stdint.h>

/// Compresses `len` bytes into one complete gzip member. On success returns 0 and sets `*out`
/// (free with czlib_free) and `*out_len`; otherwise returns a zlib error code.
int czlib_gzip(const uint8_t *in, size_t len, uint8_t **out, size_t *out_len);

/// Inflates the first gzip member of `in`. On success returns 0, sets `*out` (free with
/// czlib_free), `*out_len`, and `*consumed` to the bytes the member occupied, so a caller can
/// read a file of concatenated members (a .warc.gz) one member at a time.
int czlib_gunzip_member(const uint8_t *in, size_t len, size_t *consumed, uint8_t **out, size_t *out_len);

/// Frees a buffer returned by the functions above.
void czlib_free(void *p);

#endif
