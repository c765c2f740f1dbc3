/* SPDX-License-Identifier: MIT */
/* datadir.c - where the program's own data is: installed, or the build tree's */
#include "config.h"

#include <sys/stat.h>

#include "datadir.h"
#include "paths.h"

/* The build tree's program is recognised by its inode, not its name: a
 * symbolic link to it is it, an installed copy is not. */
int
datadir_uninstalled(void)
{
	static int known, uninstalled;
	struct stat self, built;

	if (!known) {
		uninstalled = stat("/proc/self/exe", &self) == 0 &&
		    stat(KW_ABS_BUILDDIR "/src/keywiz", &built) == 0 &&
		    self.st_dev == built.st_dev && self.st_ino == built.st_ino;
		known = 1;
	}
	return uninstalled;
}

const char *
datadir_wizard(void)
{
	return datadir_uninstalled() ? KW_ABS_SRCDIR "/wizard" :
	    KW_PKGDATADIR "/wizard";
}

const char *
datadir_examples(void)
{
	return datadir_uninstalled() ? KW_ABS_SRCDIR "/wizard/examples" :
	    KW_PKGDATADIR "/wizard/examples";
}

const char *
datadir_locale(void)
{
	return datadir_uninstalled() ? KW_ABS_BUILDDIR "/locale" : LOCALEDIR;
}
