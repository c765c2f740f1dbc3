/* SPDX-License-Identifier: MIT */
/* datadir.h - where the program's own data is: installed, or the build tree's */
#ifndef KW_DATADIR_H
#define KW_DATADIR_H

/*
 * The installed program reads its trees from pkgdatadir/wizard and its
 * message catalogues from localedir. The program built in a build tree and
 * not installed (src/keywiz, the very file: /proc/self/exe is it) reads
 * them from that tree instead: the source tree's wizard/ and the build
 * tree's locale/, as `make run` does. A copy of it elsewhere is installed.
 * The strings are static; nothing to free.
 */

/* Whether this process runs the build tree's src/keywiz. */
int datadir_uninstalled(void);

/* The bundled trees: pkgdatadir/wizard, or the source tree's wizard. Its
 * examples/ subfolder holds the example trees. */
const char *datadir_wizard(void);
const char *datadir_examples(void);

/* The message catalogues: localedir, or the build tree's locale. */
const char *datadir_locale(void);

#endif
