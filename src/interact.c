/* SPDX-License-Identifier: MIT */
/* interact.c - what an answer does to the session, and what screens say in words */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "facts.h"
#include "interact.h"
#include "keymask.h"
#include "text.h"
#include "xalloc.h"

/* ---- what an answer does ---- */

void
interact_check_key(const struct kw_session *s, const char *text,
    struct kw_keycheck *k)
{
	prodkey_analyse(prodkey_tree_format(session_tree(s)), text, k);
}

void
interact_set_key(struct kw_session *s, const char *text,
    struct kw_keycheck *k)
{
	const struct kw_keyfmt *fmt = prodkey_tree_format(session_tree(s));
	char masked[64], summary[256];

	prodkey_analyse(fmt, text, k);
	prodkey_mask(fmt, k, masked, sizeof masked);
	prodkey_summary(k, summary, sizeof summary);
	session_set_key(s, k->verdict != KW_KEY_INVALID, masked, summary);
	session_set_key_detail(s, k->verdict == KW_KEY_DOUBTFUL, k->n_count);
	explicit_bzero(masked, sizeof masked);
}

int
interact_field(struct kw_session *s, const char *value, char *msg,
    size_t size)
{
	const struct kw_node *n = session_node(s);
	size_t len;
	char *v;
	int rc;

	if (n->type != KW_NODE_FIELD) {
		msg[0] = '\0';
		return -1;
	}
	if (facts_field_check(n, value, msg, size) < 0)
		return -1;
	value += strspn(value, " \t");
	len = strlen(value);
	while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t'))
		len--;
	v = xstrndup(value, len);
	rc = session_field(s, v);
	explicit_bzero(v, len);
	free(v);
	return rc;
}

int
interact_take(struct kw_session *s, const struct kw_view_choice *c,
    const char *text)
{
	if (c->kind == KW_CHOICE_OPTION && c->opt == KW_OPT_FAILING &&
	    interact_wait_left(s) > 0)
		return KW_TAKE_EARLY;
	return session_answer(s, c->opt, text,
	    c->kind == KW_CHOICE_SKIP ? KW_STEP_SKIPPED : 0);
}

long
interact_wait_left(const struct kw_session *s)
{
	const struct kw_step *st = session_step(s, session_depth(s) - 1);
	time_t end;

	if (st->node->type != KW_NODE_WAIT)
		return -1;
	end = st->shown + (time_t)st->node->minutes * 60;
	return session_now(s) < end ? (long)(end - session_now(s)) : 0;
}

char *
interact_early_line(const struct kw_session *s, const struct kw_view *v)
{
	long left = interact_wait_left(s);
	const char *skip = "3";

	for (size_t i = 0; i < v->nchoices; i++)
		if (v->choice[i].kind == KW_CHOICE_SKIP)
			skip = v->choice[i].key;

	return xasprintf(_("! The wait is not over: %ld:%02ld left. Wait, or "
	    "choose %s if it already failed for longer elsewhere."),
	    left / 60, left % 60, skip);
}

char *
interact_waited_line(const struct kw_session *s)
{
	for (size_t i = session_depth(s); i-- > 0; ) {
		const struct kw_step *st = session_step(s, i);
		long min;

		if (st->node->type != KW_NODE_WAIT || st->opt < 0)
			continue;
		min = (long)(st->answered - st->shown) / 60;
		if (st->flags & KW_STEP_SKIPPED)
			return xasprintf(_("Waited %ld min of the %u asked; it "
			    "had failed for longer elsewhere."), min,
			    st->node->minutes);
		return xasprintf(_("Waited %ld min of the %u asked."), min,
		    st->node->minutes);
	}
	return NULL;
}

const char *
interact_choice_text(const struct kw_view_choice *c, const char *text,
    const char *said)
{
	if (text != NULL && *text != '\0')
		return text;
	if (c->message == NULL && said != NULL && *said != '\0')
		return said;
	return NULL;
}

int
interact_continue(struct kw_session *s)
{
	return session_answer(s, 0, NULL, 0);
}

int
interact_tick(struct kw_session *s, size_t item)
{
	const struct kw_step *st = session_step(s, session_depth(s) - 1);

	return session_check_item(s, item, !((st->checked >> item) & 1));
}

char *
interact_mask_text(const struct kw_session *s, const char *text)
{
	return keymask_text(prodkey_tree_format(session_tree(s)), text);
}

int
interact_note(struct kw_session *s, const char *text)
{
	if (text == NULL || *text == '\0')
		return 0;
	session_add_note(s, text);
	return 1;
}

/* The matcher of the session's current node. */
static struct kw_matcher *
matcher_here(struct kw_matching *mc, const struct kw_session *s)
{
	const struct kw_node *node = session_node(s);

	if (mc->node != node) {
		match_free(mc->matcher);
		mc->matcher = match_new(session_tree(s), node);
		match_prefer(mc->matcher, session_lang(s));
		mc->node = node;
		free(mc->filter);
		mc->filter = NULL;
	}
	return mc->matcher;
}

