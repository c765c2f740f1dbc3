/* SPDX-License-Identifier: MIT */
/* record.c - the session record: what both formats say about a session (its
 * times, its tree's structure hash, its status, the key's mask), and where
 * and how it is saved; record-md.c writes Markdown, record-json.c JSON,
 * record-resume.c reads */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "atomic.h"
#include "hash.h"
#include "i18n.h"
#include "record-int.h"
#include "record.h"
#include "view.h"
#include "xalloc.h"

/* ---- times ---- */

void
record_iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char z[8];

	if (localtime_r(&t, &tm) == NULL) {
		/* out of the C library's range: record_time_ok() says no */
		snprintf(buf, size, "?");
		return;
	}
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	if (strftime(z, sizeof z, "%z", &tm) == 5)
		snprintf(buf + strlen(buf), size - strlen(buf), "%.3s:%.2s",
		    z, z + 3);
	else
		snprintf(buf + strlen(buf), size - strlen(buf), "Z");
}

int
record_time_ok(time_t t)
{
	struct tm tm;

	return t >= 0 && localtime_r(&t, &tm) != NULL &&
	    tm.tm_year <= KW_RECORD_YEAR_MAX - 1900;
}

int
record_times_ok(const struct kw_session *s)
{
	if (!record_time_ok(session_started(s)) ||
	    !record_time_ok(session_now(s)))
		return 0;
	for (size_t i = 0; i < session_nevents(s); i++)
		if (!record_time_ok(session_event(s, i)->t))
			return 0;
	for (size_t i = 0; i < session_depth(s); i++)
		if (!record_time_ok(session_step(s, i)->shown) ||
		    !record_time_ok(session_step(s, i)->answered))
			return 0;
	return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int
digits(const char *s, size_t n, unsigned *out)
{
	*out = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*out = *out * 10 + (unsigned)(s[i] - '0');
	}
	return 0;
}

int
record_parse_time(const char *s, time_t *out)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	unsigned y, mo, d, h, mi, sec, oh = 0, om = 0;
	int64_t t;
	int sign = 0;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &mo) < 0 || digits(s + 8, 2, &d) < 0 ||
	    digits(s + 11, 2, &h) < 0 || digits(s + 14, 2, &mi) < 0 ||
	    digits(s + 17, 2, &sec) < 0)
		return -1;
	if (strcmp(s + 19, "Z") == 0)
		sign = 1;
	else if ((s[19] == '+' || s[19] == '-') && strlen(s) == 25 &&
	    s[22] == ':' && digits(s + 20, 2, &oh) == 0 &&
	    digits(s + 23, 2, &om) == 0 && oh < 24 && om < 60)
		sign = s[19] == '+' ? 1 : -1;
	else
		return -1;
	/* 1969 too: the first hours of 1970 UTC, west of Greenwich */
	if (y < 1969 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	    sign * (int64_t)(oh * 3600 + om * 60);
	/* and a time a record can be written with again */
	if (t < 0 || (sizeof(time_t) < 8 && t > INT32_MAX) ||
	    !record_time_ok((time_t)t))
		return -1;
	*out = (time_t)t;
	return 0;
}

/* ---- what both formats share ---- */

/* One string of the structure hash, its NUL included, so that "ab" "c"
 * and "a" "bc" differ. */
static uint64_t
mix(uint64_t h, const char *s)
{
	return hash_fnv1a64(h, s, strlen(s) + 1);
}

void
record_tree_hash(const struct kw_tree *t, char *buf, size_t size)
{
	uint64_t h = HASH_FNV1A64_INIT;
	char num[32];

	h = mix(h, "keywiz-tree");
	h = mix(h, t->start != NULL ? t->start->id : "");
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];

		h = mix(h, n->id);
		h = mix(h, tree_type_name(n->type));
		snprintf(num, sizeof num, "%zu/%zu", n->nopts, n->nitems);
		h = mix(h, num);
		for (size_t j = 0; j < n->nopts; j++) {
			h = mix(h, n->opts[j].id != NULL ? n->opts[j].id : "");
			h = mix(h, n->opts[j].next != NULL ?
			    n->opts[j].next->id : "");
		}
	}
	snprintf(buf, size, "fnv1a64:%016" PRIx64, h);
}

void
record_rec_init(struct rec *r, const struct kw_session *s)
{
	char iso[RECORD_TIME_MAX];

	memset(r, 0, sizeof *r);
	r->s = s;
	r->t = session_tree(s);
	r->lang = session_lang(s);
	r->started = session_started(s);
	record_tree_hash(r->t, r->hash, sizeof r->hash);
	record_iso_time(r->started, iso, sizeof iso);
	snprintf(r->day, sizeof r->day, "%.10s", iso);

	/* an unfinished session standing at an outcome (a summary copied
	 * from the outcome screen) has reached it all the same */
	r->status = session_outcome(s) != NULL ? "completed" : "interrupted";
	if (session_finished(s)) {
		for (size_t i = session_nevents(s); i-- > 0;) {
			const struct kw_event *e = session_event(s, i);

			if (e->type == KW_EV_QUIT || e->type == KW_EV_END) {
				r->status = e->type == KW_EV_END ?
				    "completed" : "quit";
				r->ended = e->t;
				return;
			}
		}
	}
	r->ended = session_now(s);
}

const char *
record_answer_label(const struct kw_node *n, int opt, size_t lang)
{
	return view_option_label(n, opt >= 0 ? (size_t)opt : 0, lang);
}

/* ---- the key ---- */

