/* SPDX-License-Identifier: MIT */
/* i18n.h - the program's own strings through gettext, and language choice */
#ifndef KW_I18N_H
#define KW_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* The languages the program itself speaks (its catalogues): "en fr". */
extern const char *const i18n_languages[];

/* The user's language from LC_ALL, LC_MESSAGES, LANG (first set, non-empty,
 * not C/POSIX), as a two- or three-letter code in `buf`; "en" otherwise. */
const char *i18n_env_lang(char *buf, size_t size);

/* Whether `code` is one of i18n_languages. */
int i18n_known(const char *code);

/* Set up the locale (UTF-8 character handling even where the environment
 * names a locale that is not installed) and make gettext speak `code`.
 * The catalogue directory is $KEYWIZ_LOCALEDIR, else datadir_locale(). */
void i18n_init(const char *code);

/* The language gettext speaks now ("en", "fr"). */
const char *i18n_current(void);

#endif
