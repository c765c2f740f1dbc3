/* SPDX-License-Identifier: MIT */
/* conf.c - the configuration files, read with the loader's discipline: every key known, every value checked, errors at FILE:LINE:COL */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "conf.h"
#include "i18n.h"
#include "load.h"
#include "reader.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"
#include "yamlcur.h"

static struct kw_conf settings = { .pick = 0, .plain = -1, .training = -1 };

enum {
	CK_TREE, CK_PICK, CK_LANGUAGE, CK_FRONT_END, CK_TRAINING, CK_AGENT,
	CK_RECORDS, CK_RECORDS_MODE, CK_ON_END, CK_COUNT
};

static const char *const conf_keys[CK_COUNT] = {
	"tree", "pick", "language", "front_end", "training", "agent",
	"records", "records_mode", "on_end"
};

struct kw_conf *
conf_get(void)
{
	return &settings;
}

const char *
conf_records_dir(void)
{
	return settings.records;
}

void
conf_set(char **field, const char *s)
{
	free(*field);
	*field = s != NULL ? xstrdup(s) : NULL;
}

void
conf_free(struct kw_conf *c)
{
	if (c == NULL)
		return;
	free(c->tree);
	free(c->lang);
	free(c->agent);
	free(c->records);
	free(c->on_end);
	memset(c, 0, sizeof *c);
	c->plain = c->training = -1;
}

const char *
conf_name_problem(const char *s)
{
	char *clean;
	int bad;

	if (*s == '\0')
		return N_("it is empty");
	if (strlen(s) > KW_CONF_NAME_MAX)
		return N_("it is longer than 64 bytes");
	clean = text_clean(s);
	bad = strcmp(clean, s) != 0 || strchr(s, '\n') != NULL;
	free(clean);
	return bad ? N_("it holds control characters or invalid UTF-8") :
	    NULL;
}

/* " (did you mean 'X'?)" among `n` words, or "". */
static const char *
suggest(char *buf, size_t size, const char *word, const char *const *v,
    size_t n)
{
	struct kw_suggest sg;

	check_suggest_init(&sg, word);
	for (size_t i = 0; i < n; i++)
		check_suggest_try(&sg, v[i]);
	if (sg.best == NULL)
		return "";
	snprintf(buf, size, " (did you mean '%s'?)", sg.best);
	return buf;
}

/* The current scalar is one of `n` words: its index, or an error. */
static int
read_word(struct ycur *c, const char *key, const char *const *v, size_t n)
{
	const char *s = ycur_str(c);
	char hint[128], list[128] = "";

	if (ycur_want_string(c, key) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s, v[i]) == 0)
			return (int)i;
		snprintf(list + strlen(list), sizeof list - strlen(list),
		    "%s%s", i > 0 ? ", " : "", v[i]);
	}
	return ycur_fail(c, ycur_pos(c), "invalid value '%s' for '%s' "
	    "(expected %s)%s", ycur_show(c, 0, s, ycur_len(c)), key, list,
	    suggest(hint, sizeof hint, s, v, n));
}

static int
read_bool(struct ycur *c, const char *key)
{
	static const char *const words[] = { "false", "true", "no", "yes",
	    "off", "on" };
	const char *s = ycur_str(c);
	char hint[128];

	if (ycur_want_string(c, key) < 0)
		return -1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return (int)(i % 2);
	return ycur_fail(c, ycur_pos(c), "invalid value '%s' for '%s' "
	    "(expected true or false)%s", ycur_show(c, 0, s, ycur_len(c)),
	    key, suggest(hint, sizeof hint, s, words, 2));
}

/* A string that must not be empty nor hold control characters. */
static int
read_text(struct ycur *c, const char *key, char **out)
{
	const char *s = ycur_str(c);
	char *clean;

	if (ycur_want_string(c, key) < 0)
		return -1;
	if (ycur_len(c) != strlen(s) || *s == '\0')
		return ycur_fail(c, ycur_pos(c), "invalid value for '%s' (%s)",
		    key, *s == '\0' ? "it is empty" : "it holds a NUL byte");
	clean = text_clean(s);
	if (strcmp(clean, s) != 0) {
		free(clean);
		return ycur_fail(c, ycur_pos(c), "invalid value for '%s' (it "
		    "holds control characters)", key);
	}
	free(clean);
	conf_set(out, s);
	return 0;
}

