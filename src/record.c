/* SPDX-License-Identifier: MIT */
/* record.c - the session record: Markdown and JSON, written atomically, resumed */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "hash.h"
#include "i18n.h"
#include "interact.h"
#include "record.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#define MD_WIDTH 78		/* Markdown lines, for a plain text box too */
#define TEXT_MAX (64 * 1024)	/* a note or a pasted answer, when resuming */
#define ID_MAX 256		/* a node or answer id, when resuming */

/* What both formats say about the session as a whole. */
struct rec {
	const struct kw_session *s;
	const struct kw_tree *t;
	size_t lang;
	time_t started, ended;
	const char *status;	/* "completed", "quit" or "interrupted" */
	char hash[32];
	char day[16];		/* the start's local date, YYYY-MM-DD */
	size_t *answer;		/* answer[d]: the last event answering step d */
	size_t nanswer;
};

/* ---- times ---- */

/* ISO 8601 local time with its offset: 2026-11-24T11:00:00+01:00. */
static void
iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char z[8];

	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	if (strftime(z, sizeof z, "%z", &tm) == 5)
		snprintf(buf + strlen(buf), size - strlen(buf), "%.3s:%.2s",
		    z, z + 3);
	else
		snprintf(buf + strlen(buf), size - strlen(buf), "Z");
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int
digits(const char *s, size_t n, unsigned *out)
{
	*out = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*out = *out * 10 + (unsigned)(s[i] - '0');
	}
	return 0;
}

/* Parse what iso_time() writes (or a "Z" offset). Returns 0 or -1. */
static int
parse_time(const char *s, time_t *out)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	unsigned y, mo, d, h, mi, sec, oh = 0, om = 0;
	int64_t t;
	int sign = 0;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &mo) < 0 || digits(s + 8, 2, &d) < 0 ||
	    digits(s + 11, 2, &h) < 0 || digits(s + 14, 2, &mi) < 0 ||
	    digits(s + 17, 2, &sec) < 0)
		return -1;
	if (strcmp(s + 19, "Z") == 0)
		sign = 1;
	else if ((s[19] == '+' || s[19] == '-') && strlen(s) == 25 &&
	    s[22] == ':' && digits(s + 20, 2, &oh) == 0 &&
	    digits(s + 23, 2, &om) == 0 && oh < 24 && om < 60)
		sign = s[19] == '+' ? 1 : -1;
	else
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	    sign * (int64_t)(oh * 3600 + om * 60);
	if (t < 0 || (sizeof(time_t) < 8 && t > INT32_MAX))
		return -1;
	*out = (time_t)t;
	return 0;
}

/* ---- what both formats share ---- */

/* One string of the structure hash, its NUL included, so that "ab" "c"
 * and "a" "bc" differ. */
static uint64_t
mix(uint64_t h, const char *s)
{
	return hash_fnv1a64(h, s, strlen(s) + 1);
}

void
record_tree_hash(const struct kw_tree *t, char *buf, size_t size)
{
	uint64_t h = HASH_FNV1A64_INIT;
	char num[32];

	h = mix(h, "keywiz-tree");
	h = mix(h, t->start != NULL ? t->start->id : "");
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];

		h = mix(h, n->id);
		h = mix(h, tree_type_name(n->type));
		snprintf(num, sizeof num, "%zu/%zu", n->nopts, n->nitems);
		h = mix(h, num);
		for (size_t j = 0; j < n->nopts; j++) {
			h = mix(h, n->opts[j].id != NULL ? n->opts[j].id : "");
			h = mix(h, n->opts[j].next != NULL ?
			    n->opts[j].next->id : "");
		}
	}
	snprintf(buf, size, "fnv1a64:%016" PRIx64, h);
}

static void
rec_init(struct rec *r, const struct kw_session *s)
{
	char iso[40];

	memset(r, 0, sizeof *r);
	r->s = s;
	r->t = session_tree(s);
	r->lang = session_lang(s);
	r->started = session_started(s);
	record_tree_hash(r->t, r->hash, sizeof r->hash);
	iso_time(r->started, iso, sizeof iso);
	snprintf(r->day, sizeof r->day, "%.10s", iso);

	r->nanswer = session_depth(s);
	r->answer = xcalloc(r->nanswer, sizeof *r->answer);
	for (size_t i = 0; i < r->nanswer; i++)
		r->answer[i] = (size_t)-1;
	for (size_t i = 0; i < session_nevents(s); i++) {
		const struct kw_event *e = session_event(s, i);

		if (e->type == KW_EV_ANSWER && e->depth >= 1 &&
		    e->depth <= r->nanswer)
			r->answer[e->depth - 1] = i;
	}

	/* an unfinished session standing at an outcome (a summary copied
	 * from the outcome screen) has reached it all the same */
	r->status = session_outcome(s) != NULL ? "completed" : "interrupted";
	if (session_finished(s)) {
		for (size_t i = session_nevents(s); i-- > 0;) {
			const struct kw_event *e = session_event(s, i);

			if (e->type == KW_EV_QUIT || e->type == KW_EV_END) {
				r->status = e->type == KW_EV_END ?
				    "completed" : "quit";
				r->ended = e->t;
				return;
			}
		}
	}
	r->ended = session_now(s);
}

