/* SPDX-License-Identifier: MIT */
/* session.c - the engine: the path through a tree, back, restart, events */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "keymask.h"
#include "prodkey.h"
#include "session.h"
#include "xalloc.h"

struct kw_session {
	const struct kw_tree *tree;
	size_t lang;
	time_t (*clock)(void);
	time_t started;

	struct kw_step *path;
	size_t depth, path_cap;

	struct kw_event *events;
	size_t nevents, events_cap;

	/* strings the session owns: event texts, step texts, key info */
	char **strings;
	size_t nstrings, strings_cap;

	struct kw_keyinfo key;
	const char *agent, *ticket;	/* in `strings`, or NULL */
	int finished;

	int pinned;		/* replay: session_now() is `pin` */
	time_t pin;

	void (*hook)(void *, const struct kw_session *);
	void *hook_arg;
};

/* The end of a change the hook hears of (the journal's). */
static void
changed(struct kw_session *s)
{
	if (s->hook != NULL)
		s->hook(s->hook_arg, s);
}

void
session_set_hook(struct kw_session *s,
    void (*hook)(void *arg, const struct kw_session *s), void *arg)
{
	s->hook = hook;
	s->hook_arg = arg;
}

/* A copy of `text` for the session to own, a product key in it masked:
 * every string that enters the session comes through here (answers typed
 * or pasted, notes, the key's masked form and summary), from either front
 * end, a resumed record or a recovered journal, so the full key never
 * reaches what is made from the session. */
static const char *
keep(struct kw_session *s, const char *text)
{
	char *copy;

	if (text == NULL)
		return NULL;
	copy = keymask_text(prodkey_tree_format(s->tree), text);
	s->strings = xgrow(s->strings, &s->strings_cap, s->nstrings + 1,
	    sizeof *s->strings);
	s->strings[s->nstrings++] = copy;
	return copy;
}

time_t
session_now(const struct kw_session *s)
{
	if (s->pinned)
		return s->pin;
	return s->clock != NULL ? s->clock() : time(NULL);
}

/* Log an event; the caller fills in what its type carries besides opt and
 * text (session.h). */
static struct kw_event *
log_event(struct kw_session *s, enum kw_event_type type,
    const struct kw_node *node, int opt, const char *text)
{
	struct kw_event *e;

	s->events = xgrow(s->events, &s->events_cap, s->nevents + 1,
	    sizeof *s->events);
	e = &s->events[s->nevents++];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->t = session_now(s);
	e->node = node;
	e->opt = opt;
	e->text = keep(s, text);
	e->depth = s->depth;
	return e;
}

static void
push_step(struct kw_session *s, const struct kw_node *node)
{
	struct kw_step *st;

	s->path = xgrow(s->path, &s->path_cap, s->depth + 1, sizeof *s->path);
	st = &s->path[s->depth++];
	memset(st, 0, sizeof *st);
	st->node = node;
	st->opt = -1;
	st->shown = session_now(s);
	log_event(s, KW_EV_SHOW, node, -1, NULL);
}

/* A field whose preset has a value takes it without asking: the value,
 * or NULL. */
static char *
preset(struct kw_session *s, const struct kw_node *n)
{
	char buf[1024];

	if (n->type != KW_NODE_FIELD || n->preset == NULL ||
	    !facts_value(s, n->preset, strlen(n->preset), buf, sizeof buf))
		return NULL;
	return xstrdup(buf);
}

/* A logic node at the end of the path routes the call at once, and so
 * does the next, and a field with a preset value is answered; at most as
 * many in a row as the tree has nodes (--check refuses a loop of logic
 * nodes). */
static void
settle(struct kw_session *s)
{
	for (size_t hops = 0; hops < s->tree->nnodes; hops++) {
		struct kw_step *st = &s->path[s->depth - 1];
		const struct kw_node *n = st->node;
		char *value = preset(s, n);
		size_t opt = 0;

		if (n->type != KW_NODE_LOGIC && value == NULL)
			return;
		if (n->type == KW_NODE_LOGIC)
			opt = facts_route(s, n);
		if (opt >= n->nopts || n->opts[opt].next == NULL) {
			free(value);
			return;
		}
		st->opt = (int)opt;
		st->answered = session_now(s);
		st->text = keep(s, value);
		st->flags = value != NULL ? KW_STEP_PRESET : 0;
		log_event(s, value != NULL ? KW_EV_FIELD : KW_EV_ROUTE, n,
		    (int)opt, value)->flags = st->flags;
		free(value);
		push_step(s, n->opts[opt].next);
	}
}

