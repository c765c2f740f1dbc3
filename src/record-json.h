/* SPDX-License-Identifier: MIT */
/* record-json.h - the JSON record for the modules that speak jansson: its
 * field names, an event as the record writes it, resuming a parsed record */
#ifndef KW_RECORD_JSON_H
#define KW_RECORD_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "session.h"
#include "tree.h"

/* The record's field names (keywiz(1) SESSION RECORD), written and read
 * by these names only. */
#define RF_RECORD	"keywiz_record"	/* the format version */
#define RF_PROGRAM	"keywiz_version"
#define RF_TREE		"tree"		/* id, version, hash, title */
#define RF_ID		"id"
#define RF_VERSION	"version"
#define RF_HASH		"hash"
#define RF_TITLE	"title"
#define RF_LANGUAGE	"language"
#define RF_STARTED	"started"
#define RF_ENDED	"ended"
#define RF_STATUS	"status"
#define RF_AGENT	"agent"		/* --agent, or null */
#define RF_TICKET	"ticket"	/* --ticket, or null */
#define RF_KEY		"key"		/* masked, valid, summary */
#define RF_MASKED	"masked"
#define RF_VALID	"valid"
#define RF_SUMMARY	"summary"
#define RF_ERROR	"error"		/* node, option, label, message */
#define RF_OPTION	"option"
#define RF_LABEL	"label"
#define RF_MESSAGE	"message"
#define RF_OUTCOME	"outcome"	/* node, result, result_label, ... */
#define RF_RESULT	"result"
#define RF_RESULT_LABEL	"result_label"
#define RF_CONTACT	"contact"
#define RF_TELL		"tell"
#define RF_PATH		"path"		/* the steps from the start */
#define RF_STEP		"step"
#define RF_TYPE		"type"
#define RF_SHOWN	"shown"
#define RF_ANSWER	"answer"
#define RF_ANSWER_INDEX	"answer_index"
#define RF_ANSWERED	"answered"
#define RF_SKIPPED	"skipped"
#define RF_CHECKED	"checked"
#define RF_NOTES	"notes"
#define RF_EVENTS	"events"
#define RF_NODE		"node"
#define RF_TIME		"time"
#define RF_TEXT		"text"
#define RF_ITEM		"item"

/*
 * Event `i` of the session as the record writes it in "events": an object
 * with "type", "time" and "node", and what its type carries (answer: answer,
 * answer_index, text, skipped; back: step; key: masked, valid; note: text;
 * checked: item, checked). A new reference (caller decrefs); never NULL.
 */
json_t *record_event_json(const struct kw_session *s, size_t i);

/* The whole record of the session, as record_json() writes it. A new
 * reference (caller decrefs). */
json_t *record_to_json(const struct kw_session *s);

/*
 * record_resume() on a record already parsed: `root` is borrowed (the
 * caller decrefs it). The same checks and results, but the reason in `err`
 * does not start with a file name, and -2 is never returned.
 */
int record_resume_json(const struct kw_tree *t, json_t *root,
    time_t (*clock)(void), struct kw_session **out, char *err,
    size_t errsize);

#endif
