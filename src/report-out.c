/* SPDX-License-Identifier: MIT */
/* report-out.c - the report printed: aligned tables with bars for people,
 * CSV for spreadsheets, JSON for dashboards, the traffic map for dot */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "record-int.h"
#include "report-int.h"
#include "text.h"
#include "xalloc.h"

/* ---- the terminal ---- */

static size_t
out_width(FILE *out)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if (cols != NULL && atoi(cols) > 0)
		return (size_t)atoi(cols);
	return 80;
}

/* Whether the terminal shows UTF-8 (the bars' blocks), from the locale
 * the environment asks for; never for TERM=dumb. */
static int
out_utf8(void)
{
	const char *term = getenv("TERM"), *v = NULL;
	const char *vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	for (size_t i = 0; i < 3 && (v == NULL || *v == '\0'); i++)
		v = getenv(vars[i]);
	return v != NULL && (strcasestr(v, "UTF-8") != NULL ||
	    strcasestr(v, "utf8") != NULL);
}

static void
put_secs(char *buf, size_t size, long s)
{
	if (s < 0)
		snprintf(buf, size, "-");
	else if (s < 3600)
		snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
	else
		snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
		    s % 60);
}

/* Cell `c` of row `w` as text. */
static void
cell(const struct rtable *t, const struct rrow *w, size_t c, char *buf,
    size_t size)
{
	switch (t->cols[c].kind) {
	case K_SHARE:
		snprintf(buf, size, "%.1f%%", t->total > 0 ?
		    100.0 * (double)w->v[c] / (double)t->total : 0.0);
		break;
	case K_SECS:
		put_secs(buf, size, w->v[c]);
		break;
	case K_COUNT:
	default:
		snprintf(buf, size, "%ld", w->v[c]);
		break;
	}
}

/* `s` in `cols` columns: cut with an ellipsis, padded with spaces. */
static void
put_fit(FILE *out, const char *s, size_t cols, int utf8, int pad)
{
	size_t w = text_width(s), fit;

	if (w <= cols) {
		fputs(s, out);
		if (pad)
			fprintf(out, "%*s", (int)(cols - w), "");
		return;
	}
	/* an ellipsis, or three dots where the terminal has no UTF-8 */
	size_t dots = utf8 ? 1 : 3;

	fit = text_fit(s, cols > dots ? cols - dots : 0);
	fwrite(s, 1, fit, out);
	fputs(utf8 ? "…" : "...", out);
	if (pad)
		fprintf(out, "%*s", (int)(cols - dots - text_width(s) +
		    text_width(s + fit)), "");
}

static void
put_bar(FILE *out, long v, long max, size_t width, int utf8)
{
	static const char *const eighth[] = { "", "▏", "▎", "▍", "▌", "▋", "▊",
	    "▉" };
	size_t units;

	if (max <= 0 || v <= 0 || width == 0)
		return;
	units = (size_t)((double)v / (double)max * (double)width * 8 + 0.5);
	if (units == 0)
		units = 1;
	fputs("  ", out);
	for (size_t i = 0; i < units / 8; i++)
		fputs(utf8 ? "█" : "#", out);
	if (units % 8 != 0)
		fputs(utf8 ? eighth[units % 8] : (units % 8 >= 4 ? "#" : ""),
		    out);
}

/* `s` wrapped to `width` columns, the lines after the first indented by
 * `indent`. */
static void
put_wrapped(FILE *out, const char *s, size_t width, size_t indent)
{
	struct kw_lines l;

	memset(&l, 0, sizeof l);
	text_wrap(s, width > indent + 10 ? width - indent : 10, &l);
	for (size_t i = 0; i < l.n; i++)
		fprintf(out, "%*s%.*s\n", (int)(i > 0 ? indent : 0), "",
		    (int)l.len[i], l.line[i]);
	text_lines_free(&l);
}