static void
rec_free(struct rec *r)
{
	free(r->answer);
}

/* The flags answer event `i` was given: those of its step, if the step is
 * still on the path and that event was the last to answer it. */
static unsigned
event_flags(const struct rec *r, size_t i)
{
	const struct kw_event *e = session_event(r->s, i);
	const struct kw_step *st;

	if (e->type != KW_EV_ANSWER || e->depth == 0 ||
	    e->depth > r->nanswer || r->answer[e->depth - 1] != i ||
	    (st = session_step(r->s, e->depth - 1)) == NULL || st->opt < 0)
		return 0;
	return st->flags;
}

/* The answer's words: the option's label, or "Continue". */
static const char *
answer_label(const struct kw_node *n, int opt, size_t lang)
{
	return view_option_label(n, opt >= 0 ? (size_t)opt : 0, lang);
}

/* ---- Markdown ---- */

/* Write `text` (cleaned) wrapped to MD_WIDTH: the first line after `lead`
 * at `indent`, the next ones at indent + the lead's width. */
static void
md_wrap(FILE *fp, size_t indent, const char *lead, const char *text)
{
	struct kw_lines l = { 0 };
	char *clean = text_clean_md(text);
	size_t lw = text_width(lead);
	size_t w = MD_WIDTH > indent + lw + 20 ? MD_WIDTH - indent - lw : 20;

	text_wrap(clean, w, &l);
	if (l.n == 0)
		fprintf(fp, "%*s%s\n", (int)indent, "", lead);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0)
			fprintf(fp, "%*s%s%.*s\n", (int)indent, "", lead,
			    (int)l.len[i], l.line[i]);
		else if (l.len[i] == 0)
			fputc('\n', fp);
		else
			fprintf(fp, "%*s%.*s\n", (int)(indent + lw), "",
			    (int)l.len[i], l.line[i]);
	}
	text_lines_free(&l);
	free(clean);
}

/* "- Label: text", wrapped. */
static void
md_field(FILE *fp, size_t indent, const char *label, const char *text)
{
	char *lead = xasprintf(_("- %s: "), label);

	md_wrap(fp, indent, lead, text);
	free(lead);
}

/* A time in the screen list: HH:MM:SS on the day the session started,
 * else the whole date. */
static void
md_time(const struct rec *r, time_t t, char *buf, size_t size)
{
	char iso[40];

	iso_time(t, iso, sizeof iso);
	if (strncmp(iso, r->day, 10) == 0)
		snprintf(buf, size, "%.8s", iso + 11);
	else
		snprintf(buf, size, "%s", iso);
}

static void
md_header(const struct rec *r, FILE *fp)
{
	char when[40], *line;
	const char *status;

	md_wrap(fp, 0, "# ", tree_text(&r->t->title, r->lang));
	fputc('\n', fp);
	md_wrap(fp, 0, "", _("Session record of keywiz, the product-key "
	    "troubleshooting wizard."));
	fputc('\n', fp);
	iso_time(r->started, when, sizeof when);
	md_field(fp, 0, _("Started"), when);
	iso_time(r->ended, when, sizeof when);
	md_field(fp, 0, _("Ended"), when);
	if (strcmp(r->status, "completed") == 0)
		status = _("completed: an outcome was reached");
	else if (strcmp(r->status, "quit") == 0)
		status = _("quit before an outcome");
	else
		status = _("interrupted before an outcome (a Markdown record "
		    "cannot be resumed; a JSON one, -o FILE.json, can)");
	md_field(fp, 0, _("Status"), status);
	if (*r->t->version != '\0')
		line = xasprintf(_("%s, version %s (structure %s)"), r->t->id,
		    r->t->version, r->hash);
	else
		line = xasprintf(_("%s (structure %s)"), r->t->id, r->hash);
	md_field(fp, 0, _("Tree"), line);
	free(line);
	md_field(fp, 0, _("Language"), r->t->langs[r->lang]);
	md_field(fp, 0, _("Program"), PACKAGE " " VERSION);
}

static void
md_key(const struct rec *r, FILE *fp)
{
	const struct kw_keyinfo *k = session_key(r->s);

	fprintf(fp, "\n## %s\n\n", _("Product key"));
	if (!k->entered) {
		md_wrap(fp, 0, "- ", _("No key was entered."));
		return;
	}
	md_field(fp, 0, _("Key (masked)"), k->masked);
	md_field(fp, 0, _("Analysis"), k->summary);
}

/* No listed message was chosen: what the caller gave instead, if the
 * error list was answered with a text (another message). */
