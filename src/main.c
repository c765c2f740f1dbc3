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
#include "conf.h"
#include "datadir.h"
#include "diag.h"
#include "i18n.h"
#include "input.h"
#include "locate.h"
#include "record.h"
#include "report.h"
#include "run.h"
#include "tree.h"
#include "xalloc.h"

enum mode {
	MODE_RUN,
	MODE_CHECK,
	MODE_CHECK_KEY,
	MODE_MATCH,
	MODE_DOT,
	MODE_GUIDE,
	MODE_LIST,
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
	[MODE_LIST] = "--list",
	[MODE_REPORT] = "--report"
};

enum {
	OPT_CHECK = 256,
	OPT_CHECK_KEY,
	OPT_MATCH,
	OPT_RESUME,
	OPT_RECOVER,
	OPT_DOT,
	OPT_PRACTICE,
	OPT_SCENARIO,
	OPT_GUIDE,
	OPT_FORMAT,
	/* a team's options (issue 16) */
	OPT_LIST,
	OPT_PICK,
	OPT_RECORDS,
	OPT_AGENT,
	OPT_TICKET,
	OPT_ON_END,
	OPT_REPORT,
	OPT_SINCE,
	OPT_UNTIL
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
	{ "recover", optional_argument, NULL, OPT_RECOVER },
	{ "dot", no_argument, NULL, OPT_DOT },
	{ "practice", no_argument, NULL, OPT_PRACTICE },
	{ "scenario", required_argument, NULL, OPT_SCENARIO },
	{ "guide", no_argument, NULL, OPT_GUIDE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	/* a team's options (issue 16) */
	{ "list", no_argument, NULL, OPT_LIST },
	{ "pick", no_argument, NULL, OPT_PICK },
	{ "records", required_argument, NULL, OPT_RECORDS },
	{ "agent", required_argument, NULL, OPT_AGENT },
	{ "ticket", required_argument, NULL, OPT_TICKET },
	{ "on-end", required_argument, NULL, OPT_ON_END },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
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
	    "  -l, --lang=LANG        language, any the tree has (default from\n"
	    "                         LANGUAGE, LC_ALL, LC_MESSAGES, LANG, else en)\n"
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
	    "      --recover[=N]      continue an unfinished call from its journal\n"
	    "                         (after a crash or kill): the most recent, or\n"
	    "                         number N of --recover=list\n"
	    "      --recover=list     list the unfinished calls, exit\n"
	    "      --dot              print TREE as a Graphviz digraph, exit\n"
	    "      --guide            print TREE as a Markdown study guide, exit\n"
	    "      --format=FORMAT    the guide's format: markdown (default) or\n"
	    "                         html (one standalone page); the report's:\n"
	    "                         text (default), csv or json\n"
	    "      --practice         training: keywiz plays a caller from the\n"
	    "                         tree's scenarios, the trainee drives the call\n"
	    "      --scenario=ID      practise with that scenario (default: random)\n"
	    "      --list             list the trees found, exit\n"
	    "      --pick             choose the tree on a list of those found\n"
	    "      --records=DIR      leave the session's JSON record in the\n"
	    "                         records folder DIR (--report's default)\n"
	    "      --agent=NAME       who takes the call (in the record)\n"
	    "      --ticket=ID        the ticket the call is for (in the record)\n"
	    "      --on-end=CMD       at the end, run CMD with the JSON record on\n"
	    "                         its standard input\n"
	    "      --report [FILE|DIR]...\n"
	    "                         what the session records say: outcomes,\n"
	    "                         errors, exits, times, text that matched no\n"
	    "                         message, agents (default: the records folder);\n"
	    "                         with --dot, the tree's traffic map\n"
	    "      --since=DATE, --until=DATE\n"
	    "                         report the calls started in these days\n"
	    "                         (YYYY-MM-DD, or a record's time)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "TREE is a file ('-': read stdin), or a name looked up as NAME.yaml in\n"
	    "$KEYWIZ_PATH, ~/.local/share/keywiz, each $XDG_DATA_DIRS/keywiz, the\n"
	    "installed wizard folder and its examples; the default is the\n"
	    "configuration's, else m365-product-key. Settings are read from\n"
	    "$XDG_CONFIG_HOME/keywiz/config.yaml over each\n"
	    "$XDG_CONFIG_DIRS/keywiz/config.yaml (keywiz-config(5)).\n"
	    "\n"
	    "Exit status: 0 success; 1 negative result (key invalid, nothing matched,\n"
	    "session quit before an outcome, no tree found); 64 usage error;\n"
	    "65 invalid tree; 66 cannot open input; 70 out of memory; 74 I/O error\n"
	    "(the record cannot be written); 75 the end-of-call command failed;\n"
	    "78 configuration error; 128+N killed by signal N.\n"), fp);
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
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_printf(stderr, "%s: %s\n", PACKAGE, msg);
	free(msg);
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

/* --agent=NAME, --ticket=ID: a name a record and its file name can hold. */
static int
name_arg(const char *opt, const char *value, const char **out)
{
	const char *why = conf_name_problem(value);

	if (why != NULL)
		return usage_error(_("invalid %s '%s': %s"), opt, value,
		    _(why));
	*out = value;
	return 0;
}

