/* SPDX-License-Identifier: MIT */
/* ui_plain.c - the line front end: screens as text, one answer per line */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "input.h"
#include "interact.h"
#include "plain-int.h"
#include "sig.h"
#include "text.h"
#include "ui.h"
#include "view.h"
#include "xalloc.h"

#define ANSWER_MAX (64 * 1024)	/* longer pasted lines are cut */
#define MATCH_SHOW 5

/* What a line of input asks for, once the screen is known. */
enum plain_action {
	ACT_NONE,		/* nothing usable: say so, ask again */
	ACT_ANSWER,		/* answer option `opt` */
	ACT_CONTINUE,		/* empty line */
	ACT_BACK,
	ACT_RESTART,
	ACT_QUIT,
	ACT_HELP,
	ACT_NOTE,		/* add `arg` as a note (or ask for one) */
	ACT_TICK,		/* tick/untick checklist item `opt` */
	ACT_CALLER,		/* practice: show the caller again */
	ACT_ASK,		/* practice: ask the caller about this step */
	ACT_TEXT		/* free text: a key, or a message to match */
};

/* The screen is drawn: on a terminal, lines typed before a new step was
 * shown do not answer it (an Enter Enter at the last question leaves the
 * outcome to be read). Piped input is a script: every line counts. */
static void
plain_drawn(struct plain *p)
{
	if (!interact_new_screen(&p->shown, p->s))
		return;
	free(p->said);
	p->said = NULL;
	if (isatty(fileno(p->in)))
		tcflush(fileno(p->in), TCIFLUSH);
}

static int
word_is(const char *s, const char *a, const char *b, const char *c)
{
	return strcasecmp(s, a) == 0 || (b != NULL && strcasecmp(s, b) == 0) ||
	    (c != NULL && strcasecmp(s, c) == 0);
}

/* Trim spaces at both ends, in place. */
static char *
plain_trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

static enum plain_action
plain_parse(struct plain *p, char *line, size_t *opt, const char **arg)
{
	const struct kw_view *v = &p->v;
	enum kw_node_type type = v->node->type;
	char *end;
	unsigned long num;
	int yn;

	*arg = line;
	if (*line == '\0')
		return ACT_CONTINUE;
	if (word_is(line, "?", "help", "aide"))
		return ACT_HELP;
	if (word_is(line, "q", "quit", "quitter"))
		return ACT_QUIT;
	if (word_is(line, "b", "back", "retour") ||
	    (strcasecmp(line, view_back_key()) == 0))
		return ACT_BACK;
	if (word_is(line, "restart", "recommencer", NULL))
		return ACT_RESTART;
	if (p->o->scenario != NULL && word_is(line, "ask", "demander", NULL))
		return ACT_ASK;
	if (p->o->scenario != NULL && word_is(line, "caller", "appelant",
	    NULL))
		return ACT_CALLER;
	if (strncasecmp(line, "note", 4) == 0 && (line[4] == ' ' ||
	    line[4] == ':' || line[4] == '\0')) {
		*arg = plain_trim(line + 4 + (line[4] != '\0'));
		return ACT_NOTE;
	}
	if (type == KW_NODE_FIELD)
		return ACT_TEXT;	/* the answer, whatever it says */
	if (type == KW_NODE_OUTCOME && word_is(line, "n", NULL, NULL)) {
		*arg = "";
		return ACT_NOTE;
	}
	if (type == KW_NODE_QUESTION && (yn = view_yesno(line)) >= 0) {
		*opt = yn ? KW_OPT_YES : KW_OPT_NO;
		return ACT_ANSWER;
	}
	num = strtoul(line, &end, 10);
	if (*end == '\0' && line[0] >= '0' && line[0] <= '9') {
		if (type == KW_NODE_STEP && num >= 1 && num <= v->nitems) {
			*opt = num - 1;
			return ACT_TICK;
		}
		for (size_t i = 0; i < v->nchoices; i++)
			if (strcmp(v->choice[i].key, line) == 0 &&
			    !v->yesno) {
				*opt = i;
				return ACT_ANSWER;
			}
		if (type != KW_NODE_KEY)
			return ACT_NONE;
	}
	if (type == KW_NODE_CHOICE) {
		/* an option's id or label, typed whole */
		for (size_t i = 0; i < v->nchoices; i++)
			if (strcasecmp(line, v->node->opts[i].id) == 0 ||
			    strcasecmp(line, v->choice[i].label) == 0) {
				*opt = i;
				return ACT_ANSWER;
			}
		return ACT_TEXT;
	}
	if (type == KW_NODE_KEY)
		return ACT_TEXT;
	return ACT_NONE;
}

/* Pasted or typed text at a choice: pick the message it matches. Returns
 * 1 if an option was taken. */
