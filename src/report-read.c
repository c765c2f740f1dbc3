/* SPDX-License-Identifier: MIT */
/* report-read.c - one JSON record read for --report: what the statistics
 * need, checked (nothing in the file is trusted), then the file let go */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record-int.h"
#include "record-json.h"
#include "record.h"
#include "report-int.h"
#include "xalloc.h"

#define ID_MAX 256		/* a tree, node or answer id */
#define TEXT_MAX (64 * 1024)	/* a text */

/* The string at `key` of `o`, or NULL when it is missing, not a string,
 * empty, longer than `max` or holding a NUL. */
static const char *
str(json_t *o, const char *key, size_t max)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    json_string_length(v) > max ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return json_string_value(v);
}

static int
get_time(json_t *o, const char *key, time_t *t)
{
	const char *s = str(o, key, 64);

	return s != NULL ? record_parse_time(s, t) : -1;
}

/* The head of a record: its version, tree, times and how it ended; a
 * reason (translated) when it is not a record the report can count. */
static const char *
read_head(json_t *root, struct rrec *rec)
{
	json_t *v = json_object_get(root, RF_RECORD), *tree, *o, *path;

	if (!json_is_object(root) || v == NULL)
		return _("not a keywiz session record (no \"keywiz_record\" "
		    "field)");
	if (!json_is_integer(v) || json_integer_value(v) != KW_RECORD_VERSION)
		return _("not a record version this keywiz reads");
	tree = json_object_get(root, RF_TREE);
	if ((rec->tree = str(tree, RF_ID, ID_MAX)) == NULL)
		return _("'tree' or its 'id' is missing");
	rec->version = str(tree, RF_VERSION, ID_MAX);
	rec->hash = str(tree, RF_HASH, 64);
	if (get_time(root, RF_STARTED, &rec->started) < 0)
		return _("'started' is missing or not a time");
	rec->has_ended = get_time(root, RF_ENDED, &rec->ended) == 0;
	rec->status = str(root, RF_STATUS, 32);
	if (rec->status == NULL || (strcmp(rec->status, "completed") != 0 &&
	    strcmp(rec->status, "quit") != 0 &&
	    strcmp(rec->status, "interrupted") != 0))
		return _("'status' is not completed, quit or interrupted");
	rec->agent = str(root, "agent", ID_MAX);
	o = json_object_get(root, RF_OUTCOME);
	rec->out_node = str(o, RF_NODE, ID_MAX);
	rec->out_result = str(o, RF_RESULT, 32);
	rec->out_contact = str(o, RF_CONTACT, TEXT_MAX);
	o = json_object_get(root, RF_ERROR);
	rec->err_option = str(o, RF_OPTION, ID_MAX);
	rec->err_label = str(o, RF_LABEL, TEXT_MAX);
	path = json_object_get(root, RF_PATH);
	rec->last_node = str(json_array_get(path, json_array_size(path) - 1),
	    RF_NODE, ID_MAX);
	return NULL;
}

static void
read_events(struct rgroup *g, json_t *events)
{
	for (size_t i = 0; i < json_array_size(events); i++) {
		json_t *e = json_array_get(events, i);
		struct revent ev;

		memset(&ev, 0, sizeof ev);
		if ((ev.type = str(e, RF_TYPE, 32)) == NULL ||
		    (ev.node = str(e, RF_NODE, ID_MAX)) == NULL ||
		    get_time(e, RF_TIME, &ev.t) < 0)
			continue;
		ev.answer = str(e, RF_ANSWER, ID_MAX);
		ev.text = str(e, RF_TEXT, TEXT_MAX);
		ev.skipped = json_is_true(json_object_get(e, RF_SKIPPED));
		report_event(g, &ev);
	}
}

void
report_read_file(struct report *r, const char *path)
{
	struct rrec rec;
	struct rgroup *g;
	json_error_t jerr;
	json_t *root;
	const char *why;
	char err[256];
	char *buf;
	size_t len = 0;

	if ((buf = record_read(path, &len, err, sizeof err)) == NULL) {
		report_skip(r, path, "%s", err);
		return;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	free(buf);
	if (root == NULL) {
		report_skip(r, path, _("not a valid JSON record: line %d, "
		    "column %d: %s"), jerr.line, jerr.column, jerr.text);
		return;
	}
	memset(&rec, 0, sizeof rec);
	if ((why = read_head(root, &rec)) != NULL)
		report_skip(r, path, "%s", why);
	else if ((g = report_begin(r, &rec)) != NULL) {
		read_events(g, json_object_get(root, RF_EVENTS));
		report_end(g, &rec);
	}
	json_decref(root);
}