/* The configuration's settings under the command line's. */
static void
apply_conf(struct kw_opts *o, const char *records)
{
	struct kw_conf *c = conf_get();

	if (!o->lang_given && c->lang != NULL) {
		o->lang = c->lang;
		i18n_init(o->lang);
	}
	if (c->plain == 1)
		o->plain = 1;
	if (c->training == 1)
		o->training = 1;
	if (o->agent == NULL)
		o->agent = c->agent;
	else
		o->agent_given = 1;
	if (records != NULL)
		conf_set(&c->records, records);
	o->records = c->records;
	o->records_mode = c->records_mode;
	if (o->on_end == NULL)
		o->on_end = c->on_end;
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
	const char *arg = NULL, *records = NULL, *name;
	char envlang[16];
	char *text = NULL, *path;
	int c, status, html = 0, pick = 0;
	const char *format = NULL;
	struct report_opts ro;
	enum mode m;

	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	/* the language first, so that usage errors speak it */
	o.lang = i18n_env_lang(envlang, sizeof envlang);
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			o.lang = argv[i] + 7;
		else if ((strcmp(argv[i], "-l") == 0 ||
		    strcmp(argv[i], "--lang") == 0) && i + 1 < argc)
			o.lang = argv[i + 1];
		else if (strcmp(argv[i], "--") == 0)
			break;
	}
	i18n_init(tree_lang_valid(o.lang) || o.lang == envlang ? o.lang :
	    "en");

	while ((c = getopt_long(argc, argv, "l:po:ThV", longopts, NULL)) != -1) {
		m = MODE_RUN;
		switch (c) {
		case 'l':
			if (!tree_lang_valid(optarg))
				return usage_error(_("invalid language code "
				    "'%s' (two or three letters, as de, or with "
				    "a region, as pt-BR)"), optarg);
			o.lang = optarg;
			o.lang_given = 1;
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
		case OPT_RECOVER:
			o.recover = optarg != NULL ? optarg : "";
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
		/* a team's options (issue 16) */
		case OPT_LIST:
			m = MODE_LIST;
			break;
		case OPT_PICK:
			pick = 1;
			break;
		case OPT_RECORDS:
			if (*optarg == '\0')
				return usage_error(_("the records folder name "
				    "is empty"));
			records = optarg;
			break;
		case OPT_AGENT:
			if (name_arg("--agent", optarg, &o.agent) != 0)
				return KW_EXIT_USAGE;
			break;
		case OPT_TICKET:
			if (name_arg("--ticket", optarg, &o.ticket) != 0)
				return KW_EXIT_USAGE;
			break;
		case OPT_ON_END:
			o.on_end = optarg;
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
	if (mode != MODE_REPORT && argc - optind > (mode == MODE_LIST ? 0 : 1))
		return usage_error(_("too many arguments: '%s'"),
		    argv[optind + (mode == MODE_LIST ? 0 : 1)]);
	if (pick && (mode != MODE_RUN || optind < argc || o.resume != NULL))
		return usage_error(_("--pick chooses the tree of a new call: "
		    "not with a TREE, --resume or %s"), mode != MODE_RUN ?
		    mode_opt[mode] : "TREE");
	if (conf_load() < 0)
		return KW_EXIT_CONFIG;
	apply_conf(&o, records);
	if (mode == MODE_LIST)
		return cmd_list(o.lang, stdout);
	if (mode == MODE_REPORT)
		return report(&ro, format, o.records, argv + optind,
		    (size_t)(argc - optind), o.lang);

	if (o.recover != NULL && (mode != MODE_RUN || o.resume != NULL ||
	    o.practice))
		return usage_error(_("--recover goes with none of %s"),
		    "--resume, --practice, --check, --check-key, --match, "
		    "--dot, --guide");
	if (o.recover != NULL && optind == argc) {
		/* the tree the journal names */
		return run_session(&o);
	}

	path = NULL;
	name = optind < argc ? argv[optind] : conf_get()->tree;
	if (o.resume != NULL && optind == argc) {
		/* no tree named: the one the record was made on, if found */
		char id[KW_ID_MAX + 1];

		if (record_tree_id(o.resume, id, sizeof id) == 0)
			path = locate_tree_id(id);
	} else if (mode == MODE_RUN && optind == argc && (pick ||
	    conf_get()->pick)) {
		if ((path = run_pick(&o, &status)) == NULL)
			return status;
	}
	if (path == NULL)
		path = locate_tree(name);
	if (path == NULL && (name != NULL || mode != MODE_CHECK_KEY)) {
		diag_printf(stderr, _("%s: tree '%s' not found (looked in "
		    "$KEYWIZ_PATH, ~/.local/share/keywiz, each "
		    "$XDG_DATA_DIRS/keywiz, %s and %s; keywiz --list shows "
		    "the trees found)\n"),
		    PACKAGE, name != NULL ? name : KW_DEFAULT_TREE,
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
	case MODE_LIST:
	default:
		status = run_session(&o);
		break;
	}
	free(text);
	free(path);
	return status;
}