static int
match_text(struct plain *p, const char *text)
{
	struct kw_match m[MATCH_SHOW];
	enum kw_match_verdict verdict;
	size_t n;
	char *clean;

	if (!p->v.pasteable) {
		plain_say(p, _("Type the number of your answer."));
		return 0;
	}
	verdict = interact_match(&p->matching, p->s, text, m, MATCH_SHOW, &n);
	if (verdict == KW_MATCH_NONE) {
		interact_unmatched(p->s, text);
		/* kept for an answer without a message (another one) */
		free(p->said);
		p->said = xstrdup(text);
		plain_say(p,
		    _("No message matches that text. Type the number of "
		    "the message, or paste more of it."));
		return 0;
	}
	if (verdict == KW_MATCH_CLEAR) {
		clean = text_clean(p->v.choice[m[0].opt].label);
		if (m[0].lang != p->v.lang)
			/* TRANSLATORS: the last %s is a language code (de) */
			plain_say(p, _("Matched: %zu) %s (recognised in %s)"),
			    m[0].opt + 1, clean,
			    session_tree(p->s)->langs[m[0].lang]);
		else
			plain_say(p, _("Matched: %zu) %s"),
			    m[0].opt + 1, clean);
		free(clean);
		interact_take(p->s, &p->v.choice[m[0].opt], text);
		return 1;
	}
	plain_say(p, _("Several messages fit; type the number of the one you "
	    "saw:"));
	for (size_t i = 0; i < n; i++) {
		char lead[16];

		snprintf(lead, sizeof lead, "%zu) ", m[i].opt + 1);
		plain_put(p, 2, lead, p->v.choice[m[i].opt].label);
	}
	return 0;
}

/* A key typed at a key node: analyse it, tell the user, keep only the
 * masked form and the summary in the session. */
static void
enter_key(struct plain *p, const char *text)
{
	const struct kw_keyinfo *ki = session_key(p->s);
	struct kw_keycheck k;

	interact_set_key(p->s, text, &k);
	if (p->o->echo || p->quiet)
		plain_put(p, 0, NULL, ki->masked);	/* the line, masked */
	fputc('\n', p->out);
	plain_put(p, 0, _("Key: "), ki->masked);
	plain_put(p, 0, NULL, ki->summary);
	for (size_t i = 0; i < k.nbad; i++) {
		char *line = interact_bad_char(&k.bad[i], 0);

		plain_put(p, 2, "- ", line);
		free(line);
	}
	if (k.verdict == KW_KEY_INVALID)
		plain_say(p,
		    _("Type the key again, or press Enter to go on with "
		    "this one (you may still have an error to report)."));
	else
		plain_say(p, _("Press Enter to go on, or type the key again."));
	prodkey_wipe(&k);
	p->key_pending = 1;
}

/* A line of input as typed, on one line, cleaned. */
static void
echo_line(struct plain *p, const char *line)
{
	char *clean = text_clean(line);

	fprintf(p->out, "%s\n", clean);
	free(clean);
}

/* `line` with a product key in it masked; `line` is wiped and freed. */
static char *
mask_line(struct plain *p, char *line)
{
	char *masked = interact_mask_text(p->s, line);

	explicit_bzero(line, strlen(line));
	free(line);
	return masked;
}

static void
add_note(struct plain *p, const char *text)
{
	char *line = NULL;

	if (*text == '\0') {
		fprintf(p->out, "%s> ", _("Note"));
		fflush(p->out);
		line = input_line(p->in, ANSWER_MAX, NULL);
		if (line == NULL)
			return;
		if (p->o->echo) {
			line = mask_line(p, line);
			echo_line(p, line);
		}
		text = plain_trim(line);
	}
	if (interact_note(p->s, text))
		plain_say(p, _("Note added."));
	if (line != NULL)
		explicit_bzero(line, strlen(line));
	free(line);
}

/* Echo the answer when input is not a terminal, so a captured run reads
 * as the conversation it was, and print back a line read without echo;
 * a product key in it masked (a key typed at a key node is printed back by
 * enter_key(), masked as the session keeps it). */
static void
echo_answer(struct plain *p, const char *line, enum plain_action act)
{
	char *masked;

	if (!p->o->echo && !p->quiet)
		return;
	if (p->v.node->type == KW_NODE_KEY && act == ACT_TEXT)
		return;
	masked = interact_mask_text(p->s, line);
	echo_line(p, masked);
	free(masked);
}

/* The answer to a field node: 1 when taken, 0 (and why) when not. */
static int
enter_field(struct plain *p, const char *text)
{
	char msg[256];

	if (interact_field(p->s, text, msg, sizeof msg) == 0)
		return 1;
	plain_say(p, "%s", msg);
	return 0;
}

/* One line of input at the current screen. Returns 1 if the screen must
 * be drawn again, 0 to prompt again, -1 to stop (quit). */