static void
print_table(const struct rtable *t, FILE *out, size_t width, int utf8)
{
	size_t cw[8], lw = 0, numw = 0, barw = 0;
	long max = 0;
	char buf[64];

	fputc('\n', out);
	put_wrapped(out, t->title, width, 2);
	for (size_t c = 0; c < t->ncols; c++)
		cw[c] = text_width(_(t->cols[c].title));
	for (size_t i = 0; i < t->nrows; i++) {
		size_t lbl = text_width(t->rows[i].label);

		if (lbl > lw)
			lw = lbl;
		for (size_t c = 0; c < t->ncols; c++) {
			cell(t, &t->rows[i], c, buf, sizeof buf);
			if (strlen(buf) > cw[c])
				cw[c] = strlen(buf);
		}
		if (t->bar >= 0 && t->rows[i].v[t->bar] > max)
			max = t->rows[i].v[t->bar];
	}
	for (size_t c = 0; c < t->ncols; c++)
		numw += cw[c] + 2;
	/* the label first (at most 48 columns), the numbers, then a bar in
	 * what is left (at most 40, at least 4 or none); when even the
	 * numbers do not fit, the label is cut (to 8 at least) */
	if (lw > 48)
		lw = 48;
	if (2 + lw + numw > width)
		lw = width > 2 + numw + 8 ? width - 2 - numw : 8;
	if (t->bar >= 0 && width >= 2 + lw + numw + 2 + 4)
		barw = width - 2 - lw - numw - 2;
	if (barw > 40)
		barw = 40;
	fprintf(out, "  %*s", (int)lw, "");
	for (size_t c = 0; c < t->ncols; c++) {
		fprintf(out, "  %*s", (int)(cw[c] - text_width(
		    _(t->cols[c].title))), "");
		fputs(_(t->cols[c].title), out);
	}
	fputc('\n', out);
	for (size_t i = 0; i < t->nrows; i++) {
		fputs("  ", out);
		put_fit(out, t->rows[i].label, lw, utf8, 1);
		for (size_t c = 0; c < t->ncols; c++) {
			cell(t, &t->rows[i], c, buf, sizeof buf);
			fprintf(out, "  %*s", (int)cw[c], buf);
		}
		if (t->bar >= 0)
			put_bar(out, t->rows[i].v[t->bar], max, barw, utf8);
		fputc('\n', out);
	}
	if (t->over > 0)
		fprintf(out, _("  ... and %lu more times, of texts not kept "
		    "(a report keeps %d different texts)\n"), t->over, 5000);
}

static void
day(time_t t, char *buf, size_t size)
{
	char iso[RECORD_TIME_MAX];

	record_iso_time(t, iso, sizeof iso);
	snprintf(buf, size, "%.10s", iso);
}

static void
print_group_head(const struct rgroup *g, FILE *out, size_t width, int utf8)
{
	char *title = report_safe(rgroup_title(g)), *id = report_safe(g->id);
	char *ver = report_safe(*g->version != '\0' ? g->version : "-");
	char a[16], b[16], *line, *head;

	day(g->first, a, sizeof a);
	day(g->last, b, sizeof b);
	head = xasprintf("%s %s", utf8 ? "▌" : "#", title);
	fputc('\n', out);
	put_wrapped(out, head, width, 2);
	/* TRANSLATORS: tree id, its version, calls, first and last day */
	line = xasprintf(ngettext("tree %s, version %s: %lu call, %s to %s",
	    "tree %s, version %s: %lu calls, %s to %s", g->n), id, ver,
	    g->n, a, b);
	free(head);
	head = xasprintf("%s%s%s%s", line, g->installed == 1 ? "" : " (",
	    g->installed == 0 ? _("the tree is not installed") :
	    g->installed < 0 ? _("not the installed version of the tree") :
	    "", g->installed == 1 ? "" : ")");
	fputs("  ", out);
	put_wrapped(out, head, width - 2, 2);
	free(line);
	free(head);
	free(title);
	free(id);
	free(ver);
}

