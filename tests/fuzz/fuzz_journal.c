/* SPDX-License-Identifier: MIT */
/* fuzz_journal.c - libFuzzer harness: any bytes as a session journal, read
 * to its first damage and replayed on the bundled tree as --recover does;
 * what it says of the damage and of a refusal must stay clean terminal
 * text once cleaned, and a rebuilt session must hold the events it read */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "i18n.h"
#include "journal.h"
#include "session.h"
#include "text.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	i18n_init("en");
	fz_bundled();
	return 0;
}

static void
assert_clean(const char *s, const char *what)
{
	char *clean = text_clean(s);

	fz_assert_clean(clean, strlen(clean), what);
	free(clean);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kw_journal_read r;
	struct kw_session *s;
	char err[1024], note[1024];
	size_t n = 0;
	json_t *rec;
	char *dump;

	if (journal_parse((const char *)data, size, &r, err, sizeof err) < 0) {
		assert_clean(err, "a refusal");
		return 0;
	}
	if (r.good + r.dropped != size)
		abort();
	journal_damage(&r, note, sizeof note);
	assert_clean(note, "the damage");
	(void)journal_head_str(&r, "tree.id");
	(void)journal_head_str(&r, "tree.file");
	rec = journal_record(&r, json_array_size(r.events));
	dump = json_dumps(rec, JSON_COMPACT);
	free(dump);
	json_decref(rec);
	s = journal_resume(fz_bundled(), &r, &n, err, sizeof err);
	assert_clean(err, "the replay's word");
	if (s != NULL) {
		if (n > json_array_size(r.events) ||
		    session_nevents(s) < n + 1)
			abort();
		session_free(s);
	}
	journal_read_free(&r);
	return 0;
}
