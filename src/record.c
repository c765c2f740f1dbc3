/* SPDX-License-Identifier: MIT */
/* record.c - the session record: what both formats say about a session (its
 * times, its tree's structure hash, its status), and saving it atomically;
 * record-md.c writes Markdown, record-json.c JSON, record-resume.c reads */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "atomic.h"
#include "hash.h"
#include "record-int.h"
#include "record.h"
#include "view.h"

/* ---- times ---- */

void
record_iso_time(time_t t, char *buf, size_t size)
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

int
record_parse_time(const char *s, time_t *out)
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

void
record_rec_init(struct rec *r, const struct kw_session *s)
{
	char iso[RECORD_TIME_MAX];

	memset(r, 0, sizeof *r);
	r->s = s;
	r->t = session_tree(s);
	r->lang = session_lang(s);
	r->started = session_started(s);
	record_tree_hash(r->t, r->hash, sizeof r->hash);
	record_iso_time(r->started, iso, sizeof iso);
	snprintf(r->day, sizeof r->day, "%.10s", iso);

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

const char *
record_answer_label(const struct kw_node *n, int opt, size_t lang)
{
	return view_option_label(n, opt >= 0 ? (size_t)opt : 0, lang);
}

/* ---- saving ---- */

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

