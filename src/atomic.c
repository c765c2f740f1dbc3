/* SPDX-License-Identifier: MIT */
/* atomic.c - replacing a file whole: temporary file, fsync, rename */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "xalloc.h"

/* Flush the folder holding `path`, so the rename itself is on disk. */
static void
sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
atomic_write(const char *path, int (*put)(FILE *fp, void *arg),
    void *arg)
{
	return atomic_write_mode(path, S_IRUSR | S_IWUSR, put, arg);
}

/* Write what `put` writes to a new temporary file beside `path`, of
 * `mode`, flushed to disk; then put it in place with `place` (rename: over
 * what is there; link: only where nothing is). */
static int
write_then(const char *path, mode_t mode, int (*put)(FILE *fp, void *arg),
    void *arg, int (*place)(const char *tmp, const char *path))
{
	const char *slash = strrchr(path, '/');
	char *tmp;
	FILE *fp = NULL;
	int fd, rc, saved;

	if (slash != NULL)
		tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
		    slash + 1);
	else
		tmp = xasprintf(".%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (fchmod(fd, mode & 07777) < 0 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		goto fail;
	}
	errno = 0;
	rc = put(fp, arg);
	if (rc < 0 || fflush(fp) != 0 || fsync(fileno(fp)) < 0) {
		saved = errno != 0 ? errno : EIO;
		fclose(fp);
		goto fail;
	}
	if (fclose(fp) != 0) {
		saved = errno;
		goto fail;
	}
	if (place(tmp, path) < 0) {
		saved = errno;
		goto fail;
	}
	sync_folder(path);
	free(tmp);
	return 0;

fail:
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

/* Put `tmp` at `path` only where no file is: a hard link (then the
 * temporary name goes), or where the file system has none (FAT, some
 * network shares), a rename that refuses to replace. */
static int
place_new(const char *tmp, const char *path)
{
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
		return -1;
	return renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
}

int
atomic_write_mode(const char *path, mode_t mode,
    int (*put)(FILE *fp, void *arg), void *arg)
{
	return write_then(path, mode, put, arg, rename);
}

int
atomic_write_new(const char *path, mode_t mode,
    int (*put)(FILE *fp, void *arg), void *arg)
{
	return write_then(path, mode, put, arg, place_new);
}

struct buf {
	const void *p;
	size_t len;
};

static int
write_buf(FILE *fp, void *arg)
{
	const struct buf *b = arg;

	return fwrite(b->p, 1, b->len, fp) == b->len ? 0 : -1;
}

int
atomic_write_buf(const char *path, const void *buf, size_t len)
{
	struct buf b = { buf, len };

	return atomic_write(path, write_buf, &b);
}