/* The records folder: absolute, or ~/ for the user's home. */
static int
read_folder(struct ycur *c, const char *key, char **out)
{
	const char *s = ycur_str(c), *home = getenv("HOME");

	if (read_text(c, key, out) < 0)
		return -1;
	if (strncmp(s, "~/", 2) == 0 && home != NULL && *home == '/') {
		char *p = xasprintf("%s/%s", home, s + 2);

		free(*out);
		*out = p;
	} else if (*s != '/')
		return ycur_fail(c, ycur_pos(c), "invalid value '%s' for '%s' "
		    "(expected an absolute path, or one starting with ~/)",
		    ycur_show(c, 0, s, ycur_len(c)), key);
	return 0;
}

/* A file mode in octal (0640, 660, 0o660): read and write for the owner,
 * no execute bit, nothing above the permission bits. */
static int
read_mode(struct ycur *c, const char *key, mode_t *out)
{
	const char *s = ycur_str(c), *p = s;
	unsigned long v = 0;

	if (ycur_want_string(c, key) < 0)
		return -1;
	if (strncmp(p, "0o", 2) == 0)
		p += 2;
	if (*p == '\0' || strlen(p) > 4 || strspn(p, "01234567") !=
	    strlen(p))
		return ycur_fail(c, ycur_pos(c), "invalid value '%s' for '%s' "
		    "(expected an octal file mode such as 0640 or 0660)",
		    ycur_show(c, 0, s, ycur_len(c)), key);
	v = strtoul(p, NULL, 8);
	if (v > 0777 || (v & 0600) != 0600 || (v & 0111) != 0)
		return ycur_fail(c, ycur_pos(c), "invalid value '%s' for '%s' "
		    "(the owner must read and write a record, and nobody "
		    "execute it: 0600, 0640, 0660...)",
		    ycur_show(c, 0, s, ycur_len(c)), key);
	*out = (mode_t)v;
	return 0;
}

/* The value of key `k`, current, into `c`. */
static int
read_value(struct ycur *cur, int k, struct kw_conf *c)
{
	static const char *const fronts[] = { "curses", "plain" };
	const char *key = conf_keys[k];
	const char *why;
	int v;

	switch (k) {
	case CK_TREE:
		if (read_text(cur, key, &c->tree) < 0)
			return -1;
		c->pick = 0;
		return 0;
	case CK_PICK:
		if ((v = read_bool(cur, key)) < 0)
			return -1;
		c->pick = v;
		return 0;
	case CK_LANGUAGE:
		if (ycur_want_string(cur, key) < 0)
			return -1;
		if (!tree_lang_valid(ycur_str(cur)))
			return ycur_fail(cur, ycur_pos(cur), "invalid value "
			    "'%s' for '%s' (a language code: two or three "
			    "letters, as de, or with a region, as pt-BR)",
			    ycur_show(cur, 0, ycur_str(cur), ycur_len(cur)),
			    key);
		conf_set(&c->lang, ycur_str(cur));
		return 0;
	case CK_FRONT_END:
		if ((v = read_word(cur, key, fronts, 2)) < 0)
			return -1;
		c->plain = v;
		return 0;
	case CK_TRAINING:
		if ((v = read_bool(cur, key)) < 0)
			return -1;
		c->training = v;
		return 0;
	case CK_AGENT:
		if (ycur_want_string(cur, key) < 0)
			return -1;
		if ((why = conf_name_problem(ycur_str(cur))) != NULL ||
		    ycur_len(cur) != strlen(ycur_str(cur)))
			return ycur_fail(cur, ycur_pos(cur), "invalid value "
			    "for '%s' (%s)", key, why != NULL ? why :
			    "it holds a NUL byte");
		conf_set(&c->agent, ycur_str(cur));
		return 0;
	case CK_RECORDS:
		return read_folder(cur, key, &c->records);
	case CK_RECORDS_MODE:
		return read_mode(cur, key, &c->records_mode);
	case CK_ON_END:
	default:
		return read_text(cur, key, &c->on_end);
	}
}