static void
md_said(const struct rec *r, FILE *fp)
{
	for (size_t i = session_depth(r->s); i-- > 0; ) {
		const struct kw_step *st = session_step(r->s, i);

		if (st->node->type != KW_NODE_CHOICE || st->opt < 0 ||
		    st->text == NULL)
			continue;
		md_wrap(fp, 0, "- ", _("No message of the list was chosen."));
		md_field(fp, 0, _("Answer"), answer_label(st->node, st->opt,
		    r->lang));
		md_field(fp, 0, _("Text given"), st->text);
		return;
	}
	md_wrap(fp, 0, "- ", _("No error message was chosen."));
}

static void
md_error(const struct rec *r, FILE *fp)
{
	const struct kw_node *n;
	const struct kw_option *o;
	size_t opt;
	char *id;

	fprintf(fp, "\n## %s\n\n", _("Error message"));
	if (!session_error(r->s, &n, &opt)) {
		md_said(r, fp);
		return;
	}
	o = &n->opts[opt];
	md_field(fp, 0, _("Message"), tree_text(&o->message, r->lang));
	md_field(fp, 0, _("Answer"), tree_text(&o->label, r->lang));
	id = xasprintf(_("`%s` at `%s`"), o->id, n->id);
	md_field(fp, 0, _("Answer id"), id);
	free(id);
}

static void
md_outcome(const struct rec *r, FILE *fp)
{
	const struct kw_node *n = session_outcome(r->s);
	char *waited;

	fprintf(fp, "\n## %s\n\n", _("Outcome"));
	if (n == NULL) {
		md_wrap(fp, 0, "- ", _("No outcome was reached."));
		return;
	}
	md_field(fp, 0, _("Result"), view_result_name(n->result));
	if (tree_text_set(&n->title))
		md_field(fp, 0, _("Outcome"), tree_text(&n->title, r->lang));
	md_field(fp, 0, _("What to do"), tree_text(&n->text, r->lang));
	if (tree_text_set(&n->contact))
		md_field(fp, 0, _("Who to contact"),
		    tree_text(&n->contact, r->lang));
	if (tree_text_set(&n->tell))
		md_field(fp, 0, _("What to tell them"),
		    tree_text(&n->tell, r->lang));
	if ((waited = interact_waited_line(r->s)) != NULL) {
		md_field(fp, 0, _("Wait"), waited);
		free(waited);
	}
}

static void
md_notes(const struct rec *r, FILE *fp)
{
	size_t n = 0;
	char when[40], *lead;

	for (size_t i = 0; i < session_nevents(r->s); i++) {
		const struct kw_event *e = session_event(r->s, i);

		if (e->type != KW_EV_NOTE)
			continue;
		if (n++ == 0)
			fprintf(fp, "\n## %s\n\n", _("Notes"));
		md_time(r, e->t, when, sizeof when);
		lead = xasprintf("- %s (`%s`) ", when, e->node->id);
		md_wrap(fp, 0, lead, e->text);
		free(lead);
	}
}

/* One event under the screen it happened on ("   - 10:00:05 Answer: Yes"),
 * indented by `indent`, the width of the screen's list marker. */
static void
md_event(const struct rec *r, FILE *fp, size_t indent, size_t i)
{
	const struct kw_event *e = session_event(r->s, i);
	const struct kw_node *n = e->node;
	char when[40], *lead, *line = NULL, *more;

	switch (e->type) {
	case KW_EV_ANSWER:
		if (n->type == KW_NODE_KEY || n->type == KW_NODE_STEP)
			line = xasprintf("%s", _("Continued"));
		else
			line = xasprintf(_("Answer: %s"),
			    answer_label(n, e->opt, r->lang));
		if (event_flags(r, i) & KW_STEP_SKIPPED) {
			more = xasprintf(_("%s (wait skipped)"), line);
			free(line);
			line = more;
		}
		if (e->text != NULL) {
			more = xasprintf(_("%s, from the text \"%s\""), line,
			    e->text);
			free(line);
			line = more;
		}
		break;
	case KW_EV_KEY:
		line = xasprintf(e->opt ? _("Key analysed: %s (well-formed)") :
		    _("Key analysed: %s (not valid)"), e->text);
		break;
	case KW_EV_CHECKED:
		line = xasprintf(e->text != NULL && strcmp(e->text, "on") == 0 ?
		    _("Ticked: %s") : _("Unticked: %s"),
		    e->opt >= 0 && (size_t)e->opt < n->nitems ?
		    tree_text(&n->items[e->opt], r->lang) : "?");
		break;
	case KW_EV_NOTE:
		line = xasprintf("%s", _("Note added (see Notes)"));
		break;
	case KW_EV_QUIT:
		line = xasprintf("%s", _("Quit"));
		break;
	case KW_EV_END:
		line = xasprintf("%s", _("Outcome acknowledged"));
		break;
	default:
		return;
	}
	md_time(r, e->t, when, sizeof when);
	lead = xasprintf("- %s ", when);
	md_wrap(fp, indent, lead, line);
	free(line);
	free(lead);
}

