/* SPDX-License-Identifier: MIT */
/* screen-outcome.c - the outcome screen: the result, notes, the ticket summary to the clipboard, a file or the end */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "i18n.h"
#include "interact.h"
#include "record.h"
#include "screen.h"
#include "xalloc.h"

/* Training: the answers not taken on the way, and where they lead. */
static void
body_branches(struct cui *ui)
{
	struct kw_branch br[128];
	struct kw_body *b = &ui->body;
	size_t n = view_branches(ui->s, br, sizeof br / sizeof br[0]);
	size_t lang = ui->v.lang;

	if (n == 0)
		return;
	layout_blank(b);
	layout_add(b, 0, NULL, interact_branches_heading(), KW_ST_HEAD, -1);
	for (size_t i = 0; i < n; i++) {
		char *line = interact_branch_line(&br[i], lang);

		layout_add(b, 2, "- ", line, KW_ST_NORMAL, -1);
		free(line);
	}
}

static void
draw_outcome(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	const struct kw_keyinfo *k = session_key(ui->s);
	size_t notes = 0;

	screen_body_current(ui);
	screen_body_outcome(ui, ui->v.node);
	if (k->entered) {
		char *line = xasprintf("%s (%s)", k->masked, k->summary);

		layout_add(b, 0, _("Key: "), line, KW_ST_NORMAL, -1);
		free(line);
	}
	for (size_t i = 0; i < session_nevents(ui->s); i++)
		if (session_event(ui->s, i)->type == KW_EV_NOTE)
			notes++;
	if (notes > 0) {
		char *line = xasprintf(_("Notes: %zu"), notes);

		layout_add(b, 0, NULL, line, KW_ST_NORMAL, -1);
		free(line);
	}
	layout_blank(b);
	layout_add(b, 0, NULL, _("Enter ends the session; n adds a note. "
	    "The ticket summary: c sends it to the terminal's clipboard, w "
	    "writes it to a file, p prints it when keywiz ends."), KW_ST_DIM,
	    -1);
	if (ui->v.training)
		body_branches(ui);
}

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *
base64(const char *s)
{
	size_t n = strlen(s), o = 0;
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc((n + 2) / 3 * 4 + 1);

	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)u[i] << 16;

		if (i + 1 < n)
			v |= (unsigned long)u[i + 1] << 8;
		if (i + 2 < n)
			v |= u[i + 2];
		out[o++] = b64chars[(v >> 18) & 63];
		out[o++] = b64chars[(v >> 12) & 63];
		out[o++] = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < n ? b64chars[v & 63] : '=';
	}
	out[o] = '\0';
	return out;
}

/* The ticket summary that `c` copies: the Markdown record, the same text
 * as `-o FILE.md` writes. */
static char *
ticket_summary(const struct cui *ui)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	if (fp == NULL)
		return NULL;
	if (record_markdown(ui->s, fp) < 0) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void
write_all(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Copy through the terminal (OSC 52): works over SSH; inside tmux, both
 * as is (tmux keeps it when set-clipboard is on) and wrapped for the
 * outer terminal (allow-passthrough). */
static void
copy_osc52(const char *text)
{
	const char *tmux = getenv("TMUX");
	char *b64 = base64(text), *seq;

	seq = xasprintf("\033]52;c;%s\a", b64);
	write_all(seq);
	free(seq);
	if (tmux != NULL && *tmux != '\0') {
		seq = xasprintf("\033Ptmux;\033\033]52;c;%s\a\033\\", b64);
		write_all(seq);
		free(seq);
	}
	free(b64);
}

/* The ticket summary to keywiz-ticket-DATE-TIME.md in the current
 * folder, written whole or not at all. */
static void
ticket_write(struct cui *ui)
{
	char *text = ticket_summary(ui), path[64];
	time_t now = time(NULL);
	struct tm tm;

	if (text == NULL) {
		screen_say(ui, KW_ST_MARK, "%s", _("! The ticket summary "
		    "could not be made."));
		return;
	}
	localtime_r(&now, &tm);
	strftime(path, sizeof path, "keywiz-ticket-%Y%m%d-%H%M%S.md", &tm);
	if (atomic_write_buf(path, text, strlen(text)) < 0)
		screen_say(ui, KW_ST_MARK, _("! The ticket summary could not "
		    "be written to %s: %s."), path, strerror(errno));
	else
		screen_say(ui, KW_ST_OK, _("= Ticket summary written to %s."),
		    path);
	free(text);
}

static enum key_result
key_outcome(struct cui *ui, const struct input *in)
{
	char *text;

	switch (in->act) {
	case ACT_ENTER:
		session_finish(ui->s);
		return KEY_HANDLED;
	case ACT_COPY:
		if ((text = ticket_summary(ui)) == NULL) {
			screen_say(ui, KW_ST_MARK, "%s", _("! The ticket summary "
			    "could not be made."));
			return KEY_HANDLED;
		}
		copy_osc52(text);
		/* OSC 52 has no answer: say what was done, not more */
		screen_say(ui, KW_ST_NORMAL, "%s", getenv("TMUX") != NULL ?
		    _("Sent to the terminal as OSC 52; tmux keeps it only with "
		    "set-clipboard on.") : _("Sent to the terminal as OSC 52; "
		    "the terminal may drop it."));
		free(text);
		return KEY_HANDLED;
	case ACT_WRITE:
		ticket_write(ui);
		return KEY_HANDLED;
	case ACT_PRINT:
		ui->print_ticket = !ui->print_ticket;
		screen_say(ui, KW_ST_OK, "%s", ui->print_ticket ?
		    _("= The ticket summary will be printed when keywiz ends.") :
		    _("= The ticket summary will not be printed."));
		return KEY_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	default:
		break;
	}
	return screen_key_common(ui, in);
}

static const struct binding outcome_keys[] = {
	ENTER_KEYS(N_("finish")),
	HINT('n', ACT_NOTE, KH_NOTE, N_("note"), W_ALWAYS),
	HINT('c', ACT_COPY, KH_COPY, N_("copy"), W_ALWAYS),
	KEY('w', ACT_WRITE, KH_WRITE),
	KEY('p', ACT_PRINT, KH_PRINT),
	NODE_KEYS,
	NODE_COMMAND_KEYS
};

const struct screen_ops outcome_screen = {
	draw_outcome, key_outcome, SCREEN_KEYS(outcome_keys), 0, NULL
};