int
record_remask_key(const char *masked, char *buf, size_t size)
{
	size_t shown = 0, len = strlen(masked);
	int changed = 0;

	if (len >= size)
		len = size - 1;
	memcpy(buf, masked, len);
	buf[len] = '\0';
	/* from the end: five characters of the key, then none */
	for (size_t i = len; i-- > 0;) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '-' || (c & 0xc0) == 0x80)
			continue;
		if (shown < 5) {
			shown++;
			continue;
		}
		if (c != 'X') {
			/* the character's bytes become one X */
			size_t end = i + 1;

			while (end < len && ((unsigned char)buf[end] &
			    0xc0) == 0x80)
				end++;
			buf[i] = 'X';
			memmove(buf + i + 1, buf + end, len - end + 1);
			len -= end - i - 1;
			changed = 1;
		}
	}
	return changed;
}

/* ---- saving ---- */

const char *
record_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISFIFO(mode))
		return _("a FIFO");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("a device");
	if (S_ISSOCK(mode))
		return _("a socket");
	if (S_ISLNK(mode))
		return _("a symbolic link");
	return _("not a regular file");
}

int
record_path_json(const char *path)
{
	size_t n = strlen(path);

	return n >= 5 && strcasecmp(path + n - 5, ".json") == 0;
}

/* The folder `path` is in (caller frees). */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* What is at `path` may be replaced by a record: nothing, or a regular file
 * of the user's own (its permission bits in *mode, else 0600). Returns 0,
 * or -1 with the reason in err. */
static int
replaceable(const char *path, mode_t *mode, char *err, size_t errsize)
{
	struct stat st;
	size_t n = strlen(path);

	*mode = S_IRUSR | S_IWUSR;
	if (n == 0) {
		snprintf(err, errsize, "%s", _("the record's file name is "
		    "empty"));
		return -1;
	}
	if (path[n - 1] == '/') {
		snprintf(err, errsize, _("%s: names a folder, not a file"),
		    path);
		return -1;
	}
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, _("%s: %s; a record is written only to "
		    "a regular file"), path, record_file_kind(st.st_mode));
		return -1;
	}
	if (st.st_uid != geteuid()) {
		snprintf(err, errsize, _("%s: the file belongs to another user "
		    "(uid %lu); a record replaces only a file of your own"),
		    path, (unsigned long)st.st_uid);
		return -1;
	}
	*mode = st.st_mode & 07777;
	return 0;
}

int
record_check_target(const char *path, char *err, size_t errsize)
{
	struct statvfs vfs;
	struct stat st;
	mode_t mode;
	char *dir, *probe;
	int fd, rc = -1;

	if (strcmp(path, "-") == 0)
		return 0;
	if (replaceable(path, &mode, err, errsize) < 0)
		return -1;
	dir = folder_of(path);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errsize, _("%s: the folder %s does not exist"),
		    path, dir);
		free(dir);
		return -1;
	}
	/* a file can be created there: try, as the save will */
	probe = xasprintf("%s/.keywiz-probe.XXXXXX", dir);
	if ((fd = mkstemp(probe)) < 0) {
		snprintf(err, errsize, _("%s: cannot create a file in the "
		    "folder %s: %s"), path, dir, strerror(errno));
	} else if (fstatvfs(fd, &vfs) == 0 && (geteuid() == 0 ?
	    vfs.f_bfree : vfs.f_bavail) == 0) {
		snprintf(err, errsize, _("%s: the folder %s is on a full "
		    "device"), path, dir);
	} else
		rc = 0;
	if (fd >= 0) {
		close(fd);
		unlink(probe);
	}
	free(probe);
	free(dir);
	if (rc == 0 && errsize > 0)
		*err = '\0';
	return rc;
}

int
record_write(const struct kw_session *s, const char *path, char *err,
    size_t errsize)
{
	return record_save(s, path, record_path_json(path), err, errsize);
}

int
record_save(const struct kw_session *s, const char *path, int json,
    char *err, size_t errsize)
{
	struct save sv = { s, json };
	mode_t mode;

	if (errsize > 0)
		*err = '\0';
	if (strcmp(path, "-") == 0) {
		if (record_put(stdout, &sv) == 0)
			return 0;
		path = _("standard output");
	} else if (replaceable(path, &mode, err, errsize) < 0)
		return -1;
	else if (atomic_write_mode(path, mode, record_put, &sv) == 0)
		return 0;
	record_save_error(path, err, errsize);
	return -1;
}

void
record_save_error(const char *path, char *err, size_t errsize)
{
	if (errno == EOVERFLOW)
		snprintf(err, errsize, _("%s: a time of the session is past "
		    "the year %d (is the clock right?), which a JSON record "
		    "cannot hold"), path, KW_RECORD_YEAR_MAX);
	else if (errno == EMSGSIZE)
		snprintf(err, errsize, _("%s: the JSON record would be larger "
		    "than the %d MiB --resume reads"), path,
		    KW_RECORD_MAX / (1024 * 1024));
	else
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
}

int
record_put(FILE *fp, void *arg)
{
	const struct save *sv = arg;

	return sv->json ? record_json(sv->s, fp) : record_markdown(sv->s, fp);
}

/* ---- reading ---- */

char *
record_read(const char *path, size_t *len, char *err, size_t errsize)
{
	struct stat st;
	char *buf;
	ssize_t got;
	size_t n = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK)) < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, _("%s, not a regular file: not a keywiz "
		    "record"), record_file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if (st.st_size > KW_RECORD_MAX) {
		snprintf(err, errsize, _("larger than %d MiB: not a keywiz "
		    "record"), KW_RECORD_MAX / (1024 * 1024));
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size + 1) {
		got = read(fd, buf + n, (size_t)st.st_size + 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errsize, "%s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (n > (size_t)st.st_size) {
		snprintf(err, errsize, _("the file grew while it was read"));
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}
