/* SPDX-License-Identifier: MIT */
/* record-json.c - the session record in JSON, for programs and for
 * --resume: the session as a whole, its path, notes and every event */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "record-int.h"
#include "record-json.h"
#include "record.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

/* A JSON string of `s` (NULL: null), cleaned so it is valid UTF-8. */
static json_t *
jstr(const char *s)
{
	json_t *j;
	char *clean;

	if (s == NULL)
		return json_null();
	clean = text_clean(s);
	j = json_string(clean);
	free(clean);
	return j != NULL ? j : json_string("?");
}

static json_t *
jtime(time_t t)
{
	char iso[RECORD_TIME_MAX];

	record_iso_time(t, iso, sizeof iso);
	return json_string(iso);
}

static void
jset(json_t *o, const char *key, json_t *v)
{
	if (v == NULL || json_object_set_new(o, key, v) < 0)
		fatal("cannot build the JSON record");
}

static json_t *
json_tree(const struct rec *r)
{
	json_t *o = json_object();

	jset(o, RF_ID, jstr(r->t->id));
	jset(o, RF_VERSION, jstr(r->t->version));
	jset(o, RF_HASH, jstr(r->hash));
	jset(o, RF_TITLE, jstr(tree_text(&r->t->title, r->lang)));
	return o;
}

static const char *
key_verdict(int valid, int doubtful)
{
	return !valid ? "invalid" : doubtful ? "doubtful" : "well-formed";
}

/* A text of the tree with the call's facts filled in, or null. */
static json_t *
jfilled(const struct rec *r, const struct kw_text *x)
{
	char *text;
	json_t *j;

	if (!tree_text_set(x))
		return json_null();
	text = facts_fill(r->s, tree_text(x, r->lang));
	j = jstr(text);
	free(text);
	return j;
}

void
record_json_key_detail(json_t *o, int *doubtful, unsigned *n_count)
{
	const char *v = json_string_value(json_object_get(o, RF_VERDICT));
	json_int_t n = json_integer_value(json_object_get(o, RF_NCOUNT));

	*doubtful = v != NULL && strcmp(v, "doubtful") == 0;
	*n_count = n > 0 && n <= KW_NCOUNT_MAX ? (unsigned)n : 0;
}

static json_t *
json_key(const struct rec *r)
{
	const struct kw_keyinfo *k = session_key(r->s);
	json_t *o;

	if (!k->entered)
		return json_null();
	o = json_object();
	jset(o, RF_MASKED, jstr(k->masked));
	jset(o, RF_VALID, json_boolean(k->valid));
	jset(o, RF_VERDICT, json_string(key_verdict(k->valid, k->doubtful)));
	jset(o, RF_NCOUNT, json_integer(k->n_count));
	jset(o, RF_SUMMARY, jstr(k->summary));
	return o;
}

static json_t *
json_error(const struct rec *r)
{
	const struct kw_node *n;
	const struct kw_option *op;
	size_t opt;
	json_t *o;

	if (!session_error(r->s, &n, &opt))
		return json_null();
	op = &n->opts[opt];
	o = json_object();
	jset(o, RF_NODE, jstr(n->id));
	jset(o, RF_OPTION, jstr(op->id));
	jset(o, RF_LABEL, jstr(tree_text(&op->label, r->lang)));
	jset(o, RF_MESSAGE, jstr(tree_text(&op->message, r->lang)));
	return o;
}

static json_t *
json_outcome(const struct rec *r)
{
	const struct kw_node *n = session_outcome(r->s);
	json_t *o;

	if (n == NULL)
		return json_null();
	o = json_object();
	jset(o, RF_NODE, jstr(n->id));
	jset(o, RF_RESULT, jstr(tree_result_name(n->result)));
	jset(o, RF_RESULT_LABEL, jstr(view_result_name(n->result)));
	jset(o, RF_TITLE, tree_text_set(&n->title) ?
	    jstr(tree_text(&n->title, r->lang)) : json_null());
	jset(o, RF_TEXT, jfilled(r, &n->text));
	jset(o, RF_CONTACT, jfilled(r, &n->contact));
	jset(o, RF_TELL, jfilled(r, &n->tell));
	return o;
}

static json_t *
json_path(const struct rec *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < session_depth(r->s); i++) {
		const struct kw_step *st = session_step(r->s, i);
		const struct kw_node *n = st->node;
		json_t *o = json_object(), *checked = json_array();

		jset(o, RF_STEP, json_integer((json_int_t)i + 1));
		jset(o, RF_NODE, jstr(n->id));
		jset(o, RF_TYPE, jstr(tree_type_name(n->type)));
		jset(o, RF_TITLE, jstr(view_node_heading(n, r->lang)));
		jset(o, RF_SHOWN, jtime(st->shown));
		if (st->opt >= 0) {
			jset(o, RF_ANSWER, jstr(n->opts[st->opt].id));
			jset(o, RF_ANSWER_INDEX, json_integer(st->opt));
			jset(o, RF_LABEL, jstr(record_answer_label(n, st->opt,
			    r->lang)));
			jset(o, RF_ANSWERED, jtime(st->answered));
			jset(o, RF_TEXT, jstr(st->text));
			jset(o, RF_SKIPPED, json_boolean(st->flags &
			    KW_STEP_SKIPPED));
		} else
			jset(o, RF_ANSWER, json_null());
		for (size_t j = 0; j < n->nitems && j < sizeof st->checked * 8;
		    j++)
			if ((st->checked >> j) & 1)
				json_array_append_new(checked,
				    json_integer((json_int_t)j));
		jset(o, RF_CHECKED, checked);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
json_notes(const struct rec *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < session_nevents(r->s); i++) {
		const struct kw_event *e = session_event(r->s, i);
		json_t *o;

		if (e->type != KW_EV_NOTE)
			continue;
		o = json_object();
		jset(o, RF_TIME, jtime(e->t));
		jset(o, RF_NODE, jstr(e->node->id));
		jset(o, RF_TEXT, jstr(e->text));
		json_array_append_new(a, o);
	}
	return a;
}

