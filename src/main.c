/* SPDX-License-Identifier: MIT */
/* main.c - options and dispatch */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "datadir.h"
#include "i18n.h"
#include "input.h"
#include "locate.h"
#include "record.h"
#include "run.h"
#include "tree.h"

enum mode {
	MODE_RUN,
	MODE_CHECK,
	MODE_CHECK_KEY,
	MODE_MATCH,
	MODE_DOT,
	MODE_GUIDE
};

enum {
	OPT_CHECK = 256,
	OPT_CHECK_KEY,
	OPT_MATCH,
	OPT_RESUME,
	OPT_DOT,
	OPT_PRACTICE,
	OPT_SCENARIO,
	OPT_GUIDE
};

static const struct option longopts[] = {
	{ "lang", required_argument, NULL, 'l' },
	{ "plain", no_argument, NULL, 'p' },
	{ "transcript", required_argument, NULL, 'o' },
	{ "training", no_argument, NULL, 'T' },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "check-key", required_argument, NULL, OPT_CHECK_KEY },
	{ "match", required_argument, NULL, OPT_MATCH },
	{ "resume", required_argument, NULL, OPT_RESUME },
	{ "dot", no_argument, NULL, OPT_DOT },
	{ "practice", no_argument, NULL, OPT_PRACTICE },
	{ "scenario", required_argument, NULL, OPT_SCENARIO },
	{ "guide", no_argument, NULL, OPT_GUIDE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s [OPTION]... [TREE]\n"), PACKAGE);
	fputs(_("Walk through a decision tree that troubleshoots a Microsoft 365 for\n"
	    "business product key that will not redeem (or any keywiz tree).\n"
	    "\n"
	    "  -l, --lang=LANG        language: en or fr (default from LC_ALL,\n"
	    "                         LC_MESSAGES, LANG, else en)\n"
	    "  -p, --plain            line front end (automatic without a terminal)\n"
	    "  -o, --transcript=FILE  write the session record to FILE at the end\n"
	    "                         (JSON if FILE ends in .json, else Markdown)\n"
	    "  -T, --training         training mode: say why each step matters\n"
	    "      --check            validate TREE, print diagnostics, exit\n"
	    "      --check-key=KEY    analyse a product key, exit ('-': read stdin)\n"
	    "      --match=TEXT       list the error messages matching TEXT, exit\n"
	    "                         ('-': read stdin)\n"
	    "      --resume=FILE      continue the session saved in the JSON record\n"
	    "                         FILE (and save it there again, unless -o)\n"
	    "      --dot              print TREE as a Graphviz digraph, exit\n"
	    "      --guide            print TREE as a Markdown study guide, exit\n"
	    "      --practice         training: keywiz plays a caller from the\n"
	    "                         tree's scenarios, the trainee drives the call\n"
	    "      --scenario=ID      practise with that scenario (default: random)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "TREE is a file, or a name looked up as NAME.yaml in $KEYWIZ_PATH,\n"
	    "~/.local/share/keywiz and the installed wizard folder; the default is\n"
	    "m365-product-key.\n"
	    "\n"
	    "Exit status: 0 success; 1 negative result (key invalid, nothing matched,\n"
	    "session quit before an outcome); 64 usage error; 65 invalid tree;\n"
	    "66 cannot open input; 74 I/O error; 128+N killed by signal N.\n"), fp);
}

/* --version in the GNU form: name and version, copyright, licence and
 * the no-warranty line. */
static void
version(void)
{
	printf("%s %s\n", PACKAGE, VERSION);
	puts("Copyright (C) 2026 the keywiz authors");
	puts(_("License MIT <https://spdx.org/licenses/MIT.html>."));
	puts(_("This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law."));
}

static int
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", PACKAGE);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return KW_EXIT_USAGE;
}

/* TEXT, or a line of standard input for "-". */
static char *
arg_or_stdin(const char *arg)
{
	if (strcmp(arg, "-") != 0)
		return strdup(arg);
	return input_line(stdin, 64 * 1024, NULL);
}

