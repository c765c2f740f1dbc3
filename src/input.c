/* SPDX-License-Identifier: MIT */
/* input.c - reading a bounded line of input */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "input.h"
#include "xalloc.h"

char *
input_line(FILE *fp, size_t max, int *truncated)
{
	size_t n = 0, cap = 128;
	char *buf = xmalloc(cap);
	int c, any = 0;

	if (truncated != NULL)
		*truncated = 0;
	errno = 0;
	while ((c = getc(fp)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		if (n >= max) {
			if (truncated != NULL)
				*truncated = 1;
			continue;
		}
		if (n + 1 >= cap)
			buf = xgrow(buf, &cap, n + 2, 1);
		buf[n++] = (char)c;
	}
	if (c == EOF && (!any || ferror(fp))) {
		int e = errno;

		free(buf);
		clearerr(fp);
		errno = e;
		return NULL;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return buf;
}
