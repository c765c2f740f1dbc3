/* SPDX-License-Identifier: MIT */
/* record-replay.c - the readers of a record's fields for its replay: each refuses, saying where, what is missing or does not fit */
#include "config.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "record-int.h"
#include "record-replay.h"

/* "PATH: message" (or the message alone), in err; returns -1. */
int
rp_refuse(struct replay *rp, const char *fmt, ...)
{
	va_list ap;
	int n;

	rp->failed = 1;
	if (rp->errsize == 0)
		return -1;
	n = rp->path != NULL ? snprintf(rp->err, rp->errsize, "%s: ",
	    rp->path) : 0;
	if (n < 0 || (size_t)n >= rp->errsize)
		return -1;
	va_start(ap, fmt);
	vsnprintf(rp->err + n, rp->errsize - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The string at `key` of `o`: NULL (and a refusal) when missing, not a
 * string, empty, longer than `max` or holding a NUL. */
const char *
rp_str(struct replay *rp, json_t *o, const char *key, size_t max)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    json_string_length(v) > max ||
	    strlen(json_string_value(v)) != json_string_length(v)) {
		if (rp->ev != (size_t)-1)
			rp_refuse(rp, _("event %zu: '%s' is missing or not a "
			    "valid string"), rp->ev + 1, key);
		else
			rp_refuse(rp, _("'%s' is missing or not a valid "
			    "string"), key);
		return NULL;
	}
	return json_string_value(v);
}

/* A non-negative integer at `key`, at most `max`; -1 (refused) if not. */
long long
rp_uint(struct replay *rp, json_t *o, const char *key, long long max)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > max) {
		rp_refuse(rp, _("event %zu: '%s' is missing or out of range"),
		    rp->ev + 1, key);
		return -1;
	}
	return json_integer_value(v);
}

int
rp_bool(struct replay *rp, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_boolean(v)) {
		rp_refuse(rp, _("event %zu: '%s' is missing or not true/false"),
		    rp->ev + 1, key);
		return -1;
	}
	return json_is_true(v);
}

int
rp_time(struct replay *rp, json_t *o, const char *key, time_t *t)
{
	const char *s = rp_str(rp, o, key, 64);

	if (s == NULL)
		return -1;
	if (record_parse_time(s, t) < 0) {
		if (rp->ev != (size_t)-1)
			return rp_refuse(rp, _("event %zu: '%s' is not a time "
			    "(YYYY-MM-DDTHH:MM:SS+HH:MM)"), rp->ev + 1, key);
		return rp_refuse(rp, _("'%s' is not a time "
		    "(YYYY-MM-DDTHH:MM:SS+HH:MM)"), key);
	}
	return 0;
}

/* A tick as a record says it: true/false, or "on"/"off" as records
 * written before the ticks were typed may say it. */
int
rp_tick(struct replay *rp, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));

	if (v != NULL && (strcmp(v, "on") == 0 || strcmp(v, "off") == 0))
		return strcmp(v, "on") == 0;
	return rp_bool(rp, o, key);
}