enum kw_match_verdict
interact_match(struct kw_matching *mc, const struct kw_session *s,
    const char *text, struct kw_match *m, size_t max, size_t *n)
{
	*n = match_rank(matcher_here(mc, s), text, m, max);
	if (*n == 0)
		return KW_MATCH_NONE;
	if (*n == 1 || m[0].score - m[1].score >= KW_MATCH_MARGIN)
		return KW_MATCH_CLEAR;
	return KW_MATCH_CLOSE;
}

size_t
interact_filter(struct kw_matching *mc, const struct kw_session *s,
    const char *text, const struct kw_match **found)
{
	struct kw_matcher *m = matcher_here(mc, s);
	const struct kw_node *node = session_node(s);

	*found = mc->found;
	if (*text == '\0' || node->type != KW_NODE_CHOICE)
		return 0;
	if (mc->filter != NULL && strcmp(mc->filter, text) == 0)
		return mc->nfound;
	free(mc->filter);
	mc->filter = xstrdup(text);
	mc->found = xrealloc(mc->found, (node->nopts ? node->nopts : 1) *
	    sizeof *mc->found);
	mc->nfound = match_rank(m, text, mc->found, node->nopts);
	*found = mc->found;
	return mc->nfound;
}

void
interact_matching_free(struct kw_matching *mc)
{
	match_free(mc->matcher);
	free(mc->filter);
	free(mc->found);
	memset(mc, 0, sizeof *mc);
}

void
interact_unmatched(struct kw_session *s, const char *text)
{
	session_unmatched(s, text);
}

int
interact_end(struct kw_session *s, int quit)
{
	(void)quit;	/* quitting at an outcome still completed the call */
	session_finish(s);
	return session_outcome(s) != NULL ? KW_EXIT_OK : KW_EXIT_NEGATIVE;
}

int
interact_restart(struct kw_session *s)
{
	if (session_outcome(s) != NULL)
		return -1;
	session_restart(s);
	return 0;
}

int
interact_new_screen(struct kw_shown *m, const struct kw_session *s)
{
	const struct kw_node *n = session_node(s);
	size_t depth = session_depth(s);

	if (m->started && m->node == n && m->depth == depth)
		return 0;
	m->started = 1;
	m->node = n;
	m->depth = depth;
	return 1;
}

int
interact_previous(const struct kw_session *s, const char **text)
{
	const struct kw_node *n = session_node(s);
	size_t depth = session_depth(s);

	*text = NULL;
	for (size_t i = session_nevents(s); i-- > 0; ) {
		const struct kw_event *e = session_event(s, i);

		if (e->type == KW_EV_ANSWER && e->node == n &&
		    e->depth == depth) {
			*text = e->text;
			return e->opt;
		}
		if (e->type == KW_EV_START || e->type == KW_EV_RESUME)
			break;
	}
	return -1;
}

enum kw_number_verdict
interact_digit(struct kw_number *num, unsigned d, size_t n, size_t *take)
{
	unsigned long v = (unsigned long)num->num * 10 + d;

	if (num->num == 0 || v > n)
		v = d;		/* a new number */
	num->num = 0;
	if (v == 0 || v > n)
		return KW_NUMBER_BAD;
	if (v * 10 <= n) {
		num->num = (unsigned)v;
		*take = (size_t)v - 1;
		return KW_NUMBER_WAIT;
	}
	*take = (size_t)v - 1;
	return KW_NUMBER_TAKE;
}

int
interact_digit_timeout(struct kw_number *num, size_t *take)
{
	if (num->num == 0)
		return 0;
	*take = num->num - 1;
	num->num = 0;
	return 1;
}

const char *
interact_key_text(const char *text)
{
	const char *colon = NULL;
	size_t alnum = 0;

	for (const char *p = text; *p != '\0'; p++)
		if (*p == ':' || *p == '=')
			colon = p;
	if (colon == NULL)
		return text;
	/* only when what follows the label can be a key */
	for (const char *p = colon + 1; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' &&
		    (*p | 0x20) <= 'z'))
			alnum++;
	return alnum >= 5 ? colon + 1 : text;
}

/* buf (of length *len) with "label value\n" added, the value cleaned of
 * control characters. */
static char *
append_line(char *buf, size_t *len, const char *label, const char *value)
{
	char *clean = text_clean(value);
	size_t nl = strlen(label), nc = strlen(clean);

	buf = xrealloc(buf, *len + nl + nc + 2);
	memcpy(buf + *len, label, nl);
	memcpy(buf + *len + nl, clean, nc);
	*len += nl + nc;
	buf[(*len)++] = '\n';
	buf[*len] = '\0';
	free(clean);
	return buf;
}