static struct kw_session *
session_start(const struct kw_tree *t, size_t lang, time_t (*clock)(void),
    int pinned, time_t pin)
{
	struct kw_session *s = xcalloc(1, sizeof *s);

	s->tree = t;
	s->lang = lang < t->nlangs ? lang : 0;
	s->clock = clock;
	s->pinned = pinned;
	s->pin = pin;
	s->started = session_now(s);
	log_event(s, KW_EV_START, t->start, -1, NULL);
	push_step(s, t->start);
	settle(s);
	return s;
}

struct kw_session *
session_new(const struct kw_tree *t, size_t lang, time_t (*clock)(void))
{
	return session_start(t, lang, clock, 0, 0);
}

void
session_free(struct kw_session *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nstrings; i++) {
		explicit_bzero(s->strings[i], strlen(s->strings[i]));
		free(s->strings[i]);
	}
	free(s->strings);
	free(s->events);
	free(s->path);
	free(s);
}

void
session_set_agent(struct kw_session *s, const char *agent)
{
	session_set_who(s, agent, NULL);
}

void
session_set_ticket(struct kw_session *s, const char *ticket)
{
	session_set_who(s, NULL, ticket);
}

/* Both before any rule tests them: a field whose preset names one,
 * waiting at the end of the path, takes its value now. */
void
session_set_who(struct kw_session *s, const char *agent, const char *ticket)
{
	if (agent != NULL)
		s->agent = keep(s, agent);
	if (ticket != NULL)
		s->ticket = keep(s, ticket);
	if (!s->finished)
		settle(s);
	changed(s);
}

const char *
session_agent(const struct kw_session *s)
{
	return s->agent;
}

const char *
session_ticket(const struct kw_session *s)
{
	return s->ticket;
}

const struct kw_tree *
session_tree(const struct kw_session *s)
{
	return s->tree;
}

size_t
session_lang(const struct kw_session *s)
{
	return s->lang;
}

void
session_set_lang(struct kw_session *s, size_t lang)
{
	if (lang < s->tree->nlangs)
		s->lang = lang;
}

time_t
session_started(const struct kw_session *s)
{
	return s->started;
}

const struct kw_node *
session_node(const struct kw_session *s)
{
	return s->path[s->depth - 1].node;
}

size_t
session_depth(const struct kw_session *s)
{
	return s->depth;
}

const struct kw_step *
session_step(const struct kw_session *s, size_t i)
{
	return i < s->depth ? &s->path[i] : NULL;
}

static int
answer(struct kw_session *s, enum kw_event_type type, size_t opt,
    const char *text, unsigned flags)
{
	struct kw_step *st = &s->path[s->depth - 1];
	const struct kw_node *n = st->node;

	if (s->finished || n->type == KW_NODE_OUTCOME ||
	    n->type == KW_NODE_LOGIC || opt >= n->nopts ||
	    n->opts[opt].next == NULL ||
	    (type == KW_EV_FIELD) != (n->type == KW_NODE_FIELD))
		return -1;
	st->opt = (int)opt;
	st->answered = session_now(s);
	st->text = keep(s, text);
	st->flags = flags;
	log_event(s, type, n, (int)opt, st->text)->flags = flags;
	push_step(s, n->opts[opt].next);
	settle(s);
	changed(s);
	return 0;
}

int
session_answer(struct kw_session *s, size_t opt, const char *text,
    unsigned flags)
{
	return answer(s, KW_EV_ANSWER, opt, text, flags);
}

int
session_field(struct kw_session *s, const char *value)
{
	return answer(s, KW_EV_FIELD, 0, value != NULL && *value != '\0' ?
	    value : NULL, 0);
}

const struct kw_step *
session_answered(const struct kw_session *s, const struct kw_node *n)
{
	for (size_t i = s->depth - 1; i-- > 0;)
		if (s->path[i].node == n && s->path[i].opt >= 0)
			return &s->path[i];
	return NULL;
}

static void
pop_to(struct kw_session *s, size_t depth)
{
	struct kw_step *st;

	s->depth = depth;
	st = &s->path[depth - 1];
	st->opt = -1;
	st->answered = 0;
	st->text = NULL;
	st->flags = 0;
	/* back onto a wait: its time runs on from when it was first shown */
	if (st->node->type != KW_NODE_WAIT)
		st->shown = session_now(s);
}

int
session_back(struct kw_session *s)
{
	if (s->depth < 2)
		return -1;
	return session_back_to(s, s->depth - 2);
}

/* A step the session took by itself: a logic node, a preset field. */
static int
auto_step(const struct kw_step *st)
{
	return st->node->type == KW_NODE_LOGIC ||
	    (st->flags & KW_STEP_PRESET);
}

