/* SPDX-License-Identifier: MIT */
/* record-resume.c - a JSON record read back and replayed into a session,
 * each event by the replay of its type; nothing in the file is trusted */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "i18n.h"
#include "record-int.h"
#include "record-json.h"
#include "record-replay.h"
#include "record.h"
#include "xalloc.h"

static int
event_type(const char *name)
{
	for (int i = 0; i < KW_EV_TYPE_COUNT; i++)
		if (strcmp(session_event_name((enum kw_event_type)i),
		    name) == 0)
			return i;
	return -1;
}

/* The tree moved under the record: say what is gone, or that the file was
 * tampered with when the tree is the same. */
static int
gone(struct replay *rp, const char *what)
{
	if (rp->changed)
		return rp_refuse(rp, _("the tree has changed since the record "
		    "was saved: %s"), what);
	return rp_refuse(rp, _("event %zu does not fit the tree (%s); the "
	    "record is damaged or was edited"), rp->ev + 1, what);
}

/* The option of node `n` the answer event `ev` names. */
static int
replay_option(struct replay *rp, const struct kw_node *n, json_t *ev,
    size_t *opt)
{
	const char *id = rp_str(rp, ev, RF_ANSWER, ID_MAX);
	long long idx = rp_uint(rp, ev, RF_ANSWER_INDEX, 1024);
	char *what;
	int rc;

	if (id == NULL || idx < 0)
		return -1;
	for (size_t i = 0; i < n->nopts; i++)
		if (n->opts[i].id != NULL && strcmp(n->opts[i].id, id) == 0) {
			if ((size_t)idx != i && !rp->changed)
				return rp_refuse(rp, _("event %zu: answer '%s' "
				    "is not answer number %lld of node '%s'; "
				    "the record is damaged or was edited"),
				    rp->ev + 1, id, idx, n->id);
			*opt = i;
			return 0;
		}
	what = xasprintf(_("node '%s' no longer has the answer '%s'"),
	    n->id, id);
	rc = gone(rp, what);
	free(what);
	return rc;
}

/* The session's event `i` must be the recorded one: same type and node. */
static int
replay_check(struct replay *rp, struct kw_session *s, size_t i, int type,
    const char *node)
{
	const struct kw_event *e = session_event(s, i);
	const struct kw_event *a = i > 0 ? session_event(s, i - 1) : NULL;
	char *what;
	int rc;

	if (e != NULL && (int)e->type == type && strcmp(e->node->id,
	    node) == 0)
		return 0;
	/* a screen other than the recorded one after an answer: the tree
	 * sends that answer elsewhere now, or the record was edited */
	if (e != NULL && type == KW_EV_SHOW && e->type == KW_EV_SHOW &&
	    a != NULL && a->type == KW_EV_ANSWER) {
		const char *answer = a->node->opts[a->opt].id;

		if (tree_find(rp->t, node) == NULL)
			what = xasprintf(_("node '%s' no longer exists (answer "
			    "'%s' at node '%s' now leads to '%s')"), node,
			    answer, a->node->id, e->node->id);
		else
			what = xasprintf(_("answer '%s' at node '%s' now leads "
			    "to '%s', not '%s'"), answer, a->node->id,
			    e->node->id, node);
		rc = gone(rp, what);
		free(what);
		return rc;
	}
	return rp_refuse(rp, _("event %zu (%s at '%s') does not follow from "
	    "the events before it; the record is damaged or was edited"),
	    rp->ev + 1, session_event_name((enum kw_event_type)type), node);
}

/* ---- one replay per event type: `ev` happened at the current node ---- */

typedef int replay_fn(struct replay *, struct kw_session *, json_t *);

