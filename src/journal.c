/* SPDX-License-Identifier: MIT */
/* journal.c - the session journal: every event written down as it happens, read back after a crash */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "journal.h"
#include "record.h"
#include "record-json.h"
#include "xalloc.h"

/* Trailing events a replay may drop to get past a damaged end (an answer
 * whose screen never made it to the disk, a line that is JSON but not the
 * event it should be). */
#define DROP_MAX 8

/* The head's own field names; the rest are the record's (record-json.h). */
#define JF_JOURNAL	"keywiz_journal"
#define JF_FILE		"file"
#define JF_PID		"pid"

struct kw_journal {
	struct kw_session *s;
	char *path;
	int fd;
	size_t written;		/* events of the session in the file */
	off_t size;		/* bytes in the file */
	const char *error;	/* why the last write failed, or NULL */
	char errbuf[256];
};

int
journal_enabled(void)
{
	const char *v = getenv("KEYWIZ_NO_JOURNAL");

	return v == NULL || *v == '\0' || strcmp(v, "0") == 0;
}

char *
journal_dir(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	/* the XDG spec: a relative path is to be ignored */
	if (state != NULL && state[0] == '/')
		return xasprintf("%s/keywiz", state);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/state/keywiz", home);
	return NULL;
}

static int
fail(char *err, size_t errsize, const char *what, int e)
{
	snprintf(err, errsize, "%s: %s", what, strerror(e));
	return -1;
}

/* The folder `dir` and its parents, made owner-only where they are new;
 * the journal folder itself must be a folder of ours, and is kept 0700. */
static int
make_dir(const char *dir, char *err, size_t errsize)
{
	char *p = xstrdup(dir);
	struct stat st;

	for (char *q = p + 1; *q != '\0'; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			fail(err, errsize, p, errno);
			free(p);
			return -1;
		}
		*q = '/';
	}
	free(p);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return fail(err, errsize, dir, errno);
	if (lstat(dir, &st) < 0)
		return fail(err, errsize, dir, errno);
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errsize, _("%s: not a folder"), dir);
		return -1;
	}
	if (st.st_uid != geteuid()) {
		snprintf(err, errsize, _("%s: owned by another user"), dir);
		return -1;
	}
	if ((st.st_mode & 077) != 0 && chmod(dir, 0700) < 0)
		return fail(err, errsize, dir, errno);
	return 0;
}

/* Lock the whole file for writing; -1 (errno EAGAIN or EACCES) if another
 * process holds it. */
static int
lock_fd(int fd)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	return fcntl(fd, F_SETLK, &fl);
}

pid_t
journal_holder(const char *path)
{
	struct flock fl;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) < 0)
		return 0;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_GETLK, &fl) < 0 || fl.l_type == F_UNLCK)
		fl.l_pid = 0;
	close(fd);
	return fl.l_pid;
}

/* Write all of buf, whatever signals come. */
static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Append one JSON object as a line to a growing buffer. */
static void
add_line(char **buf, size_t *len, size_t *cap, json_t *o)
{
	char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	size_t n;

	if (line == NULL)
		fatal("cannot build the journal");
	n = strlen(line);
	*buf = xgrow(*buf, cap, *len + n + 2, 1);
	memcpy(*buf + *len, line, n);
	*len += n;
	(*buf)[(*len)++] = '\n';
	explicit_bzero(line, n);
	free(line);
}

/* Event `i` as its journal line says it: the record's event, and for the
 * key the analysis' summary, which the record keeps beside the events. */
static json_t *
event_line(const struct kw_session *s, size_t i)
{
	json_t *o = record_event_json(s, i);
	const struct kw_event *e = session_event(s, i);

	if (e->type == KW_EV_KEY && session_key(s)->summary != NULL)
		json_object_set_new(o, RF_SUMMARY,
		    json_string(session_key(s)->summary));
	return o;
}

/* Append the events not yet in the file (and `head` first, if given),
 * in one write, and flush them to disk. A failed write is cut off again,
 * so the file stays whole, and tried again at the next change. */
