/* SPDX-License-Identifier: MIT */
/* fuzz_record.c - libFuzzer harness: any bytes as a session record file:
 * the tree id lookup --resume does without a tree, resume on the bundled
 * tree, and a resumed session written back as JSON must resume again */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzzutil.h"
#include "locate.h"
#include "record-json.h"
#include "record.h"
#include "session.h"

static int fd = -1;
static char path[64];

/* A fixed "now", so that a resumed session is stamped the same way each
 * run: 2026-01-01T00:00:00Z. */
static time_t
fixed_clock(void)
{
	return (time_t)1767225600;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* the record is a file to record_resume(): one in memory, rewritten
	 * for each input */
	if ((fd = memfd_create("fuzz-record", MFD_CLOEXEC)) < 0) {
		perror("fuzz: memfd_create");
		abort();
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	/* tree lookups by id stay in the source tree's wizard folder */
	setenv("KEYWIZ_PATH", KW_SRCDIR "/wizard", 1);
	setenv("HOME", "/nonexistent", 1);
	fz_bundled();
	return 0;
}

/* A resumed key shows at most its last five characters: the others, the
 * dashes aside, are X. */
static void
assert_masked(const struct kw_session *s)
{
	const char *m = session_key(s)->masked;
	size_t shown = 0;

	if (m == NULL)
		return;
	for (size_t i = strlen(m); i-- > 0;) {
		if (m[i] == '-' || ((unsigned char)m[i] & 0xc0) == 0x80)
			continue;
		if (++shown > 5 && m[i] != 'X') {
			fprintf(stderr, "fuzz: the key shows more than five "
			    "characters: %s\n", m);
			abort();
		}
	}
}

/* The session written back as the JSON record a file would hold, parsed
 * again: a record keywiz writes is one it resumes. */
static void
write_back(const struct kw_tree *t, const struct kw_session *s)
{
	struct kw_session *again = NULL;
	json_error_t jerr;
	json_t *root;
	char err[1024], *buf = NULL, *md = NULL;
	size_t len = 0, mdlen = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    record_json(s, fp) < 0 || fclose(fp) != 0)
		abort();
	if ((root = json_loadb(buf, len, JSON_REJECT_DUPLICATES,
	    &jerr)) == NULL) {
		fprintf(stderr, "fuzz: the written record is not JSON: %s\n",
		    jerr.text);
		abort();
	}
	if (record_resume_json(t, root, fixed_clock, &again, err,
	    sizeof err) != 0 || again == NULL) {
		fprintf(stderr, "fuzz: the written record is refused: %s\n"
		    "%.*s\n", err, (int)len, buf);
		abort();
	}
	/* the same session, one resume further on */
	if (session_depth(again) != session_depth(s) ||
	    session_node(again) != session_node(s) ||
	    session_nevents(again) != session_nevents(s) + 1) {
		fprintf(stderr, "fuzz: resumed again, the session differs\n");
		abort();
	}
	json_decref(root);
	session_free(again);
	free(buf);

	if ((fp = open_memstream(&md, &mdlen)) == NULL ||
	    record_markdown(s, fp) < 0 || fclose(fp) != 0)
		abort();
	fz_assert_clean(md, mdlen, "the Markdown record");
	free(md);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kw_tree *t = fz_bundled();
	struct kw_session *s = NULL;
	char id[KW_ID_MAX + 1], err[1024], *found;
	int rc;

	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();

	/* --resume without a tree: the record's tree id, looked up */
	if (record_tree_id(path, id, sizeof id) == 0) {
		if (strlen(id) >= sizeof id)
			abort();
		found = locate_tree_id(id);
		if (found != NULL && strchr(id, '/') != NULL)
			abort();
		free(found);
	}

	rc = record_resume(t, path, fixed_clock, &s, err, sizeof err);
	if (rc == 0) {
		if (s == NULL)
			abort();
		assert_masked(s);
		write_back(t, s);
		session_free(s);
	} else if (s != NULL || *err == '\0' || (rc != -1 && rc != -2)) {
		fprintf(stderr, "fuzz: refused (%d) without a reason\n", rc);
		abort();
	}
	return 0;
}