static int
replay_answer(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const struct kw_node *cur = session_node(s);
	json_t *jt = json_object_get(ev, RF_TEXT);
	const char *text = NULL;
	unsigned flags = 0;
	size_t opt = 0;
	char *what;
	int rc;

	if (jt != NULL && !json_is_null(jt) &&
	    (text = rp_str(rp, ev, RF_TEXT, TEXT_MAX)) == NULL)
		return -1;
	if (json_is_true(json_object_get(ev, RF_SKIPPED)))
		flags |= KW_STEP_SKIPPED;
	if (replay_option(rp, cur, ev, &opt) < 0)
		return -1;
	if (cur->opts[opt].next == NULL) {
		what = xasprintf(_("node '%s' no longer exists"),
		    cur->opts[opt].target != NULL ? cur->opts[opt].target :
		    "?");
		rc = gone(rp, what);
		free(what);
		return rc;
	}
	if (session_answer(s, opt, text, flags) < 0)
		return rp_refuse(rp, _("event %zu: the answer '%s' at '%s' "
		    "cannot be given"), rp->ev + 1, cur->opts[opt].id,
		    cur->id);
	return 0;
}

static int
replay_back(struct replay *rp, struct kw_session *s, json_t *ev)
{
	long long step = rp_uint(rp, ev, RF_STEP, 1000000);

	if (step < 1 || session_back_to(s, (size_t)step - 1) < 0)
		return rp_refuse(rp, _("event %zu: cannot go back to step "
		    "%lld"), rp->ev + 1, step);
	return 0;
}

static int
replay_restart(struct replay *rp, struct kw_session *s, json_t *ev)
{
	(void)rp;
	(void)ev;
	session_restart(s);
	return 0;
}

static int
replay_key(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const char *masked = rp_str(rp, ev, RF_MASKED, 128);
	char buf[129];
	unsigned nc;
	int valid, doubtful;

	if (masked == NULL || (valid = rp_bool(rp, ev, RF_VALID)) < 0)
		return -1;
	if (record_remask_key(masked, buf, sizeof buf))
		rp->remasked = 1;
	session_set_key(s, valid, buf, rp->ev == rp->last_key ?
	    rp->summary : "");
	record_json_key_detail(ev, &doubtful, &nc);
	session_set_key_detail(s, valid && doubtful, nc);
	explicit_bzero(buf, sizeof buf);
	return 0;
}

static int
replay_field(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const char *value = NULL;

	if (!json_is_null(json_object_get(ev, RF_VALUE)) &&
	    (value = rp_str(rp, ev, RF_VALUE, TEXT_MAX)) == NULL)
		return -1;
	if (session_field(s, value) < 0)
		return rp_refuse(rp, _("event %zu: node '%s' is not a field "
		    "node"), rp->ev + 1, session_node(s)->id);
	return 0;
}

static int
replay_note(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const char *text = rp_str(rp, ev, RF_TEXT, TEXT_MAX);

	if (text == NULL)
		return -1;
	session_add_note(s, text);
	return 0;
}

static int
replay_unmatched(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const char *text = rp_str(rp, ev, RF_TEXT, TEXT_MAX);

	if (text == NULL)
		return -1;
	session_unmatched(s, text);
	return 0;
}

static int
replay_checked(struct replay *rp, struct kw_session *s, json_t *ev)
{
	long long item = rp_uint(rp, ev, RF_ITEM, 63);
	int on;

	if (item < 0 || (on = rp_tick(rp, ev, RF_CHECKED)) < 0)
		return -1;
	if (session_check_item(s, (size_t)item, on) < 0)
		return rp_refuse(rp, _("event %zu: node '%s' has no item %lld "
		    "to tick"), rp->ev + 1, session_node(s)->id, item + 1);
	return 0;
}

static int
replay_finish(struct replay *rp, struct kw_session *s, json_t *ev)
{
	(void)rp;
	(void)ev;
	session_finish(s);
	return 0;
}

static int
replay_resume(struct replay *rp, struct kw_session *s, json_t *ev)
{
	(void)rp;
	(void)ev;
	session_reopen(s);
	return 0;
}

