/* SPDX-License-Identifier: MIT */
/* input.c - reading a bounded line of input */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "input.h"
#include "xalloc.h"

char *
input_line(FILE *fp, size_t max, int *truncated)
{
	size_t cap = max < 128 ? max + 1 : 128, n = 0;
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
			continue;	/* too long: drop the rest */
		}
		if (n + 1 == cap) {
			/* grow by hand, wiping the old buffer: the line may
			 * be a product key */
			size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *bigger = xmalloc(ncap);

			memcpy(bigger, buf, n);
			explicit_bzero(buf, cap);
			free(buf);
			buf = bigger;
			cap = ncap;
		}
		buf[n++] = (char)c;
	}
	if (c == EOF && (!any || ferror(fp))) {
		int e = errno;

		explicit_bzero(buf, cap);
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

/* The modes of a read without echo, put back by SIGCONT: a shell that
 * stopped keywiz (Ctrl-Z) gave the terminal its own modes, echo on. */
static struct termios secret_modes;
static volatile sig_atomic_t secret_fd = -1;

static void
on_cont(int sig)
{
	int e = errno;

	(void)sig;
	if (secret_fd >= 0)
		tcsetattr(secret_fd, TCSANOW, &secret_modes);
	errno = e;
}

char *
input_secret_line(FILE *fp, size_t max, int *truncated)
{
	struct termios was;
	struct sigaction sa, old_cont;
	int fd = fileno(fp), changed = 0, e;
	char *line;

	if (fd >= 0 && isatty(fd) && tcgetattr(fd, &was) == 0) {
		secret_modes = was;
		secret_modes.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		changed = tcsetattr(fd, TCSANOW, &secret_modes) == 0;
	}
	if (changed) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_cont;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		secret_fd = fd;
		sigaction(SIGCONT, &sa, &old_cont);
	}
	line = input_line(fp, max, truncated);
	e = errno;
	if (changed) {
		sigaction(SIGCONT, &old_cont, NULL);
		secret_fd = -1;
		tcsetattr(fd, TCSANOW, &was);
	}
	errno = e;
	return line;
}