static int
plain_handle(struct plain *p, char *line)
{
	const struct kw_node *n = p->v.node;
	enum plain_action act;
	const char *arg;
	size_t opt = 0;

	line = plain_trim(line);
	act = plain_parse(p, line, &opt, &arg);
	echo_answer(p, line, act);
	switch (act) {
	case ACT_HELP:
		plain_help(p);
		return 0;
	case ACT_QUIT:
		return -1;
	case ACT_BACK:
		if (session_back(p->s) < 0) {
			plain_say(p, _("This is the first step."));
			return 0;
		}
		p->key_pending = 0;
		return 1;
	case ACT_RESTART:
		if (interact_restart(p->s) < 0) {
			plain_say(p, _("This call has its outcome: Enter ends "
			    "it. A new call is a new run of keywiz, with its "
			    "own record."));
			return 0;
		}
		p->key_pending = 0;
		return 1;
	case ACT_NOTE:
		add_note(p, arg);
		return 0;
	case ACT_ASK:
		interact_ask(p->o->asks, p->v.node);
		plain_ask_caller(p);
		return 0;
	case ACT_CALLER:
		plain_caller(p);
		return 0;
	case ACT_TICK:
		/* the item alone, not the whole step again */
		interact_tick(p->s, opt);
		plain_item(p, opt);
		return 0;
	case ACT_ANSWER:
		if (interact_take(p->s, &p->v.choice[opt],
		    interact_choice_text(&p->v.choice[opt], NULL, p->said)) ==
		    KW_TAKE_EARLY) {
			char *early = interact_early_line(p->s, &p->v);

			plain_put(p, 0, NULL, early);
			free(early);
			return 0;
		}
		return 1;
	case ACT_TEXT:
		if (n->type == KW_NODE_FIELD)
			return enter_field(p, arg);
		if (n->type == KW_NODE_KEY) {
			enter_key(p, interact_key_text(arg));
			return 0;
		}
		return match_text(p, arg);
	case ACT_CONTINUE:
		if (n->type == KW_NODE_FIELD)
			return enter_field(p, "");
		if (n->type == KW_NODE_KEY || n->type == KW_NODE_STEP) {
			p->key_pending = 0;
			interact_continue(p->s);
			return 1;
		}
		if (n->type == KW_NODE_OUTCOME) {
			session_finish(p->s);
			return 1;
		}
		plain_say(p, _("Choose an answer first (? for help)."));
		return 0;
	case ACT_NONE:
		break;
	}
	plain_say(p, _("Not an answer here (? for help)."));
	return 0;
}

/* Whether the terminal `fd` has gone (hung up, its other end closed): an
 * end of input there is not Ctrl-D. */
static int
tty_gone(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) != 0;
}

int
ui_plain_run(struct kw_session *s, FILE *in, FILE *out,
    const struct kw_ui_opts *o)
{
	struct plain p;
	int status, quit = 0;

	memset(&p, 0, sizeof p);
	p.s = s;
	p.in = in;
	p.out = out;
	p.o = o;
	p.width = o->width >= 20 ? o->width : 80;
	p.tty = isatty(fileno(in));
	if (p.tty) {
		/* no copy of a key line left in stdio's buffer; the modes
		 * put back on a fatal signal or fatal() */
		setvbuf(in, NULL, _IONBF, 0);
		sig_tty_save(fileno(in), -1);
		fatal_set_hook(sig_tty_restore);
	}
	if (o->scenario != NULL)
		plain_caller(&p);
	plain_draw(&p);
	plain_drawn(&p);
	while (!session_finished(s)) {
		char *line;
		int r;

		plain_prompt(&p);
		if (sig_caught) {	/* SIGPIPE: the reader has gone */
			status = 128 + sig_caught;
			goto out;
		}
		p.quiet = p.tty && p.v.node->type == KW_NODE_KEY;
		line = p.quiet ? input_secret_line(in, ANSWER_MAX, NULL) :
		    input_line(in, ANSWER_MAX, NULL);
		if (line == NULL) {
			if (!sig_caught && p.tty && (errno == EIO ||
			    tty_gone(fileno(in))))
				sig_hangup();	/* the terminal has gone */
			if (sig_caught) {
				fputc('\n', out);
				status = 128 + sig_caught;
				goto out;
			}
			fputc('\n', out);
			break;		/* end of input: a quit */
		}
		r = plain_handle(&p, line);
		explicit_bzero(line, strlen(line));
		free(line);
		if (r < 0) {
			quit = 1;
			break;
		}
		if (sig_caught) {
			status = 128 + sig_caught;
			goto out;
		}
		if (r > 0 && !session_finished(s)) {
			plain_draw(&p);
			plain_drawn(&p);
		}
	}
	status = interact_end(s, quit);
	if (status != KW_EXIT_OK)
		plain_say(&p, _("Session ended before an outcome."));
	if (o->scenario != NULL)
		plain_score(&p);
out:
	fflush(out);
	if (p.tty) {
		fatal_set_hook(NULL);
		sig_tty_forget();
	}
	interact_matching_free(&p.matching);
	free(p.said);
	view_free(&p.v);
	return status;
}
