/* SPDX-License-Identifier: MIT */
/* reader.c - the loader's byte stage: UTF-8 text vetted before libyaml parses it */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

#define CHUNK (16 * 1024)

/* Report an error at `pos`; -1 */
#define fail(d, pos, ...) \
	(diags_add((d), KW_SEV_ERROR, (pos), __VA_ARGS__), -1)

void
reader_init(struct kw_reader *r, const char *buf, size_t len, int fd,
    size_t max_bytes, struct kw_diags *diags)
{
	memset(r, 0, sizeof *r);
	r->buf = buf;
	r->len = len;
	r->fd = fd;
	r->max_bytes = max_bytes;
	r->diags = diags;
	if (fd >= 0)
		r->chunk = xmalloc(CHUNK);
}

void
reader_done(struct kw_reader *r)
{
	free(r->chunk);
	r->chunk = NULL;
}

/* The position of byte `off`, counting characters and line breaks as
 * libyaml does (CR LF, CR, LF, NEL, LS and PS each end a line). */
static struct kw_pos
text_pos(const char *buf, size_t len, size_t off)
{
	const unsigned char *s = (const unsigned char *)buf;
	struct kw_pos p = { 1, 1 };
	size_t i = 0;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (off > len)
		off = len;
	while (i < off) {
		unsigned c = s[i];
		size_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (c == '\n' || (c == '\r' && (i + 1 >= len ||
		    s[i + 1] != '\n')) ||
		    (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85) ||
		    (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))) {
			p.line++;
			p.col = 1;
		} else if (c != '\r' && (c & 0xC0) != 0x80)
			p.col++;
		i += (c & 0xC0) == 0x80 ? 1 : w;
	}
	return p;
}

struct kw_pos
reader_pos(const struct kw_reader *r, size_t off)
{
	struct kw_pos p = { 0, 0 };
	ssize_t n;
	char *tmp;

	if (r->fd < 0)
		return text_pos(r->buf, r->len, off);
	tmp = xmalloc(off + 3);
	if ((n = pread(r->fd, tmp, off + 3, 0)) >= 0)
		p = text_pos(tmp, (size_t)n, off);
	free(tmp);
	return p;
}

/* Whether 8 bytes are all printable ASCII (0x20-0x7E) or newlines, tested
 * at once: most of a tree is, and this is the one loop that sees every
 * byte. With no byte >= 0x80, adding 0x60 sets a byte's top bit exactly
 * when it is >= 0x20, adding 0x01 exactly when it is 0x7F, and
 * ((v & 0x7F) + 0x7F) | v exactly when v is not 0 (v: the byte XOR '\n');
 * no carry crosses bytes. */
static int
plain8(const unsigned char *p)
{
	const uint64_t hi = 0x8080808080808080u, lo7 = 0x7F7F7F7F7F7F7F7Fu;
	uint64_t w, v, low, nl;

	memcpy(&w, p, sizeof w);
	if ((w & hi) != 0 || ((w + 0x0101010101010101u) & hi) != 0)
		return 0;
	low = ~(w + 0x6060606060606060u) & hi;	/* bytes < 0x20 */
	v = w ^ 0x0A0A0A0A0A0A0A0Au;
	nl = ~(((v & lo7) + lo7) | v) & hi;	/* newlines */
	return (low & ~nl) == 0;
}

/* Before libyaml sees it: the file must be UTF-8 text without NUL bytes or
 * control characters (reported where they are). `s` holds whole characters
 * from file offset `base`; the file's start is checked for other
 * encodings. */