/* Start and show are not replayed: the session logs them itself. */
static replay_fn *const replay_type[KW_EV_TYPE_COUNT] = {
	[KW_EV_ANSWER] = replay_answer,
	[KW_EV_BACK] = replay_back,
	[KW_EV_RESTART] = replay_restart,
	[KW_EV_KEY] = replay_key,
	[KW_EV_NOTE] = replay_note,
	[KW_EV_CHECKED] = replay_checked,
	[KW_EV_QUIT] = replay_finish,
	[KW_EV_END] = replay_finish,
	[KW_EV_RESUME] = replay_resume,
	[KW_EV_FIELD] = replay_field,
	[KW_EV_UNMATCHED] = replay_unmatched,
};

/* Replay recorded event `ev` (not the start) on `s`, at its time. */
static int
replay_event(struct replay *rp, struct kw_session *s, json_t *ev)
{
	const char *tname, *node;
	const struct kw_node *cur = session_node(s);
	size_t before = session_nevents(s);
	char *what;
	time_t t;
	int type, rc;

	if (!json_is_object(ev))
		return rp_refuse(rp, _("event %zu is not an object"),
		    rp->ev + 1);
	if ((tname = rp_str(rp, ev, RF_TYPE, 32)) == NULL ||
	    (node = rp_str(rp, ev, RF_NODE, ID_MAX)) == NULL ||
	    rp_time(rp, ev, RF_TIME, &t) < 0)
		return -1;
	if ((type = event_type(tname)) < 0 || type == KW_EV_START)
		return rp_refuse(rp, _("event %zu: unknown or misplaced type "
		    "'%s'"), rp->ev + 1, tname);
	if (type == KW_EV_SHOW || type == KW_EV_ROUTE || (type == KW_EV_FIELD &&
	    json_is_true(json_object_get(ev, RF_PRESET)))) {
		/* shown or routed by the answer before it: check, do not
		 * redo */
		if (before <= rp->ev)
			return rp_refuse(rp, _("event %zu (show '%s') follows "
			    "no answer; the record is damaged or was edited"),
			    rp->ev + 1, node);
		return replay_check(rp, s, rp->ev, type, node);
	}
	if (before != rp->ev)
		return rp_refuse(rp, _("event %zu: a screen the record does "
		    "not show is missing; the record is damaged or was "
		    "edited"),
		    rp->ev + 1);
	if (strcmp(node, cur->id) != 0 && type != KW_EV_BACK &&
	    type != KW_EV_RESTART) {
		if (tree_find(rp->t, node) == NULL)
			what = xasprintf(_("node '%s' no longer exists"),
			    node);
		else
			what = xasprintf(_("event %zu (%s) happened at node "
			    "'%s', but the replay stands at '%s'"), rp->ev + 1,
			    tname, node, cur->id);
		rc = gone(rp, what);
		free(what);
		return rc;
	}

	session_pin_time(s, t);
	rc = replay_type[type](rp, s, ev);
	session_unpin_time(s);
	if (rc < 0 || rp->failed)
		return -1;
	return replay_check(rp, s, rp->ev, type, node);
}

/* The path the record states must be the one its events lead to. */
static int
replay_path(struct replay *rp, struct kw_session *s, json_t *path)
{
	size_t n = json_array_size(path);

	if (!json_is_array(path) || n != session_depth(s))
		return rp_refuse(rp, _("the recorded path does not follow from "
		    "the events; the record is damaged or was edited"));
	for (size_t i = 0; i < n; i++) {
		const struct kw_step *st = session_step(s, i);
		json_t *o = json_array_get(path, i), *a;
		const char *node;

		node = json_string_value(json_object_get(o, RF_NODE));
		a = json_object_get(o, RF_ANSWER);
		if (node == NULL || strcmp(node, st->node->id) != 0 ||
		    (st->opt < 0 ? !json_is_null(a) : !json_is_string(a) ||
		    strcmp(json_string_value(a),
		    st->node->opts[st->opt].id) != 0))
			return rp_refuse(rp, _("step %zu of the recorded path "
			    "does not follow from the events; the record is "
			    "damaged or was edited"), i + 1);
	}
	return 0;
}

