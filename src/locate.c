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

/* NAME.yaml in dir, if readable. */
static char *
try_dir(const char *dir, size_t len, const char *name)
{
	char *path;

	if (len == 0)
		return NULL;
	path = xasprintf("%.*s/%s.yaml", (int)len, dir, name);
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* NAME.yaml in the tree folders, in order. */
static char *
search(const char *name)
{
	const char *env, *home;
	char *path;

	if ((env = getenv("KEYWIZ_PATH")) != NULL) {
		const char *p = env;

		for (;;) {
			size_t n = strcspn(p, ":");

			if ((path = try_dir(p, n, name)) != NULL)
				return path;
			if (p[n] == '\0')
				break;
			p += n + 1;
		}
	}
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		char *dir = xasprintf("%s/keywiz", env);

		path = try_dir(dir, strlen(dir), name);
		free(dir);
		if (path != NULL)
			return path;
	} else if ((home = getenv("HOME")) != NULL && *home == '/') {
		char *dir = xasprintf("%s/.local/share/keywiz", home);

		path = try_dir(dir, strlen(dir), name);
		free(dir);
		if (path != NULL)
			return path;
	}
	if ((path = try_dir(datadir_wizard(), strlen(datadir_wizard()),
	    name)) != NULL)
		return path;
	return try_dir(datadir_examples(), strlen(datadir_examples()), name);
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