int
report_print_text(const struct report *r, FILE *out)
{
	size_t width = out_width(out);
	int utf8 = out_utf8(), apart = 0;

	if (width < 40)
		width = 40;
	char *sum, *more, *all;

	sum = xasprintf(ngettext("keywiz report: %lu record",
	    "keywiz report: %lu records", r->records), r->records);
	more = r->filtered == 0 ? xstrdup("") : xasprintf(ngettext(
	    ", %lu outside the dates asked", ", %lu outside the dates asked",
	    r->filtered), r->filtered);
	all = xasprintf("%s%s", sum, more);
	free(sum);
	free(more);
	more = r->skipped == 0 ? xstrdup("") : xasprintf(ngettext(
	    ", %lu file skipped (unreadable or not a keywiz record)",
	    ", %lu files skipped (unreadable or not keywiz records)",
	    r->skipped), r->skipped);
	sum = xasprintf("%s%s", all, more);
	put_wrapped(out, sum, width, 2);
	free(all);
	free(more);
	free(sum);
	for (size_t i = 0; i < r->ng; i++) {
		struct rtable t[RTABLES];

		if (r->g[i]->installed != 1 && !apart) {
			apart = 1;
			fputc('\n', out);
			put_wrapped(out, _("---- Records of trees or versions "
			    "not installed, apart ----"), width, 0);
		}
		print_group_head(r->g[i], out, width, utf8);
		rtables_build(r, r->g[i], t);
		for (size_t k = 0; k < RTABLES; k++)
			if (t[k].nrows > 0)
				print_table(&t[k], out, width, utf8);
		rtables_free(t);
	}
	return ferror(out) ? -1 : 0;
}

/* ---- CSV ---- */

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * end; a leading = + - @ is prefixed with ' so that no spreadsheet takes
 * a record's text for a formula. */
