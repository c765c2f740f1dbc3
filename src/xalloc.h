/* SPDX-License-Identifier: MIT */
/* xalloc.h - allocation that never returns NULL, and fatal() for impossible states */
#ifndef KW_XALLOC_H
#define KW_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Each allocates or dies through fatal(); none returns NULL. Free with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of *cap elements of size `size` so it holds at least `need`. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* Called by fatal() before it exits, e.g. to restore the terminal. One at a time. */
void fatal_set_hook(void (*hook)(void));

/* Print "keywiz: MESSAGE" to stderr, run the hook, exit 70 (EX_SOFTWARE). */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
