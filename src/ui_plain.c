/* SPDX-License-Identifier: MIT */
/* ui_plain.c - the line front end: screens as text, one answer per line */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "input.h"
#include "interact.h"
#include "layout.h"
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

struct plain {
	struct kw_session *s;
	FILE *in, *out;
	const struct kw_ui_opts *o;
	size_t width;
	struct kw_view v;
	struct kw_matching matching;	/* for the current choice node */
	int key_pending;		/* key node: an analysed key awaits Enter */
};

/* Print tree or user text as the screens lay it out (layout_add):
 * cleaned of control characters, wrapped to the width, the first line
 * indented by `indent` spaces and led by `first`, the others lined up
 * after it. */
static void
put_wrapped(struct plain *p, size_t indent, const char *first,
    const char *s)
{
	struct kw_body b;

	layout_init(&b, p->width);
	layout_add(&b, indent, first, s, KW_ST_NORMAL, -1);
	for (size_t i = 0; i < b.n; i++)
		fprintf(p->out, "%s\n", b.row[i].s);
	layout_free(&b);
}

static void
plain_say(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	put_wrapped(p, 0, NULL, msg);
	free(msg);
}

/* Training: the answers not taken on the way, and where they lead. */
static void
plain_branches(struct plain *p)
{
	struct kw_branch b[128];
	size_t n = view_branches(p->s, b, sizeof b / sizeof b[0]);

	if (n == 0)
		return;
	fputc('\n', p->out);
	put_wrapped(p, 0, NULL, interact_branches_heading());
	for (size_t i = 0; i < n; i++) {
		char *line = interact_branch_line(&b[i], p->v.lang);

		put_wrapped(p, 2, "- ", line);
		free(line);
	}
}

/* Practice: who is calling. */
static void
plain_caller(struct plain *p)
{
	const struct kw_scenario *sc = p->o->scenario;

	fputc('\n', p->out);
	put_wrapped(p, 0, _("Practice call: "), sc->id);
	put_wrapped(p, 2, NULL, tree_text(&sc->caller,
	    session_lang(p->s)));
	plain_say(p,
	    _("Drive the call. Type \"ask\" to hear what the caller says "
	    "at a step, \"caller\" to read this again."));
}

/* Practice: the caller answers about the current step. */
static void
ask_caller(struct plain *p)
{
	const char *lead;
	char *line = interact_caller_line(p->o->scenario, p->v.node,
	    p->v.lang, &lead);

	put_wrapped(p, 0, lead, line);
	free(line);
}

/* Practice: the score against the scenario, with the reasons. */
static void
plain_score(struct plain *p)
{
	const struct kw_tree *t = session_tree(p->s);
	struct kw_practice_score sc;
	size_t lang = session_lang(p->s);
	char *line;

	practice_score(t, p->o->scenario, p->s, &sc);
	fputc('\n', p->out);
	line = interact_score_line(&sc);
	put_wrapped(p, 0, NULL, line);
	free(line);
	if (!sc.outcome_ok && sc.expected_outcome != NULL)
		put_wrapped(p, 2, _("Expected outcome: "),
		    view_node_heading(sc.expected_outcome, lang));
	for (size_t i = 0; i < sc.nitems; i++) {
		const struct kw_practice_item *it = &sc.item[i];

		line = view_practice_line(it, lang);
		put_wrapped(p, 2, "- ", line);
		free(line);
		if (tree_text_set(&it->node->why))
			put_wrapped(p, 4, _("Why: "),
			    tree_text(&it->node->why, lang));
	}
}

static void
plain_draw(struct plain *p)
{
	struct kw_view *v = &p->v;

	view_build(v, p->s, p->o->training);
	fputc('\n', p->out);
	if (v->step == 1)
		put_wrapped(p, 0, NULL, v->tree_title);
	fprintf(p->out, "%s %zu: ", _("Step"), v->step);
	put_wrapped(p, 0, NULL, v->heading);
	fputc('\n', p->out);
	put_wrapped(p, 0, NULL, v->text);
	if (v->why != NULL) {
		fputc('\n', p->out);
		put_wrapped(p, 2, _("Why: "), v->why);
	}
	for (size_t i = 0; i < v->links->n; i++)
		put_wrapped(p, 2, _("Link: "), v->links->v[i]);

	for (size_t i = 0; i < v->nitems; i++) {
		char lead[32];

		snprintf(lead, sizeof lead, "[%c] %zu. ",
		    (v->checked >> i) & 1 ? 'x' : ' ', i + 1);
		if (i == 0)
			fputc('\n', p->out);
		put_wrapped(p, 2, lead, tree_text(&v->items[i], v->lang));
	}
	if (v->node->type == KW_NODE_WAIT) {
		char from[16], until[16];

		view_clock(v->wait_start, from, sizeof from);
		view_clock(v->wait_end, until, sizeof until);
		fputc('\n', p->out);
		plain_say(p,
		    _("Wait %u minutes: from %s until %s. Then try again, "
		    "and say how it went."), v->node->minutes, from, until);
	}
	if (v->nchoices > 0 && !v->yesno)
		fputc('\n', p->out);
	for (size_t i = 0; i < v->nchoices && !v->yesno; i++) {
		const struct kw_view_choice *c = &v->choice[i];
		char lead[16];

		snprintf(lead, sizeof lead, "%s) ", c->key);
		put_wrapped(p, 2, lead, c->label);
		if (c->message != NULL) {
			char *quoted = xasprintf(_("\"%s\""), c->message);

			put_wrapped(p, 2 + strlen(lead), NULL, quoted);
			free(quoted);
		}
	}
	if (v->node->type == KW_NODE_OUTCOME) {
		struct kw_outcome_field f[KW_OUTCOME_FIELDS];
		size_t nf = interact_outcome_fields(v->node, v->lang, f);

		fputc('\n', p->out);
		for (size_t i = 0; i < nf; i++)
			put_wrapped(p, 0, f[i].label, f[i].value);
		if (v->training)
			plain_branches(p);
	}
}