/* Every screen shown, in order, each with what happened on it. */
static void
md_screens(const struct rec *r, FILE *fp)
{
	size_t screen = 0, indent = 3;
	char when[40], *lead, *line;

	fprintf(fp, "\n## %s\n\n", _("Screens"));
	for (size_t i = 0; i < session_nevents(r->s); i++) {
		const struct kw_event *e = session_event(r->s, i);
		const struct kw_node *n = e->node;
		const char *head = view_node_heading(n, r->lang);

		switch (e->type) {
		case KW_EV_SHOW:
			if (n->type == KW_NODE_OUTCOME)
				line = xasprintf(_("%s: %s (`%s`)"), head,
				    view_result_name(n->result), n->id);
			else
				line = xasprintf("%s (`%s`)", head, n->id);
			break;
		case KW_EV_BACK:
			line = xasprintf(_("Back to step %zu: %s (`%s`)"),
			    e->depth, head, n->id);
			break;
		case KW_EV_RESTART:
			line = xasprintf(_("Restarted: %s (`%s`)"), head,
			    n->id);
			break;
		case KW_EV_RESUME:
			line = xasprintf(_("Resumed: %s (`%s`)"), head, n->id);
			break;
		default:
			md_event(r, fp, indent, i);
			continue;
		}
		md_time(r, e->t, when, sizeof when);
		lead = xasprintf("%zu. ", ++screen);
		indent = strlen(lead);
		free(lead);
		lead = xasprintf("%zu. %s ", screen, when);
		md_wrap(fp, 0, lead, line);
		if (e->type != KW_EV_RESTART && (n->type == KW_NODE_QUESTION ||
		    n->type == KW_NODE_CHOICE))
			md_wrap(fp, indent, "", tree_text(&n->text, r->lang));
		free(lead);
		free(line);
	}
}

int
record_markdown(const struct kw_session *s, FILE *fp)
{
	struct rec r;

	rec_init(&r, s);
	md_header(&r, fp);
	md_key(&r, fp);
	md_error(&r, fp);
	md_outcome(&r, fp);
	md_notes(&r, fp);
	md_screens(&r, fp);
	rec_free(&r);
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

/* ---- JSON ---- */

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
	char iso[40];

	iso_time(t, iso, sizeof iso);
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

	jset(o, "id", jstr(r->t->id));
	jset(o, "version", jstr(r->t->version));
	jset(o, "hash", jstr(r->hash));
	jset(o, "title", jstr(tree_text(&r->t->title, r->lang)));
	return o;
}