int
session_back_to(struct kw_session *s, size_t i)
{
	if (s->finished || i + 1 >= s->depth)
		return -1;
	/* a logic node or a preset field is not a screen to go back to */
	while (i > 0 && auto_step(&s->path[i]))
		i--;
	if (auto_step(&s->path[i]))
		return -1;	/* only such steps before: nothing to undo */
	pop_to(s, i + 1);
	log_event(s, KW_EV_BACK, s->path[i].node, -1, NULL);
	changed(s);
	return 0;
}

void
session_restart(struct kw_session *s)
{
	s->finished = 0;
	pop_to(s, 1);
	s->path[0].checked = 0;
	log_event(s, KW_EV_RESTART, s->path[0].node, -1, NULL);
	settle(s);
	changed(s);
}

int
session_check_item(struct kw_session *s, size_t item, int on)
{
	struct kw_step *st = &s->path[s->depth - 1];
	unsigned long bit;

	if (st->node->type != KW_NODE_STEP || item >= st->node->nitems ||
	    item >= sizeof st->checked * 8)
		return -1;
	bit = 1UL << item;
	if (on)
		st->checked |= bit;
	else
		st->checked &= ~bit;
	log_event(s, KW_EV_CHECKED, st->node, (int)item, NULL)->on = on != 0;
	changed(s);
	return 0;
}

void
session_set_key(struct kw_session *s, int valid, const char *masked,
    const char *summary)
{
	s->key.entered = 1;
	s->key.valid = valid;
	s->key.masked = keep(s, masked != NULL ? masked : "");
	s->key.summary = keep(s, summary != NULL ? summary : "");
	log_event(s, KW_EV_KEY, session_node(s), -1, s->key.masked)->valid =
	    valid != 0;
	changed(s);
}

void
session_set_key_detail(struct kw_session *s, int doubtful, unsigned n_count)
{
	s->key.doubtful = doubtful != 0;
	s->key.n_count = n_count;
}

const struct kw_keyinfo *
session_key(const struct kw_session *s)
{
	return &s->key;
}

void
session_add_note(struct kw_session *s, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	log_event(s, KW_EV_NOTE, session_node(s), -1, text);
	changed(s);
}

void
session_unmatched(struct kw_session *s, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	log_event(s, KW_EV_UNMATCHED, session_node(s), -1, text);
	changed(s);
}

void
session_finish(struct kw_session *s)
{
	if (s->finished)
		return;
	s->finished = 1;
	log_event(s, session_outcome(s) != NULL ? KW_EV_END : KW_EV_QUIT,
	    session_node(s), -1, NULL);
	changed(s);
}

int
session_finished(const struct kw_session *s)
{
	return s->finished;
}

const struct kw_node *
session_outcome(const struct kw_session *s)
{
	const struct kw_node *n = session_node(s);

	return n->type == KW_NODE_OUTCOME ? n : NULL;
}

size_t
session_nevents(const struct kw_session *s)
{
	return s->nevents;
}

const struct kw_event *
session_event(const struct kw_session *s, size_t i)
{
	return i < s->nevents ? &s->events[i] : NULL;
}

int
session_error(const struct kw_session *s, const struct kw_node **node,
    size_t *opt)
{
	/* the last answered choice whose option carries a message */
	for (size_t i = s->depth - 1; i-- > 0;) {
		const struct kw_step *st = &s->path[i];
		const struct kw_option *o;

		if (st->node->type != KW_NODE_CHOICE || st->opt < 0)
			continue;
		o = &st->node->opts[st->opt];
		if (!tree_text_set(&o->message))
			continue;
		*node = st->node;
		*opt = (size_t)st->opt;
		return 1;
	}
	return 0;
}

static const char *const event_names[KW_EV_TYPE_COUNT] = {
	"start", "show", "answer", "back", "restart", "key", "note",
	"checked", "quit", "end", "resume", "field", "route", "unmatched"
};

const char *
session_event_name(enum kw_event_type type)
{
	return (unsigned)type < KW_EV_TYPE_COUNT ? event_names[type] : "?";
}

/* Replay (record.c): a session stamped with a saved record's times. */

struct kw_session *
session_new_at(const struct kw_tree *t, size_t lang, time_t (*clock)(void),
    time_t started)
{
	struct kw_session *s;

	s = session_start(t, lang, clock, 1, started);
	session_unpin_time(s);
	return s;
}

void
session_pin_time(struct kw_session *s, time_t t)
{
	s->pinned = 1;
	s->pin = t;
}

void
session_unpin_time(struct kw_session *s)
{
	s->pinned = 0;
}

void
session_reopen(struct kw_session *s)
{
	s->finished = 0;
	log_event(s, KW_EV_RESUME, session_node(s), -1, NULL);
	changed(s);
}