int
main(int argc, char **argv)
{
	struct kw_opts o;
	enum mode mode = MODE_RUN;
	const char *arg = NULL;
	char envlang[8];
	char *text = NULL, *path;
	int c, status;

	memset(&o, 0, sizeof o);
	/* the language first, so that usage errors speak it */
	o.lang = i18n_env_lang(envlang, sizeof envlang);
	if (!i18n_known(o.lang))
		o.lang = "en";
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			o.lang = argv[i] + 7;
		else if ((strcmp(argv[i], "-l") == 0 ||
		    strcmp(argv[i], "--lang") == 0) && i + 1 < argc)
			o.lang = argv[i + 1];
		else if (strcmp(argv[i], "--") == 0)
			break;
	}
	i18n_init(i18n_known(o.lang) ? o.lang : "en");

	while ((c = getopt_long(argc, argv, "l:po:ThV", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (!i18n_known(optarg))
				return usage_error(_("unknown language '%s' "
				    "(available: en, fr)"), optarg);
			o.lang = optarg;
			break;
		case 'p':
			o.plain = 1;
			break;
		case 'o':
			/* one record per call: a second one is a mistake,
			 * never a silent replacement */
			if (o.transcript != NULL)
				return usage_error(_("-o/--transcript given "
				    "twice (the second is '%s'); a call has one "
				    "record"), optarg);
			o.transcript = optarg;
			break;
		case 'T':
			o.training = 1;
			break;
		case OPT_CHECK:
			mode = MODE_CHECK;
			break;
		case OPT_CHECK_KEY:
			mode = MODE_CHECK_KEY;
			arg = optarg;
			break;
		case OPT_MATCH:
			mode = MODE_MATCH;
			arg = optarg;
			break;
		case OPT_RESUME:
			o.resume = optarg;
			break;
		case OPT_DOT:
			mode = MODE_DOT;
			break;
		case OPT_SCENARIO:
			o.scenario = optarg;
			/* FALLTHROUGH */
		case OPT_PRACTICE:
			o.practice = 1;
			break;
		case OPT_GUIDE:
			mode = MODE_GUIDE;
			break;
		case 'h':
			usage(stdout);
			return KW_EXIT_OK;
		case 'V':
			version();
			return KW_EXIT_OK;
		default:
			fprintf(stderr, _("Try '%s --help' for more "
			    "information.\n"), PACKAGE);
			return KW_EXIT_USAGE;
		}
	}
	if (argc - optind > 1)
		return usage_error(_("too many arguments: '%s'"),
		    argv[optind + 1]);

	path = NULL;
	if (o.resume != NULL && optind == argc) {
		/* no tree named: the one the record was made on, if found */
		char id[KW_ID_MAX + 1];

		if (record_tree_id(o.resume, id, sizeof id) == 0)
			path = locate_tree_id(id);
	}
	if (path == NULL)
		path = locate_tree(optind < argc ? argv[optind] : NULL);
	if (path == NULL && (optind < argc || mode != MODE_CHECK_KEY)) {
		fprintf(stderr, _("%s: tree '%s' not found (looked in "
		    "$KEYWIZ_PATH, ~/.local/share/keywiz, %s and %s)\n"),
		    PACKAGE, optind < argc ? argv[optind] : KW_DEFAULT_TREE,
		    datadir_wizard(), datadir_examples());
		return KW_EXIT_NOINPUT;
	}
	o.tree_path = path;

	switch (mode) {
	case MODE_CHECK:
		status = cmd_check(&o);
		break;
	case MODE_CHECK_KEY:
	case MODE_MATCH:
		if ((text = arg_or_stdin(arg)) == NULL) {
			fprintf(stderr, _("%s: nothing to read on standard "
			    "input\n"), PACKAGE);
			status = KW_EXIT_NOINPUT;
			break;
		}
		status = mode == MODE_MATCH ? run_match(&o, text) :
		    run_check_key(&o, text);
		explicit_bzero(text, strlen(text));
		break;
	case MODE_DOT:
	case MODE_GUIDE:
		status = run_print(&o, mode == MODE_DOT ? cmd_dot : cmd_guide);
		break;
	case MODE_RUN:
	default:
		status = run_session(&o);
		break;
	}
	free(text);
	free(path);
	return status;
}