static int
journal_append(struct kw_journal *j, json_t *head)
{
	size_t n = session_nevents(j->s), len = 0, cap = 0;
	char *buf = NULL;
	int rc = 0, e;

	if (head != NULL)
		add_line(&buf, &len, &cap, head);
	for (size_t i = j->written; i < n; i++) {
		json_t *o = event_line(j->s, i);

		add_line(&buf, &len, &cap, o);
		json_decref(o);
	}
	if (len == 0)
		return 0;
	if (write_all(j->fd, buf, len) < 0 || fdatasync(j->fd) < 0) {
		e = errno;
		if (ftruncate(j->fd, j->size) < 0) {
			/* what is there stays; the reader stops at it */
		}
		snprintf(j->errbuf, sizeof j->errbuf, "%s: %s", j->path,
		    strerror(e));
		j->error = j->errbuf;
		rc = -1;
	} else {
		j->size += (off_t)len;
		j->written = n;
		j->error = NULL;
	}
	explicit_bzero(buf, len);
	free(buf);
	return rc;
}

static void
on_change(void *arg, const struct kw_session *s)
{
	(void)s;
	journal_append(arg, NULL);
}

/* The head: what a record's head says of the session, and who writes. */
static json_t *
make_head(const struct kw_session *s, const char *tree_path)
{
	const struct kw_tree *t = session_tree(s);
	json_t *o = json_object(), *tree = json_object(), *start;
	char hash[32], *abs = realpath(tree_path, NULL);

	record_tree_hash(t, hash, sizeof hash);
	json_object_set_new(o, JF_JOURNAL, json_integer(KW_JOURNAL_VERSION));
	json_object_set_new(o, RF_PROGRAM, json_string(VERSION));
	json_object_set_new(tree, RF_ID, json_string(t->id));
	json_object_set_new(tree, RF_VERSION, json_string(t->version));
	json_object_set_new(tree, RF_HASH, json_string(hash));
	json_object_set_new(tree, RF_TITLE, json_string(tree_text(&t->title,
	    session_lang(s))));
	json_object_set_new(tree, JF_FILE, json_string(abs != NULL ? abs :
	    tree_path));
	free(abs);
	json_object_set_new(o, RF_TREE, tree);
	json_object_set_new(o, RF_LANGUAGE,
	    json_string(t->langs[session_lang(s)]));
	start = record_event_json(s, 0);
	json_object_set(o, RF_STARTED, json_object_get(start, RF_TIME));
	json_decref(start);
	json_object_set_new(o, JF_PID, json_integer((json_int_t)getpid()));
	return o;
}

