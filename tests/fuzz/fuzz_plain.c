/* SPDX-License-Identifier: MIT */
/* fuzz_plain.c - libFuzzer harness: any bytes as what a user types to the
 * plain front end on the bundled tree (ui_plain_run over fmemopen); what it
 * prints must stay clean terminal text */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuzzutil.h"
#include "i18n.h"
#include "session.h"
#include "ui.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	i18n_init("en");
	fz_bundled();
	return 0;
}

static time_t
fixed_clock(void)
{
	return 1795514400;	/* 2026-11-24T10:00:00Z */
}

/* The first byte picks the options: the tree's language, training, echo,
 * and a width of 20..83 columns; the rest is the input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kw_tree *t = fz_bundled();
	struct kw_ui_opts o;
	struct kw_session *s;
	char *out = NULL;
	size_t outlen = 0;
	FILE *in, *fout;
	int status;

	if (size == 0)
		return 0;
	memset(&o, 0, sizeof o);
	o.training = data[0] & 1;
	o.echo = (data[0] >> 1) & 1;
	o.width = 20 + (data[0] >> 2);
	/* fmemopen cannot open an empty buffer everywhere */
	in = size > 1 ? fmemopen((void *)(data + 1), size - 1, "r") :
	    fopen("/dev/null", "r");
	fout = open_memstream(&out, &outlen);
	if (in == NULL || fout == NULL)
		abort();
	s = session_new(t, (size_t)(data[0] >> 7) % t->nlangs, fixed_clock);
	status = ui_plain_run(s, in, fout, &o);
	fclose(in);
	fclose(fout);
	if (status != KW_EXIT_OK && status != KW_EXIT_NEGATIVE)
		abort();
	if (!session_finished(s))
		abort();
	fz_assert_clean(out, outlen, "the plain front end's output");
	session_free(s);
	free(out);
	return 0;
}
