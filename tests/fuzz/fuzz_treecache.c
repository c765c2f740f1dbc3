/* SPDX-License-Identifier: MIT */
/* fuzz_treecache.c - libFuzzer harness: any bytes as a tree cache's stream,
 * from memory (treecache_decode) and from a cache file (treecache_load) */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fuzzutil.h"
#include "hash.h"
#include "load.h"
#include "treecache.h"
#include "xalloc.h"

/*
 * The input is the stream alone (the corpus: real cache files less their
 * header). The file path needs a header that is right for a tree file: one
 * is taken at start from a cache written by treecache_save() for a copy of
 * an example tree, in a private XDG_CACHE_HOME, and only its last 16 bytes,
 * the payload's length and FNV-1a, are set for each input, so a stream
 * reaches the decoder through the 16 KiB window exactly as from memory.
 * An input that starts like that header (the magic) is written as the
 * whole file instead, for the header's checks.
 */
#define TREE_SRC	KW_SRCDIR "/wizard/examples/password-expired.yaml"

static struct kw_limits lim;
static struct kw_treecache *cache;
static unsigned char *hdr;		/* a header right for the tree file */
static size_t hdrlen;
static char *tmpdir;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}

static void *
slurp(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		fail(path);
	do {
		buf = xgrow(buf, &cap, n + 4096, 1);
		if ((r = read(fd, buf + n, cap - n)) < 0 && errno != EINTR)
			fail(path);
		if (r > 0)
			n += (size_t)r;
	} while (r != 0);
	close(fd);
	*len = n;
	return buf;
}

static void
write_all(int fd, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n > 0) {
		ssize_t r = write(fd, b, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			fail("cannot write the cache file");
		b += r;
		n -= (size_t)r;
	}
}

/* The cache file: `a` then `b`, mode 0600 as treecache_save() leaves it. */
static void
put_file(const void *a, size_t alen, const void *b, size_t blen)
{
	int fd = open(treecache_file(cache), O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC, 0600);

	if (fd < 0)
		fail("cannot open the cache file");
	write_all(fd, a, alen);
	write_all(fd, b, blen);
	close(fd);
}

static void
rm_tmpdir(void)
{
	char *dir;

	if (tmpdir == NULL)
		return;
	unlink(treecache_file(cache));
	dir = xasprintf("%s/cache/keywiz", tmpdir);
	rmdir(dir);
	free(dir);
	dir = xasprintf("%s/cache", tmpdir);
	rmdir(dir);
	free(dir);
	dir = xasprintf("%s/tree.yaml", tmpdir);
	unlink(dir);
	free(dir);
	rmdir(tmpdir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	unsigned char *file, *stream;
	size_t len, flen, slen;
	struct kw_diags d;
	struct kw_tree *t;
	char *tree, *dir;
	int cant_open, fd;

	(void)argc;
	(void)argv;
	unsetenv("KEYWIZ_NO_CACHE");
	unsetenv("KEYWIZ_MAX_TREE_BYTES");
	load_default_limits(&lim);
	tmpdir = xasprintf("%s/kwfuzz-XXXXXX", tmp != NULL && *tmp == '/' ?
	    tmp : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		fail("mkdtemp");
	atexit(rm_tmpdir);
	dir = xasprintf("%s/cache", tmpdir);
	setenv("XDG_CACHE_HOME", dir, 1);
	free(dir);

	/* a copy of the tree, which nothing changes during the run */
	file = slurp(TREE_SRC, &len);
	tree = xasprintf("%s/tree.yaml", tmpdir);
	if ((fd = open(tree, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) < 0)
		fail(tree);
	write_all(fd, file, len);
	close(fd);
	free(file);

	diags_init(&d, tree);
	t = load_tree(tree, &lim, &d, &cant_open);
	if (t == NULL || check_tree(t, 0, &d) > 0 || d.n > 0)
		fail(TREE_SRC " does not load cleanly");
	diags_free(&d);
	if ((cache = treecache_open(tree, &lim)) == NULL ||
	    treecache_load(cache, 0) != NULL || treecache_save(cache, t) < 0)
		fail("no tree cache written");

	/* the file is the header and the stream: keep the header */
	file = slurp(treecache_file(cache), &flen);
	if ((stream = treecache_encode(t, &slen)) == NULL || slen + 16 > flen ||
	    memcmp(file + flen - slen, stream, slen) != 0)
		fail("the cache file does not end with the stream");
	hdrlen = flen - slen;
	hdr = xmalloc(hdrlen);
	memcpy(hdr, file, hdrlen);
	free(stream);
	free(file);
	free(tree);
	tree_free(t);
	return 0;
}

/* A tree read back must be the stream it came from: encode(decode(x)) is
 * x, byte for byte. */
static void
same_stream(const struct kw_tree *t, const uint8_t *data, size_t size,
    const char *what)
{
	size_t len;
	void *again = treecache_encode(t, &len);

	if (again == NULL || len != size || memcmp(again, data, size) != 0) {
		fprintf(stderr, "fuzz: %s: a tree read back encodes to other "
		    "bytes (%zu, not %zu)\n", what, again ? len : 0, size);
		abort();
	}
	free(again);
}

static void
put_le64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kw_tree *mem, *file;

	mem = treecache_decode(data, size, "fuzz.kwc", &lim, 0);
	if (mem != NULL) {
		struct kw_diags d;

		same_stream(mem, data, size, "from memory");
		/* training's checks too, on trees the loader never makes */
		diags_init(&d, "fuzz.kwc");
		check_tree(mem, KW_CHECK_TRAINING, &d);
		diags_free(&d);
	}

	if (size >= 4 && memcmp(data, hdr, 4) == 0) {
		/* a whole file, header and all */
		put_file(data, size, NULL, 0);
		tree_free(treecache_load(cache, 0));
		tree_free(mem);
		return 0;
	}
	put_le64(hdr + hdrlen - 16, size);
	put_le64(hdr + hdrlen - 8, hash_fnv1a64(HASH_FNV1A64_INIT, data,
	    size));
	put_file(hdr, hdrlen, data, size);
	file = treecache_load(cache, 0);
	if ((mem == NULL) != (file == NULL)) {
		fprintf(stderr, "fuzz: the stream is %s from memory but %s "
		    "from a file\n", mem ? "a tree" : "refused",
		    file ? "a tree" : "refused");
		abort();
	}
	if (file != NULL)
		same_stream(file, data, size, "from a file");
	tree_free(mem);
	tree_free(file);
	return 0;
}