char *
interact_summary(const struct kw_session *s, const char *record)
{
	const struct kw_node *n = session_outcome(s);
	const struct kw_keyinfo *k = session_key(s);
	struct kw_outcome_field f[KW_OUTCOME_FIELDS];
	size_t lang = session_lang(s), nf;
	char *buf = NULL, *title, *waited, *heading;
	size_t len = 0;

	if (n == NULL)
		return NULL;
	heading = tree_text_set(&n->title) ? facts_fill_text(s, &n->title) :
	    xstrdup(view_node_heading(n, lang));
	title = text_clean(heading);
	free(heading);
	buf = xasprintf("%s: %s\n", PACKAGE, title);
	free(title);
	len = strlen(buf);
	nf = interact_outcome_fields(s, n, f);
	for (size_t i = 0; i < nf; i++)
		buf = append_line(buf, &len, f[i].label, f[i].value);
	interact_outcome_free(f, nf);
	if ((waited = interact_waited_line(s)) != NULL) {
		buf = append_line(buf, &len, "", waited);
		free(waited);
	}
	if (k->entered)
		buf = append_line(buf, &len, _("Key: "), k->masked);
	if (record != NULL)
		buf = append_line(buf, &len, _("Record: "), record);
	return buf;
}

void
interact_ask(struct kw_asks *a, const struct kw_node *n)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++)
		if (a->node[i] == n)
			return;
	if (a->n < KW_ASKS_MAX)
		a->node[a->n++] = n;
}

void
interact_score(const struct kw_scenario *sc, const struct kw_session *s,
    const struct kw_asks *a, struct kw_practice_score *out)
{
	size_t cost;

	practice_score(session_tree(s), sc, s, out);
	out->asked = a != NULL ? a->n : 0;
	cost = out->asked * KW_ASK_COST;
	out->score = out->score > cost ? out->score - (unsigned)cost : 0;
}

char *
interact_practice_note(const struct kw_scenario *sc)
{
	return xasprintf(_("Practice call, scenario %s: a trainee and a "
	    "caller played by keywiz."), sc->id);
}

/* ---- what screens say ---- */

char *
interact_caller_line(const struct kw_scenario *sc, const struct kw_node *n,
    size_t lang, const char **lead)
{
	int opt = practice_caller_option(sc, n);

	if (n->type == KW_NODE_KEY && sc->key != NULL) {
		*lead = _("The caller reads out: ");
		return xstrdup(sc->key);
	}
	if (opt < 0 || n->type == KW_NODE_KEY || n->type == KW_NODE_STEP) {
		*lead = NULL;
		return xstrdup(_("The caller has nothing to add here."));
	}
	if (tree_text_set(&n->opts[opt].message)) {
		*lead = _("The caller reads out: ");
		return xasprintf(_("\"%s\""),
		    tree_text(&n->opts[opt].message, lang));
	}
	*lead = _("The caller says: ");
	return xstrdup(view_option_label(n, (size_t)opt, lang));
}

const char *
interact_branches_heading(void)
{
	return _("Branches not taken:");
}

char *
interact_branch_line(const struct kw_branch *b, size_t lang)
{
	return xasprintf(_("at \"%s\": %s -> %s"),
	    view_node_heading(b->at, lang),
	    view_option_label(b->at, b->opt, lang),
	    view_node_heading(b->to, lang));
}

char *
interact_score_line(const struct kw_practice_score *sc)
{
	if (sc->asked > 0)
		return xasprintf(_("Practice score: %u/100 (%zu of %zu answers "
		    "right; outcome %s; asked the caller about %zu steps, %u "
		    "points each)."), sc->score, sc->correct, sc->expected,
		    sc->outcome_ok ? _("right") : _("wrong"), sc->asked,
		    KW_ASK_COST);
	return xasprintf(_("Practice score: %u/100 (%zu of %zu answers "
	    "right; outcome %s)."), sc->score, sc->correct, sc->expected,
	    sc->outcome_ok ? _("right") : _("wrong"));
}

size_t
interact_outcome_fields(const struct kw_session *s, const struct kw_node *n,
    struct kw_outcome_field out[KW_OUTCOME_FIELDS])
{
	size_t k = 0;

	out[k].label = _("Result: ");
	out[k++].value = xstrdup(view_result_name(n->result));
	if (tree_text_set(&n->contact)) {
		out[k].label = _("Who to contact: ");
		out[k++].value = facts_fill_text(s, &n->contact);
	}
	if (tree_text_set(&n->tell)) {
		out[k].label = _("What to tell them: ");
		out[k++].value = facts_fill_text(s, &n->tell);
	}
	return k;
}

void
interact_outcome_free(struct kw_outcome_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(f[i].value);
}

char *
interact_bad_char(const struct kw_key_bad *b, int mask)
{
	char alike[64];

	if (mask)
		return xasprintf(_("Group %u, character %u cannot be in a "
		    "product key."), b->group, b->place);
	if (b->lookalikes[0] == '\0')
		return xasprintf(_("Group %u, character %u: '%s' is never in "
		    "a product key."), b->group, b->place, b->ch);
	prodkey_lookalikes_text(b->lookalikes, alike, sizeof alike);
	return xasprintf(_("Group %u, character %u: '%s' is never in a "
	    "product key; did you mean %s?"), b->group, b->place, b->ch,
	    alike);
}
