/* SPDX-License-Identifier: MIT */
/* i18n.c - choosing the language and setting up gettext */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "datadir.h"
#include "i18n.h"

static char current[8] = "en";

const char *
i18n_env_lang(char *buf, size_t size)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL",
	    "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		size_t n, lang;

		if (v == NULL || *v == '\0')
			continue;
		if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
		    strncmp(v, "C.", 2) == 0)
			break;
		/* "pt_BR.UTF-8", "de:fr": the language and its region */
		n = strcspn(v, ".@:");
		lang = strcspn(v, "_-.@:");
		if (lang >= 2 && lang <= 3 && n < size) {
			memcpy(buf, v, n);
			buf[n] = '\0';
			return buf;
		}
		break;
	}
	snprintf(buf, size, "en");
	return buf;
}

/* Whether the first language of $LANGUAGE is `code` (region aside). */
static int
language_names(const char *code)
{
	const char *v = getenv("LANGUAGE");
	size_t n = strcspn(code, "_-");

	return v != NULL && strncmp(v, code, n) == 0 &&
	    strchr("_-.@:", v[n]) != NULL;
}

static int
ctype_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

void
i18n_init(const char *code)
{
	const char *dir = getenv("KEYWIZ_LOCALEDIR");
	const char *msgs;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C");
	/* keywiz reads and writes UTF-8; where the environment's locale is
	 * missing or not UTF-8, use C.UTF-8 for character handling */
	if (!ctype_is_utf8())
		setlocale(LC_CTYPE, "C.UTF-8");
	/* gettext ignores LANGUAGE in the C locale: make sure it is not */
	msgs = setlocale(LC_MESSAGES, NULL);
	if (msgs == NULL || strcmp(msgs, "C") == 0 ||
	    strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	snprintf(current, sizeof current, "%.*s", (int)strcspn(code, "_-.@"),
	    code);
	/* the user's list of languages stays when it starts with this one
	 * ("de:fr": German, else French, else English) */
	if (!language_names(code))
		setenv("LANGUAGE", code, 1);
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir :
	    datadir_locale());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

const char *
i18n_current(void)
{
	return current;
}