static json_t *
json_key(const struct rec *r)
{
	const struct kw_keyinfo *k = session_key(r->s);
	json_t *o;

	if (!k->entered)
		return json_null();
	o = json_object();
	jset(o, "masked", jstr(k->masked));
	jset(o, "valid", json_boolean(k->valid));
	jset(o, "summary", jstr(k->summary));
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
	jset(o, "node", jstr(n->id));
	jset(o, "option", jstr(op->id));
	jset(o, "label", jstr(tree_text(&op->label, r->lang)));
	jset(o, "message", jstr(tree_text(&op->message, r->lang)));
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
	jset(o, "node", jstr(n->id));
	jset(o, "result", jstr(tree_result_name(n->result)));
	jset(o, "result_label", jstr(view_result_name(n->result)));
	jset(o, "title", tree_text_set(&n->title) ?
	    jstr(tree_text(&n->title, r->lang)) : json_null());
	jset(o, "text", jstr(tree_text(&n->text, r->lang)));
	jset(o, "contact", tree_text_set(&n->contact) ?
	    jstr(tree_text(&n->contact, r->lang)) : json_null());
	jset(o, "tell", tree_text_set(&n->tell) ?
	    jstr(tree_text(&n->tell, r->lang)) : json_null());
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

		jset(o, "step", json_integer((json_int_t)i + 1));
		jset(o, "node", jstr(n->id));
		jset(o, "type", jstr(tree_type_name(n->type)));
		jset(o, "title", jstr(view_node_heading(n, r->lang)));
		jset(o, "shown", jtime(st->shown));
		if (st->opt >= 0) {
			jset(o, "answer", jstr(n->opts[st->opt].id));
			jset(o, "answer_index", json_integer(st->opt));
			jset(o, "label", jstr(answer_label(n, st->opt,
			    r->lang)));
			jset(o, "answered", jtime(st->answered));
			jset(o, "text", jstr(st->text));
			jset(o, "skipped", json_boolean(st->flags &
			    KW_STEP_SKIPPED));
		} else
			jset(o, "answer", json_null());
		for (size_t j = 0; j < n->nitems && j < sizeof st->checked * 8;
		    j++)
			if ((st->checked >> j) & 1)
				json_array_append_new(checked,
				    json_integer((json_int_t)j));
		jset(o, "checked", checked);
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
		jset(o, "time", jtime(e->t));
		jset(o, "node", jstr(e->node->id));
		jset(o, "text", jstr(e->text));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
json_event(const struct rec *r, size_t i)
{
	const struct kw_event *e = session_event(r->s, i);
	json_t *o = json_object();

	jset(o, "type", jstr(session_event_name(e->type)));
	jset(o, "time", jtime(e->t));
	jset(o, "node", jstr(e->node->id));
	switch (e->type) {
	case KW_EV_ANSWER:
		jset(o, "answer", jstr(e->node->opts[e->opt].id));
		jset(o, "answer_index", json_integer(e->opt));
		if (e->text != NULL)
			jset(o, "text", jstr(e->text));
		if (event_flags(r, i) & KW_STEP_SKIPPED)
			jset(o, "skipped", json_true());
		break;
	case KW_EV_BACK:
		jset(o, "step", json_integer((json_int_t)e->depth));
		break;
	case KW_EV_KEY:
		jset(o, "masked", jstr(e->text));
		jset(o, "valid", json_boolean(e->opt));
		break;
	case KW_EV_NOTE:
		jset(o, "text", jstr(e->text));
		break;
	case KW_EV_CHECKED:
		jset(o, "item", json_integer(e->opt));
		jset(o, "checked", json_boolean(e->text != NULL &&
		    strcmp(e->text, "on") == 0));
		break;
	default:
		break;
	}
	return o;
}

static json_t *
json_record(const struct kw_session *s)
{
	struct rec r;
	json_t *o = json_object(), *ev = json_array();

	rec_init(&r, s);
	jset(o, "keywiz_record", json_integer(KW_RECORD_VERSION));
	jset(o, "keywiz_version", json_string(VERSION));
	jset(o, "tree", json_tree(&r));
	jset(o, "language", jstr(r.t->langs[r.lang]));
	jset(o, "started", jtime(r.started));
	jset(o, "ended", jtime(r.ended));
	jset(o, "status", json_string(r.status));
	jset(o, "key", json_key(&r));
	jset(o, "error", json_error(&r));
	jset(o, "outcome", json_outcome(&r));
	jset(o, "path", json_path(&r));
	jset(o, "notes", json_notes(&r));
	for (size_t i = 0; i < session_nevents(s); i++)
		json_array_append_new(ev, json_event(&r, i));
	jset(o, "events", ev);
	rec_free(&r);
	return o;
}

int
record_json(const struct kw_session *s, FILE *fp)
{
	json_t *o = json_record(s);
	int rc;

	rc = json_dumpf(o, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (rc < 0 || fputc('\n', fp) == EOF)
		return -1;
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

/* ---- writing a file safely ---- */

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int
record_write(const struct kw_session *s, const char *path, char *err,
    size_t errsize)
{
	return record_save(s, path, ends_with(path, ".json"), err, errsize);
}

struct save {
	const struct kw_session *s;
	int json;
};

static int
save_record(FILE *fp, void *arg)
{
	const struct save *sv = arg;

	return sv->json ? record_json(sv->s, fp) : record_markdown(sv->s, fp);
}

int
record_save(const struct kw_session *s, const char *path, int json,
    char *err, size_t errsize)
{
	struct save sv = { s, json };

	if (atomic_write(path, save_record, &sv) < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (errsize > 0)
		*err = '\0';
	return 0;
}

/* ---- resuming ---- */

struct replay {
	const struct kw_tree *t;
	const char *path;
	char *err;
	size_t errsize;
	int changed;		/* the tree's structure hash differs */
	size_t ev;		/* the event being replayed (0-based) */
	int failed;		/* refuse() was called */
};

static int
refuse(struct replay *rp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "PATH: message", in err; returns -1. */
static int
refuse(struct replay *rp, const char *fmt, ...)
{
	va_list ap;
	int n;

	rp->failed = 1;
	if (rp->errsize == 0)
		return -1;
	n = snprintf(rp->err, rp->errsize, "%s: ", rp->path);
	if (n < 0 || (size_t)n >= rp->errsize)
		return -1;
	va_start(ap, fmt);
	vsnprintf(rp->err + n, rp->errsize - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The string at `key` of `o`: NULL (and a refusal) when missing, not a
 * string, empty, or longer than `max`. */
static const char *
get_str(struct replay *rp, json_t *o, const char *key, size_t max)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    json_string_length(v) > max) {
		if (rp->ev != (size_t)-1)
			refuse(rp, _("event %zu: '%s' is missing or not a "
			    "valid string"), rp->ev + 1, key);
		else
			refuse(rp, _("'%s' is missing or not a valid string"),
			    key);
		return NULL;
	}
	return json_string_value(v);
}

/* A non-negative integer at `key`, at most `max`; -1 (refused) if not. */
static long long
get_uint(struct replay *rp, json_t *o, const char *key, long long max)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > max) {
		refuse(rp, _("event %zu: '%s' is missing or out of range"),
		    rp->ev + 1, key);
		return -1;
	}
	return json_integer_value(v);
}

static int
get_bool(struct replay *rp, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_boolean(v)) {
		refuse(rp, _("event %zu: '%s' is missing or not true/false"),
		    rp->ev + 1, key);
		return -1;
	}
	return json_is_true(v);
}

static int
get_time(struct replay *rp, json_t *o, const char *key, time_t *t)
{
	const char *s = get_str(rp, o, key, 64);

	if (s == NULL)
		return -1;
	if (parse_time(s, t) < 0) {
		if (rp->ev != (size_t)-1)
			return refuse(rp, _("event %zu: '%s' is not a time "
			    "(YYYY-MM-DDTHH:MM:SS+HH:MM)"), rp->ev + 1, key);
		return refuse(rp, _("'%s' is not a time "
		    "(YYYY-MM-DDTHH:MM:SS+HH:MM)"), key);
	}
	return 0;
}

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
		return refuse(rp, _("the tree has changed since the record "
		    "was saved: %s"), what);
	return refuse(rp, _("event %zu does not fit the tree (%s); the "
	    "record is damaged or was edited"), rp->ev + 1, what);
}

/* The option of node `n` the answer event `ev` names. */
static int
replay_option(struct replay *rp, const struct kw_node *n, json_t *ev,
    size_t *opt)
{
	const char *id = get_str(rp, ev, "answer", ID_MAX);
	long long idx = get_uint(rp, ev, "answer_index", 1024);
	char *what;
	int rc;

	if (id == NULL || idx < 0)
		return -1;
	for (size_t i = 0; i < n->nopts; i++)
		if (n->opts[i].id != NULL && strcmp(n->opts[i].id, id) == 0) {
			if ((size_t)idx != i && !rp->changed)
				return refuse(rp, _("event %zu: answer '%s' "
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
	char *what;
	int rc;

	if (e != NULL && (int)e->type == type && strcmp(e->node->id,
	    node) == 0)
		return 0;
	if (e != NULL && type == KW_EV_SHOW && e->type == KW_EV_SHOW &&
	    i > 0) {
		const struct kw_event *a = session_event(s, i - 1);

		if (tree_find(rp->t, node) == NULL)
			what = xasprintf(_("node '%s' no longer exists (answer "
			    "'%s' at node '%s' now leads to '%s')"), node,
			    a->node->opts[a->opt].id, a->node->id, e->node->id);
		else
			what = xasprintf(_("answer '%s' at node '%s' now leads "
			    "to '%s', not '%s'"), a->node->opts[a->opt].id,
			    a->node->id, e->node->id, node);
		rc = gone(rp, what);
		free(what);
		return rc;
	}
	return refuse(rp, _("event %zu (%s at '%s') does not follow from the "
	    "events before it; the record is damaged or was edited"),
	    rp->ev + 1, session_event_name((enum kw_event_type)type), node);
}

/* Replay recorded event `ev` (not the start) on `s`, at its time. */
static int
replay_event(struct replay *rp, struct kw_session *s, json_t *ev,
    const char *summary, int last_key)
{
	const char *tname, *node, *text;
	const struct kw_node *cur = session_node(s);
	long long num;
	size_t opt = 0, before = session_nevents(s);
	time_t t;
	int type, b, rc = 0;

	if (!json_is_object(ev))
		return refuse(rp, _("event %zu is not an object"), rp->ev + 1);
	if ((tname = get_str(rp, ev, "type", 32)) == NULL ||
	    (node = get_str(rp, ev, "node", ID_MAX)) == NULL ||
	    get_time(rp, ev, "time", &t) < 0)
		return -1;
	if ((type = event_type(tname)) < 0 || type == KW_EV_START)
		return refuse(rp, _("event %zu: unknown or misplaced type "
		    "'%s'"), rp->ev + 1, tname);
	if (type == KW_EV_SHOW) {
		/* shown by the answer before it: check, do not redo */
		if (before <= rp->ev)
			return refuse(rp, _("event %zu (show '%s') follows no "
			    "answer; the record is damaged or was edited"),
			    rp->ev + 1, node);
		return replay_check(rp, s, rp->ev, type, node);
	}
	if (before != rp->ev)
		return refuse(rp, _("event %zu: a screen the record does not "
		    "show is missing; the record is damaged or was edited"),
		    rp->ev + 1);
	if (strcmp(node, cur->id) != 0 && type != KW_EV_BACK &&
	    type != KW_EV_RESTART) {
		char *what = xasprintf(_("event %zu (%s) happened at node "
		    "'%s', but the replay stands at '%s'"), rp->ev + 1, tname,
		    node, cur->id);

		if (tree_find(rp->t, node) == NULL) {
			free(what);
			what = xasprintf(_("node '%s' no longer exists"),
			    node);
		}
		rc = gone(rp, what);
		free(what);
		return rc;
	}

	session_pin_time(s, t);
	switch (type) {
	case KW_EV_ANSWER:
		text = NULL;
		if (json_object_get(ev, "text") != NULL &&
		    !json_is_null(json_object_get(ev, "text")) &&
		    (text = get_str(rp, ev, "text", TEXT_MAX)) == NULL)
			break;
		b = json_is_true(json_object_get(ev, "skipped"));
		if ((rc = replay_option(rp, cur, ev, &opt)) < 0)
			break;
		if (cur->opts[opt].next == NULL) {
			char *what = xasprintf(_("node '%s' no longer exists"),
			    cur->opts[opt].target != NULL ?
			    cur->opts[opt].target : "?");

			rc = gone(rp, what);
			free(what);
		} else if (session_answer(s, opt, text, b ? KW_STEP_SKIPPED : 0) < 0)
			rc = refuse(rp, _("event %zu: the answer '%s' at '%s' "
			    "cannot be given"), rp->ev + 1,
			    cur->opts[opt].id, cur->id);
		break;
	case KW_EV_BACK:
		if ((num = get_uint(rp, ev, "step", 1000000)) < 1 ||
		    session_back_to(s, (size_t)num - 1) < 0)
			rc = refuse(rp, _("event %zu: cannot go back to step "
			    "%lld"), rp->ev + 1, num);
		break;
	case KW_EV_RESTART:
		session_restart(s);
		break;
	case KW_EV_KEY:
		if ((text = get_str(rp, ev, "masked", 128)) == NULL ||
		    (b = get_bool(rp, ev, "valid")) < 0)
			break;
		session_set_key(s, b, text, last_key ? summary : "");
		break;
	case KW_EV_NOTE:
		if ((text = get_str(rp, ev, "text", TEXT_MAX)) != NULL)
			session_add_note(s, text);
		break;
	case KW_EV_CHECKED:
		if ((num = get_uint(rp, ev, "item", 63)) < 0 ||
		    (b = get_bool(rp, ev, "checked")) < 0)
			break;
		if (session_check_item(s, (size_t)num, b) < 0)
			rc = refuse(rp, _("event %zu: node '%s' has no item %lld "
			    "to tick"), rp->ev + 1, cur->id, num + 1);
		break;
	case KW_EV_QUIT:
	case KW_EV_END:
		session_finish(s);
		break;
	case KW_EV_RESUME:
		session_reopen(s);
		break;
	}
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
		return refuse(rp, _("the recorded path does not follow from "
		    "the events; the record is damaged or was edited"));
	for (size_t i = 0; i < n; i++) {
		const struct kw_step *st = session_step(s, i);
		json_t *o = json_array_get(path, i), *a;
		const char *node;

		node = json_string_value(json_object_get(o, "node"));
		a = json_object_get(o, "answer");
		if (node == NULL || strcmp(node, st->node->id) != 0 ||
		    (st->opt < 0 ? !json_is_null(a) : !json_is_string(a) ||
		    strcmp(json_string_value(a),
		    st->node->opts[st->opt].id) != 0))
			return refuse(rp, _("step %zu of the recorded path "
			    "does not follow from the events; the record is "
			    "damaged or was edited"), i + 1);
	}
	return 0;
}

/* Read the file whole, refusing what is not a regular file of sane size. */
static char *
read_record(struct replay *rp, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t got;
	size_t n = 0;
	int fd;

	if ((fd = open(rp->path, O_RDONLY | O_CLOEXEC)) < 0) {
		refuse(rp, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		refuse(rp, "%s", S_ISDIR(st.st_mode) ? strerror(EISDIR) :
		    _("not a regular file"));
		close(fd);
		return NULL;
	}
	if (st.st_size > KW_RECORD_MAX) {
		refuse(rp, _("larger than %d bytes: not a keywiz record"),
		    KW_RECORD_MAX);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size + 1) {
		got = read(fd, buf + n, (size_t)st.st_size + 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			refuse(rp, "%s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (n > (size_t)st.st_size) {
		refuse(rp, _("the file grew while it was read"));
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Check the head of the record: version, tree, start. */
static int
resume_head(struct replay *rp, json_t *root, time_t *started)
{
	json_t *v = json_object_get(root, "keywiz_record"), *tree;
	const char *id, *hash;
	char ours[32];

	if (!json_is_object(root) || v == NULL)
		return refuse(rp, _("not a keywiz session record (no "
		    "\"keywiz_record\" field)"));
	if (!json_is_integer(v))
		return refuse(rp, _("\"keywiz_record\" is not a version "
		    "number"));
	if (json_integer_value(v) != KW_RECORD_VERSION)
		return refuse(rp, _("record version %lld is not supported; "
		    "this keywiz reads version %d"),
		    (long long)json_integer_value(v), KW_RECORD_VERSION);
	tree = json_object_get(root, "tree");
	if (!json_is_object(tree))
		return refuse(rp, _("'tree' is missing"));
	if ((id = get_str(rp, tree, "id", ID_MAX)) == NULL ||
	    (hash = get_str(rp, tree, "hash", 64)) == NULL)
		return -1;
	if (strcmp(id, rp->t->id) != 0)
		return refuse(rp, _("the record is for the tree '%s', not "
		    "'%s'; name that tree to resume it"), id, rp->t->id);
	record_tree_hash(rp->t, ours, sizeof ours);
	rp->changed = strcmp(hash, ours) != 0;
	return get_time(rp, root, "started", started);
}

static int
resume_events(struct replay *rp, struct kw_session *s, json_t *events,
    const char *summary)
{
	size_t n = json_array_size(events), last_key = (size_t)-1;
	json_t *e0 = json_array_get(events, 0);
	const char *type, *node;

	for (size_t i = 0; i < n; i++) {
		json_t *t = json_object_get(json_array_get(events, i), "type");

		if (json_is_string(t) && strcmp(json_string_value(t),
		    "key") == 0)
			last_key = i;
	}
	rp->ev = 0;
	if (!json_is_object(e0) ||
	    (type = get_str(rp, e0, "type", 32)) == NULL ||
	    (node = get_str(rp, e0, "node", ID_MAX)) == NULL)
		return -1;
	if (strcmp(type, "start") != 0)
		return refuse(rp, _("the first event is not the start"));
	if (strcmp(node, rp->t->start->id) != 0) {
		char *what = xasprintf(_("it now starts at '%s', not '%s'"),
		    rp->t->start->id, node);
		int rc = gone(rp, what);

		free(what);
		return rc;
	}
	for (size_t i = 1; i < n; i++) {
		rp->ev = i;
		if (replay_event(rp, s, json_array_get(events, i), summary,
		    i == last_key) < 0)
			return -1;
	}
	if (session_nevents(s) != n)
		return refuse(rp, _("the record ends with a screen it does not "
		    "show; the record is damaged or was edited"));
	return 0;
}

int
record_tree_id(const char *path, char *id, size_t size)
{
	struct replay rp = { NULL, path, NULL, 0, 0, (size_t)-1, 0 };
	json_t *root, *v;
	char *buf;
	size_t len = 0;
	int rc = -1;

	if ((buf = read_record(&rp, &len)) == NULL)
		return -1;
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
	explicit_bzero(buf, len);
	free(buf);
	v = json_object_get(json_object_get(root, "tree"), "id");
	if (json_is_string(v) && json_string_length(v) < size &&
	    strlen(json_string_value(v)) == json_string_length(v)) {
		memcpy(id, json_string_value(v), json_string_length(v) + 1);
		rc = 0;
	}
	json_decref(root);
	return rc;
}

int
record_resume(const struct kw_tree *t, const char *path,
    time_t (*clock)(void), struct kw_session **out, char *err,
    size_t errsize)
{
	struct replay rp = { t, path, err, errsize, 0, (size_t)-1, 0 };
	struct kw_session *s = NULL;
	json_error_t jerr;
	json_t *root = NULL, *events, *key, *lang;
	const char *summary = "";
	char *buf;
	size_t len = 0;
	time_t started;
	int li;

	*out = NULL;
	if (errsize > 0)
		*err = '\0';
	if ((buf = read_record(&rp, &len)) == NULL)
		return -2;
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	explicit_bzero(buf, len);
	free(buf);
	if (root == NULL) {
		refuse(&rp, _("not a valid JSON record: line %d, column %d: "
		    "%s"), jerr.line, jerr.column, jerr.text);
		return -1;
	}
	if (resume_head(&rp, root, &started) < 0)
		goto refused;
	events = json_object_get(root, "events");
	if (!json_is_array(events) || json_array_size(events) == 0) {
		refuse(&rp, _("'events' is missing or empty"));
		goto refused;
	}
	key = json_object_get(root, "key");
	if (json_is_object(key) && json_is_string(json_object_get(key,
	    "summary")) && json_string_length(json_object_get(key,
	    "summary")) <= TEXT_MAX)
		summary = json_string_value(json_object_get(key, "summary"));
	lang = json_object_get(root, "language");
	li = json_is_string(lang) ? tree_lang(t, json_string_value(lang)) : -1;

	s = session_new_at(t, li >= 0 ? (size_t)li : 0, clock, started);
	if (resume_events(&rp, s, events, summary) < 0 ||
	    replay_path(&rp, s, json_object_get(root, "path")) < 0)
		goto refused;
	json_decref(root);
	session_reopen(s);
	if (rp.changed) {
		refuse(&rp, _("note: the tree has changed since the record "
		    "was saved; every step of the session still exists in it"));
	}
	*out = s;
	return 0;

refused:
	session_free(s);
	json_decref(root);
	return -1;
}