/* The number of the last key event, + 1 (0: none): the session keeps the
 * last analysis's details only. */
static size_t
last_key(const struct kw_session *s)
{
	for (size_t i = session_nevents(s); i > 0; i--)
		if (session_event(s, i - 1)->type == KW_EV_KEY)
			return i;
	return 0;
}

json_t *
record_event_json(const struct kw_session *s, size_t i)
{
	const struct kw_event *e = session_event(s, i);
	json_t *o = json_object();

	if (o == NULL)
		fatal("cannot build the JSON record");
	jset(o, RF_TYPE, jstr(session_event_name(e->type)));
	jset(o, RF_TIME, jtime(e->t));
	jset(o, RF_NODE, jstr(e->node->id));
	switch (e->type) {
	case KW_EV_ANSWER:
		jset(o, RF_ANSWER, jstr(e->node->opts[e->opt].id));
		jset(o, RF_ANSWER_INDEX, json_integer(e->opt));
		if (e->text != NULL)
			jset(o, RF_TEXT, jstr(e->text));
		if (e->flags & KW_STEP_SKIPPED)
			jset(o, RF_SKIPPED, json_true());
		break;
	case KW_EV_FIELD:
		jset(o, RF_VALUE, e->text != NULL ? jstr(e->text) :
		    json_null());
		if (e->flags & KW_STEP_PRESET)
			jset(o, RF_PRESET, json_true());
		break;
	case KW_EV_ROUTE:
		jset(o, RF_RULE, jstr(e->node->opts[e->opt].id));
		jset(o, RF_CONDITION, (size_t)e->opt < e->node->nrules ?
		    jstr(e->node->rules[e->opt].shown) : json_null());
		break;
	case KW_EV_BACK:
		jset(o, RF_STEP, json_integer((json_int_t)e->depth));
		break;
	case KW_EV_KEY:
		jset(o, RF_MASKED, jstr(e->text));
		jset(o, RF_VALID, json_boolean(e->valid));
		if (i + 1 == last_key(s)) {
			const struct kw_keyinfo *k = session_key(s);

			jset(o, RF_VERDICT, json_string(key_verdict(k->valid,
			    k->doubtful)));
			jset(o, RF_NCOUNT, json_integer(k->n_count));
		}
		break;
	case KW_EV_NOTE:
	case KW_EV_UNMATCHED:
		jset(o, RF_TEXT, jstr(e->text));
		break;
	case KW_EV_CHECKED:
		jset(o, RF_ITEM, json_integer(e->opt));
		jset(o, RF_CHECKED, json_boolean(e->on));
		break;
	default:
		break;
	}
	return o;
}

json_t *
record_to_json(const struct kw_session *s)
{
	struct rec r;
	json_t *o = json_object(), *ev = json_array();

	if (o == NULL || ev == NULL)
		fatal("cannot build the JSON record");
	record_rec_init(&r, s);
	jset(o, RF_RECORD, json_integer(KW_RECORD_VERSION));
	jset(o, RF_PROGRAM, json_string(VERSION));
	jset(o, RF_TREE, json_tree(&r));
	jset(o, RF_LANGUAGE, jstr(r.t->langs[r.lang]));
	jset(o, RF_STARTED, jtime(r.started));
	jset(o, RF_ENDED, jtime(r.ended));
	jset(o, RF_STATUS, json_string(r.status));
	jset(o, RF_AGENT, jstr(session_agent(s)));
	jset(o, RF_TICKET, jstr(session_ticket(s)));
	jset(o, RF_KEY, json_key(&r));
	jset(o, RF_ERROR, json_error(&r));
	jset(o, RF_OUTCOME, json_outcome(&r));
	jset(o, RF_PATH, json_path(&r));
	jset(o, RF_NOTES, json_notes(&r));
	for (size_t i = 0; i < session_nevents(s); i++)
		json_array_append_new(ev, record_event_json(s, i));
	jset(o, RF_EVENTS, ev);
	return o;
}

int
record_json(const struct kw_session *s, FILE *fp)
{
	json_t *o;
	char *text;
	size_t len;
	int rc;

	if (!record_times_ok(s)) {
		errno = EOVERFLOW;
		return -1;
	}
	o = record_to_json(s);
	text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (text == NULL)
		fatal("cannot build the JSON record");
	len = strlen(text);
	if (len + 1 > KW_RECORD_MAX) {
		free(text);
		errno = EMSGSIZE;
		return -1;
	}
	rc = fwrite(text, 1, len, fp) == len && fputc('\n', fp) != EOF ?
	    0 : -1;
	free(text);
	if (rc < 0)
		return -1;
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}