static int
parse(struct ycur *cur, struct kw_conf *c)
{
	struct kw_pos kpos[CK_COUNT];
	unsigned seen = 0;
	int r;

	if ((r = ycur_begin_maybe(cur)) <= 0)
		return r;
	if (ycur_type(cur) == YC_SCALAR && ycur_is_null(cur))
		return ycur_end(cur);	/* "---" alone: no setting */
	if (ycur_expect_in(cur, YC_MAP, "the configuration") < 0)
		return -1;
	while ((r = ycur_map_next_key(cur)) > 0) {
		const char *key = ycur_str(cur);
		char hint[128];
		int k;

		for (k = 0; k < CK_COUNT; k++)
			if (strcmp(key, conf_keys[k]) == 0)
				break;
		if (k == CK_COUNT)
			return ycur_fail(cur, ycur_pos(cur), "unknown key '%s' "
			    "in the configuration%s", ycur_show(cur, 0, key,
			    ycur_len(cur)), suggest(hint, sizeof hint, key,
			    conf_keys, CK_COUNT));
		if (seen & 1u << k)
			return ycur_fail(cur, ycur_pos(cur), "duplicate key "
			    "'%s' (first at %u:%u)", conf_keys[k],
			    kpos[k].line, kpos[k].col);
		seen |= 1u << k;
		kpos[k] = ycur_pos(cur);
		if (ycur_next(cur) < 0 || read_value(cur, k, c) < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	return ycur_end(cur);
}

static void
conf_limits(struct kw_limits *lim)
{
	memset(lim, 0, sizeof *lim);
	lim->max_bytes = KW_CONF_MAX_BYTES;
	lim->max_depth = 16;
	lim->max_nodes = 1;
	lim->max_string = 64 * 1024;
	lim->max_events = 100000;
}

int
conf_parse(struct kw_conf *c, const char *buf, size_t len,
    struct kw_diags *d)
{
	struct kw_conf next;
	struct kw_limits lim;
	struct ycur *cur;
	int r;

	/* all or nothing: a file with an error sets nothing */
	memset(&next, 0, sizeof next);
	next = *c;
	next.tree = c->tree != NULL ? xstrdup(c->tree) : NULL;
	next.lang = c->lang != NULL ? xstrdup(c->lang) : NULL;
	next.agent = c->agent != NULL ? xstrdup(c->agent) : NULL;
	next.records = c->records != NULL ? xstrdup(c->records) : NULL;
	next.on_end = c->on_end != NULL ? xstrdup(c->on_end) : NULL;
	conf_limits(&lim);
	if (len > lim.max_bytes) {
		struct kw_pos top = { 1, 1 };

		diags_add(d, KW_SEV_ERROR, top, "file too large: %zu bytes "
		    "(at most %zu)", len, lim.max_bytes);
		r = -1;
	} else {
		cur = ycur_new(buf, len, -1, &lim, d);
		r = parse(cur, &next) < 0 ? -1 : 0;
		ycur_free(cur);
	}
	if (r < 0) {
		conf_free(&next);
		return -1;
	}
	conf_free(c);
	*c = next;
	return 0;
}

/* The file at `path`, if there is one, over `c`. */
static int
conf_file(struct kw_conf *c, const char *path)
{
	struct kw_pos nopos = { 0, 0 }, top = { 1, 1 };
	struct kw_diags d;
	struct stat st;
	size_t len = 0;
	char *buf = NULL;
	int fd, err = 0, r = -1;

	diags_init(&d, path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		if (errno == ENOENT || errno == ENOTDIR) {
			diags_free(&d);
			return 0;
		}
		diags_add(&d, KW_SEV_ERROR, nopos, "cannot open: %s",
		    strerror(errno));
	} else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		diags_add(&d, KW_SEV_ERROR, nopos, "not a regular file");
	else if (st.st_size > KW_CONF_MAX_BYTES)
		diags_add(&d, KW_SEV_ERROR, top, "file too large: %lld bytes "
		    "(at most %d)", (long long)st.st_size, KW_CONF_MAX_BYTES);
	else if ((buf = reader_slurp(fd, KW_CONF_MAX_BYTES, &len, &err)) ==
	    NULL && err != 0)
		diags_add(&d, KW_SEV_ERROR, nopos, "cannot read: %s",
		    strerror(err));
	else
		r = conf_parse(c, buf, len, &d);
	if (fd >= 0)
		close(fd);
	free(buf);
	if (r < 0)
		diags_print(&d, stderr);
	diags_free(&d);
	return r;
}

int
conf_load(void)
{
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	const char *home = getenv("XDG_CONFIG_HOME");
	char *path;
	int r;

	if (dirs == NULL || *dirs == '\0')
		dirs = "/etc/xdg";
	/* the last folder of the list matters least: read first */
	for (const char *end = dirs + strlen(dirs); end > dirs;) {
		const char *start = end;
		size_t n;

		while (start > dirs && start[-1] != ':')
			start--;
		n = (size_t)(end - start);
		end = start > dirs ? start - 1 : dirs;
		if (n == 0 || *start != '/')
			continue;
		path = xasprintf("%.*s/keywiz/config.yaml", (int)n, start);
		r = conf_file(&settings, path);
		free(path);
		if (r < 0)
			return -1;
	}
	if (home != NULL && *home == '/')
		path = xasprintf("%s/keywiz/config.yaml", home);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		path = xasprintf("%s/.config/keywiz/config.yaml", home);
	else
		return 0;
	r = conf_file(&settings, path);
	free(path);
	return r;
}
