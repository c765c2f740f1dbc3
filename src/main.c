/* SPDX-License-Identifier: MIT */
/* main.c - options and dispatch */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
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
#include "report.h"
#include "run.h"
#include "tree.h"

enum mode {
	MODE_RUN,
	MODE_CHECK,
	MODE_CHECK_KEY,
	MODE_MATCH,
	MODE_DOT,
	MODE_GUIDE,
	MODE_REPORT
};

/* The options of the modes that print something and exit, for the error
 * that names two of them. */
static const char *const mode_opt[] = {
	[MODE_CHECK] = "--check",
	[MODE_CHECK_KEY] = "--check-key",
	[MODE_MATCH] = "--match",
	[MODE_DOT] = "--dot",
	[MODE_GUIDE] = "--guide",
	[MODE_REPORT] = "--report"
};

enum {
	OPT_CHECK = 256,
	OPT_CHECK_KEY,
	OPT_MATCH,
	OPT_RESUME,
	OPT_DOT,
	OPT_PRACTICE,
	OPT_SCENARIO,
	OPT_GUIDE,
	OPT_FORMAT,
	OPT_REPORT,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_RECORDS
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
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "records", required_argument, NULL, OPT_RECORDS },
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
	    "                         (JSON if FILE ends in .json, else Markdown;\n"
	    "                         '-': Markdown on standard output)\n"
	    "  -T, --training         training mode: say why each step matters\n"
	    "      --check            validate TREE, print diagnostics, exit\n"
	    "      --check-key=KEY    analyse a product key, exit ('-': read stdin)\n"
	    "      --match=TEXT       list the error messages matching TEXT, exit\n"
	    "                         ('-': read stdin)\n"
	    "      --resume=FILE      continue the session saved in the JSON record\n"
	    "                         FILE (and save it there again, unless -o)\n"
	    "      --dot              print TREE as a Graphviz digraph, exit\n"
	    "      --guide            print TREE as a Markdown study guide, exit\n"
	    "      --format=FORMAT    the guide's format: markdown (default) or\n"
	    "                         html (one standalone page); the report's:\n"
	    "                         text (default), csv or json\n"
	    "      --practice         training: keywiz plays a caller from the\n"
	    "                         tree's scenarios, the trainee drives the call\n"
	    "      --scenario=ID      practise with that scenario (default: random)\n"
	    "      --report [FILE|DIR]...\n"
	    "                         what the session records say: outcomes,\n"
	    "                         errors, exits, times, text that matched no\n"
	    "                         message, agents (default: the records folder);\n"
	    "                         with --dot, the tree's traffic map\n"
	    "      --since=DATE, --until=DATE\n"
	    "                         report the calls started in these days\n"
	    "                         (YYYY-MM-DD, or a record's time)\n"
	    "      --records=DIR      the records folder\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "TREE is a file ('-': read stdin), or a name looked up as NAME.yaml in\n"
	    "$KEYWIZ_PATH, ~/.local/share/keywiz, the installed wizard folder and\n"
	    "its examples; the default is m365-product-key.\n"
	    "\n"
	    "Exit status: 0 success; 1 negative result (key invalid, nothing matched,\n"
	    "session quit before an outcome); 64 usage error; 65 invalid tree;\n"
	    "66 cannot open input; 70 out of memory; 74 I/O error (the record\n"
	    "cannot be written); 128+N killed by signal N.\n"), fp);
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
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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

/* --report [FILE|DIR]...: the files and folders named, else the records
 * folder. */
static int
report(struct report_opts *ro, const char *format, const char *records,
    char **args, size_t nargs, const char *lang)
{
	const char *folder[1] = { records };

	if (nargs == 0 && records == NULL)
		return usage_error(_("%s needs records: name files or "
		    "folders, or the records folder (--records=DIR)"),
		    "--report");
	ro->paths = nargs > 0 ? (const char *const *)args : folder;
	ro->npaths = nargs > 0 ? nargs : 1;
	ro->format = format == NULL || strcmp(format, "text") == 0 ?
	    REPORT_TEXT : strcmp(format, "csv") == 0 ? REPORT_CSV :
	    REPORT_JSON;
	ro->lang = lang;
	return cmd_report(ro, stdout);
}

int
main(int argc, char **argv)
{
	struct kw_opts o;
	enum mode mode = MODE_RUN;
	const char *arg = NULL;
	char envlang[8];
	char *text = NULL, *path;
	int c, status, html = 0;
	const char *format = NULL, *records = NULL;
	struct report_opts ro;
	enum mode m;

	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
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
		m = MODE_RUN;
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
			o.transcript = optarg;
			break;
		case 'T':
			o.training = 1;
			break;
		case OPT_CHECK:
			m = MODE_CHECK;
			break;
		case OPT_CHECK_KEY:
			m = MODE_CHECK_KEY;
			arg = optarg;
			break;
		case OPT_MATCH:
			m = MODE_MATCH;
			arg = optarg;
			break;
		case OPT_RESUME:
			o.resume = optarg;
			break;
		case OPT_DOT:
			m = MODE_DOT;
			break;
		case OPT_SCENARIO:
			o.scenario = optarg;
			/* FALLTHROUGH */
		case OPT_PRACTICE:
			o.practice = 1;
			break;
		case OPT_GUIDE:
			m = MODE_GUIDE;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_REPORT:
			m = MODE_REPORT;
			break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (report_parse_date(optarg, c == OPT_UNTIL,
			    c == OPT_SINCE ? &ro.since : &ro.until) < 0)
				return usage_error(_("%s: '%s' is not a date "
				    "(YYYY-MM-DD)"), c == OPT_SINCE ?
				    "--since" : "--until", optarg);
			*(c == OPT_SINCE ? &ro.has_since : &ro.has_until) = 1;
			break;
		case OPT_RECORDS:
			records = optarg;
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
		if ((m == MODE_DOT && mode == MODE_REPORT) ||
		    (m == MODE_REPORT && mode == MODE_DOT)) {
			/* --report --dot: the traffic map */
			ro.dot = 1;
			mode = MODE_REPORT;
			continue;
		}
		if (m != MODE_RUN && mode != MODE_RUN && m != mode)
			return usage_error(_("%s and %s cannot be used "
			    "together"), mode_opt[mode], mode_opt[m]);
		if (m != MODE_RUN)
			mode = m;
	}
	if (format != NULL && mode != MODE_GUIDE && mode != MODE_REPORT)
		return usage_error(_("%s applies to %s and %s only"),
		    "--format", "--guide", "--report");
	if (format != NULL && mode == MODE_GUIDE &&
	    strcmp(format, "markdown") != 0 && strcmp(format, "html") != 0)
		return usage_error(_("unknown format '%s' (available: "
		    "markdown, html)"), format);
	if (format != NULL && mode == MODE_REPORT &&
	    strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0)
		return usage_error(_("unknown format '%s' (available: text, "
		    "csv, json)"), format);
	if (format != NULL && ro.dot)
		return usage_error(_("%s and %s cannot be used together"),
		    "--format", "--dot");
	if ((ro.has_since || ro.has_until) && mode != MODE_REPORT)
		return usage_error(_("%s applies to %s only"),
		    ro.has_since ? "--since" : "--until", "--report");
	html = format != NULL && strcmp(format, "html") == 0;
	if (mode == MODE_REPORT)
		return report(&ro, format, records, argv + optind,
		    (size_t)(argc - optind), o.lang);
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
		status = run_print(&o, mode == MODE_DOT ? cmd_dot : html ?
		    cmd_guide_html : cmd_guide);
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