static void
csv(FILE *out, const char *s)
{
	int q = strpbrk(s, ",\"\r\n") != NULL;

	if (q)
		fputc('"', out);
	if (strchr("=+-@", *s) != NULL && *s != '\0')
		fputc('\'', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (q)
		fputc('"', out);
}

static void
csv_row(FILE *out, const char *id, const char *ver, const char *table,
    const char *key, const char *label, const char *measure,
    const char *value)
{
	const char *f[] = { id, ver, table, key, label, measure };

	for (size_t i = 0; i < 6; i++) {
		csv(out, f[i]);
		fputc(',', out);
	}
	fprintf(out, "%s\r\n", value);
}

static void
value_str(const struct rtable *t, const struct rrow *w, size_t c,
    char *buf, size_t size)
{
	if (t->cols[c].kind == K_SHARE)
		snprintf(buf, size, "%.4f", t->total > 0 ?
		    (double)w->v[c] / (double)t->total : 0.0);
	else if (t->cols[c].kind == K_SECS && w->v[c] < 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%ld", w->v[c]);
}

int
report_print_csv(const struct report *r, FILE *out)
{
	char buf[64];

	fputs("tree,version,table,key,label,measure,value\r\n", out);
	snprintf(buf, sizeof buf, "%lu", r->records);
	csv_row(out, "", "", "summary", "records", "", "count", buf);
	snprintf(buf, sizeof buf, "%lu", r->filtered);
	csv_row(out, "", "", "summary", "outside_dates", "", "count", buf);
	snprintf(buf, sizeof buf, "%lu", r->skipped);
	csv_row(out, "", "", "summary", "skipped", "", "count", buf);
	for (size_t i = 0; i < r->ng; i++) {
		const struct rgroup *g = r->g[i];
		struct rtable t[RTABLES];

		snprintf(buf, sizeof buf, "%lu", g->n);
		csv_row(out, g->id, g->version, "tree", g->installed == 1 ?
		    "installed" : g->installed == 0 ? "not_installed" :
		    "other_version", rgroup_title(g), "calls", buf);
		rtables_build(r, g, t);
		for (size_t k = 0; k < RTABLES; k++)
			for (size_t j = 0; j < t[k].nrows; j++)
				for (size_t c = 0; c < t[k].ncols; c++) {
					value_str(&t[k], &t[k].rows[j], c, buf,
					    sizeof buf);
					csv_row(out, g->id, g->version,
					    t[k].id, t[k].rows[j].key,
					    t[k].rows[j].label,
					    t[k].cols[c].id, buf);
				}
		rtables_free(t);
	}
	return ferror(out) ? -1 : 0;
}

/* ---- JSON ---- */

static void
jset(json_t *o, const char *key, json_t *v)
{
	if (v == NULL || json_object_set_new(o, key, v) < 0)
		fatal("cannot build the JSON report");
}

static json_t *
jstr(const char *s)
{
	char *c = report_safe(s);
	json_t *j = json_string(c);

	free(c);
	return j != NULL ? j : json_string("?");
}

static json_t *
json_group(const struct report *r, const struct rgroup *g)
{
	json_t *o = json_object(), *tabs = json_object();
	struct rtable t[RTABLES];
	char iso[RECORD_TIME_MAX];

	jset(o, "id", jstr(g->id));
	jset(o, "version", jstr(g->version));
	jset(o, "hash", jstr(g->hash));
	jset(o, "title", jstr(rgroup_title(g)));
	jset(o, "installed", json_string(g->installed == 1 ? "yes" :
	    g->installed == 0 ? "no" : "other_version"));
	jset(o, "calls", json_integer((json_int_t)g->n));
	record_iso_time(g->first, iso, sizeof iso);
	jset(o, "first", json_string(iso));
	record_iso_time(g->last, iso, sizeof iso);
	jset(o, "last", json_string(iso));
	rtables_build(r, g, t);
	for (size_t k = 0; k < RTABLES; k++) {
		json_t *rows = json_array();

		for (size_t j = 0; j < t[k].nrows; j++) {
			json_t *w = json_object();

			jset(w, "key", jstr(t[k].rows[j].key));
			jset(w, "label", jstr(t[k].rows[j].label));
			for (size_t c = 0; c < t[k].ncols; c++) {
				long v = t[k].rows[j].v[c];

				jset(w, t[k].cols[c].id,
				    t[k].cols[c].kind == K_SHARE ? json_real(
				    t[k].total > 0 ? (double)v /
				    (double)t[k].total : 0.0) :
				    t[k].cols[c].kind == K_SECS && v < 0 ?
				    json_null() : json_integer(v));
			}
			json_array_append_new(rows, w);
		}
		jset(tabs, t[k].id, rows);
	}
	jset(o, "unmatched_not_kept", json_integer((json_int_t)t[8].over));
	rtables_free(t);
	jset(o, "tables", tabs);
	return o;
}

int
report_print_json(const struct report *r, FILE *out)
{
	json_t *o = json_object(), *groups = json_array();
	int rc;

	jset(o, "keywiz_report", json_integer(1));
	jset(o, "records", json_integer((json_int_t)r->records));
	jset(o, "outside_dates", json_integer((json_int_t)r->filtered));
	jset(o, "skipped", json_integer((json_int_t)r->skipped));
	for (size_t i = 0; i < r->ng; i++)
		json_array_append_new(groups, json_group(r, r->g[i]));
	jset(o, "trees", groups);
	rc = json_dumpf(o, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(4));
	json_decref(o);
	if (rc == 0)
		fputc('\n', out);
	return rc < 0 || ferror(out) ? -1 : 0;
}

/* ---- the traffic map ---- */

static unsigned long
edge_count(void *ctx, const struct kw_node *n, size_t opt)
{
	const struct rgroup *g = ctx;
	char *key = xasprintf("%s\037%s", n->id, n->opts[opt].id);
	const struct tally *e = tab_find(&g->edges, key);

	free(key);
	return e != NULL ? e->c[C_N] : 0;
}

static unsigned long
node_count(void *ctx, const struct kw_node *n)
{
	const struct tally *e = tab_find(&((const struct rgroup *)ctx)->nodes,
	    n->id);

	return e != NULL ? e->c[C_N] : 0;
}

int
report_print_dot(const struct report *r, FILE *out)
{
	size_t drawn = 0;

	for (size_t i = 0; i < r->ng; i++) {
		const struct rgroup *g = r->g[i];
		struct dot_traffic tr = { edge_count, node_count, (void *)g };

		if (g->tree == NULL) {
			char *id = report_safe(g->id);

			diag_printf(stderr, ngettext("%s: %lu record of tree "
			    "'%s' not drawn: %s\n", "%s: %lu records of tree "
			    "'%s' not drawn: %s\n", g->n), PACKAGE, g->n, id,
			    g->installed ?
			    _("not the installed version of the tree") :
			    _("the tree is not installed"));
			free(id);
			continue;
		}
		if (dot_draw(g->tree, g->lang, &tr, out) != KW_EXIT_OK)
			return -1;
		drawn++;
	}
	if (drawn == 0 && r->records > 0)
		diag_printf(stderr, _("%s: no traffic map: no record is of an "
		    "installed tree\n"), PACKAGE);
	return ferror(out) ? -1 : 0;
}