/* The prompt: what this screen accepts, then "> ". */
static void
plain_prompt(struct plain *p)
{
	const struct kw_view *v = &p->v;
	const char *b = view_back_key();
	char accept[128];

	switch (v->node->type) {
	case KW_NODE_KEY:
		if (p->key_pending)
			snprintf(accept, sizeof accept, "%s, %s", _("Enter"),
			    _("key"));
		else
			snprintf(accept, sizeof accept, "%s", _("key"));
		break;
	case KW_NODE_CHOICE:
		snprintf(accept, sizeof accept, "1-%zu%s", v->nchoices,
		    v->pasteable ? _(", text") : "");
		break;
	case KW_NODE_QUESTION:
		snprintf(accept, sizeof accept, "%s/%s", view_yes_key(),
		    view_no_key());
		break;
	case KW_NODE_WAIT:
		snprintf(accept, sizeof accept, "1-%zu", v->nchoices);
		break;
	case KW_NODE_STEP:
		if (v->nitems > 0)
			snprintf(accept, sizeof accept, "%s, 1-%zu", _("Enter"),
			    v->nitems);
		else
			snprintf(accept, sizeof accept, "%s", _("Enter"));
		break;
	case KW_NODE_OUTCOME:
	default:
		snprintf(accept, sizeof accept, "%s, n", _("Enter"));
		break;
	}
	if (v->step > 1)
		fprintf(p->out, "[%s, %s, q, ?]> ", accept, b);
	else
		fprintf(p->out, "[%s, q, ?]> ", accept);
	fflush(p->out);
}

static void
plain_help(struct plain *p)
{
	fputc('\n', p->out);
	plain_say(p, _("Answers:"));
	plain_say(p,
	    _("  a number     choose that answer (or tick that item)"));
	if (p->v.yesno)
		plain_say(p, _("  %s or %s       yes or no"), view_yes_key(),
		    view_no_key());
	if (p->v.pasteable)
		plain_say(p,
		    _("  text         paste or type the message you saw, "
		    "or any part of it"));
	if (p->v.node->type == KW_NODE_KEY)
		plain_say(p,
		    _("  key          type or paste the product key, in any "
		    "form"));
	plain_say(p, _("  Enter        continue"));
	plain_say(p, _("  %s            back one step"), view_back_key());
	plain_say(p, _("  restart      start again from the first step"));
	plain_say(p, _("  note TEXT    add a note to the session record"));
	if (p->o->scenario != NULL) {
		plain_say(p,
		    _("  ask          ask the caller about this step"));
		plain_say(p, _("  caller       read the caller's story again"));
	}
	plain_say(p, _("  q            quit"));
	plain_say(p, _("  ?            this help"));
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
		put_wrapped(p, 2, lead, p->v.choice[m[i].opt].label);
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
	fputc('\n', p->out);
	put_wrapped(p, 0, _("Key: "), ki->masked);
	put_wrapped(p, 0, NULL, ki->summary);
	for (size_t i = 0; i < k.nbad; i++) {
		char *line = interact_bad_char(&k.bad[i], 0);

		put_wrapped(p, 2, "- ", line);
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
			char *clean = text_clean(line);

			fprintf(p->out, "%s\n", clean);
			free(clean);
		}
		text = plain_trim(line);
	}
	if (interact_note(p->s, text))
		plain_say(p, _("Note added."));
	free(line);
}

/* Echo the answer when input is not a terminal, so a captured run reads
 * as the conversation it was; a key typed at a key node is not echoed. */
static void
echo_answer(struct plain *p, const char *line, enum plain_action act)
{
	char *clean;

	if (!p->o->echo)
		return;
	if (p->v.node->type == KW_NODE_KEY && act == ACT_TEXT) {
		fprintf(p->out, "%s\n", _("(key hidden)"));
		return;
	}
	clean = text_clean(line);
	fprintf(p->out, "%s\n", clean);
	free(clean);
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
		session_restart(p->s);
		p->key_pending = 0;
		return 1;
	case ACT_NOTE:
		add_note(p, arg);
		return 0;
	case ACT_ASK:
		ask_caller(p);
		return 0;
	case ACT_CALLER:
		plain_caller(p);
		return 0;
	case ACT_TICK:
		interact_tick(p->s, opt);
		return 1;
	case ACT_ANSWER:
		interact_take(p->s, &p->v.choice[opt], NULL);
		return 1;
	case ACT_TEXT:
		if (n->type == KW_NODE_KEY) {
			enter_key(p, arg);
			return 0;
		}
		return match_text(p, arg);
	case ACT_CONTINUE:
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
	if (o->scenario != NULL)
		plain_caller(&p);
	plain_draw(&p);
	while (!session_finished(s)) {
		char *line;
		int r;

		plain_prompt(&p);
		line = input_line(in, ANSWER_MAX, NULL);
		if (line == NULL) {
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
		if (r > 0 && !session_finished(s))
			plain_draw(&p);
	}
	status = interact_end(s, quit);
	if (status != KW_EXIT_OK)
		plain_say(&p, _("Session ended before an outcome."));
	if (o->scenario != NULL)
		plain_score(&p);
out:
	fflush(out);
	interact_matching_free(&p.matching);
	return status;
}