struct kw_journal *
journal_create(struct kw_session *s, const char *tree_path, char *err,
    size_t errsize)
{
	struct kw_journal *j;
	char *dir = journal_dir(), stamp[32];
	time_t started = session_started(s);
	struct tm tm;
	json_t *head;
	int fd = -1;

	if (dir == NULL) {
		snprintf(err, errsize, "%s", _("neither $XDG_STATE_HOME nor "
		    "$HOME is set"));
		return NULL;
	}
	if (make_dir(dir, err, errsize) < 0) {
		free(dir);
		return NULL;
	}
	localtime_r(&started, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	j = xcalloc(1, sizeof *j);
	for (int k = 0; fd < 0 && k < 100; k++) {
		free(j->path);
		j->path = k == 0 ? xasprintf("%s/%s-%ld%s", dir, stamp,
		    (long)getpid(), KW_JOURNAL_SUFFIX) : xasprintf(
		    "%s/%s-%ld-%d%s", dir, stamp, (long)getpid(), k,
		    KW_JOURNAL_SUFFIX);
		fd = open(j->path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND |
		    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	free(dir);
	if (fd < 0 || lock_fd(fd) < 0) {
		fail(err, errsize, j->path, errno);
		if (fd >= 0) {
			unlink(j->path);
			close(fd);
		}
		free(j->path);
		free(j);
		return NULL;
	}
	j->fd = fd;
	j->s = s;
	head = make_head(s, tree_path);
	if (journal_append(j, head) < 0) {
		snprintf(err, errsize, "%s", j->error);
		json_decref(head);
		journal_close(j, 1);
		return NULL;
	}
	json_decref(head);
	session_set_hook(s, on_change, j);
	return j;
}

struct kw_journal *
journal_open(const char *path, char **buf, size_t *len, pid_t *holder,
    char *err, size_t errsize)
{
	struct kw_journal *j;
	struct stat st;
	size_t n = 0;
	int fd;

	*holder = 0;
	*buf = NULL;
	if ((fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) < 0) {
		fail(err, errsize, path, errno);
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || st.st_size > KW_JOURNAL_MAX) {
		snprintf(err, errsize, "%s: %s", path, !S_ISREG(st.st_mode) ?
		    _("not a regular file") : st.st_uid != geteuid() ?
		    _("owned by another user") : _("too large for a journal"));
		close(fd);
		return NULL;
	}
	if (lock_fd(fd) < 0) {
		int e = errno;
		struct flock fl;

		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		if ((e == EAGAIN || e == EACCES) && fcntl(fd, F_GETLK,
		    &fl) == 0 && fl.l_type != F_UNLCK) {
			*holder = fl.l_pid;
			snprintf(err, errsize, _("%s: in use by keywiz process "
			    "%ld"), path, (long)fl.l_pid);
		} else
			fail(err, errsize, path, e);
		close(fd);
		return NULL;
	}
	*buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t got = pread(fd, *buf + n, (size_t)st.st_size - n,
		    (off_t)n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	(*buf)[n] = '\0';
	*len = n;
	j = xcalloc(1, sizeof *j);
	j->fd = fd;
	j->path = xstrdup(path);
	j->size = (off_t)n;
	return j;
}

int
journal_continue(struct kw_journal *j, struct kw_session *s, size_t n,
    size_t end, char *err, size_t errsize)
{
	char last = '\n';

	if ((off_t)end < j->size && ftruncate(j->fd, (off_t)end) < 0)
		return fail(err, errsize, j->path, errno);
	j->size = (off_t)end;
	/* the last event whole but its line end cut off */
	if (end > 0 && pread(j->fd, &last, 1, (off_t)end - 1) == 1 &&
	    last != '\n') {
		if (write_all(j->fd, "\n", 1) < 0)
			return fail(err, errsize, j->path, errno);
		j->size++;
	}
	j->s = s;
	j->written = n;
	if (journal_append(j, NULL) < 0) {
		snprintf(err, errsize, "%s", j->error);
		return -1;
	}
	session_set_hook(s, on_change, j);
	return 0;
}

const char *
journal_error(const struct kw_journal *j)
{
	return j != NULL ? j->error : NULL;
}

const char *
journal_file(const struct kw_journal *j)
{
	return j->path;
}

/* Flush the journal folder, so that a removal is on disk too. */
static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash != NULL) {
		*slash = '\0';
		if ((fd = open(*dir != '\0' ? dir : "/", O_RDONLY |
		    O_DIRECTORY | O_CLOEXEC)) >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	free(dir);
}

void
journal_close(struct kw_journal *j, int remove)
{
	if (j == NULL)
		return;
	if (j->s != NULL)
		session_set_hook(j->s, NULL, NULL);
	if (remove && unlink(j->path) == 0)
		sync_dir(j->path);
	close(j->fd);
	free(j->path);
	free(j);
}

/* ---- reading ---- */

const char *
journal_head_str(const struct kw_journal_read *r, const char *key)
{
	json_t *v;

	if (strncmp(key, "tree.", 5) == 0)
		v = json_object_get(json_object_get(r->head, RF_TREE),
		    key + 5);
	else
		v = json_object_get(r->head, key);
	return json_string_value(v);
}

static int
head_ok(json_t *head, char *err, size_t errsize)
{
	json_t *v = json_object_get(head, JF_JOURNAL), *tree;

	if (!json_is_integer(v)) {
		snprintf(err, errsize, "%s", _("not a keywiz journal (its "
		    "first line is not a journal's head)"));
		return -1;
	}
	if (json_integer_value(v) != KW_JOURNAL_VERSION) {
		snprintf(err, errsize, _("journal version %lld is not "
		    "supported; this keywiz reads version %d"),
		    (long long)json_integer_value(v), KW_JOURNAL_VERSION);
		return -1;
	}
	tree = json_object_get(head, RF_TREE);
	if (!json_is_string(json_object_get(tree, RF_ID)) ||
	    !json_is_string(json_object_get(tree, RF_HASH)) ||
	    !json_is_string(json_object_get(head, RF_STARTED))) {
		snprintf(err, errsize, "%s", _("the journal's head is "
		    "damaged (no tree or start)"));
		return -1;
	}
	return 0;
}

int
journal_parse(const char *buf, size_t len, struct kw_journal_read *r,
    char *err, size_t errsize)
{
	const char *nl = memchr(buf, '\n', len);
	size_t pos, hl = nl != NULL ? (size_t)(nl - buf) : len, line = 2;
	size_t cap = 0, i;

	memset(r, 0, sizeof *r);
	r->head = json_loadb(buf, hl, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(r->head)) {
		snprintf(err, errsize, "%s", len == 0 ? _("the journal is "
		    "empty") : _("not a keywiz journal (its first line is not "
		    "a journal's head)"));
		journal_read_free(r);
		return -1;
	}
	if (head_ok(r->head, err, errsize) < 0) {
		journal_read_free(r);
		return -1;
	}
	r->events = json_array();
	pos = nl != NULL ? hl + 1 : len;
	r->good = pos;
	while (pos < len) {
		size_t ll;
		json_t *e;

		nl = memchr(buf + pos, '\n', len - pos);
		ll = nl != NULL ? (size_t)(nl - (buf + pos)) : len - pos;
		e = ll > 0 ? json_loadb(buf + pos, ll, JSON_REJECT_DUPLICATES,
		    NULL) : NULL;
		if (!json_is_object(e) ||
		    !json_is_string(json_object_get(e, RF_TYPE))) {
			r->why = e == NULL ? ll == 0 ? _("an empty line") :
			    _("not whole JSON (cut short, or garbage)") :
			    _("not an event");
			json_decref(e);
			r->damaged_line = line;
			break;
		}
		i = json_array_size(r->events);
		json_array_append_new(r->events, e);
		r->end = xgrow(r->end, &cap, i + 1, sizeof *r->end);
		pos += ll + (nl != NULL);
		r->end[i] = pos;
		r->good = pos;
		line++;
	}
	r->dropped = len - r->good;
	for (i = r->good; i < len; i++)
		if (buf[i] == '\n')
			r->dropped_lines++;
	if (r->dropped > 0 && buf[len - 1] != '\n')
		r->dropped_lines++;
	return 0;
}

void
journal_read_free(struct kw_journal_read *r)
{
	json_decref(r->head);
	json_decref(r->events);
	free(r->end);
	memset(r, 0, sizeof *r);
}

void
journal_damage(const struct kw_journal_read *r, char *buf, size_t size)
{
	if (r->dropped == 0)
		snprintf(buf, size, "%s", "");
	else if (r->dropped_lines <= 1)
		snprintf(buf, size, _("line %zu was dropped (%zu bytes): it "
		    "is %s"), r->damaged_line, r->dropped, r->why);
	else
		snprintf(buf, size, _("lines %zu to %zu were dropped (%zu "
		    "bytes): line %zu is %s"), r->damaged_line,
		    r->damaged_line + r->dropped_lines - 1, r->dropped,
		    r->damaged_line, r->why);
}

/* The path the events lead to, as a record states it: each step's node
 * and the answer given there (null for the current step). The replay
 * checks it against its own; this only follows the events' words. */
static json_t *
events_path(json_t *events, size_t n)
{
	json_t *path = json_array(), *top;

	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(events, i);
		const char *type = json_string_value(json_object_get(e,
		    RF_TYPE));
		json_t *node = json_object_get(e, RF_NODE), *step;
		size_t depth = json_array_size(path);

		if (strcmp(type, "start") == 0) {
			/* the start's own screen follows, as a show */
			json_array_clear(path);
			continue;
		}
		if (strcmp(type, "show") == 0) {
			step = json_object();
			json_object_set(step, RF_NODE, node != NULL ? node :
			    json_null());
			json_object_set_new(step, RF_ANSWER, json_null());
			json_array_append_new(path, step);
			continue;
		}
		if (depth == 0)
			continue;
		if (strcmp(type, "answer") == 0) {
			json_t *a = json_object_get(e, RF_ANSWER);

			json_object_set(json_array_get(path, depth - 1),
			    RF_ANSWER, a != NULL ? a : json_null());
			continue;
		}
		if (strcmp(type, "back") == 0) {
			json_t *k = json_object_get(e, RF_STEP);

			if (!json_is_integer(k) || json_integer_value(k) < 1 ||
			    (size_t)json_integer_value(k) > depth)
				continue;
			depth = (size_t)json_integer_value(k);
		} else if (strcmp(type, "restart") == 0)
			depth = 1;
		else
			continue;
		while (json_array_size(path) > depth)
			json_array_remove(path, json_array_size(path) - 1);
		top = json_array_get(path, depth - 1);
		json_object_set_new(top, RF_ANSWER, json_null());
	}
	return path;
}

json_t *
journal_record(const struct kw_journal_read *r, size_t n)
{
	json_t *root = json_object(), *events = json_array(), *key = NULL;

	json_object_set_new(root, RF_RECORD, json_integer(KW_RECORD_VERSION));
	json_object_set(root, RF_TREE, json_object_get(r->head, RF_TREE));
	if (json_object_get(r->head, RF_LANGUAGE) != NULL)
		json_object_set(root, RF_LANGUAGE, json_object_get(r->head,
		    RF_LANGUAGE));
	json_object_set(root, RF_STARTED, json_object_get(r->head,
	    RF_STARTED));
	if (n > json_array_size(r->events))
		n = json_array_size(r->events);
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(r->events, i);

		json_array_append(events, e);
		if (strcmp(json_string_value(json_object_get(e, RF_TYPE)),
		    "key") == 0)
			key = e;
	}
	if (key != NULL) {
		json_t *k = json_object();

		json_object_set(k, RF_MASKED, json_object_get(key, RF_MASKED));
		json_object_set(k, RF_VALID, json_object_get(key, RF_VALID));
		json_object_set(k, RF_SUMMARY, json_object_get(key,
		    RF_SUMMARY));
		json_object_set_new(root, RF_KEY, k);
	} else
		json_object_set_new(root, RF_KEY, json_null());
	json_object_set_new(root, RF_PATH, events_path(events, n));
	json_object_set_new(root, RF_EVENTS, events);
	return root;
}

size_t
journal_nevents(const struct kw_journal_read *r)
{
	return json_array_size(r->events);
}

struct kw_session *
journal_resume(const struct kw_tree *t, const struct kw_journal_read *r,
    size_t *n, char *err, size_t errsize)
{
	size_t all = json_array_size(r->events);
	struct kw_session *s = NULL;
	char first[1024] = "";

	for (size_t k = 0; k <= DROP_MAX && k < all; k++) {
		json_t *rec = journal_record(r, all - k);
		int rc = record_resume_json(t, rec, NULL, &s, err, errsize);

		json_decref(rec);
		if (rc == 0) {
			*n = all - k;
			if (k == 1)
				snprintf(err, errsize, _("the last event did "
				    "not fit and was dropped: %s"), first);
			else if (k > 1)
				snprintf(err, errsize, _("the last %zu events "
				    "did not fit and were dropped: %s"), k,
				    first);
			return s;
		}
		if (k == 0)
			snprintf(first, sizeof first, "%s", err);
	}
	if (all == 0)
		snprintf(first, sizeof first, "%s", _("it holds no event"));
	snprintf(err, errsize, "%s", first);
	return NULL;
}
