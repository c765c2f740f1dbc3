/* SPDX-License-Identifier: MIT */
/* locate.c - finding a tree file by name */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "locate.h"
#include "tree.h"
#include "xalloc.h"

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Add the `len` bytes at `dir` to the list (empty entries are none). */
static void
add_folder(struct kw_folders *f, const char *dir, size_t len,
    const char *suffix)
{
	if (len == 0)
		return;
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n++] = xasprintf("%.*s%s", (int)len, dir, suffix);
}

/* Each entry of the colon-separated list `list`, followed by `suffix`;
 * only absolute ones when `absolute` (the XDG lists). */
static void
add_list(struct kw_folders *f, const char *list, const char *suffix,
    int absolute)
{
	for (const char *p = list;;) {
		size_t n = strcspn(p, ":");

		if (!absolute || *p == '/')
			add_folder(f, p, n, suffix);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

void
locate_folders(struct kw_folders *f)
{
	const char *env, *home;

	memset(f, 0, sizeof *f);
	if ((env = getenv("KEYWIZ_PATH")) != NULL)
		add_list(f, env, "", 0);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		add_folder(f, env, strlen(env), "/keywiz");
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		add_folder(f, home, strlen(home), "/.local/share/keywiz");
	if ((env = getenv("XDG_DATA_DIRS")) == NULL || *env == '\0')
		env = KW_XDG_DATA_DIRS;
	add_list(f, env, "/keywiz", 1);
	add_folder(f, datadir_wizard(), strlen(datadir_wizard()), "");
	add_folder(f, datadir_examples(), strlen(datadir_examples()), "");
}

void
locate_folders_free(struct kw_folders *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* NAME.yaml in the tree folders, in order. */
static char *
search(const char *name)
{
	struct kw_folders f;
	char *path = NULL;

	locate_folders(&f);
	for (size_t i = 0; i < f.n && path == NULL; i++) {
		struct stat st;

		path = xasprintf("%s/%s.yaml", f.v[i], name);
		if (access(path, R_OK) != 0 || (stat(path, &st) == 0 &&
		    S_ISDIR(st.st_mode))) {
			free(path);
			path = NULL;
		}
	}
	locate_folders_free(&f);
	return path;
}

/* An existing file that is not a folder: a folder called like a tree does
 * not hide the tree of that name. */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

char *
locate_tree(const char *arg)
{
	if (arg != NULL && (strchr(arg, '/') != NULL || ends_with(arg,
	    ".yaml") || ends_with(arg, ".yml") || is_file(arg) ||
	    strcmp(arg, "-") == 0))
		return xstrdup(arg);
	return search(arg != NULL ? arg : KW_DEFAULT_TREE);
}

char *
locate_tree_id(const char *id)
{
	return tree_id_valid(id, 1) ? search(id) : NULL;
}