static int
vet(struct kw_reader *r, const unsigned char *s, size_t len,
    size_t base)
{
	struct kw_pos top = { 1, 1 };
	size_t i = 0;

	/* what Windows editors call "Unicode": say so rather than "invalid
	 * UTF-8 (byte 0xFF)" */
	if (base == 0 && len >= 4 && (memcmp(s, "\xFF\xFE\0\0", 4) == 0 ||
	    memcmp(s, "\0\0\xFE\xFF", 4) == 0))
		return fail(r->diags, top, "the file is UTF-32; save it as UTF-8");
	if (base == 0 && len >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 ||
	    memcmp(s, "\xFE\xFF", 2) == 0))
		return fail(r->diags, top, "the file is UTF-16; save it as UTF-8");
	if (base == 0 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		uint32_t c;
		size_t w;

		while (len - i >= 8 && plain8(s + i))
			i += 8;
		if (i == len)
			break;
		if ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n') {
			i++;
			continue;
		}
		/* two bytes, U+00A0 to U+07FF (French accents): fine as is */
		if (s[i] >= 0xC2 && s[i] <= 0xDF && len - i >= 2 &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i] > 0xC2 ||
		    s[i + 1] >= 0xA0)) {
			i += 2;
			continue;
		}
		w = kw_utf8_decode(s + i, len - i, &c);
		if (w == 0)
			return fail(r->diags, reader_pos(r, base + i),
			    "invalid UTF-8 (byte 0x%02X)", s[i]);
		if (c == 0)
			return fail(r->diags, reader_pos(r, base + i), "NUL byte in file");
		if (!tree_char_valid(c, 1))
			return fail(r->diags, reader_pos(r, base + i),
			    "control character U+%04X is not allowed",
			    (unsigned)c);
		if (c == 0xFEFF)	/* invisible, and libyaml skips it */
			return fail(r->diags, reader_pos(r, base + i), "byte order mark "
			    "U+FEFF inside the file");
		i += w;
	}
	return 0;
}

int
reader_vet(struct kw_reader *r)
{
	int rc = vet(r, (const unsigned char *)r->buf, r->len, 0);

	if (rc < 0)
		r->stopped = 1;
	return rc;
}

/* Refill the chunk from the file and vet what is new, up to the last whole
 * character (all of it at the end of the file). */
static int
refill(struct kw_reader *r)
{
	struct kw_pos nopos = { 0, 0 }, top = { 1, 1 };
	size_t end;

	memmove(r->chunk, r->chunk + r->cbeg, r->cend - r->cbeg);
	r->off += r->cbeg;
	r->cend -= r->cbeg;
	r->vend -= r->cbeg;
	r->cbeg = 0;
	while (r->cend < CHUNK && !r->eof) {
		ssize_t n = read(r->fd, r->chunk + r->cend, CHUNK - r->cend);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(r->diags, nopos, "cannot read: %s",
			    strerror(errno));
		if (n == 0)
			r->eof = 1;
		r->cend += (size_t)n;
		if (r->off + r->cend > r->max_bytes)
			return fail(r->diags, top, "file too large: more than "
			    "%zu bytes (at most %zu; see KEYWIZ_MAX_TREE_BYTES)",
			    r->max_bytes, r->max_bytes);
	}
	end = r->cend;
	if (!r->eof) {
		size_t q = end;

		while (q > r->vend && end - q < 3 &&
		    (r->chunk[q - 1] & 0xC0) == 0x80)
			q--;
		if (q > r->vend && r->chunk[q - 1] >= 0xC0) {
			unsigned c = r->chunk[q - 1];
			size_t w = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

			if (q - 1 + w > end)
				end = q - 1;
		}
	}
	if (vet(r, r->chunk + r->vend, end - r->vend,
	    r->off + r->vend) < 0)
		return -1;
	r->vend = end;
	return 0;
}

int
reader_read(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
	struct kw_reader *r = data;
	size_t n;

	*size_read = 0;
	if (r->stopped)
		return 0;
	if (r->vend == r->cbeg && !(r->eof && r->cbeg == r->cend) &&
	    refill(r) < 0) {
		r->stopped = 1;
		return 0;
	}
	n = r->vend - r->cbeg < size ? r->vend - r->cbeg : size;
	memcpy(buf, r->chunk + r->cbeg, n);
	r->cbeg += n;
	*size_read = n;
	return 1;
}

char *
reader_slurp(int fd, size_t max, size_t *len, int *err)
{
	size_t cap = 64 * 1024, n = 0;
	struct stat st;
	char *buf;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > max) {
			*len = (size_t)st.st_size;
			return NULL;
		}
		cap = (size_t)st.st_size + 1;
	}
	buf = xmalloc(cap);
	for (;;) {
		ssize_t r;

		if (n == cap)
			buf = xgrow(buf, &cap, n + 1, 1);
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = errno;
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max)
			break;
	}
	*len = n;
	return buf;
}
