/* SPDX-License-Identifier: MIT */
/* i18n.h - the program's own strings through gettext, and language choice */
#ifndef KW_I18N_H
#define KW_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* The user's language from LANGUAGE (its first), LC_ALL, LC_MESSAGES, LANG
 * (first set, non-empty, not C/POSIX), as a code of two or three letters,
 * with its region if it has one ("pt_BR"), in `buf`; "en" otherwise. Any
 * language runs: the tree says which it has. */
const char *i18n_env_lang(char *buf, size_t size);

/* Set up the locale (UTF-8 character handling even where the environment
 * names a locale that is not installed) and make gettext speak `code`:
 * its catalogue if there is one, else English. $LANGUAGE is kept when it
 * starts with `code`, else set to it. The catalogue directory is
 * $KEYWIZ_LOCALEDIR, else datadir_locale(). */
void i18n_init(const char *code);

/* The language gettext speaks now ("en", "fr"). */
const char *i18n_current(void);

#endif