/* record_read() for rp->path, its reason a refusal. */
static char *
read_record(struct replay *rp, size_t *len)
{
	char why[256];
	char *buf = record_read(rp->path, len, why, sizeof why);

	if (buf == NULL)
		rp_refuse(rp, "%s", why);
	return buf;
}

/* Check the head of the record: version, tree, start. */
static int
resume_head(struct replay *rp, json_t *root, time_t *started)
{
	json_t *v = json_object_get(root, RF_RECORD), *tree;
	const char *id, *hash;
	char ours[32];

	if (!json_is_object(root) || v == NULL)
		return rp_refuse(rp, _("not a keywiz session record (no "
		    "\"keywiz_record\" field)"));
	if (!json_is_integer(v))
		return rp_refuse(rp, _("\"keywiz_record\" is not a version "
		    "number"));
	if (json_integer_value(v) != KW_RECORD_VERSION)
		return rp_refuse(rp, _("record version %lld is not supported; "
		    "this keywiz reads version %d"),
		    (long long)json_integer_value(v), KW_RECORD_VERSION);
	tree = json_object_get(root, RF_TREE);
	if (!json_is_object(tree))
		return rp_refuse(rp, _("'tree' is missing"));
	if ((id = rp_str(rp, tree, RF_ID, ID_MAX)) == NULL ||
	    (hash = rp_str(rp, tree, RF_HASH, 64)) == NULL)
		return -1;
	if (strcmp(id, rp->t->id) != 0)
		return rp_refuse(rp, _("the record is for the tree '%s', not "
		    "'%s'; name that tree to resume it"), id, rp->t->id);
	record_tree_hash(rp->t, ours, sizeof ours);
	rp->changed = strcmp(hash, ours) != 0;
	return rp_time(rp, root, RF_STARTED, started);
}

static int
resume_events(struct replay *rp, struct kw_session *s, json_t *events)
{
	size_t n = json_array_size(events);
	json_t *e0 = json_array_get(events, 0);
	const char *type, *node;

	rp->last_key = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		json_t *t = json_object_get(json_array_get(events, i),
		    RF_TYPE);

		if (json_is_string(t) && strcmp(json_string_value(t),
		    session_event_name(KW_EV_KEY)) == 0)
			rp->last_key = i;
	}
	rp->ev = 0;
	if (!json_is_object(e0))
		return rp_refuse(rp, _("event %zu is not an object"),
		    rp->ev + 1);
	if ((type = rp_str(rp, e0, RF_TYPE, 32)) == NULL ||
	    (node = rp_str(rp, e0, RF_NODE, ID_MAX)) == NULL)
		return -1;
	if (strcmp(type, session_event_name(KW_EV_START)) != 0)
		return rp_refuse(rp, _("the first event is not the start"));
	if (strcmp(node, rp->t->start->id) != 0) {
		char *what = xasprintf(_("it now starts at '%s', not '%s'"),
		    rp->t->start->id, node);
		int rc = gone(rp, what);

		free(what);
		return rc;
	}
	for (size_t i = 1; i < n; i++) {
		rp->ev = i;
		if (replay_event(rp, s, json_array_get(events, i)) < 0)
			return -1;
	}
	if (session_nevents(s) != n)
		return rp_refuse(rp, _("the record ends with a screen it does "
		    "not show; the record is damaged or was edited"));
	return 0;
}

int
record_tree_id(const char *path, char *id, size_t size)
{
	struct replay rp = { .path = path, .ev = (size_t)-1 };
	json_t *root, *v;
	char *buf;
	size_t len = 0;
	int rc = -1;

	if ((buf = read_record(&rp, &len)) == NULL)
		return -1;
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
	explicit_bzero(buf, len);
	free(buf);
	v = json_object_get(json_object_get(root, RF_TREE), RF_ID);
	if (json_is_string(v) && json_string_length(v) < size &&
	    strlen(json_string_value(v)) == json_string_length(v)) {
		memcpy(id, json_string_value(v), json_string_length(v) + 1);
		rc = 0;
	}
	json_decref(root);
	return rc;
}

