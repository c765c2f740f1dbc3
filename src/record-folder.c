/* SPDX-License-Identifier: MIT */
/* record-folder.c - a records folder: every session's JSON record under a
 * name of its own; and the end-of-call command that is given it */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "i18n.h"
#include "record-int.h"
#include "record.h"
#include "xalloc.h"

int
record_check_folder(const char *dir, char *err, size_t errsize)
{
	struct stat st;

	if (stat(dir, &st) < 0) {
		snprintf(err, errsize, _("the records folder %s: %s"), dir,
		    strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errsize, _("the records folder %s is %s, not a "
		    "folder"), dir, S_ISREG(st.st_mode) ? _("a file") :
		    record_file_kind(st.st_mode));
		return -1;
	}
	if (access(dir, W_OK | X_OK) < 0) {
		snprintf(err, errsize, _("the records folder %s: cannot "
		    "create a file there: %s"), dir, strerror(errno));
		return -1;
	}
	if (errsize > 0)
		*err = '\0';
	return 0;
}

/* `s` for a file name: letters, digits, '.', '_' and '-' kept, anything
 * else '_', at most 32 bytes, no leading '.'. */
static void
name_part(char *buf, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s != '\0' && n + 1 < size && n < 32; s++) {
		char c = *s;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '-') || (n == 0 && c == '.'))
			c = '_';
		buf[n++] = c;
	}
	buf[n] = '\0';
}

/* Six random letters and digits. */
static void
suffix(char *buf)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char r[6];

	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		/* no entropy to be had: the clock and the process */
		unsigned long x = (unsigned long)clock() ^
		    (unsigned long)time(NULL) * 2654435761u ^
		    (unsigned long)getpid() << 16;

		for (size_t i = 0; i < sizeof r; i++, x >>= 5)
			r[i] = (unsigned char)(x ^ (unsigned long)rand());
	}
	for (size_t i = 0; i < sizeof r; i++)
		buf[i] = set[r[i] % (sizeof set - 1)];
	buf[6] = '\0';
}

char *
record_folder_name(const struct kw_session *s, const char *dir)
{
	char when[32], agent[40] = "", ticket[40] = "", rnd[8];
	time_t t = session_started(s);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y%m%dT%H%M%SZ", &tm) == 0)
		snprintf(when, sizeof when, "00000000T000000Z");
	if (session_agent(s) != NULL)
		name_part(agent, sizeof agent, session_agent(s));
	if (session_ticket(s) != NULL)
		name_part(ticket, sizeof ticket, session_ticket(s));
	suffix(rnd);
	return xasprintf("%s/%s%s%s%s%s-%s.json", dir, when,
	    *agent != '\0' ? "-" : "", agent, *ticket != '\0' ? "-" : "",
	    ticket, rnd);
}

int
record_save_folder(const struct kw_session *s, const char *dir,
    mode_t mode, char **out, char *err, size_t errsize)
{
	struct save sv = { s, 1 };
	char *path = NULL;

	*out = NULL;
	if (errsize > 0)
		*err = '\0';
	if (mode == 0)
		mode = S_IRUSR | S_IWUSR;
	/* a name already taken is another session's: draw another */
	for (int tries = 0; tries < 100; tries++) {
		free(path);
		path = record_folder_name(s, dir);
		if (atomic_write_new(path, mode, record_put, &sv) == 0) {
			*out = path;
			return 0;
		}
		if (errno != EEXIST)
			break;
	}
	record_save_error(path, err, errsize);
	free(path);
	return -1;
}

/* What a shell says with its exit status, by POSIX convention: the
 * command could not be run, or was not found. */
enum {
	SH_CANNOT_EXEC = 126,
	SH_NOT_FOUND = 127
};

int
record_on_end(const char *cmd, const char *path, char *err, size_t errsize)
{
	int status, fd;
	pid_t pid;

	if (errsize > 0)
		*err = '\0';
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		snprintf(err, errsize, _("cannot start it: %s"),
		    strerror(errno));
		close(fd);
		return -1;
	}
	if (pid == 0) {
		/* the record on standard input, its path in the environment,
		 * the signals as a shell command expects them */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		if (dup2(fd, STDIN_FILENO) < 0 ||
		    setenv("KEYWIZ_RECORD", path, 1) < 0)
			_exit(SH_CANNOT_EXEC);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(SH_NOT_FOUND);
	}
	close(fd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errsize, "waitpid: %s", strerror(errno));
			return -1;
		}
	if (WIFSIGNALED(status)) {
		snprintf(err, errsize, _("killed by signal %d (%s)"),
		    WTERMSIG(status), strsignal(WTERMSIG(status)));
		return -1;
	}
	if (WEXITSTATUS(status) == SH_NOT_FOUND)
		snprintf(err, errsize, _("exit status 127: command not found"));
	else if (WEXITSTATUS(status) == SH_CANNOT_EXEC)
		snprintf(err, errsize, _("exit status 126: command not "
		    "executable"));
	else if (WEXITSTATUS(status) != 0)
		snprintf(err, errsize, _("exit status %d"),
		    WEXITSTATUS(status));
	else
		return 0;
	return -1;
}