/* The agent and the ticket, if named (records before them have none). */
static int
resume_who(struct replay *rp, struct kw_session *s, json_t *root)
{
	const char *v[2] = { NULL, NULL };

	for (int i = 0; i < 2; i++) {
		const char *key = i == 0 ? RF_AGENT : RF_TICKET;

		if (json_is_null(json_object_get(root, key)) ||
		    !json_object_get(root, key))
			continue;
		if ((v[i] = rp_str(rp, root, key, KW_CONF_NAME_MAX)) ==
		    NULL || conf_name_problem(v[i]) != NULL)
			return rp_refuse(rp, _("'%s' is not a valid name"),
			    key);
	}
	if (v[0] != NULL || v[1] != NULL)
		session_set_who(s, v[0], v[1]);
	return 0;
}

/* Rebuild the session of the record `root` (refusals through rp). */
static int
resume_root(struct replay *rp, json_t *root, time_t (*clock)(void),
    struct kw_session **out)
{
	struct kw_session *s;
	json_t *events, *key, *summary, *lang;
	const char *masked;
	char buf[129];
	time_t started;
	int li;

	*out = NULL;
	if (rp->errsize > 0)
		*rp->err = '\0';
	if (resume_head(rp, root, &started) < 0)
		return -1;
	events = json_object_get(root, RF_EVENTS);
	if (!json_is_array(events) || json_array_size(events) == 0)
		return rp_refuse(rp, _("'events' is missing or empty"));
	key = json_object_get(root, RF_KEY);
	masked = json_string_value(json_object_get(key, RF_MASKED));
	if (masked != NULL && record_remask_key(masked, buf, sizeof buf))
		rp->remasked = 1;
	explicit_bzero(buf, sizeof buf);
	summary = json_object_get(key, RF_SUMMARY);
	rp->summary = json_is_string(summary) && json_string_length(summary)
	    <= TEXT_MAX ? json_string_value(summary) : "";
	lang = json_object_get(root, RF_LANGUAGE);
	li = json_is_string(lang) ? tree_lang(rp->t, json_string_value(lang)) :
	    -1;

	s = session_new_at(rp->t, li >= 0 ? (size_t)li : 0, clock, started);
	if (resume_who(rp, s, root) < 0 || resume_events(rp, s, events) < 0 ||
	    replay_path(rp, s, json_object_get(root, RF_PATH)) < 0) {
		session_free(s);
		return -1;
	}
	session_reopen(s);
	if (rp->remasked)
		rp_refuse(rp, _("note: the record shows more of the product "
		    "key than its last five characters, which keywiz never "
		    "writes; the key is masked again in this session and in "
		    "the record it saves"));
	else if (rp->changed)
		rp_refuse(rp, _("note: the tree has changed since the record "
		    "was saved; every step of the session still exists in it"));
	*out = s;
	return 0;
}

int
record_resume_json(const struct kw_tree *t, json_t *root,
    time_t (*clock)(void), struct kw_session **out, char *err,
    size_t errsize)
{
	struct replay rp = { .t = t, .err = err, .errsize = errsize,
	    .ev = (size_t)-1 };

	return resume_root(&rp, root, clock, out);
}

int
record_resume(const struct kw_tree *t, const char *path,
    time_t (*clock)(void), struct kw_session **out, char *err,
    size_t errsize)
{
	struct replay rp = { .t = t, .path = path, .err = err,
	    .errsize = errsize, .ev = (size_t)-1 };
	json_error_t jerr;
	json_t *root;
	char *buf;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (errsize > 0)
		*err = '\0';
	if ((buf = read_record(&rp, &len)) == NULL)
		return -2;
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	explicit_bzero(buf, len);
	free(buf);
	if (root == NULL)
		return rp_refuse(&rp, _("not a valid JSON record: line %d, "
		    "column %d: %s"), jerr.line, jerr.column, jerr.text);
	rc = resume_root(&rp, root, clock, out);
	json_decref(root);
	return rc;
}
